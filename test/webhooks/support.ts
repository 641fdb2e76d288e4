/** Helpers shared by the webhook suites: polling for an eventual state, reading webhooks. */
import assert from 'node:assert/strict'
import type { ReceivedWebhook } from '../support/webhook-receiver.ts'

/** Environment of a test runtime: loopback receivers allowed, short time-out, fast retries. */
export const WEBHOOK_TEST_ENV = {
  WEBHOOK_ALLOW_NETWORKS: 'loopback',
  // generous: on a loaded 2-core CI machine a healthy local receiver can take a few hundred ms
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_RETRY_INITIAL_MS: '20',
  WEBHOOK_RETRY_FACTOR: '2',
  WEBHOOK_RETRY_JITTER: '0',
  WEBHOOK_DISABLE_AFTER: '2',
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export const eventually = async <T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export interface WebhookJson {
  subscription: { id: string; target: string; eventName: string }
  payload: { customerId: string; analysisId?: string }
  time: number
  index: number
  id: string
}

export const parseWebhook = (webhook: ReceivedWebhook): WebhookJson =>
  JSON.parse(webhook.raw.toString('utf8')) as WebhookJson // our own wire shape, checked by the tests
