import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, Transaction } from '../model/index.ts'
import { analyse } from '../analyse.ts'

let counter = 0
const tx = (date: string, amount: number, description: string): Transaction => ({
  id: `s${counter++}`,
  accountId: 'uk0',
  description,
  amount: Math.round(amount * 100),
  currency: 'GBP',
  date,
  dates: { debitedAt: `${date}T00:00:00.000Z` },
  isComing: false,
})

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04']

/** Four months of pay and groceries, plus the credit under test. */
const account = (credit: Transaction[]): Account => ({
  id: 'uk0',
  type: 'CHECKING',
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'GBP',
  balance: 120000,
  balanceDate: '2026-04-30T00:00:00.000Z',
  owners: [],
  transactions: [
    ...MONTHS.map((m) => tx(`${m}-25`, 1900, 'BGC HARTLEY ENGINEERING SALARY')),
    ...MONTHS.flatMap((m) =>
      ['02', '09', '16', '23'].map((d) =>
        tx(`${m}-${d}`, -42.1, `CARD PAYMENT TO TESCO STORES ${d}`),
      ),
    ),
    ...credit,
  ],
})

const codesOf = (credit: Transaction[]): Set<string> => {
  const result = analyse([account(credit)])
  assert.ok(result.ok)
  return new Set(result.scores?.creditScore?.reasons.map((r) => r.code))
}

test('a loan taken back within weeks is short-term credit, a missed instalment weighs on top', () => {
  const codes = codesOf([
    tx('2026-02-10', 300, 'FASTER PAYMENT FROM MONEYBOAT LOAN ADVANCE'),
    tx('2026-03-02', -140, 'DIRECT DEBIT MONEYBOAT LOAN PD1'),
    tx('2026-03-04', 140, 'RETURNED DIRECT DEBIT MONEYBOAT'),
    tx('2026-03-09', -140, 'DIRECT DEBIT MONEYBOAT LOAN PD1'),
    tx('2026-04-02', -140, 'DIRECT DEBIT MONEYBOAT LOAN PD1'),
  ])
  assert.ok(codes.has('SHORT_TERM_LENDER'), [...codes].join(' '))
  assert.ok(codes.has('SHORT_TERM_CREDIT_MISSED'), [...codes].join(' '))
})

test('a personal loan repaid over years is not short-term credit', () => {
  const codes = codesOf([
    tx('2026-01-05', 5000, 'FASTER PAYMENT FROM ZOPA LOAN'),
    ...MONTHS.slice(1).map((m) => tx(`${m}-05`, -152.3, 'DIRECT DEBIT ZOPA LOAN')),
  ])
  assert.ok(!codes.has('SHORT_TERM_LENDER'), [...codes].join(' '))
  assert.ok(!codes.has('SHORT_TERM_CREDIT_MISSED'))
})
