import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseOfx } from './index.ts'
import { sgmlToXml } from './sgml.ts'

const sample = (name: string): Buffer =>
  readFileSync(new URL(`../../../../test/fixtures/statements/ofx/${name}`, import.meta.url))

/** `<TAG>value` occurrences of a sample, as text. */
const values = (name: string, tag: string, encoding: BufferEncoding = 'utf8'): string[] =>
  [
    ...sample(name)
      .toString(encoding)
      .matchAll(new RegExp(`<${tag}>([^<\\r\\n]+)`, 'g')),
  ].map((m) => m[1] ?? '')

test('reads an OFX 1.x SGML file in Windows-1252 as its header declares, without a warning', () => {
  const result = parseOfx(sample('ofx1-fr-cp1252.ofx'))
  assert.deepEqual(result.issues, [])
  assert.equal(result.accounts.length, 2)
  const descriptions = result.accounts.flatMap((a) => a.transactions.map((t) => t.description))
  assert.ok(descriptions.includes('INTÉRÊTS CRÉDITEURS'))
  assert.ok(descriptions.some((d) => d.startsWith('PRÉLÈVEMENT SEPA COFIDIS')))
  assert.deepEqual(
    result.accounts.map((a) => [a.number, a.type, a.bank?.name]),
    [
      ['00050123456', 'CHECKING', 'SOCIETE GENERALE'],
      ['00050999888', 'SAVINGS', 'SOCIETE GENERALE'],
    ],
  )
})

test('reads decimal-comma amounts and every transaction of the file', () => {
  const result = parseOfx(sample('ofx1-fr-cp1252.ofx'))
  const amounts = values('ofx1-fr-cp1252.ofx', 'TRNAMT', 'latin1')
  assert.equal(result.accounts.flatMap((a) => a.transactions).length, amounts.length)
  const expected = amounts.reduce(
    (sum, a) => sum + Math.round(Number(a.replace(',', '.')) * 100),
    0,
  )
  assert.equal(
    result.accounts.flatMap((a) => a.transactions).reduce((sum, t) => sum + t.amount, 0),
    expected,
  )
  const ledger = values('ofx1-fr-cp1252.ofx', 'BALAMT', 'latin1').map((a) =>
    Math.round(Number(a.replace(',', '.')) * 100),
  )
  assert.deepEqual(
    result.accounts.map((a) => a.balance),
    ledger,
  )
})

test('reads an OFX 2.x file with a bank and a credit-card statement, repairing a bare ampersand', () => {
  const result = parseOfx(sample('ofx2-uk.ofx'))
  assert.deepEqual(result.issues, [])
  assert.deepEqual(
    result.accounts.map((a) => [a.type, a.currency]),
    [
      ['CHECKING', 'GBP'],
      ['CREDIT_CARD', 'GBP'],
    ],
  )
  assert.ok(result.accounts[0]?.transactions.some((t) => t.description === 'SKY BETTING & GAMING'))
  const card = result.accounts[1]
  assert.equal(card?.balance, Math.round(Number(values('ofx2-uk.ofx', 'BALAMT')[1]) * 100))
})

test('keeps the operation date of a card payment besides its booking date', () => {
  const result = parseOfx(sample('ofx2-uk.ofx'))
  const card = result.accounts[0]?.transactions.find((t) => t.aggregator?.type === 'POS')
  assert.ok(
    card?.dates.bookedAt !== undefined && card.dates.bookedAt < (card.dates.debitedAt ?? ''),
  )
})

test('answers a truncated file or a missing currency with an error, a bad amount with a warning', () => {
  const text = sample('ofx2-uk.ofx').toString('utf8')
  assert.match(parseOfx(text.slice(0, 4000)).issues[0]?.message ?? '', /truncated/)
  assert.match(
    parseOfx(text.replace(/<CURDEF>GBP<\/CURDEF>/g, '')).issues[0]?.message ?? '',
    /CURDEF/,
  )
  const bad = parseOfx(text.replace('<TRNAMT>', '<TRNAMT>x'))
  assert.equal(bad.issues[0]?.severity, 'warning')
  assert.match(bad.issues[0]?.path ?? '', /STMTTRN\[0\]\.TRNAMT$/)
  assert.match(parseOfx('hello').issues[0]?.message ?? '', /not an OFX file/)
})

test('closes SGML leaves without doubling closings that are already there', () => {
  assert.equal(
    sgmlToXml('<OFX>\n<A>\n<B>1 & 2\n<C>x</C>\n</A>\n</OFX>'),
    '<OFX>\n<A>\n<B>1 &amp; 2</B>\n<C>x</C>\n</A>\n</OFX>',
  )
})
