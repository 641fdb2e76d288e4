/**
 * `npm run bench`: runs every benchmark listed below, one after the other, each in its own
 * Node process (a fresh heap, nothing shared between benchmarks). Add a benchmark by writing
 * `bench/<name>.ts` (it prints its own figures) and listing it here.
 */
import { spawnSync } from 'node:child_process'

// The engine benchmarks; the service ones run on their own (`npm run bench:api`,
// `npm run bench:webhooks`) because they start a database.
const BENCHES: readonly string[] = ['categorise.ts', 'analyse.ts', 'adapters.ts']

let failed = false
for (const file of BENCHES) {
  process.stdout.write(`\n== bench/${file}\n`)
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL(file, import.meta.url).pathname],
    {
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) {
    process.stderr.write(`bench/${file} failed (exit ${result.status ?? result.signal})\n`)
    failed = true
  }
}
process.exitCode = failed ? 1 : 0
