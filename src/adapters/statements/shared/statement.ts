/**
 * What every statement format (CAMT, OFX, MT940, CSV) reads into before the canonical model:
 * accounts with their booked entries and the balances the statement states. `toAccounts` then
 * merges the statements of one account (several files, or a file of daily statements),
 * de-duplicates the entries that overlapping statements repeat, and assigns positional ids.
 */
import {
  toIsoDateTime,
  type Account,
  type AccountType,
  type LocalDate,
  type Minor,
  type Transaction,
} from '../../../engine/model/index.ts'
import { accountId, transactionId, type AdapterIssue, type AdapterResult } from '../../result.ts'

export interface StatementEntry {
  /** Booking date: the day the bank debited or credited the account. */
  date: LocalDate
  /** Operation date, when the statement gives one besides the booking date (card payments). */
  operationDate?: LocalDate
  amount: Minor
  description: string
  /** Not yet booked (pending / "vorgemerkt"). */
  isComing?: boolean
  /** The bank's transaction type code, as given (e.g. OFX `DEBIT`, MT940 `NDDT`, CAMT `PMNT`). */
  bankType?: string
}

export interface StatementAccount {
  /** Where it came from, for issues (`statement 2`, `line 14`). */
  source: string
  iban?: string
  /** Account number when there is no IBAN (UK sort code + number, OFX ACCTID …). */
  number?: string
  bic?: string
  name?: string
  holderName?: string
  bankName?: string
  currency: string
  type: AccountType
  /** The statement's own balance: closing, else the latest it states. */
  balance?: { amount: Minor; date: LocalDate }
  entries: StatementEntry[]
}

/** Longest input read: a year of daily statements of a busy account is a few MB. */
export const MAX_INPUT_CHARS = 20_000_000
/** Most entries kept per input: beyond it the file is not a person's bank statement. */
export const MAX_ENTRIES = 200_000

/** An issue when the text is empty or too large to read, else undefined. */
export const checkSize = (text: string): AdapterIssue | undefined => {
  if (text.trim().length === 0)
    return { path: '$', message: 'the file is empty', severity: 'error' }
  if (text.length > MAX_INPUT_CHARS) {
    return {
      path: '$',
      message: `the file is too large (more than ${MAX_INPUT_CHARS / 1_000_000} million characters)`,
      severity: 'error',
    }
  }
  return undefined
}

/** The identity of an account across statements: IBAN, else number, plus currency. */
const identityOf = (account: StatementAccount): string =>
  `${(account.iban ?? account.number ?? '').replace(/[\s-]/g, '').toUpperCase()}|${account.currency}`

/** The content of an entry that two overlapping statements repeat identically. */
const contentOf = (entry: StatementEntry): string =>
  `${entry.date}|${entry.amount}|${entry.description.replace(/\s+/g, ' ').trim().toUpperCase()}`

/**
 * Multiset union of several sources: an item found n times in one source and m times in another
 * is kept max(n, m) times. Returns the kept items in source order and how many were dropped.
 */
export const keepOnce = <T>(
  sources: readonly (readonly T[])[],
  keyOf: (item: T) => string,
): { kept: T[]; removed: number } => {
  const keptCount = new Map<string, number>()
  const kept: T[] = []
  let removed = 0
  for (const source of sources) {
    const seenHere = new Map<string, number>()
    for (const item of source) {
      const key = keyOf(item)
      const occurrence = (seenHere.get(key) ?? 0) + 1
      seenHere.set(key, occurrence)
      if (occurrence <= (keptCount.get(key) ?? 0)) {
        removed += 1
        continue
      }
      keptCount.set(key, occurrence)
      kept.push(item)
    }
  }
  return { kept, removed }
}

/**
 * Merges statements into canonical accounts. Entries are de-duplicated per account as a multiset
 * union: an entry found n times in one statement and m times in another is kept max(n, m) times
 * (two equal coffees on the same day in one statement are two coffees; the same coffee in two
 * overlapping statements is one). Transactions are sorted by date, keeping the file order within a
 * day. The balance is the latest one stated (the later statement wins a tie).
 */
export const toAccounts = (
  statements: readonly StatementAccount[],
  issues: AdapterIssue[],
): AdapterResult => {
  if (issues.some((issue) => issue.severity === 'error')) return { accounts: [], issues }
  if (statements.length === 0) {
    issues.push({ path: '$', message: 'no account statement found in the file', severity: 'error' })
    return { accounts: [], issues }
  }
  const groups = new Map<string, StatementAccount[]>()
  for (const statement of statements) {
    const key = identityOf(statement)
    const group = groups.get(key)
    if (group) group.push(statement)
    else groups.set(key, [statement])
  }
  let duplicatesRemoved = 0
  const accounts: Account[] = []
  for (const group of groups.values()) {
    const { kept: entries, removed } = keepOnce(
      group.map((statement) => statement.entries),
      contentOf,
    )
    duplicatesRemoved += removed
    const order = new Map(entries.map((entry, index) => [entry, index]))
    entries.sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : (order.get(a) ?? 0) - (order.get(b) ?? 0),
    )
    accounts.push(toAccount(group, entries, accounts.length))
  }
  if (duplicatesRemoved > 0) {
    issues.push({
      path: '$',
      message: `${duplicatesRemoved} transaction(s) repeated by overlapping statements were counted once`,
      severity: 'warning',
    })
  }
  return { accounts, issues, duplicatesRemoved }
}

const toAccount = (
  group: readonly StatementAccount[],
  entries: readonly StatementEntry[],
  index: number,
): Account => {
  const first = group[0] as StatementAccount // groups are never empty
  let balance: StatementAccount['balance']
  for (const statement of group) {
    if (statement.balance && (balance === undefined || statement.balance.date >= balance.date)) {
      balance = statement.balance
    }
  }
  const pick = <K extends keyof StatementAccount>(key: K): StatementAccount[K] | undefined =>
    group.find((statement) => statement[key] !== undefined)?.[key]
  const id = accountId(index)
  const account: Account = {
    id,
    type: first.type,
    usage: 'UNKNOWN',
    ownership: 'UNKNOWN',
    currency: first.currency,
    balance: balance?.amount ?? null,
    balanceDate: balance ? toIsoDateTime(balance.date) : null,
    owners: [],
    transactions: entries.map((entry, j) => toTransaction(entry, id, index, j, first.currency)),
  }
  const holderName = pick('holderName')
  if (holderName) account.owners.push({ name: holderName })
  const iban = pick('iban')
  if (iban) account.iban = iban.replace(/\s+/g, '').toUpperCase()
  const number = pick('number')
  if (number) account.number = number
  const bic = pick('bic')
  if (bic) account.bic = bic
  const name = pick('name')
  if (name) account.name = name
  const bankName = pick('bankName')
  if (bankName) account.bank = { name: bankName }
  return account
}

const toTransaction = (
  entry: StatementEntry,
  id: string,
  accountIndex: number,
  index: number,
  currency: string,
): Transaction => {
  const transaction: Transaction = {
    id: transactionId(accountIndex, index),
    accountId: id,
    description: entry.description,
    amount: entry.amount,
    currency,
    date: entry.date,
    dates: { debitedAt: toIsoDateTime(entry.date) },
    isComing: entry.isComing ?? false,
  }
  if (entry.operationDate) transaction.dates.bookedAt = toIsoDateTime(entry.operationDate)
  if (entry.bankType) transaction.aggregator = { type: entry.bankType }
  return transaction
}
