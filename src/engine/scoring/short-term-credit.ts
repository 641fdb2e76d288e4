/**
 * SHORT_TERM_CREDIT: lenders of short-term (payday) credit, told by the shape of their loans,
 * not by a list of names: money paid out as a personal loan, of which at least 60 % is already
 * being repaid to the same lender within 100 days. A personal loan spreads its repayments over
 * years; a payday loan takes back the whole sum (plus fees) in one to three months.
 * Knowingly wrong: a payday loan paid out to another account (no drawdown here) is missed; a
 * small personal loan repaid early reads as short-term, which it then was.
 */
import type { DetectedCashFlow } from '../recurrence/index.ts'

export const SHORT_TERM_CREDIT_ID = 'SHORT_TERM_CREDIT'

/** Why: payday loans run 14 to 90 days; 100 leaves room for a re-presented last instalment. */
const WINDOW_DAYS = 100
/** Why: a 12-month personal loan repays about a quarter in 100 days; a payday loan all of it. */
const MIN_REPAID_SHARE = 0.6

/** Personal-loan drawdowns and repayments: revolving lines and mortgages work otherwise. */
const DRAWDOWNS: ReadonlySet<string> = new Set(['LOAN_DRAWDOWN', 'LOAN_DRAWDOWN_PERSONAL'])
const REPAYMENTS: ReadonlySet<string> = new Set(['LOAN_REPAYMENT', 'LOAN_REPAYMENT_PERSONAL'])

export interface ShortTermCredit {
  /** Lenders of short-term credit, sorted. */
  lenders: string[]
  /** Their instalments a rejection reversed (missed payday repayments). */
  missedRepayments: number
}

/** Short-term lenders and the instalments of theirs that were rejected. */
export const shortTermCreditOf = (flows: readonly DetectedCashFlow[]): ShortTermCredit => {
  const lenders = shortTermLendersOf(flows)
  const set = new Set(lenders)
  let missedRepayments = 0
  for (const f of flows) {
    const lender = f.cashFlow.lender?.name
    if (lender === undefined || !set.has(lender) || !REPAYMENTS.has(f.cashFlow.category)) continue
    for (const e of f.entries) if (e.isReversed) missedRepayments++
  }
  return { lenders, missedRepayments }
}

/**
 * The names of the lenders of short-term credit in the cash flows, sorted. Repayments count
 * when they were presented, paid or rejected: a missed payday instalment was still due.
 */
export const shortTermLendersOf = (flows: readonly DetectedCashFlow[]): string[] => {
  const repaymentDays = new Map<string, { day: number; minor: number }[]>()
  for (const f of flows) {
    const lender = f.cashFlow.lender?.name
    if (lender === undefined || !REPAYMENTS.has(f.cashFlow.category)) continue
    const list = repaymentDays.get(lender) ?? []
    for (const e of f.entries) if (e.tx.amount < 0) list.push({ day: e.day, minor: -e.tx.amount })
    repaymentDays.set(lender, list)
  }
  const lenders = new Set<string>()
  for (const f of flows) {
    const lender = f.cashFlow.lender?.name
    if (lender === undefined || !DRAWDOWNS.has(f.cashFlow.category)) continue
    const repayments = repaymentDays.get(lender)
    if (repayments === undefined) continue
    for (const e of f.entries) {
      if (e.tx.amount <= 0) continue
      let repaid = 0
      for (const r of repayments) {
        if (r.day > e.day && r.day <= e.day + WINDOW_DAYS) repaid += r.minor
      }
      if (repaid >= e.tx.amount * MIN_REPAID_SHARE) {
        lenders.add(lender)
        break
      }
    }
  }
  return [...lenders].sort()
}
