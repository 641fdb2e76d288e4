/**
 * Own transfers found before income is read (linkOwnTransfersBeforeIncome): files with no
 * account types (UNKNOWN) and no owner names, in several markets. Invented histories.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, EnrichedTransaction, Transaction } from '../model/index.ts'
import { enrichAccounts } from './index.ts'

let counter = 0
const tx = (accountId: string, date: string, amount: number, description: string): Transaction => ({
  id: `${accountId}-${counter++}`,
  accountId,
  description,
  amount: Math.round(amount * 100),
  currency: 'EUR',
  date,
  dates: { debitedAt: `${date}T00:00:00.000Z` },
  isComing: false,
})

/** An account as many aggregator files give it: no type, no owner. */
const account = (id: string, transactions: Transaction[]): Account => ({
  id,
  type: 'UNKNOWN',
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance: 0,
  balanceDate: '2026-07-01T00:00:00.000Z',
  owners: [],
  transactions,
})

const MONTHS = ['01', '02', '03', '04', '05', '06']
const monthly = (
  accountId: string,
  day: string,
  amount: number,
  description: string,
): Transaction[] => MONTHS.map((m) => tx(accountId, `2026-${m}-${day}`, amount, description))

const byId = (result: EnrichedTransaction[][]): Map<string, EnrichedTransaction> =>
  new Map(result.flat().map((t) => [t.id, t]))

const wageTotal = (result: EnrichedTransaction[][]): number =>
  result
    .flat()
    .filter((t) => t.enrichments.category.startsWith('WAGE'))
    .reduce((sum, t) => sum + t.amount, 0)

test('FR: a monthly credit on a second untyped account, matching a debit, is no pay', () => {
  const pay = monthly('m', '25', 2310, 'VIR SEPA RECU SALAIRE NORDEX')
  const out = monthly('m', '28', -350, 'VIR SEPA EMIS REF 88231 PLAN EPARGNE')
  const into = monthly('s', '29', 350, 'VIR RECU TITULAIRE CPT 0041')
  const result = enrichAccounts([account('m', [...pay, ...out]), account('s', into)])
  const got = byId(result)
  for (const [i, credit] of into.entries()) {
    const e = got.get(credit.id)?.enrichments
    assert.equal(e?.type, 'INCOMING_INTERNAL_TRANSFER')
    assert.notEqual(e?.category, 'WAGE')
    assert.equal(e?.counterPartId, out[i]?.id)
    assert.equal(got.get(out[i]?.id ?? '')?.enrichments.counterPartId, credit.id)
  }
  // Only the salary is pay.
  assert.equal(wageTotal(result), 6 * 231000)
})

test('UK and NL: the same in other words, and both directions between the two accounts', () => {
  const uk = enrichAccounts([
    account('c', [
      ...monthly('c', '27', 1980, 'BGC HALDANE ENGINEERING LTD PAYROLL'),
      ...monthly('c', '01', -400, 'FPS OUT 40-12-77 REF ACCT 3391'),
    ]),
    account('x', [
      ...monthly('x', '02', 400, 'FPS IN 40-12-77 TRF 0193 RESERVE'),
      tx('x', '2026-06-15', -1200, 'FPS OUT REF ACCT 3391 RETURN'),
    ]),
  ])
  assert.equal(wageTotal(uk), 6 * 198000)
  const nl = enrichAccounts([
    account('b', [
      ...monthly('b', '24', 2650, 'SALARIS VAN DER LINDEN INSTALLATIETECHNIEK'),
      ...monthly('b', '26', -500, 'OVERBOEKING NL02ABNA0123456789 OPZIJ ZETTEN'),
    ]),
    account('o', monthly('o', '27', 500, 'OVERBOEKING NL91ABNA0417164300 BUFFER')),
  ])
  assert.equal(wageTotal(nl), 6 * 265000)
  for (const t of nl[1] ?? []) assert.equal(t.enrichments.type, 'INCOMING_INTERNAL_TRANSFER')
})

test('DE: pay said in words stays pay even when the same amount leaves another account', () => {
  // A coincidence: the wages equal the month's transfer from the other account, same day.
  const wages = monthly('g', '28', 1500, 'GUTSCHRIFT LOHN GEHALT BERGMANN')
  const moved = monthly('t', '28', -1500, 'UEBERWEISUNG AN KONTO 5521 UMSCHICHTUNG')
  const result = enrichAccounts([account('g', wages), account('t', moved)])
  const got = byId(result)
  for (const w of wages) {
    assert.equal(got.get(w.id)?.enrichments.category, 'WAGE')
    assert.equal(got.get(w.id)?.enrichments.counterPartId, null)
  }
  assert.equal(wageTotal(result), 6 * 150000)
})

test('ES: a payer with a company form keeps its reading; the choice does not depend on order', () => {
  const company = monthly('a', '30', 1200, 'TRANSFERENCIA RECIBIDA TALLERES IBARRA SL')
  const own = monthly('b', '30', 1200, 'TRANSFERENCIA RECIBIDA CTA 7730')
  const out = monthly('c', '30', -1200, 'TRANSFERENCIA EMITIDA CTA 7730')
  const accounts = [account('a', company), account('b', own), account('c', out)]
  const result = enrichAccounts(accounts)
  const got = byId(result)
  // The company's regular credit is pay; the own account's credit is the other leg.
  for (const t of company) assert.equal(got.get(t.id)?.enrichments.category, 'WAGE')
  for (const [i, t] of own.entries()) {
    assert.equal(got.get(t.id)?.enrichments.counterPartId, out[i]?.id)
  }
  const reversed = enrichAccounts(
    [...accounts].reverse().map((a) => ({ ...a, transactions: [...a.transactions].reverse() })),
  )
  const again = byId(reversed)
  for (const [id, t] of got) assert.deepEqual(again.get(id)?.enrichments, t.enrichments)
})

test('BE: untyped loan and card accounts paid from the current account are no pay', () => {
  const out = [
    ...monthly('m', '05', -650, 'VIREMENT EMIS VERS COMPTE 0077'),
    ...monthly('m', '07', -812.4, 'VIREMENT EMIS VERS COMPTE 4410'),
  ]
  const loan = monthly('l', '06', 650, 'VIREMENT RECU DE CPT 0077 HOLMQUIST')
  const card = monthly('c', '08', 812.4, 'VIREMENT RECU DE CPT 4410 HOLMQUIST')
  const result = enrichAccounts([account('m', out), account('l', loan), account('c', card)])
  assert.equal(wageTotal(result), 0)
  for (const t of [...loan, ...card]) {
    assert.equal(byId(result).get(t.id)?.enrichments.type, 'INCOMING_INTERNAL_TRANSFER')
  }
})

test("a card account's reset keeps its settlement debit when a third account has the same credit", () => {
  const settlement = tx('m', '2026-03-07', -812.4, 'VIREMENT EMIS VERS COMPTE 4410')
  const reset = tx('c', '2026-03-08', 812.4, 'VIREMENT RECU DE CPT 4410')
  const other = tx('o', '2026-03-07', 812.4, 'VIREMENT RECU DE CPT 9120')
  const got = byId(
    enrichAccounts([
      { ...account('m', [settlement]), type: 'CHECKING' },
      { ...account('c', [reset]), type: 'CREDIT_CARD' },
      account('o', [other]),
    ]),
  )
  assert.equal(got.get(reset.id)?.enrichments.category, 'CREDIT_CARD_RESET')
  assert.equal(got.get(settlement.id)?.enrichments.counterPartId, reset.id)
  assert.equal(got.get(settlement.id)?.enrichments.category, 'DEFERRED_TOTAL_PAYMENT')
  assert.equal(got.get(other.id)?.enrichments.counterPartId, null)
})
