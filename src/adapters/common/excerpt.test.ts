import assert from 'node:assert/strict'
import { test } from 'node:test'
import { excerpt } from './excerpt.ts'

const isWellFormed = (text: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)

test('an excerpt never ends with half of a character outside the BMP', () => {
  assert.equal(excerpt('abc', 20), 'abc')
  assert.equal(excerpt('abcdef', 3), 'abc')
  // '😀' is two UTF-16 units: a cut after 'a' and its first unit drops the half.
  assert.equal(excerpt('a😀b', 2), 'a')
  assert.equal(excerpt('a😀b', 3), 'a😀')
  for (let max = 0; max < 12; max += 1)
    assert.ok(isWellFormed(excerpt('x𝑧𓏝😀y🎹', max)), String(max))
})
