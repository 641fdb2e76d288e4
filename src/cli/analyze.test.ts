import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyse } from '../engine/analyse.ts'
import { loadAccounts, fixturePath } from '../../test/support/labelled.ts'
import { parseInput } from '../adapters/index.ts'
import { renderReport } from './analyze-report.ts'
import { toJsonDocument } from './analyze.ts'

const bin = new URL('../../bin/creditlens.js', import.meta.url).pathname
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, 'analyze', ...args], { encoding: 'utf8' })

interface JsonDocument {
  analysis: { status: string; error?: { code: string }; metadata?: unknown; scores?: unknown }
  accounts: {
    id: string
    type: string
    transactions: {
      id: string
      description: string
      amount: number
      enrichments: { category: string }
    }[]
  }[]
}

test('prints exactly one JSON document with the analysis and the enriched input, in input order', () => {
  const file = fixturePath('algoan/harry_potter.json')
  const result = run(file, '--json')
  assert.equal(result.status, 0, result.stderr)
  const doc = JSON.parse(result.stdout) as JsonDocument // checked field by field below
  assert.equal(doc.analysis.status, 'COMPLETED')
  assert.ok(doc.analysis.metadata && doc.analysis.scores)
  const input = JSON.parse(readFileSync(file, 'utf8')) as {
    accounts: { transactions: { description: string; amount: number }[] }[]
  } // the fixture's own shape
  const given = input.accounts[0]?.transactions ?? []
  const listed = doc.accounts[0]?.transactions ?? []
  assert.equal(listed.length, given.length)
  listed.forEach((t, i) => {
    assert.equal(t.description, given[i]?.description)
    assert.equal(t.amount, given[i]?.amount)
    assert.ok(t.enrichments.category.length > 0)
  })
})

test('exits 2 with a message on stderr for a file it cannot read or parse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  const broken = join(dir, 'broken.json')
  writeFileSync(broken, '{ "accounts": [ { "transactions": 12 } ] }')
  const missing = run(join(dir, 'missing.json'), '--json')
  assert.equal(missing.status, 2)
  assert.match(missing.stderr, /cannot read/)
  assert.equal(missing.stdout, '')
  const invalid = run(broken)
  assert.equal(invalid.status, 2)
  assert.match(invalid.stderr, /transactions/)
})

test('shapes a refusal as an analysis in ERROR that still lists the enriched accounts', () => {
  const doc = toJsonDocument(
    analyse(loadAccounts('algoan/usage_not_supported.json')),
  ) as JsonDocument // built by us just above
  assert.equal(doc.analysis.status, 'ERROR')
  assert.equal(doc.analysis.error?.code, 'USAGE_NOT_SUPPORTED')
  assert.equal(doc.analysis.metadata, undefined)
  assert.ok(doc.accounts.length === 2 && (doc.accounts[0]?.transactions.length ?? 0) > 0)
})

test('writes a readable report within 100 columns', () => {
  for (const name of ['harry_potter', 'lara_croft', 'currency_not_supported']) {
    const report = renderReport(analyse(loadAccounts(`algoan/${name}.json`)), {
      file: `${name}.json`,
      format: 'ALGOAN',
    })
    for (const line of report.split('\n')) assert.ok(line.length <= 100, `${name}: ${line}`)
  }
  const harry = renderReport(analyse(loadAccounts('algoan/harry_potter.json')), {
    file: 'harry_potter.json',
    format: 'ALGOAN',
  })
  assert.match(harry, /Credit score/)
  assert.match(harry, /FNAC DARTY/)
  assert.match(harry, /Payment rejections\s+2/)
})

test('ends the report period at the last transaction when the file gives no balance date', () => {
  const bytes = readFileSync(fixturePath('statements/csv/monzo-uk.csv'))
  const parsed = parseInput(bytes, { fileName: 'monzo-uk.csv' })
  assert.ok(parsed.accounts.every((a) => a.balanceDate === null))
  const last = parsed.accounts
    .flatMap((a) => a.transactions.map((t) => t.date.slice(0, 10)))
    .reduce((a, b) => (a > b ? a : b))
  const report = renderReport(analyse(parsed.accounts), { file: 'monzo-uk.csv', format: 'CSV' })
  assert.match(report, new RegExp(`^Period \\d{4}-\\d{2}-\\d{2} → ${last}:`, 'm'))
})

test('refuses an --as-of date that is not in the calendar', () => {
  const result = run(fixturePath('algoan/harry_potter.json'), '--as-of', '2026-02-31')
  assert.notEqual(result.status, 0)
  assert.match(result.stderr, /--as-of/)
  assert.equal(result.stdout, '')
})

test('says a file is in no recognised format rather than an UNKNOWN one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  const bad = join(dir, 'bad.json')
  writeFileSync(bad, '{ not json')
  const result = run(bad)
  assert.equal(result.status, 2)
  assert.doesNotMatch(result.stderr, /UNKNOWN/)
  assert.match(result.stderr, /not valid JSON/)
})

test('stops quietly when the reader of its output goes away', () => {
  const file = fixturePath('algoan/harry_potter.json')
  const result = spawnSync(
    'sh',
    ['-c', `"${process.execPath}" "${bin}" analyze "${file}" --json | head -c 10`],
    {
      encoding: 'utf8',
    },
  )
  assert.equal(result.stdout.length, 10)
  assert.doesNotMatch(result.stderr, /EPIPE|at /)
})
