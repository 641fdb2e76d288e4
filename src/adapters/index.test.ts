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
