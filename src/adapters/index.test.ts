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
