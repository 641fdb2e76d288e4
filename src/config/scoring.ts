/**
 * Scoring API v1 settings, read from the environment once at start.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `SCORING_EXPIRY_HOURS` | 6 | hours a customer has to share data on the hosted page before the scoring is `expired` |
 * | `PUBLIC_URL` | `http://<HOST>:<PORT>` | the address customers reach this server at: `redirect_url` starts with it (https in production) |
 */
import { ConfigError } from './error.ts'

export interface ScoringConfig {
  expiryHours: number
  /** Without a trailing slash. */
  publicUrl: string
}

type Env = Readonly<Record<string, string | undefined>>

export const loadScoringConfig = (
  env: Env,
  defaults: { host: string; port: number; production: boolean },
): ScoringConfig => {
  const rawHours = env.SCORING_EXPIRY_HOURS?.trim() || '6'
  const expiryHours = Number(rawHours)
  if (!/^\d+(\.\d+)?$/.test(rawHours) || expiryHours <= 0 || expiryHours > 24 * 30) {
    throw new ConfigError('SCORING_EXPIRY_HOURS must be a number of hours between 0 and 720')
  }
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://${defaults.host}:${defaults.port}`).replace(
    /\/+$/,
    '',
  )
  let parsed: URL
  try {
    parsed = new URL(publicUrl)
  } catch {
    throw new ConfigError('PUBLIC_URL must be an absolute http(s) URL')
  }
  if (parsed.protocol !== 'https:' && (defaults.production || parsed.protocol !== 'http:')) {
    throw new ConfigError(
      defaults.production ? 'PUBLIC_URL must be https in production' : 'PUBLIC_URL must be http(s)',
    )
  }
  return { expiryHours, publicUrl }
}
