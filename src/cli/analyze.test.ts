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
import { runCommand } from '../../test/support/cli.ts'

const bin = new URL('../../bin/creditlens.js', import.meta.url).pathname
const run = (...args: string[]) => runCommand(['analyze', ...args])

interface JsonDocument {
  analysis: {
    status: string
    error?: { code: string }
    metadata?: {
      warnings: unknown[]
      ownAccountDetection: { limited: boolean; nameSources: string[] }
    }
    scores?: unknown
  }
  warnings: { path: string; message: string }[]
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

test('prints exactly one JSON document with the analysis and the enriched input, in input order', async () => {
  const file = fixturePath('algoan/harry_potter.json')
  const result = await run(file, '--json')
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

test('exits 2 with a message on stderr for a file it cannot read or parse', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  const broken = join(dir, 'broken.json')
  writeFileSync(broken, '{ "accounts": [ { "transactions": 12 } ] }')
  const missing = await run(join(dir, 'missing.json'), '--json')
  assert.equal(missing.status, 2)
  assert.match(missing.stderr, /cannot read/)
  assert.equal(missing.stdout, '')
  const invalid = await run(broken)
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

test('refuses an --as-of date that is not in the calendar', async () => {
  const result = await run(fixturePath('algoan/harry_potter.json'), '--as-of', '2026-02-31')
  assert.notEqual(result.status, 0)
  assert.match(result.stderr, /--as-of/)
  assert.equal(result.stdout, '')
})

test('says a file is in no recognised format rather than an UNKNOWN one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  const bad = join(dir, 'bad.json')
  writeFileSync(bad, '{ not json')
  const result = await run(bad)
  assert.equal(result.status, 2)
  assert.doesNotMatch(result.stderr, /UNKNOWN/)
  assert.match(result.stderr, /not valid JSON/)
})

// The one spawn of the suite: the real executable, its EPIPE handling, end to end.
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

test('lists the adapter warnings and a limited own-account detection in --json and the report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-'))
  const file = join(dir, 'jean.json')
  const bi = JSON.parse(
    readFileSync(fixturePath('budget-insight-v2.0/jean_dupont.json'), 'utf8'),
  ) as {
    connections: { accounts: { usage: string }[] }[]
  } // fixture shape
  const card = bi.connections[0]?.accounts[1]
  assert.ok(card)
  card.usage = 'FAMILY'
  writeFileSync(file, JSON.stringify(bi))
  const json = await run(file, '--json')
  assert.equal(json.status, 0, json.stderr)
  const doc = JSON.parse(json.stdout) as JsonDocument // checked below
  const warning = {
    path: 'connections[0].accounts[1].usage',
    message: 'unknown account usage "FAMILY", read as UNKNOWN',
  }
  assert.deepEqual(doc.warnings, [warning])
  assert.deepEqual(doc.analysis.metadata?.warnings, [warning])
  assert.equal(doc.analysis.metadata?.ownAccountDetection.limited, true)
  const report = await run(file)
  assert.match(report.stdout, /^WARNINGS /m)
  assert.match(report.stdout, /Own-account detection limited/)
  assert.match(
    report.stdout,
    /connections\[0\]\.accounts\[1\]\.usage: unknown account usage "FAMILY"/,
  )
})

test('--holder-name names the holder of accounts without owners: his own transfers are not income', async () => {
  const file = fixturePath('budget-insight-v2.0/jean_dupont.json')
  interface Incomes {
    analysis: {
      creditInsights: { incomes: { categories: { name: string; totalAmount: number }[] } }
    }
    accounts: { owners: unknown[] }[]
  }
  const otherEntry = (doc: Incomes) =>
    doc.analysis.creditInsights.incomes.categories.find((c) => c.name === 'OTHER_ENTRY')
      ?.totalAmount ?? 0
  const without = JSON.parse((await run(file, '--json')).stdout) as Incomes // our own output
  const named = await run(
    file,
    '--json',
    '--holder-name',
    'Jean Dupont',
    '--holder-name',
    'Marie Dupont',
  )
  const doc = JSON.parse(named.stdout) as Incomes & JsonDocument // our own output
  assert.equal(otherEntry(without), 1600)
  assert.equal(otherEntry(doc), 0)
  assert.deepEqual(doc.analysis.metadata?.ownAccountDetection, {
    limited: false,
    nameSources: ['HOLDER_NAME_OPTION'],
  })
  assert.ok(
    doc.accounts.every((a) => a.owners.length === 0),
    'the names feed the engine only',
  )
  const single = await run(file, '--holder-name', 'Jean')
  assert.equal(single.status, 1)
  assert.match(single.stderr, /--holder-name.*first and a last name/)
})
