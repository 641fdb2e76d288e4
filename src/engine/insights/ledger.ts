/**
 * The analysed transactions of one analysis, prepared once: day numbers, months and wire shapes
 * are computed a single time and shared by every insight, detector and score.
 */
import type {
  Account,
  Category,
  EnrichedTransaction,
  LocalDate,
  Month,
  WireTransaction,
} from '../model/index.ts'
import { daysInMonth, fromDayNumber, monthIndexOf, monthOf, toDayNumber } from '../model/index.ts'
import { isRejectionCategory } from './categories.ts'

export interface LedgerEntry {
  /** Position in `Ledger.all` (distinct per entry): marks entries in typed arrays. */
  index: number
  tx: EnrichedTransaction
  /** Days since 1970-01-01 of `tx.date`. */
  day: number
  month: Month
  /** `year * 12 + month - 1` of `tx.date` (see `monthIndexOf`): months as consecutive integers. */
  monthIndex: number
  wire: WireTransaction
  /** A payment that a later rejection reversed: listed, but not counted as spent. */
  isReversed: boolean
  /**
   * Direction, category and payee (labelRoot) as a small integer, equal for equal triples within
   * one ledger: what the cash-flow detectors group on, computed once.
   */
  payeeId: number
  /** On an analysed checking account (the accounts incomes, expenses and risks read). */
  isChecking: boolean
}

/** The analysis period: from the first analysed transaction to the analysis date. */
export interface Period {
  start: LocalDate
  end: LocalDate
  startDay: number
  endDay: number
  /** Every month the period touches, oldest first. */
  months: Month[]
  /** Months the period covers from their first to their last day. */
  completeMonths: Month[]
  /** Days covered in each month of `months`. */
  coveredDays: number[]
  /**
   * Month indexes (see `monthIndexOf`) of the first and last complete months: complete months
   * are consecutive. `completeTo < completeFrom` when there is none.
   */
  completeFrom: number
  completeTo: number
}

export interface Ledger {
  /** Non-coming transactions of the analysed checking accounts, by date then id. */
  checking: LedgerEntry[]
  /** Non-coming transactions of every analysed account, by date then id. */
  all: LedgerEntry[]
  currency: string
  period: Period
}

/** Date, then id: the same input in any order gives the same sequence. */
export const byDateThenId = (a: LedgerEntry, b: LedgerEntry): number =>
  a.day - b.day || (a.tx.id < b.tx.id ? -1 : a.tx.id > b.tx.id ? 1 : 0)

export const buildPeriod = (start: LocalDate, end: LocalDate): Period => {
  const startDay = toDayNumber(start)
  const endDay = Math.max(toDayNumber(end), startDay)
  const months: Month[] = []
  const completeMonths: Month[] = []
  const coveredDays: number[] = []
  let completeFrom = 0
  let completeTo = -1
  let cursor = startDay
  while (cursor <= endDay) {
    const date = fromDayNumber(cursor)
    const monthStart = cursor - (Number(date.slice(8, 10)) - 1)
    const monthEnd = monthStart + daysInMonth(date) - 1
    const from = Math.max(monthStart, startDay)
    const to = Math.min(monthEnd, endDay)
    months.push(monthOf(date))
    coveredDays.push(to - from + 1)
    if (from === monthStart && to === monthEnd) {
      if (completeMonths.length === 0) completeFrom = monthIndexOf(cursor)
      completeTo = monthIndexOf(cursor)
      completeMonths.push(monthOf(date))
    }
    cursor = monthEnd + 1
  }
  return {
    start,
    end: fromDayNumber(endDay),
    startDay,
    endDay,
    months,
    completeMonths,
    coveredDays,
    completeFrom,
    completeTo,
  }
}

/** Length of the period in average months (30.44 days), at least one day's worth. */
export const periodMonths = (period: Period): number =>
  (period.endDay - period.startDay + 1) / (365.25 / 12)

/**
 * Builds the ledger from the enriched accounts. `wires` holds the wire transaction of each input
 * transaction (same nesting as `accounts`), so the output lists one object per transaction.
 */
export const buildLedger = (
  accounts: readonly Account[],
  enriched: readonly (readonly EnrichedTransaction[])[],
  wires: readonly (readonly WireTransaction[])[],
  isAnalysed: (account: Account) => boolean,
  asOf: LocalDate,
): Ledger => {
  const all: LedgerEntry[] = []
  let currency = ''
  // Payee triples → dense ids, through one map per direction and category (no key strings).
  const payeeIds: [Map<Category, Map<string, number>>, Map<Category, Map<string, number>>] = [
    new Map(),
    new Map(),
  ]
  let payees = 0
  // Transactions of one month follow each other: the month's index is computed once per run.
  let lastMonth = ''
  let lastMonthIndex = 0
  let lastDate: string | undefined
  let lastDay = 0
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]
    if (account === undefined || !isAnalysed(account)) continue
    currency ||= account.currency
    const isChecking = account.type === 'CHECKING'
    const txs = enriched[a] ?? []
    const accountWires = wires[a]
    for (let i = 0; i < txs.length; i++) {
      const tx = txs[i] as EnrichedTransaction // i < txs.length: never undefined
      const wire = accountWires?.[i]
      if (tx.isComing || tx.date > asOf || wire === undefined) continue
      // Transactions of one day follow each other: the day number is computed once per run.
      if (tx.date !== lastDate) {
        lastDate = tx.date
        lastDay = toDayNumber(tx.date)
      }
      const day = lastDay
      if (lastMonth === '' || !tx.date.startsWith(lastMonth)) {
        lastMonth = monthOf(tx.date)
        lastMonthIndex = monthIndexOf(day)
      }
      const { category } = tx.enrichments
      const byCategory = payeeIds[tx.amount < 0 ? 0 : 1]
      let byRoot = byCategory.get(category)
      if (byRoot === undefined) {
        byRoot = new Map()
        byCategory.set(category, byRoot)
      }
      let payeeId = byRoot.get(tx.labelRoot)
      if (payeeId === undefined) {
        payeeId = payees++
        byRoot.set(tx.labelRoot, payeeId)
      }
      all.push({
        index: 0, // set once sorted
        tx,
        day,
        month: lastMonth,
        monthIndex: lastMonthIndex,
        wire,
        isReversed: false,
        payeeId,
        isChecking,
      })
    }
  }
  // Inputs usually come in date order already: checked in one pass before sorting.
  let sorted = true
  for (let i = 1; i < all.length && sorted; i++) {
    sorted = byDateThenId(all[i - 1] as LedgerEntry, all[i] as LedgerEntry) <= 0 // 1 <= i < length
  }
  if (!sorted) all.sort(byDateThenId)
  all.forEach((e, i) => {
    e.index = i
  })
  // One sort: filtering keeps the order.
  const checking = all.filter((e) => e.isChecking)
  markReversed(all)
  const first = checking[0]?.tx.date ?? all[0]?.tx.date ?? asOf
  return { checking, all, currency, period: buildPeriod(first < asOf ? first : asOf, asOf) }
}

/**
 * A payment is reversed when a rejection names it (`counterPartId`) or when the categoriser
 * flagged it `isRejected` without being the rejection itself.
 */
const markReversed = (entries: LedgerEntry[]): void => {
  const named = new Set<string>()
  for (const { tx } of entries) {
    if (isRejectionCategory(tx.enrichments.category) && tx.enrichments.counterPartId !== null) {
      named.add(tx.enrichments.counterPartId)
    }
  }
  const anyNamed = named.size > 0 // most histories have no rejection: no id is hashed then
  for (const entry of entries) {
    const { enrichments, id } = entry.tx
    entry.isReversed =
      (anyNamed && named.has(id)) ||
      (enrichments.isRejected && !isRejectionCategory(enrichments.category))
  }
}
