import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, AccountType, EnrichedTransaction, Transaction } from '../model/index.ts'
import { analyse } from '../analyse.ts'
import { enrichAccounts } from './index.ts'

let counter = 0
const tx = (accountId: string, date: string, amount: number, description: string): Transaction => ({
  id: `${accountId}f${counter++}`,
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
  transactions: Transaction[],
  owner: string | null = 'DHR JAN DE GROOT',
  type: AccountType = 'CHECKING',
): Account => ({
  id,
  type,
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance: 150000,
  balanceDate: '2026-04-30T00:00:00.000Z',
  owners: owner === null ? [] : [{ name: owner }],
  bank: { name: 'Banque Exemple' },
  transactions,
})

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04']

/** One debit a month on the 5th, the amount moving by `drift` each month. */
const monthly = (
  accountId: string,
  description: string,
  amount: number,
  drift = 0,
): Transaction[] =>
  MONTHS.map((m, i) => tx(accountId, `${m}-05`, -(amount + i * drift), description))

const categoriesOf = (list: EnrichedTransaction[], description: string) =>
  list.filter((t) => t.description === description).map((t) => t.enrichments)

/**
 * [market, description, lender, category]: lenders no dictionary names. (Lease names already
 * reach LEASING through the dictionaries' LEASE / LEASING / RENTING words.)
 */
const LENDERS: readonly [string, string, string, string][] = [
  ['UK', 'DD ACORN LENDING LTD', 'ACORN LENDING', 'LOAN_REPAYMENT_PERSONAL'],
  ['ES', 'RECIBO FINANCIERA DEL NORTE', 'FINANCIERA DEL NORTE', 'LOAN_REPAYMENT_PERSONAL'],
  ['BE', 'DOMICILIATION EUROPEENNE MEUSE CREDIT SA', 'MEUSE CREDIT', 'LOAN_REPAYMENT_PERSONAL'],
  ['NL', 'SEPA INCASSO FRIESLAND FUNDING BV', 'FRIESLAND FUNDING', 'LOAN_REPAYMENT_PERSONAL'],
  ['DE', 'LASTSCHRIFT HANSE CAPITAL GMBH', 'HANSE CAPITAL', 'LOAN_REPAYMENT_PERSONAL'],
  ['FR', 'PRLV SEPA ATLANTIQUE FINANCEMENTS', 'ATLANTIQUE FINANCEMENTS', 'LOAN_REPAYMENT_PERSONAL'],
]

for (const [market, description, lender, category] of LENDERS) {
  test(`monthly constant debits to a lender-named organisation are repayments (${market})`, () => {
    const out = categoriesOf(
      enrichAccounts([account('a0', monthly('a0', description, 143.9))]).flat(),
      description,
    )
    assert.equal(out.length, 4)
    for (const e of out) {
      assert.equal(e.category, category, description)
      assert.equal(e.counterparty, lender)
      assert.equal(e.ruleId, 'FINANCE_NAME_REPAYMENT')
    }
  })
}

test('leaves alone varying amounts, small amounts, the own bank and what a rule decided', () => {
  const varying = 'DD NORTHERN MONEY LINE'
  const small = 'SEPA INCASSO NOORDER BANK BIJDRAGE'
  const ownBank = 'PRLV SEPA BANQUE EXEMPLE'
  const known = 'PRLV SEPA COFIDIS 2026/001'
  const person = 'VIR SEPA EMIS /A M DENIS CAPITAL'
  const transactions = [
    ...monthly('a0', varying, 40, 25),
    ...monthly('a0', small, 4.5),
    ...monthly('a0', ownBank, 35),
    ...monthly('a0', known, 120),
    ...monthly('a0', person, 300),
  ]
  const out = enrichAccounts([account('a0', transactions, null)]).flat()
  for (const description of [varying, small, ownBank, person]) {
    for (const e of categoriesOf(out, description)) {
      assert.equal(e.category, 'OTHER_EXPENSE', description)
    }
  }
  for (const e of categoriesOf(out, known)) assert.equal(e.ruleId, 'LOAN_LENDER_OR_WORDING')
})

test('a missed instalment to such a lender is a rejected credit repayment', () => {
  const description = 'DD ACORN LENDING LTD'
  const returned = tx('a0', '2026-03-08', 143.9, 'RETURNED DIRECT DEBIT ACORN LENDING LTD')
  const out = enrichAccounts([account('a0', [...monthly('a0', description, 143.9), returned])])
  const rejection = out.flat().find((t) => t.id === returned.id)?.enrichments
  assert.equal(rejection?.category, 'REJECTION_LOAN_REPAYMENT')
})

test('the loans insight counts each instalment amount of such a lender as a contract', () => {
  const car = 'LASTSCHRIFT HANSE CAPITAL GMBH'
  const transactions = [
    ...MONTHS.map((m) => tx('a0', `${m}-27`, 2400, 'GEHALT LOHN BERGMANN AG')),
    ...monthly('a0', car, 210),
    ...MONTHS.map((m) => tx('a0', `${m}-15`, -89.5, car)),
    ...MONTHS.flatMap((m) =>
      [1, 2, 3, 4, 6, 8].map((d) => tx('a0', `${m}-0${d}`, -21.3, `KARTENZAHLUNG REWE ${d}`)),
    ),
  ]
  const result = analyse([account('a0', transactions)])
  assert.ok(result.ok)
  const loans = result.creditInsights?.loans.repayments
  const contracts = loans?.details.filter((d) => d.lender?.name === 'HANSE CAPITAL') ?? []
  assert.equal(contracts.length, 2)
  assert.deepEqual(
    loans?.lendingOrganizations.map((l) => l.name),
    ['HANSE CAPITAL'],
  )
})

test('decides per account: a lender on a second account is found, a card account is left alone', () => {
  const description = 'SEPA INCASSO FRIESLAND FUNDING BV'
  const out = enrichAccounts([
    account('a0', [tx('a0', '2026-01-03', -12.5, 'BEA JUMBO 1234')]),
    account('a1', monthly('a1', description, 99)),
    account('c0', monthly('c0', 'NORDSEE CAPITAL ONLINE', 45), null, 'CREDIT_CARD'),
  ]).flat()
  assert.ok(categoriesOf(out, description).every((e) => e.ruleId === 'FINANCE_NAME_REPAYMENT'))
  assert.ok(
    categoriesOf(out, 'NORDSEE CAPITAL ONLINE').every((e) => e.ruleId !== 'FINANCE_NAME_REPAYMENT'),
  )
})
