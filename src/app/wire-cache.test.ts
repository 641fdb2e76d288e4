import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createWireCache } from './wire-cache.ts'

const bytes = (size: number, fill = 1) => new Uint8Array(size).fill(fill)

test('wire cache: serves bytes only for the version they were built from', () => {
  const cache = createWireCache(100)
  const first = bytes(10)
  cache.set('a', 'v1', first)
  assert.equal(cache.get('a', 'v1'), first)
  assert.equal(cache.get('a', 'v2'), undefined)
  cache.set('a', 'v2', bytes(10, 2))
  assert.equal(cache.get('a', 'v1'), undefined)
  assert.equal(cache.get('a', 'v2')?.[0], 2)
})

test('wire cache: stays within its size, least recently used out first', () => {
  const cache = createWireCache(100)
  cache.set('a', 'v', bytes(40))
  cache.set('b', 'v', bytes(40))
  assert.ok(cache.get('a', 'v'))
  cache.set('c', 'v', bytes(40))
  assert.equal(cache.get('b', 'v'), undefined)
  assert.ok(cache.get('a', 'v'))
  assert.ok(cache.get('c', 'v'))
  cache.set('d', 'v', bytes(101))
  assert.equal(cache.get('d', 'v'), undefined)
  assert.ok(cache.get('a', 'v'))
})
