import type { CashFlow, Loans } from '../model/index.ts'
import { toMajor } from '../model/index.ts'
import type { DetectedCashFlow } from '../recurrence/index.ts'
import { monthlyMinor, sumMinor } from './amounts.ts'
import { LOAN_DRAWDOWN, LOAN_REPAYMENT } from './categories.ts'
import type { Ledger, LedgerEntry } from './ledger.ts'

const lendersOf = (flows: readonly CashFlow[]): { name: string }[] =>
  [...new Set(flows.flatMap((f) => (f.lender === undefined ? [] : [f.lender.name])))]
    .sort()
    .map((name) => ({ name }))

/**
 * Repayments: one cash flow per credit contract (mortgages, consumer credits, each split-payment
 * plan), totals without the repayments a rejection reversed. Drawdowns: credit paid out.
 */
export const computeLoans = (ledger: Ledger, flows: readonly DetectedCashFlow[]): Loans => {
  const { period, currency } = ledger
  const repaymentFlows = flows.filter((f) => LOAN_REPAYMENT.has(f.cashFlow.category))
  const drawdownFlows = flows.filter((f) => LOAN_DRAWDOWN.has(f.cashFlow.category))
  const repaid: LedgerEntry[] = repaymentFlows.flatMap((f) =>
    f.entries.filter((e) => !e.isReversed),
  )
  const drawn: LedgerEntry[] = drawdownFlows.flatMap((f) => f.entries)
  return {
    repayments: {
      totalAmount: toMajor(sumMinor(repaid), currency),
      monthlyAmount: toMajor(monthlyMinor(repaid, period), currency),
      lendingOrganizations: lendersOf(repaymentFlows.map((f) => f.cashFlow)),
      details: repaymentFlows.map((f) => f.cashFlow),
    },
    drawdowns: {
      count: drawn.length,
      totalAmount: toMajor(sumMinor(drawn), currency),
      lendingOrganizations: lendersOf(drawdownFlows.map((f) => f.cashFlow)),
      details: drawdownFlows.map((f) => f.cashFlow),
    },
  }
}
