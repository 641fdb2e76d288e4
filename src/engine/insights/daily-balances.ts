import type { Account, DailyBalance, EnrichedTransaction, LocalDate } from '../model/index.ts'
import { fromDayNumber, localDateOf, toDayNumber, toIsoDateTime, toMajor } from '../model/index.ts'

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
  const moves = new Map<number, number>()
  for (const t of transactions) {
    if (t.isComing) continue
    const day = toDayNumber(t.date)
    if (day < startDay) startDay = day
    moves.set(day, (moves.get(day) ?? 0) + t.amount)
  }
  // Walk up to the latest of the balance date, the transactions and asOf, then keep up to asOf:
  // a balance dated after asOf still anchors the days before it.
  let lastDay = Math.max(endDay, anchorDay)
  for (const day of moves.keys()) if (day > lastDay) lastDay = day
  const length = lastDay - startDay + 1
  // Movement per day, then the balance at the anchor's end of day walked both ways.
  const perDay = new Array<number>(length).fill(0)
  for (const [day, amount] of moves) perDay[day - startDay] = amount
  const balances = new Array<number>(length).fill(0)
  const anchor = anchorDay - startDay
  balances[anchor] = account.balance
  for (let i = anchor - 1; i >= 0; i--) {
    balances[i] = (balances[i + 1] ?? 0) - (perDay[i + 1] ?? 0)
  }
  for (let i = anchor + 1; i < length; i++) {
    balances[i] = (balances[i - 1] ?? 0) + (perDay[i] ?? 0)
  }
  return { startDay, balances: balances.slice(0, Math.max(endDay - startDay + 1, 0)) }
}

/** The wire form of a balance series: `{ date, balance }` per day, amounts in major units. */
export const toDailyBalances = (series: BalanceSeries | null, currency: string): DailyBalance[] =>
  series === null
    ? []
    : series.balances.map((balance, i) => ({
        date: toIsoDateTime(fromDayNumber(series.startDay + i)),
        balance: toMajor(balance, currency),
      }))
