import type { Account, Metadata } from '../model/index.ts'
import { toIsoDateTime } from '../model/index.ts'
import type { Ledger } from './ledger.ts'
import { periodMonths } from './ledger.ts'

/**
 * What the data itself looks like. Depths and gaps are in days up to the analysis date;
 * `calendar` gives, per month of the period, how many of its days the history covers;
 * counts are over the analysed accounts' booked transactions.
 */
export const computeMetadata = (accounts: readonly Account[], ledger: Ledger): Metadata => {
  const { period, all } = ledger
  const first = all[0]
  const last = all[all.length - 1]
  const count = (type: Account['type']): number => accounts.filter((a) => a.type === type).length
  return {
    lastTransactionGap: last === undefined ? 0 : period.endDay - last.day,
    historicalDepth: first === undefined ? 0 : period.endDay - first.day + 1,
    monthlyTransactionCount:
      all.length === 0 ? 0 : Math.round(all.length / Math.max(periodMonths(period), 1)),
    numberOfCheckings: count('CHECKING'),
    numberOfSavings: count('SAVINGS'),
    numberOfLoans: count('LOAN'),
    firstTransactionDate: first === undefined ? null : toIsoDateTime(first.tx.date),
    calendar: period.months.map((month, i) => ({ month, nbDays: period.coveredDays[i] ?? 0 })),
    totalTransactionCount: all.length,
  }
}
