import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account } from '../model/index.ts'
import { enrichAccounts } from './index.ts'

const counterpartyOf = (description: string, amount: number): string | null => {
  const account: Account = {
    id: 'a0',
    type: 'CHECKING',
    usage: 'PERSONAL',
    ownership: 'HOLDER',
    currency: 'EUR',
    balance: null,
    balanceDate: null,
    owners: [],
    transactions: [
      {
        id: 'a0t0',
        accountId: 'a0',
        description,
        amount: Math.round(amount * 100),
        currency: 'EUR',
        date: '2026-03-15',
        dates: {},
        isComing: false,
      },
    ],
  }
  return enrichAccounts([account])[0]?.[0]?.enrichments.counterparty ?? null
}

test('names the employer, lender, merchant or payer of a description', () => {
  const cases: [string, number, string | null][] = [
    [
      'VIR SEPA RECU /DE FNAC DARTY PARTICIPATIONS ET SERVICES /MOTIF SALAIRE /REF 106837-2',
      2581.45,
      'FNAC DARTY',
    ],
    ['VIREMENT EMIS AG HOMALONE LOYER', -879.78, 'AG HOMALONE'],
    ['VIREMENT RECU DE M. POTTER', 900, 'POTTER'],
    [
      'PRELEVEMENT DE ADVANZIA BANK S.A REF : efefefefef 3c6 PRELEVEMENT CARTE ZERO FUBL',
      -67.2,
      'ADVANZIA BANK',
    ],
    [
      'PRELEVEMENT EUROPEEN 0907476161 DE: PRET SOGEFINANC.EXPRESSO-SOGEFINANC EMENT',
      -123.02,
      'SOGEFINANCE',
    ],
    ['REGLEMENT ASSU. CNP PRET HABITAT', -17.8, 'CNP ASSURANCES'],
    [
      'SEPA OVERBOEKING IBAN NL91ABNA0417164300 BIC ABNANL2A NAAM J JANSEN OMSCHRIJVING HUUR',
      -800,
      'J JANSEN',
    ],
    ['FASTER PAYMENT RECEIVED FROM J SMITH', 40, 'J SMITH'],
    ['TRANSFERENCIA NOMINA INDITEX SA MARZO', 2100, 'INDITEX'],
  ]
  for (const [description, amount, expected] of cases) {
    assert.equal(counterpartyOf(description, amount), expected, description)
  }
})

test('names nobody for bank fees and cash withdrawals', () => {
  assert.equal(counterpartyOf('F FRAIS PRLV IMP 543,45EUR 20 PROVISION INSUFFISANTE', -20), null)
  assert.equal(counterpartyOf('CARTE X2517 A 06H23 RETRAIT DAB LA BANQUE POSTALE', -120), null)
})
