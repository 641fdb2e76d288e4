/**
 * When to try a failed webhook again: exponential backoff with jitter. The queue holds the
 * schedule (each retry is a job with a start time), so retries survive a restart.
 */

export interface RetrySchedule {
  /** Attempts per event, the first one included. */
  maxAttempts: number
  /** Delay before the second attempt. */
  initialDelayMs: number
  /** Each delay is the previous one times this. */
  factor: number
  /** No single delay grows beyond this. */
  maxDelayMs: number
  /** Spread of the random part, 0–1: a delay `d` becomes uniform in `d × [1 − jitter, 1 + jitter]`. */
  jitter: number
}

/**
 * 8 attempts over about 25 hours: 30 s, 1.8 min, 6.5 min, 23 min, 84 min, 5 h and 18 h between
 * them (before jitter). A receiver down for a night or a deployment gets every event once it is
 * back; one that stays down past a day has its event marked FAILED. Jitter of ±20% spreads the
 * retries of many events that failed together (one receiver outage) so they don't come back
 * as one burst.
 */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  maxAttempts: 8,
  initialDelayMs: 30_000,
  factor: 3.6,
  maxDelayMs: 24 * 60 * 60 * 1000,
  jitter: 0.2,
}

/** The delay before attempt `attempt + 1` without jitter, or `null` when `attempt` was the last. */
export const baseDelayAfter = (attempt: number, schedule: RetrySchedule): number | null => {
  if (attempt >= schedule.maxAttempts) return null
  const delay = schedule.initialDelayMs * schedule.factor ** (attempt - 1)
  return Math.min(delay, schedule.maxDelayMs)
}

/**
 * How long to wait after failed attempt number `attempt` (1-based) before the next one, or `null`
 * when no attempt is left. `random` returns a number in [0, 1) (`Math.random` in production, a
 * fixed value in tests).
 */
export const retryDelayAfter = (
  attempt: number,
  schedule: RetrySchedule,
  random: () => number,
): number | null => {
  const base = baseDelayAfter(attempt, schedule)
  if (base === null) return null
  const spread = 1 - schedule.jitter + 2 * schedule.jitter * random()
  return Math.round(base * spread)
}
