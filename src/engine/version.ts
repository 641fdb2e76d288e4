/**
 * Versions stamped on every output, so a stored decision says which engine produced it and can
 * be replayed with the same code. Bump the matching one when a change moves an output.
 */
export const ENGINE_VERSION = '0.1.0'
/** `creditInsights.version`: cash flows, incomes, expenses, loans and risks. */
export const CREDIT_INSIGHTS_VERSION = '1.0.1'
/** `scores.creditScore.version`: the 12-month expert scorecard (docs/scoring.md). */
export const CREDIT_SCORE_VERSION = '1.0.0'
/** `scores.paymentScore.version`: the short-horizon score (docs/scoring.md). */
export const PAYMENT_SCORE_VERSION = '1.0.0'
