/** `creditlens categorise` end to end: the real command, in-process, on the fixture files. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { categoriseInput } from '../../src/app/categorise-input.ts'
import { runCommand } from '../support/cli.ts'
import { fixturePath } from '../support/labelled.ts'

const run = (...args: string[]) => runCommand(['categorise', ...args])

test('prints the input with enrichments on each transaction, fields kept as given', async () => {
  const file = fixturePath('algoan/harry_potter.json')
  const input = JSON.parse(readFileSync(file, 'utf8')) as {
    accounts: { transactions: Record<string, unknown>[] }[]
  } // fixture shape
  const { status, stdout } = await run(file, '--json')
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

test('an unknown file or bad JSON gives one line on stderr and exit code 2', async () => {
  const missing = await run(join(tmpdir(), 'creditlens-no-such-file.json'))
  assert.equal(missing.status, 2)
  assert.match(missing.stderr, /^creditlens categorise: no such file: .*\n$/)
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  const bad = join(dir, 'bad.json')
  writeFileSync(bad, '{"accounts": [')
  const broken = await run(bad)
  assert.equal(broken.status, 2)
  assert.equal(broken.stdout, '')
  assert.match(broken.stderr, /^creditlens categorise: .* not valid JSON.*\n$/)
})

test("--holder-name links the holder's own transfers; warnings and a limited detection go to stderr", async () => {
  const file = fixturePath('linxo-connect-v3/jean_dupont.json')
  const typeOf = (stdout: string) => {
    const doc = JSON.parse(stdout) as {
      accounts: { transactions: { description: string; enrichments: { type: string } }[] }[]
    } // our own output
    return doc.accounts[0]?.transactions.find((t) => t.description.includes('M JEAN DUPONT'))
      ?.enrichments.type
  }
  const without = await run(file, '--json')
  assert.equal(without.status, 0)
  assert.match(without.stderr, /no holder name known/)
  assert.equal(typeOf(without.stdout), 'INCOMING_TRANSFER')
  const named = await run(file, '--json', '--holder-name', 'JEAN DUPONT')
  assert.equal(named.stderr, '')
  assert.equal(typeOf(named.stdout), 'INCOMING_INTERNAL_TRANSFER')
})
