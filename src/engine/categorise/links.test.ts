import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, AccountType, EnrichedTransaction, Transaction } from '../model/index.ts'
import { enrichAccounts } from './index.ts'

let counter = 0
const tx = (accountId: string, date: string, amount: number, description: string): Transaction => ({
  id: `${accountId}t${counter++}`,
  accountId,
  description,
  amount: Math.round(amount * 100),
  currency: 'EUR',
  date,
  dates: { debitedAt: `${date}T00:00:00.000Z` },
  isComing: false,
})

const account = (
  id: string,
  type: AccountType,
  transactions: Transaction[],
  owner = 'JEAN MARTIN',
): Account => ({
  id,
  type,
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance: 0,
  balanceDate: '2026-04-30T00:00:00.000Z',
  owners: [{ name: owner }],
  transactions,
})

const byId = (result: EnrichedTransaction[][]): Map<string, EnrichedTransaction> =>
  new Map(result.flat().map((t) => [t.id, t]))

test('links a rejected direct debit to the payment it reverses and takes its category', () => {
  const payment = tx('a0', '2026-03-05', -343.45, 'PRLV SEPA CREDIPAR 10600220302032')
  const older = tx('a0', '2026-02-05', -343.45, 'PRLV SEPA CREDIPAR 10600220302032')
  const rejection = tx('a0', '2026-03-07', 343.45, 'REJET PRLV SEPA CREDIPAR')
  const out = byId(enrichAccounts([account('a0', 'CHECKING', [older, payment, rejection])]))
  const r = out.get(rejection.id)?.enrichments
  const p = out.get(payment.id)?.enrichments
  assert.equal(r?.category, 'REJECTION_LOAN_REPAYMENT')
  assert.equal(r?.isRejected, true)
  assert.equal(r?.counterPartId, payment.id)
  assert.equal(p?.isRejected, true)
  assert.equal(p?.counterPartId, rejection.id)
  assert.equal(p?.category, 'LOAN_REPAYMENT_PERSONAL')
  assert.equal(out.get(older.id)?.enrichments.isRejected, false)
})

test('a returned cheque is a cheque rejection, an unpaid subscription a payment rejection', () => {
  const cheque = tx('a0', '2026-03-01', 250, 'REMISE CHEQUE 0012345')
  const bounced = tx('a0', '2026-03-09', -250, 'CHQ IMPAYE 0012345')
  const card = tx('a0', '2026-03-10', -9.99, 'CARTE X2518 SPOTIFY')
  const unpaid = tx('a0', '2026-03-10', 9.99, 'REJET PRLV SPOTIFY')
  const out = byId(enrichAccounts([account('a0', 'CHECKING', [cheque, bounced, card, unpaid])]))
  assert.equal(out.get(bounced.id)?.enrichments.category, 'REJECTION_CHECK')
  assert.equal(out.get(bounced.id)?.enrichments.counterPartId, cheque.id)
  assert.equal(out.get(unpaid.id)?.enrichments.category, 'REJECTION_PAYMENT')
  assert.equal(out.get(unpaid.id)?.enrichments.counterPartId, card.id)
})

test('pairs a transfer to the customer’s savings account with its credit there', () => {
  const out = tx('a0', '2026-03-10', -500, 'VIR SEPA EMIS M JEAN MARTIN')
  const inn = tx('a1', '2026-03-12', 500, 'VIREMENT RECU')
  const result = byId(
    enrichAccounts([account('a0', 'CHECKING', [out]), account('a1', 'SAVINGS', [inn])]),
  )
  assert.equal(result.get(out.id)?.enrichments.type, 'OUTGOING_INTERNAL_TRANSFER')
  assert.equal(result.get(inn.id)?.enrichments.type, 'INCOMING_INTERNAL_TRANSFER')
  assert.equal(result.get(out.id)?.enrichments.counterPartId, inn.id)
  assert.equal(result.get(inn.id)?.enrichments.counterPartId, out.id)
  assert.equal(result.get(out.id)?.enrichments.category, 'OTHER_EXPENSE')
  assert.equal(result.get(inn.id)?.enrichments.category, 'OTHER_ENTRY')
})

test('does not pair opposite amounts too far apart or on the same account', () => {
  const out = tx('a0', '2026-03-01', -500, 'VIREMENT EMIS DUPONT')
  const late = tx('a1', '2026-03-20', 500, 'VIREMENT RECU DURAND')
  const same = tx('a0', '2026-03-02', 500, 'VIREMENT RECU DURAND')
  const result = byId(
    enrichAccounts([account('a0', 'CHECKING', [out, same]), account('a1', 'CHECKING', [late])]),
  )
  assert.equal(result.get(out.id)?.enrichments.type, 'OUTGOING_TRANSFER')
  assert.equal(result.get(late.id)?.enrichments.type, 'INCOMING_TRANSFER')
})

test('a transfer naming the owner in full, or "compte à compte", is internal; a relative is not', () => {
  const own = tx('a0', '2026-03-01', -200, 'VIREMENT EMIS MARTIN JEAN')
  const wording = tx('a0', '2026-03-02', -300, 'VIREMENT COMPTE A COMPTE')
  const relative = tx('a0', '2026-03-03', -100, 'VIREMENT EMIS MME MARTIN')
  const result = byId(enrichAccounts([account('a0', 'CHECKING', [own, wording, relative])]))
  assert.equal(result.get(own.id)?.enrichments.type, 'OUTGOING_INTERNAL_TRANSFER')
  assert.equal(result.get(wording.id)?.enrichments.type, 'OUTGOING_INTERNAL_TRANSFER')
  assert.equal(result.get(relative.id)?.enrichments.type, 'OUTGOING_TRANSFER')
})

test('a company paying a similar amount every month by plain transfer is an employer', () => {
  const pay = ['2026-01-28', '2026-02-27', '2026-03-30'].map((date, i) =>
    tx('a0', date, 2581.45 - i * 40, 'VIR SEPA RECU /DE NEFAB /MOTIF VIREMENT NEFAB SAS'),
  )
  const once = tx('a0', '2026-03-15', 400, 'VIR SEPA RECU /DE BRICO SARL /MOTIF FACTURE')
  const result = byId(enrichAccounts([account('a0', 'CHECKING', [...pay, once])]))
  for (const p of pay) {
    assert.equal(result.get(p.id)?.enrichments.category, 'WAGE')
    assert.equal(result.get(p.id)?.enrichments.ruleId, 'RECURRING_EMPLOYER_TRANSFER')
  }
  assert.equal(result.get(once.id)?.enrichments.category, 'OTHER_ENTRY')
})

test('gives the same enrichments whatever the order of accounts and transactions', () => {
  const checking = [
    tx('a0', '2026-03-05', -343.45, 'PRLV SEPA CREDIPAR'),
    tx('a0', '2026-02-05', -343.45, 'PRLV SEPA CREDIPAR'),
    tx('a0', '2026-03-07', 343.45, 'REJET PRLV SEPA CREDIPAR'),
    tx('a0', '2026-03-10', -500, 'VIREMENT EMIS'),
    tx('a0', '2026-03-10', -500, 'VIREMENT EMIS'),
    tx('a0', '2026-03-11', 2500, 'VIR SEPA RECU /DE ACME SAS /MOTIF SALAIRE'),
  ]
  const savings = [
    tx('a1', '2026-03-11', 500, 'VIREMENT RECU'),
    tx('a1', '2026-03-12', 500, 'VIREMENT RECU'),
  ]
  const forward = enrichAccounts([
    account('a0', 'CHECKING', checking),
    account('a1', 'SAVINGS', savings),
  ])
  const backward = enrichAccounts([
    account('a1', 'SAVINGS', [...savings].reverse()),
    account('a0', 'CHECKING', [...checking].reverse()),
  ])
  // Same output per transaction id, and in input order.
  assert.deepEqual(
    forward[0]?.map((t) => t.id),
    checking.map((t) => t.id),
  )
  const a = byId(forward)
  const b = byId(backward)
  for (const [id, t] of a) assert.deepEqual(b.get(id), t, id)
})

test('links a deferred card total to the credit that resets the card account', () => {
  const total = tx('a0', '2026-03-31', -843.2, 'CB 4978******304034 TOT DIF')
  const reset = tx('a1', '2026-03-31', 843.2, 'PRELEVEMENT MENSUEL')
  const spend = tx('a1', '2026-03-12', -843.2, 'CB FNAC 12/03')
  const result = byId(
    enrichAccounts([
      account('a0', 'CHECKING', [total]),
      account('a1', 'CREDIT_CARD', [spend, reset]),
    ]),
  )
  assert.equal(result.get(total.id)?.enrichments.category, 'DEFERRED_TOTAL_PAYMENT')
  assert.equal(result.get(reset.id)?.enrichments.category, 'CREDIT_CARD_RESET')
  assert.equal(result.get(total.id)?.enrichments.counterPartId, reset.id)
  assert.equal(result.get(reset.id)?.enrichments.counterPartId, total.id)
  assert.equal(result.get(spend.id)?.enrichments.type, 'CARD')
})

test("a credit card paid off from the checking account is the card's settlement once its account is seen", () => {
  const payoff = tx('a0', '2026-03-27', -612.4, 'DD HALIFAX CREDIT CARD PAYMENT')
  const unknown = tx('a0', '2026-02-27', -98.15, 'ABBUCHUNG 0044')
  const reset = tx('a1', '2026-03-29', 612.4, 'PAYMENT RECEIVED - THANK YOU')
  const reset2 = tx('a1', '2026-02-28', 98.15, 'ZAHLUNG ERHALTEN')
  const spend = tx('a1', '2026-03-10', -612.4, 'WAITROSE 1123 GUILDFORD')
  const result = byId(
    enrichAccounts([
      account('a0', 'CHECKING', [unknown, payoff]),
      account('a1', 'CREDIT_CARD', [reset2, spend, reset]),
    ]),
  )
  for (const [debit, credit] of [
    [payoff, reset],
    [unknown, reset2],
  ] as const) {
    assert.equal(result.get(debit.id)?.enrichments.category, 'DEFERRED_TOTAL_PAYMENT')
    assert.equal(result.get(debit.id)?.enrichments.ruleId, 'CARD_SETTLEMENT_LINKED')
    assert.equal(result.get(debit.id)?.enrichments.counterPartId, credit.id)
  }
  // Without the card account in the file, the same debit stays a credit card's repayment.
  const alone = byId(enrichAccounts([account('a0', 'CHECKING', [payoff])]))
  assert.equal(alone.get(payoff.id)?.enrichments.category, 'LOAN_REPAYMENT_REVOLVING')
})

test('flags international transfers, not card payments to a money transfer brand', () => {
  const abroad = tx('a0', '2026-03-01', -300, 'VIREMENT INTERNATIONAL EMIS JOHN DOE')
  const wise = tx('a0', '2026-03-02', -20, 'CARD PAYMENT TO WISE')
  const result = byId(enrichAccounts([account('a0', 'CHECKING', [abroad, wise])]))
  assert.equal(result.get(abroad.id)?.enrichments.type, 'OUTGOING_TRANSFER')
  assert.equal(result.get(abroad.id)?.enrichments.isInternationalTransfer, true)
  assert.equal(result.get(wise.id)?.enrichments.type, 'CARD')
  assert.equal(result.get(wise.id)?.enrichments.isInternationalTransfer, false)
})

test('a joint owner name counts for each holder', () => {
  const toMarie = tx('a0', '2026-03-01', -150, 'VIREMENT EMIS MARIE DURAND')
  const joint = account('a0', 'CHECKING', [toMarie], 'MR JEAN MARTIN ET MME MARIE DURAND')
  const result = byId(enrichAccounts([joint]))
  assert.equal(result.get(toMarie.id)?.enrichments.type, 'OUTGOING_INTERNAL_TRANSFER')
})

test('keeps pay that carries the holder’s name as income, and a bare transfer to them as own', () => {
  const pay = tx('a0', '2026-03-28', 2150.4, 'VIR SEPA RECU SALAIRE MARS M JEAN MARTIN')
  const own = tx('a0', '2026-03-29', -300, 'VIR SEPA EMIS M JEAN MARTIN')
  const result = byId(enrichAccounts([account('a0', 'CHECKING', [pay, own])]))
  assert.equal(result.get(pay.id)?.enrichments.category, 'WAGE')
  assert.equal(result.get(pay.id)?.enrichments.type, 'INCOMING_TRANSFER')
  assert.equal(result.get(own.id)?.enrichments.type, 'OUTGOING_INTERNAL_TRANSFER')
  assert.equal(result.get(own.id)?.enrichments.category, 'OTHER_EXPENSE')
})
