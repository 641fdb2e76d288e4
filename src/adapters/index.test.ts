import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseBody, parseInput } from './index.ts'

const harry = readFileSync(new URL('../../test/fixtures/algoan/harry_potter.json', import.meta.url))

test('detects the ALGOAN format of a file', () => {
  const result = parseInput(harry, { fileName: 'harry_potter.json' })
  assert.equal(result.format, 'ALGOAN')
  assert.equal(result.issues.length, 0)
  assert.equal(result.accounts.length, 1)
})

test('reads the format declared in a body', () => {
  const body = { format: 'ALGOAN', accounts: [] }
  assert.equal(parseBody(body).format, 'ALGOAN')
  const unknown = parseBody({ format: 'NOPE', accounts: [] })
  assert.match(unknown.issues[0]?.message ?? '', /unknown format "NOPE"/)
})

test('answers bad files with one clear issue', () => {
  assert.equal(parseInput('').issues[0]?.message, 'the file is empty')
  assert.match(parseInput('{"accounts": [').issues[0]?.message ?? '', /^not valid JSON/)
  assert.match(parseInput('hello').issues[0]?.message ?? '', /cannot recognise the format/)
  assert.match(parseInput('{}', { format: 'XYZ' }).issues[0]?.message ?? '', /unknown format/)
})

test('detects aggregator files by their format field or, without it, by their shape', () => {
  const bi = readFileSync(
    new URL('../../test/fixtures/budget-insight-v2.0/lara_croft.json', import.meta.url),
    'utf8',
  )
  const linxo = readFileSync(
    new URL('../../test/fixtures/linxo-connect-v3/lara_croft.json', import.meta.url),
    'utf8',
  )
  assert.equal(parseInput(bi).format, 'BUDGET_INSIGHT_V2_0')
  assert.equal(parseInput(linxo).format, 'OXLIN_DIRECT_ACCOUNT_API_V3')
  // JSON.parse returns any; the fixtures are objects.
  const strip = (text: string) =>
    JSON.stringify({ ...(JSON.parse(text) as object), format: undefined })
  assert.equal(parseInput(strip(bi)).format, 'BUDGET_INSIGHT_V2_0')
  assert.equal(parseInput(strip(linxo)).format, 'OXLIN_DIRECT_ACCOUNT_API_V3')
})

test('accepts the vendor spelling of a format in a body', () => {
  const body = { format: 'LINXO_CONNECT_DIRECT_ACCOUNT_API_V3', connections: [] }
  assert.equal(parseBody(body).format, 'OXLIN_DIRECT_ACCOUNT_API_V3')
  assert.equal(parseBody({ connections: [] }, 'budget_insight_v2_0').format, 'BUDGET_INSIGHT_V2_0')
})

test('detects every statement sample by its content, whatever its file name', () => {
  const samples: [string, string][] = [
    ['camt/camt053-v02-fr.xml', 'CAMT'],
    ['camt/camt052-v08-nl.xml', 'CAMT'],
    ['ofx/ofx1-fr-cp1252.ofx', 'OFX'],
    ['ofx/ofx2-uk.ofx', 'OFX'],
    ['mt940/mt940-ing-nl.sta', 'MT940'],
    ['mt940/mt940-bnp-fr.sta', 'MT940'],
    ['csv/ing-nl.csv', 'CSV'],
    ['csv/generic-es.csv', 'CSV'],
  ]
  for (const [path, format] of samples) {
    const bytes = readFileSync(new URL(`../../test/fixtures/statements/${path}`, import.meta.url))
    const result = parseInput(bytes, { fileName: 'upload.bin' })
    assert.equal(result.format, format, path)
    assert.ok(result.accounts.length > 0, path)
  }
  assert.equal(parseInput('Date;Montant\n2026-01-01;1\n', { format: 'ofx' }).format, 'OFX')
})

test('reads aggregator data sent under the API body `accounts` field', () => {
  const bi = JSON.parse(
    readFileSync(
      new URL('../../test/fixtures/budget-insight-v2.0/harry_potter.json', import.meta.url),
      'utf8',
    ),
  ) as { connections: unknown[] } // the fixture's shape
  const parsed = parseBody({ format: 'BUDGET_INSIGHT_V2_0', accounts: bi.connections })
  assert.deepEqual(parsed.issues, [])
  assert.equal(parsed.accounts.length, 1)
})
