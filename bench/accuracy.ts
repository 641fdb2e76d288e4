/**
 * `npm run bench:accuracy`: agreement of the categoriser with the blind corpus of
 * `test/accuracy/` (hand-labelled bank lines per market, split into a tuning and a holdout
 * half by a fixed hash; see `test/accuracy/README.md`).
 *
 * Each market's lines become one customer in the ALGOAN upload shape (one account per holder,
 * account type and currency, owners named) and go through `categoriseInput`, the use case
 * behind `creditlens categorise`: the same path a user runs, with no market hint given.
 *
 * Options: `--half tuning|holdout|both` (default both), `--market FR,UK,…`, `--misses` (prints
 * each missed line of the tuning half; never of the holdout half, which rule writers must not
 * read), `--json` (figures as one JSON document).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { categoriseInput } from '../src/app/categorise-input.ts'
import { parseArgs } from 'node:util'

interface Line {
  market: string
  language: string
  accountType: string
  currency: string
  holder: string
  description: string
  amount: number
  type: string
  category: string
  counterparty: string | null
  ambiguous: boolean
}

interface Score {
  total: number
  category: number
  type: number
  counterparty: number
}

const HALVES = ['tuning', 'holdout'] as const
type Half = (typeof HALVES)[number]

const { values } = parseArgs({
  options: {
    half: { type: 'string', default: 'both' },
    market: { type: 'string' },
    misses: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const halves: readonly Half[] =
  values.half === 'both' ? HALVES : HALVES.filter((half) => half === values.half)
if (halves.length === 0) throw new Error(`--half must be tuning, holdout or both`)
const onlyMarkets = values.market ? new Set(values.market.toUpperCase().split(',')) : null

const root = new URL('../test/accuracy/', import.meta.url)

const readLines = (half: Half, file: string): Line[] =>
  readFileSync(new URL(`${half}/${file}`, root), 'utf8')
    .split('\n')
    .filter((text) => text.trim() !== '')
    // Corpus lines are written by us in the shape above; the corpus test validates each one.
    .map((text) => JSON.parse(text) as Line)

/** Lines spread over the year before a fixed date, so that no day holds hundreds of lines. */
const dateOf = (index: number): string => {
  const day = new Date(Date.UTC(2026, 5, 30) - (index % 360) * 86_400_000)
  return `${day.toISOString().slice(0, 10)}T12:00:00.000Z`
}

/** One ALGOAN upload: an account per holder, account type and currency. */
const toUpload = (lines: readonly Line[]): { json: string; order: Line[][] } => {
  const groups = new Map<string, Line[]>()
  for (const line of lines) {
    const key = `${line.holder}|${line.accountType}|${line.currency}`
    const group = groups.get(key)
    if (group) group.push(line)
    else groups.set(key, [line])
  }
  const order = [...groups.values()]
  const accounts = order.map((group, a) => {
    const [first] = group
    return {
      name: `${first?.accountType ?? 'CHECKING'} ${a + 1}`,
      type: first?.accountType ?? 'CHECKING',
      usage: 'PERSONAL',
      currency: first?.currency ?? 'EUR',
      balance: 1000,
      balanceDate: dateOf(0),
      owners: [{ name: first?.holder ?? '' }],
      transactions: group.map((line, t) => ({
        description: line.description,
        amount: line.amount,
        currency: line.currency,
        dates: { debitedAt: dateOf(t) },
      })),
    }
  })
  return { json: JSON.stringify({ accounts }), order }
}

const canonical = (name: string | null): string =>
  (name ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()

const share = (n: number, total: number): string =>
  total === 0 ? '   -  ' : `${((n / total) * 100).toFixed(1).padStart(5)}%`

const empty = (): Score => ({ total: 0, category: 0, type: 0, counterparty: 0 })

const report: Record<string, unknown> = {}
for (const half of halves) {
  let files: string[]
  try {
    files = readdirSync(new URL(`${half}/`, root))
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
  } catch {
    process.stdout.write(`no ${half} half in test/accuracy/\n`)
    continue
  }
  const byMarket = new Map<string, Score>()
  const byCategory = new Map<string, Score>()
  const all = empty()
  const misses: string[] = []
  for (const file of files) {
    const lines = readLines(half, file)
    const market = file.replace(/\.jsonl$/, '')
    if (onlyMarkets && !onlyMarkets.has(market.toUpperCase())) continue
    const { json, order } = toUpload(lines)
    const result = categoriseInput(json, { format: 'ALGOAN' })
    if (!result.ok) throw new Error(`${half}/${file}: ${JSON.stringify(result.issues[0])}`)
    const score = byMarket.get(market) ?? empty()
    byMarket.set(market, score)
    order.forEach((group, a) =>
      group.forEach((line, t) => {
        if (line.ambiguous) return
        const enriched = result.enriched[a]?.[t]
        if (!enriched) throw new Error(`${half}/${file}: transaction ${a}/${t} missing`)
        const e = enriched.enrichments
        const category = byCategory.get(line.category) ?? empty()
        byCategory.set(line.category, category)
        const okCategory = e.category === line.category
        const okType = e.type === line.type
        const okCounterparty = canonical(e.counterparty) === canonical(line.counterparty)
        for (const s of [score, category, all]) {
          s.total++
          if (okCategory) s.category++
          if (okType) s.type++
          if (okCounterparty) s.counterparty++
        }
        if (half === 'tuning' && values.misses && (!okCategory || !okType)) {
          misses.push(
            `${market}  ${line.description}  ${line.amount}  → ${e.type}/${e.category} [${e.ruleId}]  expected ${line.type}/${line.category}`,
          )
        }
      }),
    )
  }
  report[half] = {
    all,
    markets: Object.fromEntries(byMarket),
    categories: Object.fromEntries(byCategory),
  }
  if (values.json) continue
  const out: string[] = [`\n== ${half} half`]
  out.push(`${'market'.padEnd(10)} ${'lines'.padStart(6)}  category  type      counterparty`)
  for (const [market, s] of [...byMarket.entries(), ['ALL', all] as const]) {
    out.push(
      `${market.padEnd(10)} ${String(s.total).padStart(6)}  ${share(s.category, s.total)}    ${share(s.type, s.total)}    ${share(s.counterparty, s.total)}`,
    )
  }
  out.push(`\n${'category'.padEnd(32)} ${'lines'.padStart(6)}  category  type`)
  for (const [category, s] of [...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(
      `${category.padEnd(32)} ${String(s.total).padStart(6)}  ${share(s.category, s.total)}    ${share(s.type, s.total)}`,
    )
  }
  if (misses.length > 0) out.push(`\nmisses (tuning half):`, ...misses)
  out.push(
    `\nACCURACY half=${half} lines=${all.total} category=${((all.category / Math.max(1, all.total)) * 100).toFixed(1)} type=${((all.type / Math.max(1, all.total)) * 100).toFixed(1)} counterparty=${((all.counterparty / Math.max(1, all.total)) * 100).toFixed(1)}`,
  )
  process.stdout.write(`${out.join('\n')}\n`)
}
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
