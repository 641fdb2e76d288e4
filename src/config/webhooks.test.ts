import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEFAULT_RETRY_SCHEDULE } from '../app/webhook-backoff.ts'
import { loadWebhookConfig } from './webhooks.ts'

test('defaults: 10 s time-out, the default retry schedule, no private target, https in production', () => {
  const config = loadWebhookConfig({}, true)
  assert.equal(config.timeoutMs, 10_000)
  assert.deepEqual(config.retry, DEFAULT_RETRY_SCHEDULE)
  assert.deepEqual(config.policy, { requireHttps: true, allow: [] })
  assert.equal(loadWebhookConfig({}, false).policy.requireHttps, false)
})

test('reads every variable and the list of allowed networks', () => {
  const config = loadWebhookConfig(
    {
      WEBHOOK_TIMEOUT_MS: '500',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_RETRY_INITIAL_MS: '10',
      WEBHOOK_RETRY_FACTOR: '2',
      WEBHOOK_RETRY_MAX_DELAY_MS: '100',
      WEBHOOK_RETRY_JITTER: '0',
      WEBHOOK_DISABLE_AFTER: '2',
      WEBHOOK_ALLOW_NETWORKS: 'loopback, private',
      WEBHOOK_SWEEP_INTERVAL_MS: '250',
    },
    false,
  )
  assert.deepEqual(config, {
    timeoutMs: 500,
    retry: { maxAttempts: 3, initialDelayMs: 10, factor: 2, maxDelayMs: 100, jitter: 0 },
    disableAfterFailedEvents: 2,
    policy: { requireHttps: false, allow: ['loopback', 'private'] },
    sweepIntervalMs: 250,
  })
})

test('names the variable of a bad value', () => {
  const bad: [string, string, RegExp][] = [
    ['WEBHOOK_TIMEOUT_MS', '10s', /WEBHOOK_TIMEOUT_MS must be an integer/],
    ['WEBHOOK_MAX_ATTEMPTS', '0', /WEBHOOK_MAX_ATTEMPTS/],
    ['WEBHOOK_RETRY_JITTER', '1.5', /WEBHOOK_RETRY_JITTER must be a number between 0 and 1/],
    ['WEBHOOK_RETRY_MAX_DELAY_MS', '5', /WEBHOOK_RETRY_MAX_DELAY_MS/], // below the initial delay
    ['WEBHOOK_ALLOW_NETWORKS', 'loopback,everything', /"everything"/],
  ]
  for (const [name, value, message] of bad) {
    assert.throws(() => loadWebhookConfig({ [name]: value }, false), message, name)
  }
})
