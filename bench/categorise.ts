/**
 * Categorisation throughput: `enrichAccounts` (normalise, type, categorise, link) on a
 * generated history of at least 100,000 transactions in the six markets, on one core (the
 * engine is single-threaded JavaScript). Two inputs:
 * - "as generated": descriptions repeat the way real histories do (same payees each month);
 * - "all distinct": each description gets its own reference, so nothing read once is reused.
 * Target: 300,000 transactions per second.
 */
import { performance } from 'node:perf_hooks'
import { parseBody } from '../src/adapters/index.ts'
import { enrichAccounts } from '../src/engine/categorise/index.ts'
import type { Account } from '../src/engine/model/index.ts'
import { COUNTRIES, PROFILES, generateUpload } from '../src/synthetic/index.ts'

const TARGET = 300_000
const MIN_TRANSACTIONS = 100_000
const RUNS = 5

/** One customer per market, profile and seed, 24 months each, until the history is big enough. */
const history = (): Account[] => {
  const accounts: Account[] = []
  let count = 0
  for (let seed = 1; count < MIN_TRANSACTIONS; seed++) {
    for (const country of COUNTRIES) {
      for (const profile of PROFILES) {
        const parsed = parseBody(generateUpload({ profile, country, months: 24, seed }))
        for (const account of parsed.accounts) {
          accounts.push({ ...account, id: `${account.id}-${accounts.length}` })
          count += account.transactions.length
        }
      }
    }
  }
  return accounts
}

const distinct = (accounts: readonly Account[]): Account[] => {
  let n = 0
  return accounts.map((account) => ({
    ...account,
    transactions: account.transactions.map((tx) => ({
      ...tx,
      description: `${tx.description} REF ${(n++).toString(36).toUpperCase()}X${n % 97}`,
    })),
  }))
}

const measure = (label: string, accounts: readonly Account[]): void => {
  const transactions = accounts.reduce((sum, a) => sum + a.transactions.length, 0)
  enrichAccounts(accounts) // warm-up: JIT and the compiled dictionaries
  const rates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    enrichAccounts(accounts)
    const seconds = (performance.now() - start) / 1000
    rates.push(transactions / seconds)
  }
  rates.sort((a, b) => a - b)
  const median = rates[Math.floor(rates.length / 2)] ?? 0
  const best = rates[rates.length - 1] ?? 0
  const verdict = median >= TARGET ? 'meets' : 'below'
  process.stdout.write(
    `${label.padEnd(14)} ${transactions} transactions, ${accounts.length} accounts: ` +
      `median ${Math.round(median).toLocaleString('en')} tx/s, best ${Math.round(best).toLocaleString('en')} tx/s ` +
      `(${verdict} the ${TARGET.toLocaleString('en')} tx/s target)\n`,
  )
}

const accounts = history()
process.stdout.write(`categorisation throughput, one core, node ${process.version}\n`)
measure('as generated', accounts)
measure('all distinct', distinct(accounts))
