/**
 * Input adapters: parse throughput and memory on large files. A synthetic history of at least
 * 100,000 transactions (the generator's customers, all markets and profiles) is written as one
 * file per format (CAMT.053, OFX, MT940, CSV, and the ALGOAN/Budget Insight JSON bodies through
 * `parseBody`), then parsed through the registry as the API's files endpoint does (files of at
 * most ~10 MB each: a single file is capped at 20 million characters). Figures: transactions
 * per second and MB per second (CPU time of this one thread), and the heap growth while parsing.
 * Target: at least 2 MB per second for every format, so that the largest accepted file (20
 * million characters) parses in at most 10 seconds on one core; the heap growth, about 10 to 20
 * times the input for the XML formats (their object tree), bounds the memory of that file.
 */
import { parseBody, parseFiles } from '../src/adapters/index.ts'
import type { Account } from '../src/engine/model/index.ts'
import { COUNTRIES, PROFILES, generateUpload } from '../src/synthetic/index.ts'
import { writeCamt053, writeCsv, writeMt940, writeOfx } from '../test/support/write-statements.ts'

/** MB of input per second of CPU (see the header). */
const TARGET_MB_PER_SECOND = 2
const MIN_TRANSACTIONS = 100_000
const RUNS = 3

/** Checking accounts of generated customers, re-numbered so each account is its own. */
const history = (): Account[] => {
  const accounts: Account[] = []
  let count = 0
  for (let seed = 1; count < MIN_TRANSACTIONS; seed++) {
    for (const country of COUNTRIES) {
      for (const profile of PROFILES) {
        for (const account of parseBody(generateUpload({ profile, country, months: 24, seed }))
          .accounts) {
          if (account.currency !== 'EUR' && account.currency !== 'GBP') continue
          const iban = `FR76${String(accounts.length).padStart(23, '0')}`
          accounts.push({
            ...account,
            iban,
            balanceDate: account.balanceDate ?? '2026-01-01T00:00:00.000Z',
          })
          count += account.transactions.length
        }
      }
    }
  }
  return accounts
}

const cpuSeconds = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e6
}

const measure = (
  label: string,
  parse: () => { accounts: Account[]; issues: unknown[] },
  bytes: number,
): boolean => {
  const first = parse() // warm-up, and the count
  const transactions = first.accounts.reduce((sum, a) => sum + a.transactions.length, 0)
  const rates: number[] = []
  let heapGrowth = 0
  for (let run = 0; run < RUNS; run++) {
    global.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    const start = process.cpuUsage()
    const result = parse()
    const seconds = cpuSeconds(start)
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore)
    rates.push(transactions / seconds)
    if (result.accounts.length === 0) throw new Error(`${label}: nothing parsed`)
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0
  const mbPerSecond = ((bytes / 1e6) * median) / transactions
  const ok = mbPerSecond >= TARGET_MB_PER_SECOND
  process.stdout.write(
    `${label.padEnd(24)} ${String(transactions).padStart(7)} tx  ${(bytes / 1e6).toFixed(1).padStart(5)} MB  ${Math.round(median).toLocaleString('en').padStart(9)} tx/s  ${mbPerSecond.toFixed(1).padStart(5)} MB/s  heap +${Math.round(heapGrowth / 1e6)} MB  ${ok ? 'ok' : `BELOW ${TARGET_MB_PER_SECOND} MB/s`}\n`,
  )
  return ok
}

const accounts = history()
/** Splits the accounts into files of at most ~10 MB in the given format. */
const chunked = (write: (group: Account[]) => string): Uint8Array[] => {
  const files: Uint8Array[] = []
  let group: Account[] = []
  let size = 0
  for (const account of accounts) {
    group.push(account)
    size += write([account]).length
    if (size > 10e6) {
      files.push(new TextEncoder().encode(write(group)))
      group = []
      size = 0
    }
  }
  if (group.length > 0) files.push(new TextEncoder().encode(write(group)))
  return files
}
const writers: [string, (group: Account[]) => string][] = [
  ['CAMT.053', writeCamt053],
  ['OFX 1.x', writeOfx],
  ['MT940', writeMt940],
  ['CSV', writeCsv],
]
let ok = true
for (const [label, write] of writers) {
  const files = chunked(write)
  const bytes = files.reduce((sum, file) => sum + file.length, 0)
  ok =
    measure(
      `${label} (${files.length} files)`,
      () => parseFiles(files.map((content) => ({ content }))),
      bytes,
    ) && ok
}
const body = JSON.stringify({
  accounts: accounts.map((a) => ({
    ...a,
    balance: (a.balance ?? 0) / 100,
    transactions: a.transactions.map((t) => ({
      description: t.description,
      amount: t.amount / 100,
      currency: t.currency,
      dates: t.dates,
    })),
  })),
})
ok = measure('ALGOAN (JSON body)', () => parseBody(JSON.parse(body)), body.length) && ok
process.exitCode = ok ? 0 : 1
