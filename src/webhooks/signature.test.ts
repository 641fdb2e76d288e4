import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { escapeLikeTheReference } from '../../test/support/reference-escape.ts'
import type { WebhookEventBody } from '../app/webhook-vocabulary.ts'
import {
  encodeWebhookBody,
  escapeJsonText,
  signTimestamped,
  signWebhookBody,
  verifyTimestampedSignature,
  verifyWebhookSignature,
} from './signature.ts'

const event = (customerId: string, target = 'https://example.test/hook'): WebhookEventBody => ({
  subscription: { id: 's1', target, eventName: 'analysis_completed' },
  payload: { customerId },
  time: 1458692752478,
  index: 1,
  id: 'e1',
})

test('escapes non-ASCII in lower-case hex and / < % @ as the reference describes', () => {
  assert.equal(escapeJsonText('"äöå"'), '"\\u00e4\\u00f6\\u00e5"')
  assert.equal(escapeJsonText('"a/b<c%d@e"'), '"a\\/b\\u003Cc\\u0025d\\u0040e"')
  assert.equal(escapeJsonText('"😀"'), '"\\ud83d\\ude00"')
  assert.equal(escapeJsonText('"plain ascii > & ~"'), '"plain ascii > & ~"')
})

test('signs the escaped body of an event with a known HMAC (computed with openssl)', () => {
  const body = encodeWebhookBody(event('café <%@'), 'ESCAPED_UNICODE')
  assert.equal(
    body,
    '{"subscription":{"id":"s1","target":"https:\\/\\/example.test\\/hook","eventName":"analysis_completed"},' +
      '"payload":{"customerId":"caf\\u00e9 \\u003C\\u0025\\u0040"},"time":1458692752478,"index":1,"id":"e1"}',
  )
  assert.equal(
    signWebhookBody(body, 'b8fb1bbf95ce861d638ff534'),
    'sha256=99e48de5ff433bae7c93756ee89dd59882db38854dbf98ddf36d2c1156209f0e',
  )
})

test('the default body is what JSON.stringify gives back after parsing it, for any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (customerId, path) => {
      const body = encodeWebhookBody(event(customerId, `https://example.test/${path}`))
      assert.equal(JSON.stringify(JSON.parse(body)), body)
    }),
  )
})

test('the escaped body is pure ASCII, parses to the same event and matches the reference escaping', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (customerId) => {
      const compact = encodeWebhookBody(event(customerId))
      const escaped = encodeWebhookBody(event(customerId), 'ESCAPED_UNICODE')
      assert.match(escaped, /^[\x20-\x7e]*$/)
      assert.deepEqual(JSON.parse(escaped), JSON.parse(compact))
      assert.equal(escaped, escapeLikeTheReference(compact))
    }),
  )
})

test('keeps the reference field order and leaves analysisId out when there is none', () => {
  const shuffled = {
    id: 'e2',
    index: 7,
    time: 1,
    payload: { analysisId: 'a1', customerId: 'c1' },
    subscription: { eventName: 'bank_details_required', target: 'https://t.test', id: 's2' },
  } satisfies WebhookEventBody
  assert.equal(
    encodeWebhookBody(shuffled),
    '{"subscription":{"id":"s2","target":"https://t.test","eventName":"bank_details_required"},' +
      '"payload":{"customerId":"c1","analysisId":"a1"},"time":1,"index":7,"id":"e2"}',
  )
  assert.deepEqual(Object.keys(JSON.parse(encodeWebhookBody(event('c1'))).payload), ['customerId'])
})

test('verifies a signature over the raw bytes and refuses anything else', () => {
  const body = encodeWebhookBody(event('Zoë'), 'ESCAPED_UNICODE')
  const header = 'sha256=' + createHmac('sha256', 'secret').update(body).digest('hex')
  assert.equal(verifyWebhookSignature(body, header, 'secret'), true)
  assert.equal(verifyWebhookSignature(Buffer.from(body), header, 'secret'), true)
  assert.equal(verifyWebhookSignature(body, [header], 'secret'), true)
  assert.equal(
    verifyWebhookSignature(body, header.toUpperCase().replace('SHA256', 'sha256'), 'secret'),
    true,
  )

  assert.equal(verifyWebhookSignature(body, header, 'other secret'), false)
  assert.equal(verifyWebhookSignature(body + ' ', header, 'secret'), false)
  assert.equal(verifyWebhookSignature(JSON.stringify(JSON.parse(body)), header, 'secret'), false)
  assert.equal(verifyWebhookSignature(body, undefined, 'secret'), false)
  assert.equal(verifyWebhookSignature(body, [header, header], 'secret'), false)
  assert.equal(verifyWebhookSignature(body, header.slice(0, -2), 'secret'), false)
  assert.equal(verifyWebhookSignature(body, header.replace('sha256=', 'sha1='), 'secret'), false)
  assert.equal(verifyWebhookSignature(body, `${header.slice(0, -1)}z`, 'secret'), false)
})

test('the timestamped signature covers the time and expires after the tolerance', () => {
  const body = encodeWebhookBody(event('c1'))
  const sentAt = 1_700_000_000
  const header = signTimestamped(body, 'secret', sentAt)
  const expected = createHmac('sha256', 'secret').update(`${sentAt}.${body}`).digest('hex')
  assert.equal(header, `t=${sentAt},sha256=${expected}`)

  const nowMs = (sentAt + 60) * 1000
  assert.equal(verifyTimestampedSignature(body, header, 'secret', { nowMs }), true)
  assert.equal(verifyTimestampedSignature(Buffer.from(body), header, 'secret', { nowMs }), true)
  assert.equal(
    verifyTimestampedSignature(body, header, 'secret', { nowMs: (sentAt + 301) * 1000 }),
    false,
  )
  assert.equal(
    verifyTimestampedSignature(body, header.replace(`t=${sentAt}`, `t=${sentAt + 1}`), 'secret', {
      nowMs,
    }),
    false,
  )
  assert.equal(verifyTimestampedSignature(body, 'garbage', 'secret', { nowMs }), false)
})
