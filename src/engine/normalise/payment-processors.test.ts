import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account } from '../model/index.ts'
import { enrichAccounts } from '../categorise/index.ts'
import { normaliseDescription } from './index.ts'
import { splitPaymentProcessors } from './payment-processors.ts'

const normalised = (description: string): string => normaliseDescription(description).normalised

test('a processor prefix becomes one word of its own, spelled one way', () => {
  const rows: [string, string][] = [
    // fr
    ['CB SUMUP *BOULANGERIE DUPONT 12/03', 'CB SUMUP BOULANGERIE DUPONT'],
    ['PAIEMENT CB SUM UP *LE FOURNIL DE LEA', 'PAIEMENT CB SUMUP LE FOURNIL DE LEA'],
    ['CARTE X4521 SUMUP*FROMAGERIE GAUTHIER', 'CARTE SUMUP FROMAGERIE GAUTHIER'],
    // uk
    ['CARD PAYMENT TO SQ *HARBOUR COFFEE CO', 'CARD PAYMENT TO SQUAREUP HARBOUR COFFEE CO'],
    ['CARD PAYMENT TO IZ *THE FRIDAY MARKET', 'CARD PAYMENT TO IZETTLE THE FRIDAY MARKET'],
    ['VIS TST* SMOKEHOUSE GRILL', 'VIS TST SMOKEHOUSE GRILL'],
    ['CARD PAYMENT TO PP*1234CODE VINTED', 'CARD PAYMENT TO PAYPAL VINTED'],
    // es
    ['COMPRA TARJ. ZETTLE_*CHURRERIA SAN GINES', 'COMPRA TARJ ZETTLE CHURRERIA SAN GINES'],
    ['COMPRA TARJETA SUMUP *FRUTERIA LOLI', 'COMPRA TARJETA SUMUP FRUTERIA LOLI'],
    // nl
    // `PAS123` is the card's number: `PAS` (card) stays, the number goes.
    ['BEA, BETAALPAS CCV*BAKKERIJ DE VRIES,PAS123', 'BEA BETAALPAS CCV BAKKERIJ DE VRIES PAS'],
    ['BEA BETAALPAS MOLLIE*BLOEMEN VAN DAM', 'BEA BETAALPAS MOLLIE BLOEMEN VAN DAM'],
    // be
    [
      'PAIEMENT BANCONTACT PAYCONIQ FRITERIE MARCEL',
      'PAIEMENT BANCONTACT PAYCONIQ FRITERIE MARCEL',
    ],
    [
      'BETALING BANCONTACT SQ *KOFFIEBAR DE MOLEN',
      'BETALING BANCONTACT SQUAREUP KOFFIEBAR DE MOLEN',
    ],
    // de
    ['KARTENZAHLUNG SUMUP *EISCAFE VENEZIA', 'KARTENZAHLUNG SUMUP EISCAFE VENEZIA'],
    ['GIROCARD ADYEN*ZALANDO SE', 'GIROCARD ADYEN ZALANDO SE'],
    ['KARTENZAHLUNG PAYPAL *STEAM GAMES', 'KARTENZAHLUNG PAYPAL STEAM GAMES'],
  ]
  for (const [raw, expected] of rows) assert.equal(normalised(raw), expected, raw)
})

test('reads an abbreviation as a processor only before a star', () => {
  assert.equal(splitPaymentProcessors('VIR SQ MAISON'), 'VIR SQ MAISON')
  assert.equal(splitPaymentProcessors('SQ*CAFE'), 'SQUAREUP CAFE')
  // A word ending in the letters of an abbreviation is no prefix.
  assert.equal(normalised('CB MAPP*1234ABCD CAFE'), 'CB MAPP CAFE')
})

const categoryOf = (description: string, amount: number): string => {
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
  return enrichAccounts([account])[0]?.[0]?.enrichments.category ?? ''
}

test('PayPal stays visible: Pay in 4 is a split payment, a shop behind PayPal is the shop', () => {
  assert.equal(categoryOf('PAYPAL *PAY IN 4', -25), 'SPLIT_PAYMENT')
  assert.equal(categoryOf('CARD PAYMENT TO PAYPAL *PAY IN 3 14/03', -40), 'SPLIT_PAYMENT')
  assert.equal(categoryOf('CB PAYPAL *NETFLIX.COM 02/03', -13.49), 'MULTIMEDIA')
  assert.equal(categoryOf('KARTENZAHLUNG PP*4821CODE LIDL', -18.3), 'GROCERY')
})
