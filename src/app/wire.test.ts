import assert from 'node:assert/strict'
import { test } from 'node:test'
import { spliceJson } from './wire.ts'

test('splices stored JSON texts into an object without parsing them', () => {
  const text = spliceJson(
    { id: 'a1', n: 2 },
    { scores: { json: '{"creditScore":{"value":700}}' }, metadata: null, skipped: undefined },
  )
  assert.equal(text, '{"id":"a1","n":2,"scores":{"creditScore":{"value":700}}}')
  assert.deepEqual(JSON.parse(text), { id: 'a1', n: 2, scores: { creditScore: { value: 700 } } })
  assert.equal(spliceJson({}, { a: { json: '[1]' } }), '{"a":[1]}')
  assert.equal(spliceJson({}, {}), '{}')
  assert.equal(spliceJson({ x: 1 }, {}), '{"x":1}')
})
