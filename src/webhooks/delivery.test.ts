import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { EventName, RequestBuilder, Subscription } from '@algoan/rest'
import { escapeLikeTheReference } from '../../test/support/reference-escape.ts'
import { startReceiver, type Receiver } from '../../test/support/webhook-receiver.ts'
import type { SignatureEncoding, WebhookEventBody } from '../app/webhook-vocabulary.ts'
import {
  buildWebhookRequest,
  createWebhookAgent,
  sendWebhook,
  type DeliveryOptions,
} from './delivery.ts'
import type { TargetPolicy } from './target-policy.ts'
import { verifyTimestampedSignature, verifyWebhookSignature } from './signature.ts'

const SECRET = 'b8fb1bbf95ce861d638ff534'
const loopbackAllowed: TargetPolicy = { requireHttps: false, allow: ['loopback'] }
const agent = createWebhookAgent(loopbackAllowed)
const options: DeliveryOptions = { policy: loopbackAllowed, timeoutMs: 2_000, dispatcher: agent }

let receiver: Receiver
before(async () => {
  // Answers 200, except on /500 (500), /slow (never) and /moved (302).
  receiver = await startReceiver(({ path }) =>
    path.startsWith('/500')
      ? 500
      : path.startsWith('/slow')
        ? 'hang'
        : path.startsWith('/moved')
          ? 302
          : 200,
  )
})
after(async () => {
  await receiver.close()
  await agent.close()
})

/** A target whose path and query carry non-ASCII and the characters the reference escapes. */
const trickyTarget = (): string => `${receiver.origin}/hooks/réception/Zoë?next=%2Fhome&who=a@b<c>`

const event = (target: string, index = 1): WebhookEventBody => ({
  subscription: { id: 'sub-1', target, eventName: 'bank_details_required' },
  payload: { customerId: 'cus-1', analysisId: 'ana-1' },
  time: 1458692752478,
  index,
  id: `evt-${index}`,
})

const send = async (target: string, encoding: SignatureEncoding = 'JSON') => {
  const before = receiver.received.length
  const result = await sendWebhook(
    buildWebhookRequest(event(target), SECRET, encoding, Date.now()),
    options,
  )
  return { result, webhook: receiver.received[before] }
}

/** What a receiver following the reference's paragraph computes from the parsed body. */
const referenceSignature = (parsed: unknown): string =>
  'sha256=' +
  createHmac('sha256', SECRET)
    .update(escapeLikeTheReference(JSON.stringify(parsed)))
    .digest('hex')

/** What a receiver built on Algoan's Node SDK does: parse the body, then `validateSignature`. */
const sdkValidates = (header: unknown, raw: Buffer): boolean => {
  const subscription = new Subscription(
    {
      id: 'sub-1',
      eventName: EventName.BANK_DETAILS_REQUIRED,
      target: trickyTarget(),
      status: 'ACTIVE',
      secret: SECRET,
    },
    new RequestBuilder(receiver.origin, { clientId: 'unused', clientSecret: 'unused' }),
  )
  const parsed = JSON.parse(raw.toString('utf8')) as Record<string, string> // the SDK's declared payload type; it only JSON.stringify-s it
  return subscription.validateSignature(String(header), parsed)
}

test('a default webhook verifies with the Algoan Node SDK and arrives intact', async () => {
  const { result, webhook } = await send(trickyTarget())
  assert.deepEqual(
    { delivered: result.delivered, status: result.status, error: result.error },
    {
      delivered: true,
      status: 200,
      error: null,
    },
  )
  assert.ok(webhook)
  assert.equal(webhook.method, 'POST')
  assert.equal(webhook.headers['content-type'], 'application/json')
  const parsed: unknown = JSON.parse(webhook.raw.toString('utf8'))
  assert.deepEqual(parsed, event(trickyTarget()))
  const header = webhook.headers['x-hub-signature']
  assert.equal(typeof header, 'string')
  assert.equal(sdkValidates(header, webhook.raw), true)
  assert.equal(verifyWebhookSignature(webhook.raw, header, SECRET), true)
  assert.equal(
    verifyTimestampedSignature(webhook.raw, webhook.headers['x-creditlens-signature'], SECRET),
    true,
  )
})

test('an ESCAPED_UNICODE webhook verifies the way the reference describes', async () => {
  const { result, webhook } = await send(trickyTarget(), 'ESCAPED_UNICODE')
  assert.equal(result.delivered, true)
  assert.ok(webhook)
  assert.match(webhook.raw.toString('latin1'), /^[\x20-\x7e]+$/) // pure ASCII on the wire
  const parsed: unknown = JSON.parse(webhook.raw.toString('utf8'))
  assert.deepEqual(parsed, event(trickyTarget())) // same event once parsed: "Zoë", "/", "<", "%", "@" intact
  assert.equal(webhook.headers['x-hub-signature'], referenceSignature(parsed))
  assert.equal(
    verifyWebhookSignature(webhook.raw, webhook.headers['x-hub-signature'], SECRET),
    true,
  )
  // …which is why it is an option: the SDK re-serialises without escaping and cannot verify it
  assert.equal(sdkValidates(webhook.headers['x-hub-signature'], webhook.raw), false)
})

test('a 5xx answer is a failed attempt with its status', async () => {
  const { result } = await send(`${receiver.origin}/500`)
  assert.deepEqual(
    { delivered: result.delivered, status: result.status, error: result.error },
    {
      delivered: false,
      status: 500,
      error: null,
    },
  )
})

test('a redirect is not followed', async () => {
  const { result } = await send(`${receiver.origin}/moved`)
  assert.equal(result.delivered, false)
  assert.equal(result.status, 302)
  assert.equal(receiver.received.filter((w) => w.path.startsWith('/moved')).length, 1)
})

test('a receiver that does not answer times out', async () => {
  const timeoutMs = 300
  const result = await sendWebhook(
    buildWebhookRequest(event(`${receiver.origin}/slow`), SECRET, 'JSON', Date.now()),
    { ...options, timeoutMs },
  )
  assert.equal(result.delivered, false)
  assert.equal(result.status, null)
  assert.match(result.error ?? '', /^TIMEOUT/)
  assert.ok(
    result.durationMs >= timeoutMs - 5 && result.durationMs < timeoutMs + 1_000,
    `${result.durationMs} ms`,
  )
})

test('a closed port is a failed attempt with the connection error', async () => {
  const closed = await startReceiver()
  const origin = closed.origin
  await closed.close()
  const { result } = await send(`${origin}/hook`)
  assert.equal(result.delivered, false)
  assert.equal(result.status, null)
  assert.match(result.error ?? '', /^ECONNREFUSED/)
})

test('refuses loopback targets unless allowed, by address and by name, without connecting', async () => {
  const strict: TargetPolicy = { requireHttps: false, allow: [] }
  const strictAgent = createWebhookAgent(strict)
  try {
    const before = receiver.received.length
    const port = new URL(receiver.origin).port
    for (const target of [
      `${receiver.origin}/x`,
      `http://localhost:${port}/x`,
      `http://[::ffff:127.0.0.1]:${port}/x`,
    ]) {
      const result = await sendWebhook(
        buildWebhookRequest(event(target), SECRET, 'JSON', Date.now()),
        {
          policy: strict,
          timeoutMs: 2_000,
          dispatcher: strictAgent,
        },
      )
      assert.equal(result.delivered, false, target)
      assert.match(result.error ?? '', /^TARGET_ADDRESS_NOT_ALLOWED: .*loopback/, target)
    }
    assert.equal(receiver.received.length, before)
  } finally {
    await strictAgent.close()
  }
})

test('refuses plain http when https is required', async () => {
  const result = await sendWebhook(
    buildWebhookRequest(event(`${receiver.origin}/x`), SECRET, 'JSON', Date.now()),
    { ...options, policy: { requireHttps: true, allow: ['loopback'] } },
  )
  assert.match(result.error ?? '', /^TARGET_HTTPS_REQUIRED/)
})
