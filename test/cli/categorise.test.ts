/** `creditlens categorise` end to end: the real binary on the fixture files. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { categoriseInput } from '../../src/app/categorise-input.ts'
import { fixturePath } from '../support/labelled.ts'

const bin = new URL('../../bin/creditlens.js', import.meta.url).pathname

const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, [bin, 'categorise', ...args], { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

test('prints the input with enrichments on each transaction, fields kept as given', () => {
  const file = fixturePath('algoan/harry_potter.json')
  const input = JSON.parse(readFileSync(file, 'utf8')) as {
    accounts: { transactions: Record<string, unknown>[] }[]
  } // fixture shape
  const { status, stdout } = run(file, '--json')
  assert.equal(status, 0)
  const output = JSON.parse(stdout) as {
    accounts: {
      transactions: (Record<string, unknown> & { enrichments: Record<string, unknown> })[]
    }[]
  } // our own output
  assert.equal(output.accounts.length, input.accounts.length)
  const given = input.accounts[0]?.transactions ?? []
  const enriched = output.accounts[0]?.transactions ?? []
  assert.equal(enriched.length, given.length)
  given.forEach((tx, i) => {
    const { enrichments, ...rest } = enriched[i] ?? { enrichments: {} }
    assert.deepEqual(rest, tx)
    assert.deepEqual(Object.keys(enrichments).sort(), [
      'category',
      'counterPartId',
      'counterparty',
      'isInternationalTransfer',
      'isRejected',
      'ruleId',
      'type',
    ])
  })
  const salary = enriched.find((t) => String(t.description).includes('MOTIF SALAIRE'))
  assert.equal(salary?.enrichments.category, 'WAGE')
  assert.equal(salary?.enrichments.counterparty, 'FNAC DARTY')
})

test('categorises every fixture file, even the ones an analysis refuses', () => {
  // In-process through the command's use case: one spawn per file would cost seconds each.
  const dir = fixturePath('algoan')
  for (const name of readdirSync(dir)) {
    const result = categoriseInput(readFileSync(join(dir, name)), { fileName: name })
    assert.ok(result.ok, name)
    assert.equal(result.enriched.length, result.accounts.length, name)
    result.accounts.forEach((account, a) =>
      assert.equal(result.enriched[a]?.length, account.transactions.length, name),
    )
  }
})

test('an unknown file or bad JSON gives one line on stderr and exit code 2', () => {
  const missing = run(join(tmpdir(), 'creditlens-no-such-file.json'))
  assert.equal(missing.status, 2)
  assert.match(missing.stderr, /^creditlens categorise: no such file: .*\n$/)
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  const bad = join(dir, 'bad.json')
  writeFileSync(bad, '{"accounts": [')
  const broken = run(bad)
  assert.equal(broken.status, 2)
  assert.equal(broken.stdout, '')
  assert.match(broken.stderr, /^creditlens categorise: .* not valid JSON.*\n$/)
})
