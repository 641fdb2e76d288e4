import type { Expenses } from '../model/index.ts'
import { toMajor } from '../model/index.ts'
import { categoryGroups, monthlyMinor, sumMinor } from './amounts.ts'
import { EXPENSE, isInternal } from './categories.ts'
import type { Ledger, LedgerEntry } from './ledger.ts'

/** "A transaction group is created when there are at least 5 occurrences" (reference). */
const FREQUENT_MIN = 5

/**
 * Money out on the checking accounts that is spending: expense categories, taxes and ordinary
 * bank fees. Payments reversed by a rejection were not spent; internal transfers are not spending.
 */
export const expenseEntries = (ledger: Ledger): LedgerEntry[] =>
  ledger.checking.filter(
    (e) =>
      e.tx.amount < 0 &&
      !e.isReversed &&
      EXPENSE.has(e.tx.enrichments.category) &&
      !isInternal(e.tx.enrichments.type),
  )

/** Groups of at least five expenses sharing a description root, the most frequent first. */
const frequentTransactions = (
  entries: readonly LedgerEntry[],
): Expenses['frequentTransactions'] => {
  const byRoot = new Map<string, LedgerEntry[]>()
  for (const e of entries) {
    const list = byRoot.get(e.tx.labelRoot)
    if (list === undefined) byRoot.set(e.tx.labelRoot, [e])
    else list.push(e)
  }
  const frequent: [string, LedgerEntry[]][] = []
  for (const entry of byRoot) if (entry[1].length >= FREQUENT_MIN) frequent.push(entry)
  return frequent
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([label, list]) => ({ label, transactions: list.map((e) => e.wire) }))
}

export const computeExpenses = (ledger: Ledger, entries: readonly LedgerEntry[]): Expenses => {
  const { period, currency } = ledger
  return {
    totalAmount: toMajor(sumMinor(entries), currency),
    monthlyAmount: toMajor(monthlyMinor(entries, period), currency),
    frequentTransactions: frequentTransactions(entries),
    categories: categoryGroups(entries, period, currency),
  }
}
