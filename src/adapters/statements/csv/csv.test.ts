import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseCsv } from './index.ts'
import { detectLayout } from './to-model.ts'

const sample = (name: string): Buffer =>
  readFileSync(new URL(`../../../../test/fixtures/statements/csv/${name}`, import.meta.url))

/** Data rows of a sample: non-empty lines after the header line. */
const dataRows = (name: string, headerLine = 0): number =>
  sample(name)
    .toString('latin1')
    .split(/\r?\n/)
    .slice(headerLine + 1)
    .filter((l) => l.trim() !== '').length

const presetOf = (name: string) =>
  detectLayout(sample(name).toString('latin1'), {}, [])?.layout.preset

test('recognises each bank preset from its header', () => {
  assert.equal(presetOf('boursorama-fr.csv'), 'BOURSORAMA_FR')
  assert.equal(presetOf('monzo-uk.csv'), 'MONZO_UK')
  assert.equal(presetOf('barclays-uk.csv'), 'BARCLAYS_UK')
  assert.equal(presetOf('ing-nl.csv'), 'ING_NL')
  assert.equal(presetOf('sparkasse-de.csv'), 'SPARKASSE_DE')
  assert.equal(presetOf('generic-es.csv'), 'GENERIC')
})

test('reads every row of every sample, one account per account column value', () => {
  const cases: [string, number, number][] = [
    ['boursorama-fr.csv', 2, 0],
    ['monzo-uk.csv', 1, 0],
    ['barclays-uk.csv', 2, 0],
    ['ing-nl.csv', 1, 0],
    ['sparkasse-de.csv', 1, 0],
    ['generic-es.csv', 1, 4],
    ['generic-fr-debit-credit.csv', 1, 0],
  ]
  for (const [name, accountCount, headerLine] of cases) {
    const result = parseCsv(sample(name))
    assert.deepEqual(
      result.issues.filter((i) => i.severity === 'error'),
      [],
      name,
    )
    assert.equal(result.accounts.length, accountCount, name)
    const transactions = result.accounts.flatMap((a) => a.transactions)
    assert.equal(transactions.length, dataRows(name, headerLine), name)
    assert.ok(
      transactions.every((t) => Number.isInteger(t.amount) && t.amount !== 0),
      name,
    )
  }
})

test('takes the balance after the last booking from a running balance, newest-first files included', () => {
  for (const name of ['ing-nl.csv', 'generic-es.csv']) {
    const [account] = parseCsv(sample(name)).accounts
    assert.ok(account && account.balance !== null, name)
    const lastDay = account.transactions.at(-1)?.date
    assert.equal(account.balanceDate?.slice(0, 10), lastDay, name)
    // Opening balance = running balance of the first booking minus its amount; the closing one
    // must then be the opening plus every amount.
    const text = sample(name)
      .toString('latin1')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
    const oldest = (text.at(-1) ?? '').split(';').map((c) => c.replace(/"/g, ''))
    const toMinor = (s: string) => Math.round(Number(s.replace(/\./g, '').replace(',', '.')) * 100)
    const oldestAmount =
      name === 'ing-nl.csv'
        ? (oldest[5] === 'Af' ? -1 : 1) * toMinor(oldest[6] ?? '')
        : toMinor(oldest[3] ?? '')
    const oldestBalance = toMinor(name === 'ing-nl.csv' ? (oldest[9] ?? '') : (oldest[4] ?? ''))
    const total = account.transactions.reduce((sum, t) => sum + t.amount, 0)
    assert.equal(account.balance, oldestBalance - oldestAmount + total, name)
  }
})

test('signs unsigned amounts by the Af/Bij column and split debit/credit columns', () => {
  const [ing] = parseCsv(sample('ing-nl.csv')).accounts
  const salary = ing?.transactions.find((t) => t.description.startsWith('Acme Nederland'))
  const rent = ing?.transactions.find((t) => t.description.startsWith('Woonstichting'))
  assert.ok((salary?.amount ?? 0) > 0 && (rent?.amount ?? 0) < 0)
  const result = parseCsv(sample('generic-fr-debit-credit.csv'))
  const loyer = result.accounts[0]?.transactions.find((t) => t.description.includes('LOYER'))
  assert.equal(loyer?.amount, -85000)
  assert.deepEqual(
    result.issues.map((i) => [i.path, i.message]),
    [['line 1, column "Pointage"', 'unknown column, ignored']],
  )
})

test('reads a Windows-1252 Sparkasse export, with its pending booking as coming', () => {
  const result = parseCsv(sample('sparkasse-de.csv'))
  assert.match(result.issues[0]?.message ?? '', /not valid UTF-8; read as Windows-1252/)
  const [account] = result.accounts
  assert.equal(account?.iban, 'DE89370400440532013000')
  assert.ok(account?.transactions.some((t) => t.description.includes('Hausverwaltung Müller GmbH')))
  assert.equal(account?.transactions.filter((t) => t.isComing).length, 1)
})

test('does not count Monzo money out / in twice, and keeps the holder named above a header', () => {
  const monzo = parseCsv(sample('monzo-uk.csv')).accounts[0]
  const text = sample('monzo-uk.csv').toString('utf8').trim().split('\n').slice(1)
  const amountColumn = 7
  const expected = text.reduce(
    (sum, line) => sum + Math.round(Number(line.split(',')[amountColumn]) * 100),
    0,
  )
  assert.equal(
    monzo?.transactions.reduce((sum, t) => sum + t.amount, 0),
    expected,
  )
  assert.equal(monzo?.currency, 'GBP')
  const es = parseCsv(sample('generic-es.csv')).accounts[0]
  assert.deepEqual(es?.owners, [{ name: 'MARIA GARCIA LOPEZ' }])
  assert.equal(es?.iban, 'ES9121000418450200051332')
})

test('reads thousands separators, quoted delimiters and line breaks in quotes', () => {
  const text =
    'Date;Libellé;Montant\n02/01/2026;"VIR; RECU\nSALAIRE";"1 234,56"\n03/01/2026;LOYER;-1.050,00\n'
  const [account] = parseCsv(text).accounts
  assert.deepEqual(
    account?.transactions.map((t) => [t.description, t.amount]),
    [
      ['VIR; RECU SALAIRE', 123456],
      ['LOYER', -105000],
    ],
  )
})

test('skips rows it cannot read, with their line number, and keeps the others', () => {
  const text =
    'Date,Description,Amount\n2026-01-02,COFFEE,-2.50\n2026-02-30,BAD DAY,-1.00\n2026-01-03,BAD AMOUNT,abc\n1850-01-01,TOO OLD,-1.00\n'
  const result = parseCsv(text)
  assert.equal(result.accounts[0]?.transactions.length, 1)
  assert.deepEqual(
    result.issues.map((i) => i.path),
    ['line 3, column "Date"', 'line 4, column "Amount"', 'line 5, column "Date"'],
  )
  assert.ok(result.issues.every((i) => i.severity === 'warning'))
})

test('answers files it cannot read with one error', () => {
  assert.equal(parseCsv('').issues[0]?.message, 'the file is empty')
  assert.match(parseCsv('a;b;c\n1;2;3\n').issues[0]?.message ?? '', /no header row found/)
  assert.match(
    parseCsv('Date;Amount\n2026-01-01;1\n', { preset: 'NOPE' }).issues[0]?.message ?? '',
    /unknown CSV preset/,
  )
  assert.match(parseCsv('Date;Amount\nyesterday;1\n').issues[0]?.message ?? '', /no known layout/)
})

test('counts once the rows two overlapping exports repeat', () => {
  const header = 'Date;Libellé;Montant\n'
  const rows = ['02/01/2026;CAFE;-2,50', '02/01/2026;CAFE;-2,50', '05/01/2026;LOYER;-800,00']
  // One export repeated twice inside one file would be two cafés: the de-duplication works
  // across statements, which the CSV reader sees as one statement per file.
  const result = parseCsv(header + rows.join('\n'))
  assert.equal(result.accounts[0]?.transactions.length, 3)
  assert.equal(result.duplicatesRemoved ?? 0, 0)
})

test('reads a payee name once when the description column repeats it (Monzo Name + Description)', () => {
  const header = 'Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Description'
  const rows = [
    'tx_1,01/01/2026,08:00:00,Direct Debit,Foxtons Ltd,,general,-950.00,GBP,FOXTONS LTD RENT',
    'tx_2,02/01/2026,08:00:00,Card payment,Pret A Manger,,eating_out,-4.20,GBP,',
    'tx_3,03/01/2026,08:00:00,Faster payment,Acme UK,,income,2000.00,GBP,SALARY JANUARY',
  ]
  const account = parseCsv([header, ...rows].join('\n')).accounts[0]
  assert.deepEqual(
    account?.transactions.map((t) => t.description),
    ['FOXTONS LTD RENT', 'Pret A Manger', 'Acme UK SALARY JANUARY'],
  )
})
