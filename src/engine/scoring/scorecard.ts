/** The shape shared by both scorecards: characteristics that give points with a reason code. */
import type { ScoreReason } from '../model/index.ts'
import type { ScoreFeatures } from './features.ts'
import type { ReasonCode } from './reason-codes.ts'

/** One scorecard line: reads the features, returns the points it gives (and why), or nothing. */
export type Characteristic = (f: ScoreFeatures) => { code: ReasonCode; points: number } | null

export interface ScorecardResult {
  points: number
  /** Every non-zero contribution, the strongest first (ties by code, for a stable order). */
  reasons: (ScoreReason & { code: ReasonCode })[]
}

export const runScorecard = (
  characteristics: readonly Characteristic[],
  features: ScoreFeatures,
): ScorecardResult => {
  const reasons: (ScoreReason & { code: ReasonCode })[] = []
  let points = 0
  for (const characteristic of characteristics) {
    const hit = characteristic(features)
    if (hit === null || hit.points === 0) continue
    points += hit.points
    reasons.push({ code: hit.code, impact: hit.points })
  }
  reasons.sort(
    (a, b) =>
      Math.abs(b.impact) - Math.abs(a.impact) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )
  return { points, reasons }
}

/**
 * `pointsEach` per occurrence, capped at `cap` (both negative): the third rejection says little
 * the second did not.
 */
export const perCount = (
  code: ReasonCode,
  count: number,
  pointsEach: number,
  cap: number,
): { code: ReasonCode; points: number } | null =>
  count > 0 ? { code, points: Math.max(count * pointsEach, cap) } : null

export const clamp = (value: number, min: number, max: number): number =>
  Math.min(Math.max(value, min), max)
