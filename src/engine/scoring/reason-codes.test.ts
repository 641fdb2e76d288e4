import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { REASON_CODES } from './reason-codes.ts'
import { creditScoreCard } from './credit-score.ts'
import { paymentScoreCard } from './payment-score.ts'

const doc = readFileSync(new URL('../../../docs/reason-codes.md', import.meta.url), 'utf8')
const documented = new Set([...doc.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]))

test('documents every reason code of the catalogue in docs/reason-codes.md', () => {
  const missing = Object.keys(REASON_CODES).filter((code) => !documented.has(code))
  assert.deepEqual(missing, [])
})

test('lists no dead reason code in docs/reason-codes.md', () => {
  const dead = [...documented].filter((code) => code === undefined || !(code in REASON_CODES))
  assert.deepEqual(dead, [])
})

test('documents each code with the catalogue description', () => {
  const rows = [...doc.matchAll(/^\| `([A-Z0-9_]+)` \|(?: [a-zA-Z]+ \|)? (.+) \|$/gm)]
  for (const [, code, description] of rows) {
    const info = REASON_CODES[code as keyof typeof REASON_CODES] // dead codes fail the test above
    assert.equal(description, info?.description, code)
  }
})

test('gives every catalogue code a description and UPPER_SNAKE name', () => {
  for (const [code, info] of Object.entries(REASON_CODES)) {
    assert.match(code, /^[A-Z][A-Z0-9_]*$/)
    // 60 characters: a reason fits one line of the 100-column report.
    assert.ok(info.description.length > 10 && info.description.length <= 60, code)
  }
})

test('has a scorecard line behind each code (no catalogue entry the scores cannot give)', () => {
  assert.ok(creditScoreCard.length > 0 && paymentScoreCard.length > 0)
  const sources =
    readFileSync(new URL('./credit-score.ts', import.meta.url), 'utf8') +
    readFileSync(new URL('./payment-score.ts', import.meta.url), 'utf8') +
    readFileSync(new URL('./affordability.ts', import.meta.url), 'utf8')
  const unused = Object.keys(REASON_CODES).filter((code) => !sources.includes(`'${code}'`))
  assert.deepEqual(unused, [])
})
