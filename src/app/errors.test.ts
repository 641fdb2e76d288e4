import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { AppError, checkId, ERROR_CODES } from './errors.ts'

test('docs/error-codes.md lists every error code and no dead one', async () => {
  const doc = await readFile(new URL('../../docs/error-codes.md', import.meta.url), 'utf8')
  const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1])
  assert.deepEqual([...documented].sort(), Object.keys(ERROR_CODES).sort())
})

test('an AppError carries the kind of its code', () => {
  const error = new AppError('ALREADY_EXISTS', 'dup')
  assert.equal(error.kind, 'conflict')
  assert.equal(error.code, 'ALREADY_EXISTS')
})

test('malformed ids are unknown entities', () => {
  assert.doesNotThrow(() => checkId('6013d7991496b7395090f05c', 'Customer'))
  for (const bad of ['', "1' or 1=1", 'a\u0000b', 'x'.repeat(65)]) {
    assert.throws(() => checkId(bad, 'Customer'), { code: 'UNKNOWN_ENTITY' })
  }
})
