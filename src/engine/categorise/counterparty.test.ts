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

test('names the merchant of a card payment: no processor, store number, place or legal form', () => {
  const cases: [string, number, string | null][] = [
    // fr
    ['CB SUMUP *BOULANGERIE DUPONT 12/03 PARIS FR', -4.2, 'BOULANGERIE DUPONT'],
    ['PAIEMENT CB SUM UP *CAFE DU COIN LYON', -3.1, 'CAFE DU COIN'],
    ['CB SARL BOUCHERIE MOREAU 11/03', -18, 'BOUCHERIE MOREAU'],
    // uk
    ['CARD PAYMENT TO SQ *HARBOUR COFFEE BRISTOL GB', -3.6, 'HARBOUR COFFEE'],
    ['CARD PAYMENT TO ZETTLE_*BAKERY LTD', -5.2, 'BAKERY'],
    ['CARD PAYMENT TO TST* SMOKEHOUSE GRILL LEEDS GBR', -31, 'SMOKEHOUSE GRILL'],
    // es
    ['COMPRA TARJ. SUMUP *FRUTERIA LOLI SEVILLA ES', -9.4, 'FRUTERIA LOLI'],
    ['COMPRA TARJETA TALLERES GARCIA SL MALAGA ESP', -120, 'TALLERES GARCIA'],
    // nl
    ['BEA BETAALPAS CCV*BAKKERIJ DE VRIES UTRECHT NLD', -6.1, 'BAKKERIJ DE VRIES'],
    ['BEA BETAALPAS MOLLIE*BLOEMEN VAN DAM BV', -24.5, 'BLOEMEN VAN DAM'],
    // be
    ['PAIEMENT BANCONTACT PAYCONIQ FRITERIE MARCEL NAMUR BE', -11, 'FRITERIE MARCEL'],
    ['BETALING BANCONTACT SQ *KOFFIEBAR DE MOLEN GENT BEL', -4.4, 'KOFFIEBAR DE MOLEN'],
    // de
    ['KARTENZAHLUNG SUMUP *EISCAFE VENEZIA BONN DE', -7.5, 'EISCAFE VENEZIA'],
    ['GIROCARD BAECKEREI SCHMIDT GMBH KOELN DEU', -4.8, 'BAECKEREI SCHMIDT'],
    ['KARTENZAHLUNG FAHRRAD KRAUSE E.K. 0231 AACHEN', -89, 'FAHRRAD KRAUSE EK'],
  ]
  for (const [description, amount, expected] of cases) {
    assert.equal(counterpartyOf(description, amount), expected, description)
  }
})

test('names a company without its legal form, wherever the form stands', () => {
  const cases: [string, number, string | null][] = [
    ['GEHALT MUELLER LOGISTIK AG LOHN MAERZ', 2400, 'MUELLER LOGISTIK'],
    ['UEBERWEISUNG TURNVEREIN JAHN EV BEITRAG', -15, 'TURNVEREIN JAHN'],
    ['VIR SEPA RECU /DE DUPONT ET CIE /MOTIF FACTURE', 300, 'DUPONT'],
    ['FASTER PAYMENT RECEIVED FROM SMITH & CO ACCOUNTANTS', 800, 'SMITH'],
  ]
  for (const [description, amount, expected] of cases) {
    assert.equal(counterpartyOf(description, amount), expected, description)
  }
})

test('a processor alone is the payee; a kind of shop alone is no one', () => {
  assert.equal(counterpartyOf('LASTSCHRIFT PAYPAL EUROPE', -30), 'PAYPAL EUROPE')
  assert.equal(counterpartyOf('RUECKLASTSCHRIFT PAYPAL', 30), 'PAYPAL')
  assert.equal(counterpartyOf('CB BOULANGERIE 12/03', -2.1), null)
})
