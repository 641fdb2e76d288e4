/**
 * Webhook settings, read from the environment once at start. A bad value stops the start with
 * a message naming the variable.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `WEBHOOK_TIMEOUT_MS` | 10000 | one attempt, connection to response headers |
 * | `WEBHOOK_MAX_ATTEMPTS` | 8 | attempts per event before it is FAILED |
 * | `WEBHOOK_RETRY_INITIAL_MS` | 30000 | delay before the second attempt |
 * | `WEBHOOK_RETRY_FACTOR` | 3.6 | each delay is the previous one times this |
 * | `WEBHOOK_RETRY_MAX_DELAY_MS` | 86400000 | cap of one delay |
 * | `WEBHOOK_RETRY_JITTER` | 0.2 | ± share of randomness on each delay |
 * | `WEBHOOK_DISABLE_AFTER` | 5 | consecutive FAILED events that DISABLE a subscription |
 * | `WEBHOOK_ALLOW_NETWORKS` | (none) | comma list of `loopback`, `private`, `link-local` targets may use |
 * | `WEBHOOK_SWEEP_INTERVAL_MS` | 60000 | how often workers look for events left without a job |
 *
 * https targets are required when `NODE_ENV=production`.
 */
import { ConfigError } from './error.ts'

export const WEBHOOK_NETWORKS = ['loopback', 'private', 'link-local'] as const

export interface WebhookConfig {
  timeoutMs: number
  retry: {
    maxAttempts: number
    initialDelayMs: number
    factor: number
    maxDelayMs: number
    jitter: number
  }
  disableAfterFailedEvents: number
  policy: { requireHttps: boolean; allow: (typeof WEBHOOK_NETWORKS)[number][] }
  sweepIntervalMs: number
}

type Env = Readonly<Record<string, string | undefined>>

const number = (
  env: Env,
  name: string,
  fallback: number,
  { min, max, integer = true }: { min: number; max: number; integer?: boolean },
): number => {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    const kind = integer ? 'an integer' : 'a number'
    throw new ConfigError(`${name} must be ${kind} between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

const networks = (env: Env, name: string): WebhookConfig['policy']['allow'] => {
  const raw = env[name]?.trim() ?? ''
  if (raw === '') return []
  return raw.split(',').map((item) => {
    const found = WEBHOOK_NETWORKS.find((network) => network === item.trim())
    if (found === undefined) {
      throw new ConfigError(`${name} takes ${WEBHOOK_NETWORKS.join(', ')}, got "${item.trim()}"`)
    }
    return found
  })
}

const DAY_MS = 86_400_000

export const loadWebhookConfig = (env: Env, production: boolean): WebhookConfig => {
  const initialDelayMs = number(env, 'WEBHOOK_RETRY_INITIAL_MS', 30_000, { min: 0, max: DAY_MS })
  return {
    timeoutMs: number(env, 'WEBHOOK_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    retry: {
      maxAttempts: number(env, 'WEBHOOK_MAX_ATTEMPTS', 8, { min: 1, max: 50 }),
      initialDelayMs,
      factor: number(env, 'WEBHOOK_RETRY_FACTOR', 3.6, { min: 1, max: 100, integer: false }),
      maxDelayMs: number(env, 'WEBHOOK_RETRY_MAX_DELAY_MS', DAY_MS, {
        min: initialDelayMs,
        max: 7 * DAY_MS,
      }),
      jitter: number(env, 'WEBHOOK_RETRY_JITTER', 0.2, { min: 0, max: 1, integer: false }),
    },
    disableAfterFailedEvents: number(env, 'WEBHOOK_DISABLE_AFTER', 5, { min: 1, max: 1_000 }),
    policy: { requireHttps: production, allow: networks(env, 'WEBHOOK_ALLOW_NETWORKS') },
    sweepIntervalMs: number(env, 'WEBHOOK_SWEEP_INTERVAL_MS', 60_000, { min: 100, max: DAY_MS }),
  }
}
