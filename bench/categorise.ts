/**
 * Categorisation throughput: `enrichAccounts` (normalise, type, categorise, link) on a
 * generated history of at least 100,000 transactions in the six markets, on one core (the
 * engine is single-threaded JavaScript). Two inputs:
 * - "as generated": descriptions repeat the way real histories do (same payees each month);
 * - "all distinct": each description gets its own reference, so nothing read once is reused.
 * Target: 300,000 transactions per second. Time is the process's CPU time (one thread), so a
 * busy machine does not distort the figure.
 */
import { parseBody } from '../src/adapters/index.ts'
import { enrichAccounts } from '../src/engine/categorise/index.ts'
import type { Account } from '../src/engine/model/index.ts'
import { COUNTRIES, PROFILES, generateUpload } from '../src/synthetic/index.ts'

const TARGET = 300_000
const MIN_TRANSACTIONS = 100_000
const RUNS = 5

/**
 * Customers of every market and profile, 24 months each, until the history is big enough. One
 * `enrichAccounts` call per customer, as in an analysis.
 */
const history = (): Account[][] => {
  const customers: Account[][] = []
  let count = 0
  for (let seed = 1; count < MIN_TRANSACTIONS; seed++) {
    for (const country of COUNTRIES) {
      for (const profile of PROFILES) {
        const { accounts } = parseBody(generateUpload({ profile, country, months: 24, seed }))
        customers.push(accounts)
        count += accounts.reduce((sum, a) => sum + a.transactions.length, 0)
      }
    }
  }
  return customers
}

const distinct = (customers: readonly Account[][]): Account[][] => {
  let n = 0
  return customers.map((accounts) =>
    accounts.map((account) => ({
      ...account,
      transactions: account.transactions.map((tx) => ({
        ...tx,
        description: `${tx.description} REF ${(n++).toString(36).toUpperCase()}X${n % 97}`,
      })),
    })),
  )
}

const enrichAll = (customers: readonly Account[][]): void => {
  for (const accounts of customers) enrichAccounts(accounts)
}

const measure = (label: string, customers: readonly Account[][]): void => {
  const accounts = customers.flat()
  const transactions = accounts.reduce((sum, a) => sum + a.transactions.length, 0)
  enrichAll(customers) // warm-up: JIT and the compiled dictionaries
  const rates: number[] = []
  for (let run = 0; run < RUNS; run++) {
    // CPU time of this process, not wall time: other work on the machine must not count.
    const start = process.cpuUsage()
    enrichAll(customers)
    const used = process.cpuUsage(start)
    rates.push(transactions / ((used.user + used.system) / 1e6))
  }
  rates.sort((a, b) => a - b)
  const median = rates[Math.floor(rates.length / 2)] ?? 0
  const best = rates[rates.length - 1] ?? 0
  const verdict = median >= TARGET ? 'meets' : 'below'
  process.stdout.write(
    `${label.padEnd(14)} ${transactions} transactions, ${customers.length} customers: ` +
      `median ${Math.round(median).toLocaleString('en')} tx/s, best ${Math.round(best).toLocaleString('en')} tx/s ` +
      `(${verdict} the ${TARGET.toLocaleString('en')} tx/s target)\n`,
  )
}

const customers = history()
process.stdout.write(`categorisation throughput, one core, node ${process.version}\n`)
measure('as generated', customers)
measure('all distinct', distinct(customers))
