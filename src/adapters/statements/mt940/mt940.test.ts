import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseMt940 } from './index.ts'
import { describeField86 } from './field-86.ts'

const sample = (name: string): Buffer =>
  readFileSync(new URL(`../../../../test/fixtures/statements/mt940/${name}`, import.meta.url))

/** Signed cents of every balance field `tag` of a sample, in file order. */
const balances = (name: string, tag: string): number[] =>
  [
    ...sample(name)
      .toString('latin1')
      .matchAll(new RegExp(`^:${tag}:([CD])\\d{6}[A-Z]{3}([\\d,]+)`, 'gm')),
  ].map((m) => (m[1] === 'D' ? -1 : 1) * Math.round(Number((m[2] ?? '').replace(',', '.')) * 100))

for (const name of ['mt940-ing-nl.sta', 'mt940-sparkasse-de.sta', 'mt940-bnp-fr.sta']) {
  test(`reads ${name}: opening balance plus every :61: gives the closing balance`, () => {
    const result = parseMt940(sample(name))
    assert.deepEqual(
      result.issues.filter((i) => i.severity === 'error'),
      [],
    )
    const lines = (sample(name).toString('latin1').match(/^:61:/gm) ?? []).length
    assert.equal(result.accounts.flatMap((a) => a.transactions).length, lines)
    const openings = balances(name, '60F')
    const closings = balances(name, '62F')
    // One account per file, or one per :25: with its own chain of statements.
    const accountOpenings = result.accounts.map((a) =>
      a.transactions.reduce((sum, t) => sum + t.amount, 0),
    )
    const firstOpenings = openings.filter((_, i) => i === 0 || closings[i - 1] !== openings[i])
    assert.deepEqual(
      result.accounts.map((a, i) => (a.balance ?? 0) - (accountOpenings[i] ?? 0)),
      firstOpenings,
    )
  })
}

test('reads the Dutch structured, German ?-subfield and free-text dialects of :86:', () => {
  assert.equal(
    describeField86([
      '/TRTP/SEPA OVERBOEKING/IBAN/NL20RABO0300065264/BIC/RABONL2U/NAM',
      'E/Acme B.V./REMI/Salaris 4/EREF/NOTPROVIDED',
    ]),
    'Acme B.V. Salaris 4',
  )
  assert.equal(
    describeField86([
      '166?00GUTSCHR. UEBERWEISUNG?100599?20EREF+X1 SVWZ+Lohn 4/2',
      '026?32Acme GmbH',
    ]),
    'GUTSCHR. UEBERWEISUNG Acme GmbH Lohn 4/2026',
  )
  assert.equal(
    describeField86(['PRLV SEPA EDF CLIENTS', 'PARTICULIERS']),
    'PRLV SEPA EDF CLIENTS PARTICULIERS',
  )
  const wrapped = 'X'.repeat(60) + 'CARRE'
  assert.equal(describeField86([wrapped, 'FOUR']), `${wrapped}FOUR`)
})

test('keeps the account of each :25:, an IBAN without the ING currency suffix or a bank code/number', () => {
  assert.equal(parseMt940(sample('mt940-ing-nl.sta')).accounts[0]?.iban, 'NL69INGB0123456789')
  assert.equal(
    parseMt940(sample('mt940-sparkasse-de.sta')).accounts[0]?.number,
    '37040044/0532013000',
  )
  const fr = parseMt940(sample('mt940-bnp-fr.sta'))
  assert.equal(fr.accounts.length, 2)
})

test('reads reversals and entry dates across the new year', () => {
  const text = [
    ':20:X',
    ':25:FR7630004000031234567890143',
    ':60F:C251231EUR100,00',
    ':61:2512310102D10,00NCHGNONREF',
    ':86:FRAIS',
    ':61:260102RD5,00NCHGNONREF',
    ':86:REMBOURSEMENT FRAIS',
    ':62F:C260102EUR95,00',
  ].join('\n')
  const [account] = parseMt940(text).accounts
  assert.deepEqual(
    account?.transactions.map((t) => [t.date, t.amount]),
    [
      ['2026-01-02', -1000],
      ['2026-01-02', 500],
    ],
  )
  assert.equal(account?.balance, 9500)
})

test('skips an unreadable :61: with its line, and refuses a statement without account or balance', () => {
  const bad = parseMt940(
    ':20:X\n:25:DE1\n:60F:C260101EUR1,00\n:61:26XX01D1,00NTRF\n:62F:C260101EUR1,00\n',
  )
  assert.deepEqual(
    bad.issues.map((i) => [i.path, i.severity]),
    [['line 4', 'warning']],
  )
  assert.match(
    parseMt940(':20:X\n:60F:C260101EUR1,00\n:61:260101D1,00NTRF\n').issues[0]?.message ?? '',
    /without an account/,
  )
  assert.match(
    parseMt940(':20:X\n:25:DE1\n:61:260101D1,00NTRF\n').issues[0]?.message ?? '',
    /opening balance/,
  )
  assert.equal(parseMt940(' \n').issues[0]?.message, 'the file is empty')
})
