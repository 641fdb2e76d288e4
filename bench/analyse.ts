/**
 * Full `analyse` (typing, categorisation, links, cash flows, insights, scores) on generated
 * 12-month histories, one core. Targets (issue 3): at least 200,000 transactions a second, and
 * `analyse` taking at most 5 times as long as `JSON.parse` of the same 10,000-transaction file.
 * Each run is timed twice: CPU time of this process (`process.cpuUsage()`, user + system: what
 * the code costs, hardly moved by other processes on a shared machine) and wall time. The
 * verdict reads the CPU figures; figures are the best of several runs, the median beside them.
 * The machine's load average is printed too.
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseInput } from '../src/adapters/index.ts'
import { analyse } from '../src/engine/analyse.ts'
import { enrichAccounts } from '../src/engine/categorise/index.ts'
import { analyseEnriched } from '../src/engine/pipeline.ts'
import { resolveContext } from '../src/engine/resolve-context.ts'
import type { Account } from '../src/engine/model/index.ts'
import { COUNTRIES, generateUpload, PROFILES } from '../src/synthetic/index.ts'
import type { Upload } from '../src/synthetic/index.ts'

const TARGET_TX_PER_SECOND = 200_000
const TARGET_RATIO = 5

const accountsOf = (upload: Upload): Account[] => parseInput(JSON.stringify(upload)).accounts
const countTransactions = (accounts: readonly Account[]): number =>
  accounts.reduce((n, a) => n + a.transactions.length, 0)

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1] ?? 0
}
const best = (values: readonly number[]): number => Math.min(...values)

/** Durations of runs in milliseconds, CPU time and wall time side by side. */
interface Runs {
  cpu: number[]
  wall: number[]
}
const noRuns = (): Runs => ({ cpu: [], wall: [] })

/** Times one run of `fn` into `runs`. */
const timeRun = (fn: () => void, runs: Runs): void => {
  const cpu0 = process.cpuUsage()
  const wall0 = performance.now()
  fn()
  const wall = performance.now() - wall0
  const cpu = process.cpuUsage(cpu0)
  runs.cpu.push((cpu.user + cpu.system) / 1000)
  runs.wall.push(wall)
}

/** Runs `fn` until `minMs` of CPU time have passed (at least `minRuns` times). */
const timeRuns = (fn: () => void, minMs: number, minRuns: number): Runs => {
  const runs = noRuns()
  let spent = 0
  while (runs.cpu.length < minRuns || spent < minMs) {
    timeRun(fn, runs)
    spent += runs.cpu[runs.cpu.length - 1] ?? 0
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
// The same customers' enrichment alone (engine I), for the record.
const enrichPasses = timeRuns(
  () => {
    for (const accounts of customers)
      enrichAccounts(accounts, { asOf: resolveContext(accounts, {}).asOf })
  },
  1500,
  3,
)
const rate = (ms: number): string => Math.round(total / (ms / 1000)).toLocaleString('en-GB')
const perSecond = total / (best(passes.cpu) / 1000)

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
// The two halves of `analyse`, for the record: enrichment (engine I) and the rest.
const ctx = { asOf: resolveContext(accounts, {}).asOf }
const enriched = enrichAccounts(accounts, ctx)
for (let k = 0; k < 5; k++) {
  JSON.parse(text)
  analyse(accounts)
  analyseEnriched(accounts, enriched, ctx)
} // warm-up
// Interleaved, so that a burst of load on a shared machine hits every side alike.
const parseRuns = noRuns()
const analyseRuns = noRuns()
const enrichRuns = noRuns()
const restRuns = noRuns()
const ROUNDS = 25
for (let k = 0; k < ROUNDS; k++) {
  timeRun(() => JSON.parse(text), parseRuns)
  timeRun(() => analyse(accounts), analyseRuns)
  timeRun(() => enrichAccounts(accounts, ctx), enrichRuns)
  timeRun(() => analyseEnriched(accounts, enriched, ctx), restRuns)
}
const ratio = best(analyseRuns.cpu) / best(parseRuns.cpu)
const wallRatio = best(analyseRuns.wall) / best(parseRuns.wall)

const line = (label: string, value: string, verdict: boolean | null = null): string =>
  `${label.padEnd(48)} ${value.padStart(24)}` +
  `${verdict === null ? '' : verdict ? '  ok' : '  BELOW TARGET'}\n`
const ms = (runs: readonly number[]): string =>
  `${best(runs).toFixed(2)} / ${median(runs).toFixed(2)}`
const both = (label: string, runs: Runs): string =>
  line(`  ${label} CPU ms (best / median of ${ROUNDS})`, ms(runs.cpu)) +
  line(`  ${label} wall ms (best / median of ${ROUNDS})`, ms(runs.wall))
process.stdout.write(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores, node ${process.version}\n` +
    `analyse on ${customers.length} generated 12-month histories (${total} transactions, ` +
    `${passes.cpu.length} passes)\n` +
    line(
      '  throughput, CPU time (tx/s, best pass)',
      rate(best(passes.cpu)),
      perSecond >= TARGET_TX_PER_SECOND,
    ) +
    line('  throughput, CPU time (tx/s, median pass)', rate(median(passes.cpu))) +
    line('  throughput, wall time (tx/s, best pass)', rate(best(passes.wall))) +
    line('  throughput, wall time (tx/s, median pass)', rate(median(passes.wall))) +
    line(
      '  CPU ms a pass, best: analyse / enrichment alone',
      `${best(passes.cpu).toFixed(1)} / ${best(enrichPasses.cpu).toFixed(1)}`,
    ) +
    `10,000-transaction file (${(text.length / 1e6).toFixed(1)} MB)\n` +
    both('JSON.parse', parseRuns) +
    both('analyse', analyseRuns) +
    both('of which enrichment', enrichRuns) +
    both('of which the rest', restRuns) +
    line('  ratio analyse / JSON.parse, CPU (best runs)', ratio.toFixed(2), ratio <= TARGET_RATIO) +
    line('  ratio analyse / JSON.parse, wall (best runs)', wallRatio.toFixed(2)),
)
if (perSecond < TARGET_TX_PER_SECOND || ratio > TARGET_RATIO) process.exitCode = 1
