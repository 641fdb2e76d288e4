import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, EnrichedTransaction } from '../../model/index.ts'
import { enrichAccounts } from '../index.ts'

const IBAN = {
  FR: 'FR7630006000011234567890189',
  GB: 'GB33BUKB20201555555555',
  ES: 'ES9121000418450200051332',
  NL: 'NL91ABNA0417164300',
  BE: 'BE68539007547034',
  DE: 'DE89370400440532013000',
} as const

/** One checking account of `market` holding the description, read as a debit. */
const enrich = (
  market: keyof typeof IBAN,
  description: string,
  amount = -2500,
): EnrichedTransaction['enrichments'] => {
  const account: Account = {
    id: 'a0',
    type: 'CHECKING',
    usage: 'PERSONAL',
    ownership: 'HOLDER',
    currency: market === 'GB' ? 'GBP' : 'EUR',
    balance: null,
    balanceDate: null,
    owners: [],
    iban: IBAN[market],
    transactions: [
      {
        id: 'a0t0',
        accountId: 'a0',
        description,
        amount,
        currency: market === 'GB' ? 'GBP' : 'EUR',
        date: '2026-03-15',
        dates: {},
        isComing: false,
      },
    ],
  }
  const tx = enrichAccounts([account])[0]?.[0]
  assert.ok(tx)
  return tx.enrichments
}

test('a brand known only in Spain applies to a Spanish account, not to a British one', () => {
  const spain = enrich('ES', 'COMPRA TARJETA HIPERBER ELCHE')
  assert.equal(spain.category, 'GROCERY')
  assert.equal(spain.ruleId, 'MERCHANT_OSM_BRAND')
  const uk = enrich('GB', 'CARD PAYMENT TO HIPERBER ELCHE')
  assert.equal(uk.category, 'OTHER_EXPENSE')
})

test('an ambiguous name is not read in the middle of a sentence', () => {
  assert.notEqual(enrich('ES', 'RECIBO COMUNIDAD PROPIETARIOS CUOTA DIA 5').category, 'GROCERY')
  assert.equal(enrich('ES', 'COMPRA TARJETA DIA MADRID').category, 'GROCERY')
  assert.equal(enrich('ES', 'DIA 1234 ALCORCON').category, 'GROCERY')
})

test('a generic word after an ambiguous name wins over it', () => {
  const bar = enrich('FR', 'PAIEMENT CB ORANGE JUICE BAR')
  assert.notEqual(bar.category, 'TELECOM')
  assert.equal(enrich('FR', 'PRLV SEPA ORANGE SA').category, 'TELECOM')
})

test('a shop paid at a counter is not read after a direct debit or a transfer', () => {
  assert.notEqual(enrich('FR', 'PRLV SEPA ACTION LOGEMENT SERVICES').category, 'SHOPPING')
  assert.notEqual(enrich('NL', 'OVERBOEKING ACTION VAN DER BERG').category, 'SHOPPING')
  assert.equal(enrich('FR', 'PAIEMENT CB ACTION LILLE').category, 'SHOPPING')
  assert.equal(enrich('NL', 'BETAALAUTOMAAT ACTION UTRECHT').category, 'SHOPPING')
})

test('an ambiguous hand name applies only in its language markets', () => {
  assert.equal(enrich('FR', 'CB ORANGE RIVOLI').category, 'TELECOM')
  assert.notEqual(enrich('GB', 'CARD PAYMENT ORANGE TREE CAFE').category, 'TELECOM')
})

test('a generated brand never decides a transfer or a cash withdrawal', () => {
  assert.equal(enrich('ES', 'TRANSFERENCIA A HIPERBER').category, 'OTHER_EXPENSE')
  assert.equal(enrich('GB', 'CASH WITHDRAWAL LLOYDS BANK HIGH ST').category, 'OTHER_EXPENSE')
})

test('place words match as word starts and, in Dutch and German, as compound ends', () => {
  const cases: [keyof typeof IBAN, string, string][] = [
    ['FR', 'CB BOULANGERIES DUPONT', 'GROCERY'],
    ['BE', 'BANCONTACT BAKKERIJEN PEETERS GENT', 'GROCERY'],
    ['DE', 'KARTENZAHLUNG METZGEREIEN HUBER', 'GROCERY'],
    ['DE', 'KARTENZAHLUNG LANDMETZGEREI HUBER', 'GROCERY'],
    ['DE', 'KARTENZAHLUNG STADTAPOTHEKE AM RING', 'HEALTH'],
    ['NL', 'BETAALAUTOMAAT STERAPOTHEEK ZWOLLE', 'HEALTH'],
    ['ES', 'COMPRA TARJETA PELUQUERIAS LOLA', 'SHOPPING'],
    ['GB', 'CARD PAYMENT TO PHARMACYPLUS LEEDS', 'HEALTH'],
  ]
  for (const [market, description, category] of cases) {
    const got = enrich(market, description)
    assert.equal(got.category, category, description)
    assert.equal(got.ruleId, 'MERCHANT_PLACE_WORD', description)
  }
})

test('a stem needs its length: no short word starts, no French compounds, no MARKT', () => {
  assert.notEqual(enrich('DE', 'KARTENZAHLUNG MEDIAMARKT').category, 'GROCERY')
  assert.notEqual(enrich('GB', 'CARD PAYMENT BARCLAYCARD').category, 'LEISURE')
  assert.notEqual(enrich('FR', 'CB SUPERPHARMACIE').category, 'HEALTH')
  assert.notEqual(enrich('DE', 'KARTENZAHLUNG XAPOTHEKE').category, 'HEALTH')
})
