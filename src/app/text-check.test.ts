import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeUnsafeValue, findUnsafeValue, MAX_JSON_DEPTH } from './text-check.ts'

test('accepts ordinary text, accents, emoji (paired surrogates) and numbers', () => {
  assert.equal(findUnsafeValue({ a: ['CARTE 12/03 CAFÉ', '💶', 12, null, true], b: {} }), undefined)
})

test('finds a NUL character in a value or in a key, with its path', () => {
  assert.deepEqual(findUnsafeValue({ accounts: [{ name: 'x' }, { name: 'a\u0000' }] }), {
    path: 'accounts[1].name',
    problem: 'nul',
  })
  assert.deepEqual(findUnsafeValue({ details: { ['k\u0000']: 1 } }), {
    path: 'details',
    problem: 'nul',
    inKey: true,
  })
})

test('finds unpaired surrogates, high or low', () => {
  for (const text of ['\ud800', 'a\ud800b', '\udc00', 'x\udfffy', '\ud83d\ud83d']) {
    assert.equal(findUnsafeValue([text])?.problem, 'surrogate', JSON.stringify(text))
  }
})

test('refuses nesting deeper than the limit without overflowing the stack', () => {
  let deep: unknown = 1
  for (let i = 0; i < 100_000; i += 1) deep = { a: deep }
  assert.equal(findUnsafeValue(deep)?.problem, 'depth')
  let ok: unknown = 1
  for (let i = 0; i < MAX_JSON_DEPTH; i += 1) ok = [ok]
  assert.equal(findUnsafeValue(ok), undefined)
})

test('describes the field, never the value', () => {
  const message = describeUnsafeValue({ path: 'secret', problem: 'nul' })
  assert.equal(message, 'secret contains a NUL character (U+0000), which is not accepted')
})
