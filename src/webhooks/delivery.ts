/**
 * One webhook attempt: build the signed request, POST it once with a time-out, report what
 * happened. Retrying is the queue's job (a new job per attempt), not the HTTP client's.
 */
import { performance } from 'node:perf_hooks'
import { Agent, request } from 'undici'
import type { Dispatcher } from 'undici'
import type { AttemptResult, TargetChecker, WebhookSender } from '../app/webhook-ports.ts'
import type { SignatureEncoding, WebhookEventBody } from '../app/webhook-vocabulary.ts'
import {
  SIGNATURE_HEADER,
  TIMESTAMPED_SIGNATURE_HEADER,
  encodeWebhookBody,
  signTimestamped,
  signWebhookBody,
} from './signature.ts'
import {
  checkTargetUrl,
  guardedLookup,
  resolveAndCheckTarget,
  type TargetPolicy,
} from './target-policy.ts'

/** The exact request for one event: the body bytes are the ones that were signed. */
export interface WebhookRequest {
  url: string
  body: string
  headers: Record<string, string>
}

export type { AttemptResult }

export interface DeliveryOptions {
  policy: TargetPolicy
  /** Whole attempt: connection, request and response headers. */
  timeoutMs: number
  /** From `createWebhookAgent`, shared by every attempt so connections are reused. */
  dispatcher: Dispatcher
}

const USER_AGENT = 'creditlens-webhooks/1'

/**
 * The signed request for an event. `sentAtMs` is the time of this attempt (it goes into the
 * timestamped signature; the event's own `time` stays the emission time).
 */
export const buildWebhookRequest = (
  event: WebhookEventBody,
  secret: string,
  encoding: SignatureEncoding,
  sentAtMs: number,
): WebhookRequest => {
  const body = encodeWebhookBody(event, encoding)
  return {
    url: event.subscription.target,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [SIGNATURE_HEADER]: signWebhookBody(body, secret),
      [TIMESTAMPED_SIGNATURE_HEADER]: signTimestamped(body, secret, Math.floor(sentAtMs / 1000)),
    },
  }
}

/**
 * The HTTP client for webhooks. Every connection goes through `guardedLookup`, so a target name
 * that resolves to a refused range fails at connection time even if it passed when subscribed.
 */
export const createWebhookAgent = (policy: TargetPolicy): Agent =>
  new Agent({
    connect: { lookup: guardedLookup(policy) },
    // Receivers often close idle connections after 5 s; reusing one they are closing fails.
    keepAliveTimeout: 4_000,
  })

/** How much of a response body is read before the connection is dropped: we only need the status. */
const MAX_RESPONSE_BYTES = 64 * 1024
const MAX_ERROR_LENGTH = 300

const describeError = (err: unknown, signal: AbortSignal, timeoutMs: number): string => {
  if (signal.aborted) return `TIMEOUT: no answer within ${timeoutMs} ms`
  if (!(err instanceof Error)) return `ERROR: ${String(err)}`
  const code = 'code' in err && typeof err.code === 'string' ? err.code : err.name
  // A connection tried on several addresses fails with an AggregateError and an empty message.
  const inner =
    err instanceof AggregateError ? err.errors.find((e) => e instanceof Error) : undefined
  const message = err.message || (inner instanceof Error ? inner.message : '') || 'request failed'
  return `${code}: ${message}`.slice(0, MAX_ERROR_LENGTH)
}

/**
 * POSTs once. Never throws: every failure is a result. Redirects are not followed (a 3xx is a
 * failed attempt), since a redirect could lead to an address the policy refuses.
 */
export const sendWebhook = async (
  req: WebhookRequest,
  options: DeliveryOptions,
): Promise<AttemptResult> => {
  const checked = checkTargetUrl(req.url, options.policy)
  if (!checked.ok) {
    return {
      delivered: false,
      status: null,
      durationMs: 0,
      error: `${checked.code}: ${checked.message}`,
    }
  }
  const signal = AbortSignal.timeout(options.timeoutMs)
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  try {
    const res = await request(checked.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      dispatcher: options.dispatcher,
      signal,
    })
    const durationMs = elapsed()
    // The status decides; the body is drained (up to a limit) only to free the connection.
    await res.body.dump({ limit: MAX_RESPONSE_BYTES, signal }).catch(() => undefined)
    const delivered = res.statusCode >= 200 && res.statusCode < 300
    return { delivered, status: res.statusCode, durationMs, error: null }
  } catch (err) {
    return {
      delivered: false,
      status: null,
      durationMs: elapsed(),
      error: describeError(err, signal, options.timeoutMs),
    }
  }
}

/**
 * The `WebhookSender` port over undici: signs and POSTs with one shared agent. `close()` ends its
 * idle connections (at shutdown).
 */
export const createWebhookSender = (options: {
  policy: TargetPolicy
  timeoutMs: number
  now?: () => number
}): WebhookSender & { close(): Promise<void> } => {
  const dispatcher = createWebhookAgent(options.policy)
  const now = options.now ?? Date.now
  const delivery: DeliveryOptions = {
    policy: options.policy,
    timeoutMs: options.timeoutMs,
    dispatcher,
  }
  return {
    send: (body, secret, encoding) =>
      sendWebhook(buildWebhookRequest(body, secret, encoding, now()), delivery),
    close: () => dispatcher.close(),
  }
}

/** The `TargetChecker` port: the URL and every address its host resolves to. */
export const createTargetChecker =
  (policy: TargetPolicy): TargetChecker =>
  async (target) => {
    const check = await resolveAndCheckTarget(target, policy)
    return check.ok ? { ok: true } : { ok: false, code: check.code, message: check.message }
  }
