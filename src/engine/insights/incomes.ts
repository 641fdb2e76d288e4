import type { Incomes } from '../model/index.ts'
import { toMajor } from '../model/index.ts'
import { categoryGroups, monthlyMinor, ratio2, sumMinor } from './amounts.ts'
import { ALLOWANCES, INCOME, isInternal, WAGES } from './categories.ts'
import type { Ledger, LedgerEntry } from './ledger.ts'

/**
 * Money in on the checking accounts that is income: income categories only (loan drawdowns,
 * refunds, rejections and transfers between the customer's own accounts are not income).
 */
export const incomeEntries = (ledger: Ledger): LedgerEntry[] =>
  ledger.checking.filter(
    (e) =>
      e.tx.amount > 0 &&
      INCOME.has(e.tx.enrichments.category) &&
      !isInternal(e.tx.enrichments.type),
  )

/**
 * Employers: counterparties of wage transactions, the largest payer first. Their size
 * (`staffing`) is not known from bank data: null, never absent.
 */
const employersOf = (entries: readonly LedgerEntry[]): Incomes['employers'] => {
  const totals = new Map<string, number>()
  for (const e of entries) {
    const name = e.tx.enrichments.counterparty
    if (!WAGES.has(e.tx.enrichments.category) || name === null || name === '') continue
    totals.set(name, (totals.get(name) ?? 0) + e.tx.amount)
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name]) => ({ name, staffing: null }))
}

export const computeIncomes = (ledger: Ledger, entries: readonly LedgerEntry[]): Incomes => {
  const { period, currency } = ledger
  const total = sumMinor(entries)
  const allowances = sumMinor(entries.filter((e) => ALLOWANCES.has(e.tx.enrichments.category)))
  return {
    totalAmount: toMajor(total, currency),
    monthlyAmount: toMajor(monthlyMinor(entries, period), currency),
    indicators: { allowancesRatio: ratio2(allowances, total) },
    employers: employersOf(entries),
    categories: categoryGroups(entries, period, currency),
  }
}
