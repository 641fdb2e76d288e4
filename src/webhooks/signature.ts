/**
 * Webhook bodies and their signatures. We sign exactly the bytes we send, in one of the two
 * encodings receivers in the wild verify (see `SignatureEncoding`), and verify in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { SignatureEncoding, WebhookEventBody } from '../app/webhook-vocabulary.ts'

/** The reference's signature header: `sha256=<lower-case hex HMAC-SHA256 of the body>`. */
export const SIGNATURE_HEADER = 'x-hub-signature'
/**
 * Our extra header against replay: `t=<unix seconds>,sha256=<hex HMAC of "<t>.<body>">`. Receivers
 * that check it can refuse a captured webhook replayed later; the reference's receivers ignore it.
 */
export const TIMESTAMPED_SIGNATURE_HEADER = 'x-creditlens-signature'

/** Characters the reference escapes besides non-ASCII, with their escaped form. */
const REFERENCE_ESCAPES: Readonly<Record<string, string>> = {
  '/': '\\/',
  '<': '\\u003C',
  '%': '\\u0025',
  '@': '\\u0040',
}

/**
 * Re-escapes a JSON text the way the reference's "Signature validation" paragraph describes:
 * every non-ASCII UTF-16 code unit as `\uXXXX` in lower-case hex (so `ä` → `\u00e4` and an emoji
 * → its surrogate pair `\ud83d\ude00`), `/` → `\/`, `<` → `\u003C`, `%` → `\u0025`,
 * `@` → `\u0040`. Those characters only occur inside JSON strings, so the result parses to the
 * same value.
 *
 * @example escapeJsonText('{"d":"äöå/<%@"}') // '{"d":"\\u00e4\\u00f6\\u00e5\\/\\u003C\\u0025\\u0040"}'
 */
export const escapeJsonText = (json: string): string =>
  json.replace(
    /[\u0080-\uffff/<%@]/g,
    (ch) => REFERENCE_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/**
 * The exact text POSTed for an event: compact `JSON.stringify` with the fields in the reference's
 * order, escaped with `escapeJsonText` for `ESCAPED_UNICODE` subscriptions.
 */
export const encodeWebhookBody = (
  event: WebhookEventBody,
  encoding: SignatureEncoding = 'JSON',
): string => {
  const ordered: WebhookEventBody = {
    subscription: {
      id: event.subscription.id,
      target: event.subscription.target,
      eventName: event.subscription.eventName,
    },
    payload:
      event.payload.analysisId === undefined
        ? { customerId: event.payload.customerId }
        : { customerId: event.payload.customerId, analysisId: event.payload.analysisId },
    time: event.time,
    index: event.index,
    id: event.id,
  }
  const json = JSON.stringify(ordered)
  return encoding === 'ESCAPED_UNICODE' ? escapeJsonText(json) : json
}

const hmacHex = (secret: string, data: string | Uint8Array): string =>
  createHmac('sha256', secret).update(data).digest('hex')

/** `sha256=<lower-case hex HMAC-SHA256>` of the body, with the subscription secret as the key. */
export const signWebhookBody = (body: string | Uint8Array, secret: string): string =>
  `sha256=${hmacHex(secret, body)}`

/** The value of `TIMESTAMPED_SIGNATURE_HEADER` for a body sent at `unixSeconds`. */
export const signTimestamped = (body: string, secret: string, unixSeconds: number): string =>
  `t=${unixSeconds},sha256=${hmacHex(secret, `${unixSeconds}.${body}`)}`

type HeaderValue = string | readonly string[] | null | undefined

const singleHeader = (header: HeaderValue): string | undefined => {
  if (typeof header === 'string') return header
  if (Array.isArray(header) && header.length === 1) return header[0]
  return undefined
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i

/** Constant-time comparison of a hex digest received against the one we compute. */
const sameDigest = (receivedHex: string, expectedHex: string): boolean => {
  if (!HEX_SHA256.test(receivedHex)) return false
  // Both are 32 bytes once decoded, as timingSafeEqual requires.
  return timingSafeEqual(Buffer.from(receivedHex, 'hex'), Buffer.from(expectedHex, 'hex'))
}

/**
 * Checks an `X-Hub-Signature` header against the raw request body, in constant time.
 * Pass the body exactly as received (bytes or the undecoded text), not a re-serialised object:
 * the signature covers the bytes, whichever encoding the subscription uses.
 *
 * @example
 * // in a receiver, with the raw body kept as a Buffer
 * if (!verifyWebhookSignature(rawBody, req.headers['x-hub-signature'], secret)) reply.code(401)
 */
export const verifyWebhookSignature = (
  rawBody: string | Uint8Array,
  header: HeaderValue,
  secret: string,
): boolean => {
  const value = singleHeader(header)?.trim()
  if (value === undefined || !value.startsWith('sha256=')) return false
  return sameDigest(value.slice('sha256='.length), hmacHex(secret, rawBody))
}

/**
 * Checks the `X-Creditlens-Signature` header (`t=<unix seconds>,sha256=<hex>`): the HMAC of
 * `<t>.<raw body>` must match and `t` must be within `toleranceSeconds` (default 300) of `nowMs`.
 */
export const verifyTimestampedSignature = (
  rawBody: string | Uint8Array,
  header: HeaderValue,
  secret: string,
  options: { nowMs?: number; toleranceSeconds?: number } = {},
): boolean => {
  const match = /^t=(\d{1,12}),sha256=([0-9a-fA-F]{64})$/.exec(singleHeader(header)?.trim() ?? '')
  if (match === null) return false
  const [, t = '', digest = ''] = match
  const ageSeconds = Math.abs((options.nowMs ?? Date.now()) / 1000 - Number(t))
  if (ageSeconds > (options.toleranceSeconds ?? 300)) return false
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody
  const expected = hmacHex(secret, Buffer.concat([Buffer.from(`${t}.`), body]))
  return sameDigest(digest, expected)
}
