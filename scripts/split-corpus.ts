/**
 * `node --import tsx scripts/split-corpus.ts DIR`: adds the labelled lines of `DIR/*.jsonl` to
 * the blind corpus, each line to the half its fixed hash picks (`halfOf`), one file per market
 * in `test/accuracy/tuning/` and `test/accuracy/holdout/`. Lines already there are skipped, so
 * rerunning it is harmless. The hash, not a person, decides which half a line lands in.
 */
import { appendFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { halfOf } from '../test/accuracy/half.ts'

const [dir] = process.argv.slice(2)
if (!dir) throw new Error('usage: split-corpus.ts DIR')
const root = new URL('../test/accuracy/', import.meta.url).pathname
for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
  const lines = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
  const counts = { tuning: 0, holdout: 0 }
  for (const text of lines) {
    // Each line is validated by test/accuracy/corpus.test.ts once it is in the corpus.
    const line = JSON.parse(text) as { market: string; description: string; amount: number }
    const half = halfOf(line)
    mkdirSync(join(root, half), { recursive: true })
    const target = join(root, half, file)
    let existing = ''
    try {
      existing = readFileSync(target, 'utf8')
    } catch {
      // a new market file
    }
    if (existing.split('\n').includes(text)) continue
    appendFileSync(target, `${text}\n`)
    counts[half]++
  }
  process.stdout.write(`${file}: tuning +${counts.tuning}, holdout +${counts.holdout}\n`)
}
