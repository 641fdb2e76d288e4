import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AppError } from './errors.ts'
import { parseSubscriptionFilter } from './subscriptions.ts'

test('reads the reference filter and the SDK $in filter, matching both spellings of the link event', () => {
  assert.equal(parseSubscriptionFilter(undefined), undefined)
  assert.equal(parseSubscriptionFilter(' '), undefined)
  assert.equal(parseSubscriptionFilter('{}'), undefined)
  assert.deepEqual(parseSubscriptionFilter('{"eventName":"analysis_completed"}'), [
    'analysis_completed',
  ])
  assert.deepEqual(
    parseSubscriptionFilter(
      '{"eventName":{"$in":["aggregation_link_required","bank_details_required"]}}',
    ),
    ['aggregator_link_required', 'bank_details_required', 'aggregation_link_required'],
  )
  // an unknown name matches nothing instead of failing the list
  assert.deepEqual(parseSubscriptionFilter('{"eventName":"credit_score_completed"}'), [])
})

test('refuses filters it cannot honour with BAD_REQUEST', () => {
  for (const raw of [
    'not json',
    '[]',
    '"analysis_completed"',
    '{"status":"ACTIVE"}',
    '{"eventName":{"$nin":["analysis_completed"]}}',
    '{"eventName":{"$in":[1]}}',
    '{"eventName":3}',
  ]) {
    assert.throws(
      () => parseSubscriptionFilter(raw),
      (error: unknown) => error instanceof AppError && error.code === 'BAD_REQUEST',
      raw,
    )
  }
})
