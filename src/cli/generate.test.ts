import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { runCommand } from '../../test/support/cli.ts'

const run = (...args: string[]) =>
  runCommand(['generate', '--profile', 'good', '--months', '1', ...args])

test('exits 2 with one line, no stack, when --out cannot be written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  for (const out of [join(dir, 'missing', 'x.json'), dir]) {
    const result = await run('--out', out)
    assert.equal(result.status, 2, result.stderr)
    assert.match(result.stderr, /^creditlens generate: cannot write .* \(E[A-Z]+\)\n$/)
  }
})

test('refuses an --end-date that is not in the calendar', async () => {
  const result = await run('--end-date', '2026-02-30')
  assert.notEqual(result.status, 0)
  assert.match(result.stderr, /--end-date/)
  assert.equal(result.stdout, '')
})
