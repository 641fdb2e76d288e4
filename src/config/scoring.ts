/**
 * Scoring API v1 settings, read from the environment once at start. (`redirect_url` starts with
 * `PUBLIC_URL`, the hosted page's setting: see config/index.ts.)
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `SCORING_EXPIRY_HOURS` | 6 | hours a customer has to share data on the hosted page before the scoring is `expired` |
 */
import { ConfigError } from './error.ts'

export interface ScoringConfig {
  expiryHours: number
}

type Env = Readonly<Record<string, string | undefined>>

const value = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined

export const loadScoringConfig = (env: Env): ScoringConfig => {
  const raw = value(env, 'SCORING_EXPIRY_HOURS') ?? '6'
  const expiryHours = Number(raw)
  // 720 hours (30 days): the hosted page's link must stay valid as long, and its data with it.
  if (!/^\d+(\.\d+)?$/.test(raw) || expiryHours <= 0 || expiryHours > 720) {
    throw new ConfigError('SCORING_EXPIRY_HOURS must be a number of hours above 0, at most 720')
  }
  return { expiryHours }
}
