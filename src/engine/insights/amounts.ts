/** Sums, calendars and monthly averages shared by every insight. Amounts stay in minor units until shaped. */
import type { CalendarAmount, Category, CategoryGroup, Minor, Month } from '../model/index.ts'
import { toMajor } from '../model/index.ts'
import type { LedgerEntry, Period } from './ledger.ts'
import { periodMonths } from './ledger.ts'

export const sumMinor = (entries: readonly LedgerEntry[]): Minor => {
  let total = 0
  for (const e of entries) total += e.tx.amount
  return total
}

const byMonth = (entries: readonly LedgerEntry[]): Map<Month, Minor> => {
  const sums = new Map<Month, Minor>()
  for (const e of entries) sums.set(e.month, (sums.get(e.month) ?? 0) + e.tx.amount)
  return sums
}

/** One entry per month in which the group has transactions, oldest first. */
export const calendarOf = (entries: readonly LedgerEntry[], currency: string): CalendarAmount[] => {
  // Entries by date (every group is): one run per month, no map and no sort.
  const calendar: CalendarAmount[] = []
  let month = ''
  let monthIndex = -Infinity
  let amount = 0
  for (const e of entries) {
    if (e.monthIndex !== monthIndex) {
      if (e.monthIndex < monthIndex) return calendarBySorting(entries, currency)
      if (month !== '') calendar.push({ month, amount: toMajor(amount, currency) })
      month = e.month
      monthIndex = e.monthIndex
      amount = 0
    }
    amount += e.tx.amount
  }
  if (month !== '') calendar.push({ month, amount: toMajor(amount, currency) })
  return calendar
}

/** `calendarOf` for entries in any order. */
const calendarBySorting = (entries: readonly LedgerEntry[], currency: string): CalendarAmount[] =>
  [...byMonth(entries).entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([month, amount]) => ({ month, amount: toMajor(amount, currency) }))

/**
 * Mean amount per month, in minor units. Averaged over the complete calendar months of the
 * period, so that a history starting on the 25th and ending on the 21st does not count a salary
 * three times over 2.9 months; with no complete month, the total over the period's length.
 */
export const monthlyMinor = (entries: readonly LedgerEntry[], period: Period): Minor => {
  if (period.completeMonths.length === 0) {
    return Math.round(sumMinor(entries) / Math.max(periodMonths(period), 1))
  }
  // Complete months are consecutive: one range test per entry. Integer minor units add up
  // exactly in any order.
  const { completeFrom, completeTo } = period
  let total = 0
  for (const e of entries) {
    if (e.monthIndex >= completeFrom && e.monthIndex <= completeTo) total += e.tx.amount
  }
  return Math.round(total / period.completeMonths.length)
}

/** Groups by category, the largest absolute total first (then by name, for a stable order). */
export const categoryGroups = (
  entries: readonly LedgerEntry[],
  period: Period,
  currency: string,
): CategoryGroup[] => {
  const groups = new Map<Category, LedgerEntry[]>()
  for (const e of entries) {
    const list = groups.get(e.tx.enrichments.category)
    if (list === undefined) groups.set(e.tx.enrichments.category, [e])
    else list.push(e)
  }
  return [...groups.entries()]
    .map(([name, list]) => ({ name, list, total: sumMinor(list) }))
    .sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || (a.name < b.name ? -1 : 1))
    .map(({ name, list, total }) => ({
      name,
      totalAmount: toMajor(total, currency),
      monthlyAmount: toMajor(monthlyMinor(list, period), currency),
      calendar: calendarOf(list, currency),
      transactions: list.map((e) => e.wire),
    }))
}

/** Rounds a ratio to two decimals (0.3333… → 0.33). */
export const ratio2 = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : Math.round((numerator / denominator) * 100) / 100
