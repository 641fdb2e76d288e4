/**
 * The 12-month credit score: an expert scorecard (docs/scoring.md). 700 points to start, each
 * characteristic adds or removes points, the sum is clamped to 0–1000 (1000 = safest). The points
 * are judgement, not a fitted model: they rank profiles the way a credit officer would until
 * outcomes exist to calibrate them.
 */
import type { Scores } from '../model/index.ts'
import { CREDIT_SCORE_VERSION } from '../version.ts'
import type { ScoreFeatures } from './features.ts'
import type { Indicator } from './reason-codes.ts'
import { REASON_CODES } from './reason-codes.ts'
import type { Characteristic } from './scorecard.ts'
import { clamp, perCount, runScorecard } from './scorecard.ts'

export const CREDIT_SCORE_BASE = 700
/** Points per indicator step: ±125 points of one indicator's characteristics make ±5. */
const POINTS_PER_INDICATOR_STEP = 25
/** Reasons listed with a score: the strongest ones; the rest moved it little. */
const MAX_REASONS = 8

export const creditScoreCard: readonly Characteristic[] = [
  // living standard
  (f) => {
    const m = f.monthlyIncomeMajor
    if (m <= 0) return { code: 'INCOME_NONE', points: -250 }
    if (m < 1000) return { code: 'INCOME_LOW', points: -80 }
    if (m < 1800) return { code: 'INCOME_MODEST', points: -20 }
    if (m < 3500) return { code: 'INCOME_COMFORTABLE', points: 40 }
    return { code: 'INCOME_HIGH', points: 70 }
  },
  (f) =>
    f.hasStableIncome
      ? { code: 'INCOME_STABLE', points: 50 }
      : f.monthlyIncome > 0
        ? { code: 'INCOME_UNSTABLE', points: -60 }
        : null,
  (f) => (f.allowancesRatio >= 0.5 ? { code: 'ALLOWANCES_DEPENDENT', points: -30 } : null),
  (f) => {
    // 35 % is the French regulator's ceiling for a new mortgage (HCSF); lenders allow a little
    // more for high incomes, hence the neutral band up to 38 %.
    if (f.debtServiceRatio >= 0.5) return { code: 'DEBT_SERVICE_VERY_HIGH', points: -120 }
    if (f.debtServiceRatio >= 0.38) return { code: 'DEBT_SERVICE_HIGH', points: -40 }
    if (f.debtServiceRatio < 0.2 && f.monthlyIncome > 0)
      return { code: 'DEBT_SERVICE_LOW', points: 40 }
    return null
  },
  (f) =>
    f.monthlyIncome > 0 && f.residualIncomeMajor < 500
      ? { code: 'RESIDUAL_INCOME_LOW', points: -60 }
      : null,
  (f) =>
    f.monthlyIncome > 0 && f.residualIncomeMajor >= 1500
      ? { code: 'RESIDUAL_INCOME_HIGH', points: 30 }
      : null,
  (f) => (f.hasMortgage ? { code: 'MORTGAGE_HOLDER', points: 40 } : null),
  (f) => (f.savingsMonths >= 1 ? { code: 'SAVINGS_BUFFER', points: 40 } : null),
  // budget management
  (f) => {
    if (f.consumerCredits >= 5) return { code: 'CONSUMER_CREDITS_MANY', points: -80 }
    if (f.consumerCredits >= 3) return { code: 'CONSUMER_CREDITS_SEVERAL', points: -30 }
    return null
  },
  (f) => {
    if (f.consumerLenders >= 4) return { code: 'LENDERS_MANY', points: -60 }
    if (f.consumerLenders === 3) return { code: 'LENDERS_SEVERAL', points: -20 }
    return null
  },
  (f) => perCount('SPLIT_PAYMENT_PLANS', f.splitPlans, -15, -60),
  (f) => perCount('PAYMENT_REJECTIONS', f.paymentRejections, -70, -210),
  // On top of PAYMENT_REJECTIONS: a missed credit instalment says more of the next credit than
  // a missed phone bill, and lenders report it.
  (f) => perCount('LOAN_REPAYMENT_REJECTIONS', f.loanRepaymentRejections, -30, -90),
  (f) => {
    // Payday credit is taken when nothing else is left; several such lenders at once is the
    // classic spiral before default.
    if (f.shortTermLenders >= 2) return { code: 'SHORT_TERM_LENDERS_MANY', points: -240 }
    if (f.shortTermLenders === 1) return { code: 'SHORT_TERM_LENDER', points: -120 }
    return null
  },
  // A missed payday instalment: the customer could not repay even the credit of last resort.
  (f) =>
    f.missedShortTermRepayments > 0 ? { code: 'SHORT_TERM_CREDIT_MISSED', points: -150 } : null,
  (f) => perCount('CHECK_REJECTIONS', f.checkRejections, -90, -180),
  (f) => perCount('INCIDENT_FEES', f.incidentFees, -10, -50),
  (f) => {
    // Per month of history, so that 20 days over a year and 20 days over three months differ.
    if (f.overdraftDays === 0) return { code: 'OVERDRAFT_NONE', points: 50 }
    if (f.overdraftDaysPerMonth <= 3) return { code: 'OVERDRAFT_OCCASIONAL', points: -20 }
    if (f.overdraftDaysPerMonth <= 10) return { code: 'OVERDRAFT_REGULAR', points: -40 }
    return { code: 'OVERDRAFT_FREQUENT', points: -80 }
  },
  (f) => (f.overdraftDepthRatio > 0.5 ? { code: 'OVERDRAFT_DEEP', points: -50 } : null),
  (f) => (f.overdraftFees > 0 ? { code: 'OVERDRAFT_FEES', points: -30 } : null),
  (f) => {
    if (f.gamblingShare > 0.1) return { code: 'GAMBLING_HIGH', points: -100 }
    if (f.gamblingShare > 0.02) return { code: 'GAMBLING_SOME', points: -30 }
    return null
  },
  (f) => (f.debtRecoveries > 0 ? { code: 'DEBT_RECOVERY', points: -200 } : null),
  (f) => (f.seizures > 0 ? { code: 'ACCOUNT_SEIZURE', points: -250 } : null),
  (f) => (f.wageAdvances > 0 ? { code: 'WAGE_ADVANCE', points: -20 } : null),
  (f) =>
    f.paymentRejections +
      f.checkRejections +
      f.incidentFees +
      f.overdraftFees +
      f.debtRecoveries +
      f.seizures ===
    0
      ? { code: 'CLEAN_HISTORY', points: 40 }
      : null,
  // financial evolution
  (f) => {
    if (f.balanceTrend < -0.25) return { code: 'BALANCE_FALLING', points: -50 }
    if (f.balanceTrend > 0.25) return { code: 'BALANCE_RISING', points: 30 }
    return null
  },
  (f) => {
    if (f.netFlowShare < 0) return { code: 'SPENDING_ABOVE_INCOME', points: -40 }
    if (f.netFlowShare > 0.1) return { code: 'SPENDING_BELOW_INCOME', points: 30 }
    return null
  },
  (f) => (f.historyDays < 60 ? { code: 'SHORT_HISTORY', points: -20 } : null),
]

export const computeCreditScore = (features: ScoreFeatures): NonNullable<Scores['creditScore']> => {
  const { points, reasons } = runScorecard(creditScoreCard, features)
  const byIndicator: Record<Indicator, number> = {
    livingStandard: 0,
    budgetManagement: 0,
    financialEvolution: 0,
  }
  for (const reason of reasons) {
    const indicator = REASON_CODES[reason.code].indicator
    if (indicator !== null) byIndicator[indicator] += reason.impact
  }
  const step = (total: number): number =>
    clamp(Math.round(total / POINTS_PER_INDICATOR_STEP), -5, 5)
  return {
    version: CREDIT_SCORE_VERSION,
    value: clamp(Math.round(CREDIT_SCORE_BASE + points), 0, 1000),
    indicators: {
      livingStandard: step(byIndicator.livingStandard),
      budgetManagement: step(byIndicator.budgetManagement),
      financialEvolution: step(byIndicator.financialEvolution),
    },
    reasons: reasons.slice(0, MAX_REASONS),
  }
}
