import { LOAN_DRAWDOWN } from '../insights/categories.ts'
import { groupBySamePayee } from './grouping.ts'
import type { RecurrenceDetector } from './types.ts'

const ID = 'LOAN_DRAWDOWN'

/**
 * Credit paid out to the customer, one cash flow per lender wording: the funds of a personal
 * loan (usually one transfer) or the successive drawdowns of a revolving credit.
 * Known misses: two loans from one lender in the period are reported as one flow.
 */
export const loanDrawdowns: RecurrenceDetector = {
  id: ID,
  detect: (candidates) =>
    groupBySamePayee(candidates, (category) => LOAN_DRAWDOWN.has(category))
      .filter((group) => group.some((e) => e.tx.amount > 0))
      .map((entries) => ({ detectorId: ID, entries })),
}
