import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseFiles } from '../../index.ts'
import { parseCamt } from './index.ts'

const sample = (name: string): Buffer =>
  readFileSync(new URL(`../../../../test/fixtures/statements/camt/${name}`, import.meta.url))

/** Amounts of the balances of one type in a sample, signed, in cents, in file order. */
const balances = (name: string, code: string): number[] =>
  [
    ...sample(name)
      .toString('utf8')
      .matchAll(
        new RegExp(`<Cd>${code}</Cd>[\\s\\S]*?<Amt[^>]*>([\\d.]+)</Amt>\\s*<CdtDbtInd>(\\w+)`, 'g'),
      ),
  ].map((m) => (m[2] === 'DBIT' ? -1 : 1) * Math.round(Number(m[1]) * 100))

test('reads a CAMT.053.001.08 statement: closing balance, holder, bank, booked entries', () => {
  const result = parseCamt(sample('camt053-v08-de.xml'))
  assert.deepEqual(result.issues, [])
  const [account] = result.accounts
  assert.equal(account?.iban, 'DE89370400440532013000')
  assert.deepEqual(account?.owners, [{ name: 'Max Mustermann' }])
  assert.equal(account?.bic, 'COLSDE33XXX')
  assert.equal(account?.bank?.name, 'Sparkasse KölnBonn')
  const opening = balances('camt053-v08-de.xml', 'OPBD')[0] ?? 0
  const closings = balances('camt053-v08-de.xml', 'CLBD')
  assert.equal(account?.balance, closings.at(-1))
  const total = account?.transactions.reduce((sum, t) => sum + t.amount, 0) ?? 0
  assert.equal(opening + total, account?.balance, 'opening + entries = closing')
  assert.equal(
    account?.transactions.length,
    (
      sample('camt053-v08-de.xml')
        .toString()
        .match(/<Ntry>/g) ?? []
    ).length,
  )
})

test('builds descriptions from the counterparty and remittance lines of 001.08, from AddtlNtryInf of 001.02', () => {
  const de = parseCamt(sample('camt053-v08-de.xml')).accounts[0]
  assert.ok(
    de?.transactions.some(
      (t) => t.description === 'Lastschrift Hausverwaltung Müller GmbH Miete Wohnung 3 OG',
    ),
  )
  const fr = parseCamt(sample('camt053-v02-fr.xml')).accounts[0]
  assert.ok(
    fr?.transactions.some(
      (t) => t.description === 'PRLV SEPA COFIDIS ECHEANCE PRET 4471203' && t.amount === -18990,
    ),
  )
})

test('keeps two accounts of one file apart, each with its type and monthly statements merged', () => {
  const result = parseCamt(sample('camt053-v02-fr.xml'))
  assert.deepEqual(
    result.accounts.map((a) => [a.type, a.name]),
    [
      ['CHECKING', 'COMPTE DE CHEQUES'],
      ['SAVINGS', 'LIVRET A'],
    ],
  )
  const months = new Set(result.accounts[0]?.transactions.map((t) => t.date.slice(0, 7)))
  assert.ok(months.size >= 4)
  assert.equal(result.duplicatesRemoved, 0)
})

test('reads a CAMT.052 report: interim booked balance, pending entry as coming', () => {
  const [account] = parseCamt(sample('camt052-v08-nl.xml')).accounts
  assert.equal(account?.balance, balances('camt052-v08-nl.xml', 'ITBD')[0])
  const coming = account?.transactions.filter((t) => t.isComing) ?? []
  assert.equal(coming.length, 1)
  assert.match(coming[0]?.description ?? '', /Bol\.com/)
})

test('counts once the entries two overlapping statement files repeat, and keeps the later balance', () => {
  const first = parseCamt(sample('camt053-v04-overlap-1.xml')).accounts[0]
  const second = parseCamt(sample('camt053-v04-overlap-2.xml')).accounts[0]
  const overlapMonth = second?.transactions[0]?.date.slice(0, 7)
  const repeated =
    first?.transactions.filter((t) => t.date.startsWith(overlapMonth ?? '-')).length ?? 0
  assert.ok(repeated > 0)
  const merged = parseFiles([
    { content: sample('camt053-v04-overlap-1.xml'), fileName: 'jan-mar.xml' },
    { content: sample('camt053-v04-overlap-2.xml'), fileName: 'mar-apr.xml' },
  ])
  assert.equal(merged.format, 'CAMT')
  assert.equal(merged.accounts.length, 1)
  assert.equal(merged.duplicatesRemoved, repeated)
  assert.equal(
    merged.accounts[0]?.transactions.length,
    (first?.transactions.length ?? 0) + (second?.transactions.length ?? 0) - repeated,
  )
  assert.equal(merged.accounts[0]?.balance, second?.balance)
  assert.match(
    merged.issues.at(-1)?.message ?? '',
    /repeated by overlapping files were counted once/,
  )
})

test('answers a truncated file, a missing account id or currency with an error', () => {
  const text = sample('camt053-v08-de.xml').toString('utf8')
  const truncated = parseCamt(text.slice(0, Math.floor(text.length / 2)))
  assert.equal(truncated.accounts.length, 0)
  assert.match(truncated.issues[0]?.message ?? '', /is it truncated\?/)
  const noIban = parseCamt(text.replace(/<IBAN>[^<]*<\/IBAN>/g, ''))
  assert.match(noIban.issues[0]?.message ?? '', /no IBAN or other identifier/)
  assert.equal(parseCamt('').issues[0]?.message, 'the file is empty')
  assert.match(parseCamt('<Document/>').issues[0]?.message ?? '', /not a CAMT/)
})

test('skips an entry with a bad amount or date out of range, with a warning', () => {
  const text = sample('camt053-v08-de.xml').toString('utf8')
  const broken = text
    .replace('<Amt Ccy="EUR">780.00</Amt>', '<Amt Ccy="EUR">7,80,0</Amt>')
    .replace('<BookgDt><Dt>2026-01-03</Dt>', '<BookgDt><Dt>1066-10-14</Dt>')
  const result = parseCamt(broken)
  const full = parseCamt(text)
  assert.equal(
    result.accounts[0]?.transactions.length,
    (full.accounts[0]?.transactions.length ?? 0) - 2,
  )
  assert.deepEqual(
    result.issues.map((i) => i.severity),
    ['warning', 'warning'],
  )
  assert.match(result.issues[0]?.path ?? '', /^Stmt\[0\]\.Ntry\[\d+\]\.Amt$/)
})

test('says a file cut inside a tag is probably truncated', () => {
  const text = sample('camt053-v08-de.xml').toString('utf8')
  const cut = parseCamt(text.slice(0, text.indexOf('</Nm>') + 3))
  assert.match(cut.issues[0]?.message ?? '', /truncated\?/)
})
