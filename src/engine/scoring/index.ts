import type { Scores } from '../model/index.ts'
import { computeCreditScore } from './credit-score.ts'
import type { ScoreFeatures } from './features.ts'
import { computePaymentScore } from './payment-score.ts'

export { computeFeatures } from './features.ts'
export type { FeatureInputs, ScoreFeatures } from './features.ts'
export { REASON_CODES } from './reason-codes.ts'
export type { ReasonCode } from './reason-codes.ts'

/** Both scores from the same features. */
export const computeScores = (features: ScoreFeatures): Scores => ({
  creditScore: computeCreditScore(features),
  paymentScore: computePaymentScore(features),
})
