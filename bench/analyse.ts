/**
 * Full `analyse` (typing, categorisation, links, cash flows, insights, scores) on generated
 * 12-month histories, one core. Targets (issue 3): at least 200,000 transactions a second, and
 * `analyse` taking at most 5 times as long as `JSON.parse` of the same 10,000-transaction file.
 * Figures are the best of several runs (what the code costs, with the least interference from
 * other processes), with the median beside them. The machine's load average is printed too.
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseInput } from '../src/adapters/index.ts'
import { analyse } from '../src/engine/analyse.ts'
import type { Account } from '../src/engine/model/index.ts'
import { COUNTRIES, generateUpload, PROFILES } from '../src/synthetic/index.ts'
import type { Upload } from '../src/synthetic/index.ts'

const TARGET_TX_PER_SECOND = 200_000
const TARGET_RATIO = 5

const accountsOf = (upload: Upload): Account[] => parseInput(JSON.stringify(upload)).accounts
const countTransactions = (accounts: readonly Account[]): number =>
  accounts.reduce((n, a) => n + a.transactions.length, 0)

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1] ?? 0
}
const best = (values: number[]): number => Math.min(...values)

/** Runs `fn` until `minMs` have passed (at least `minRuns` times); returns each run's duration. */
const timeRuns = (fn: () => void, minMs: number, minRuns: number): number[] => {
  const runs: number[] = []
  const start = performance.now()
  while (runs.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now()
    fn()
    runs.push(performance.now() - t0)
  }
  return runs
}

// 1. Throughput on 36 customers: every profile, every market, 12 months.
const customers = PROFILES.flatMap((profile, p) =>
  COUNTRIES.map((country, c) =>
    accountsOf(generateUpload({ profile, country, months: 12, seed: 1000 + p * 10 + c })),
  ),
)
const total = customers.reduce((n, accounts) => n + countTransactions(accounts), 0)
for (const accounts of customers) analyse(accounts) // warm-up: JIT, dictionaries
const passes = timeRuns(
  () => {
    for (const accounts of customers) analyse(accounts)
  },
  3000,
  3,
)
const perSecond = Math.round(total / (best(passes) / 1000))
const perSecondMedian = Math.round(total / (median(passes) / 1000))

// 2. Ratio to JSON.parse on one 10,000-transaction file (a 25-year history, trimmed).
const long = generateUpload({ profile: 'good', country: 'FR', months: 300, seed: 42 })
const checking = long.accounts[0]
if (checking === undefined || checking.transactions.length < 10_000) {
  throw new Error('the generated history is shorter than 10,000 transactions')
}
checking.transactions = checking.transactions.slice(-10_000)
long.accounts = [checking]
const text = JSON.stringify(long)
const accounts = parseInput(text).accounts
// Interleaved, so that a burst of load on a shared machine hits both sides alike.
const parseRuns: number[] = []
const analyseRuns: number[] = []
for (let k = 0; k < 25; k++) {
  parseRuns.push(...timeRuns(() => JSON.parse(text), 0, 1))
  analyseRuns.push(...timeRuns(() => analyse(accounts), 0, 1))
}
const ratio = best(analyseRuns) / best(parseRuns)

const line = (label: string, value: string, ok: boolean): string =>
  `${label.padEnd(44)} ${value.padStart(16)}  ${ok ? 'ok' : 'BELOW TARGET'}\n`
process.stdout.write(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores\n` +
    `analyse on ${customers.length} generated 12-month histories (${total} transactions)\n` +
    line(
      '  throughput (transactions/s, best pass)',
      perSecond.toLocaleString('en-GB'),
      perSecond >= TARGET_TX_PER_SECOND,
    ) +
    line(
      '  throughput (transactions/s, median pass)',
      perSecondMedian.toLocaleString('en-GB'),
      true,
    ) +
    `10,000-transaction file (${(text.length / 1e6).toFixed(1)} MB)\n` +
    line(
      '  JSON.parse (ms, best / median of 25)',
      `${best(parseRuns).toFixed(2)} / ${median(parseRuns).toFixed(2)}`,
      true,
    ) +
    line(
      '  analyse (ms, best / median of 25)',
      `${best(analyseRuns).toFixed(2)} / ${median(analyseRuns).toFixed(2)}`,
      true,
    ) +
    line('  ratio analyse / JSON.parse (best runs)', ratio.toFixed(2), ratio <= TARGET_RATIO),
)
if (perSecond < TARGET_TX_PER_SECOND || ratio > TARGET_RATIO) process.exitCode = 1
