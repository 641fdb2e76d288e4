import type { Account, DailyBalance, EnrichedTransaction, LocalDate } from '../model/index.ts'
import { civilOf, localDateOf, toDayNumber, toMajor } from '../model/index.ts'

/** End-of-day balances of one account in minor units, from `startDay` to `endDay` inclusive. */
export interface BalanceSeries {
  startDay: number
  /** `balances[i]` is the balance at the end of day `startDay + i`. */
  balances: number[]
}

/**
 * Rebuilds the end-of-day balances of an account from its balance at `balanceDate`: days before
 * it undo the later transactions, days after it add the transactions in between. Transactions
 * not yet booked (`isComing`) do not move the balance. The series runs from the first
 * transaction (or the balance date, if earlier) to `asOf`. `null` when the account gives no balance.
 */
export const balanceSeries = (
  account: Account,
  transactions: readonly EnrichedTransaction[],
  asOf: LocalDate,
): BalanceSeries | null => {
  if (account.balance === null || account.balanceDate === null) return null
  const anchorDay = toDayNumber(localDateOf(account.balanceDate))
  const endDay = toDayNumber(asOf)
  let startDay = Math.min(anchorDay, endDay)
  // Day of each booked transaction (NaN for coming ones), read once.
  const days = new Float64Array(transactions.length)
  let lastDay = Math.max(endDay, anchorDay)
  let runDate: string | undefined
  let runDay = NaN
  transactions.forEach((t, i) => {
    if (!t.isComing && t.date !== runDate) {
      runDate = t.date
      runDay = toDayNumber(t.date)
    }
    const day = t.isComing ? NaN : runDay
    days[i] = day
    if (day < startDay) startDay = day
    if (day > lastDay) lastDay = day
  })
  // Walk up to the latest of the balance date, the transactions and asOf, then keep up to asOf:
  // a balance dated after asOf still anchors the days before it.
  const length = lastDay - startDay + 1
  // Movement per day, then the balance at the anchor's end of day walked both ways.
  const perDay = new Float64Array(length)
  transactions.forEach((t, i) => {
    if (t.isComing) return
    const k = (days[i] as number) - startDay // i < days.length
    perDay[k] = (perDay[k] ?? 0) + t.amount
  })
  const balances = new Array<number>(length).fill(0)
  const anchor = anchorDay - startDay
  balances[anchor] = account.balance
  for (let i = anchor - 1; i >= 0; i--) {
    balances[i] = (balances[i + 1] ?? 0) - (perDay[i + 1] ?? 0)
  }
  for (let i = anchor + 1; i < length; i++) {
    balances[i] = (balances[i - 1] ?? 0) + (perDay[i] ?? 0)
  }
  const kept = Math.max(endDay - startDay + 1, 0)
  return { startDay, balances: kept === length ? balances : balances.slice(0, kept) }
}

/** `dd` + the time of day of the wire dates, for days 1–31 (index 0 unused). */
const DAY_SUFFIXES: readonly string[] = Array.from(
  { length: 32 },
  (_, d) => `${d < 10 ? `0${d}` : String(d)}T00:00:00.000Z`,
)

/** The wire form of a balance series: `{ date, balance }` per day, amounts in major units. */
export const toDailyBalances = (series: BalanceSeries | null, currency: string): DailyBalance[] => {
  if (series === null) return []
  const { balances } = series
  const out = new Array<DailyBalance>(balances.length)
  // Consecutive days: the date is advanced by hand, the `YYYY-MM-` prefix built once a month.
  let { year, month, dayOfMonth } = civilOf(series.startDay)
  let prefix = ''
  let monthLength = 0
  for (let i = 0; i < balances.length; i++) {
    if (dayOfMonth > monthLength) {
      if (monthLength > 0) {
        dayOfMonth = 1
        if (++month > 12) {
          month = 1
          year++
        }
      }
      prefix = `${String(year).padStart(4, '0')}-${month < 10 ? `0${month}` : String(month)}-`
      monthLength = monthDays(year, month)
    }
    out[i] = {
      date: prefix + (DAY_SUFFIXES[dayOfMonth] as string), // 1 <= dayOfMonth <= 31
      balance: toMajor(balances[i] as number, currency), // i < length
    }
    dayOfMonth++
  }
  return out
}

const monthDays = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}
