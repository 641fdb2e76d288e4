/**
 * The short-horizon payment score, 1–10 (10 = safest): how likely an unpaid payment is in the
 * next months. It starts at 8 and reads only what predicts the near future: recent rejections,
 * recent overdraft and fees, the balance left against next month's repayments, heavy failures.
 */
import type { Scores } from '../model/index.ts'
import { PAYMENT_SCORE_VERSION } from '../version.ts'
import type { Characteristic } from './scorecard.ts'
import { clamp, perCount, runScorecard } from './scorecard.ts'
import type { ScoreFeatures } from './features.ts'

export const PAYMENT_SCORE_BASE = 8

export const paymentScoreCard: readonly Characteristic[] = [
  (f) => perCount('RECENT_PAYMENT_REJECTIONS', f.recentPaymentRejections, -2, -5),
  (f) => {
    if (f.recentOverdraftDays > 10) return { code: 'RECENT_OVERDRAFT', points: -2 }
    if (f.recentOverdraftDays > 0) return { code: 'RECENT_OVERDRAFT', points: -1 }
    return null
  },
  (f) => perCount('RECENT_INCIDENT_FEES', f.recentIncidentFees, -1, -2),
  (f) =>
    f.monthlyRepayments > 0 && f.currentBalance < f.monthlyRepayments
      ? { code: 'LOW_BALANCE_FOR_REPAYMENTS', points: -1 }
      : null,
  (f) => (f.debtRecoveries + f.seizures > 0 ? { code: 'HEAVY_FAILURE', points: -4 } : null),
  (f) => (f.debtServiceRatio >= 0.5 ? { code: 'HEAVY_DEBT_SERVICE', points: -1 } : null),
  (f) =>
    f.hasStableIncome &&
    f.paymentRejections + f.checkRejections + f.incidentFees + f.overdraftDays + f.overdraftFees ===
      0
      ? { code: 'STABLE_INCOME_NO_INCIDENT', points: 2 }
      : null,
]

export const computePaymentScore = (
  features: ScoreFeatures,
): NonNullable<Scores['paymentScore']> => {
  const { points, reasons } = runScorecard(paymentScoreCard, features)
  return {
    version: PAYMENT_SCORE_VERSION,
    value: clamp(PAYMENT_SCORE_BASE + points, 1, 10),
    reasons,
  }
}
