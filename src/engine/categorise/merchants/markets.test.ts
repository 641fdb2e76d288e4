import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Account, EngineContext, Transaction } from '../../model/index.ts'
import { resolveAccountMarkets } from '../index.ts'
import {
  ALL_MARKETS,
  dominantLanguages,
  LANGUAGE_BIT,
  marketCodes,
  marketsOfLocale,
  resolveMarkets,
} from './markets.ts'

const transaction = (description: string, n: number): Transaction => ({
  id: `a0t${n}`,
  accountId: 'a0',
  description,
  amount: -1000,
  currency: 'EUR',
  date: '2026-03-15',
  dates: {},
  isComing: false,
})

const account = (fields: Partial<Account>, descriptions: readonly string[] = []): Account => ({
  id: 'a0',
  type: 'CHECKING',
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance: null,
  balanceDate: null,
  owners: [],
  transactions: descriptions.map(transaction),
  ...fields,
})

const codes = (accounts: readonly Account[], context?: EngineContext): string[] =>
  marketCodes(resolveAccountMarkets(accounts, context).mask)

test('locales decide first: a region names its market, a language the markets that speak it', () => {
  assert.deepEqual(marketCodes(marketsOfLocale('fr-BE')), ['BE'])
  assert.deepEqual(marketCodes(marketsOfLocale('fr')), ['FR', 'BE'])
  assert.deepEqual(marketCodes(marketsOfLocale('nl')), ['NL', 'BE'])
  assert.deepEqual(marketCodes(marketsOfLocale('en_GB')), ['GB'])
  assert.deepEqual(marketCodes(marketsOfLocale('de-AT')), ['DE'])
  assert.deepEqual(marketCodes(marketsOfLocale('it')), [])
  const spanishIban = account({ iban: 'ES91 2100 0418 4502 0005 1332' })
  assert.deepEqual(codes([spanishIban], { locales: ['en-GB'] }), ['GB'])
  assert.equal(resolveAccountMarkets([spanishIban], { locales: ['en-GB'] }).source, 'locales')
})

test('IBAN country prefixes come next, for every account', () => {
  const accounts = [
    account({ iban: 'ES9121000418450200051332' }),
    account({ id: 'a1', iban: 'be68 5390 0754 7034', bank: { country: 'DE' } }),
  ]
  assert.deepEqual(codes(accounts), ['ES', 'BE'])
  assert.equal(resolveAccountMarkets(accounts).source, 'iban')
})

test('then the bank or account country, then the currency', () => {
  assert.deepEqual(codes([account({ bank: { country: 'nl' } })]), ['NL'])
  assert.deepEqual(codes([account({ country: 'UK' })]), ['GB'])
  const sterling = account({ currency: 'GBP', iban: 'IT60X0542811101000000123456' })
  assert.deepEqual(codes([sterling]), ['GB'])
  assert.equal(resolveAccountMarkets([sterling]).source, 'currency')
})

test('then the languages of the descriptions: Dutch and French give BE, NL and FR', () => {
  const dutch = [
    'BETAALAUTOMAAT JUMBO UTRECHT',
    'INCASSO ZILVEREN KRUIS ZORGVERZEKERING',
    'OVERBOEKING NAAR SPAARREKENING',
    'GELDOPNAME ING',
  ]
  const french = ['PAIEMENT CB BOULANGERIE DU MARCHE', 'PRLV SEPA LOYER AGENCE', 'VIR SEPA SALAIRE']
  const mixed = account({}, [...dutch, ...french])
  assert.deepEqual(codes([mixed]), ['FR', 'NL', 'BE'])
  assert.equal(resolveAccountMarkets([mixed]).source, 'languages')
  assert.deepEqual(codes([account({}, dutch)]), ['NL', 'BE'])
})

test('with nothing to go on, every market applies', () => {
  const resolved = resolveMarkets([account({})], {}, () => 0)
  assert.equal(resolved.mask, ALL_MARKETS)
  assert.equal(resolved.source, 'none')
  assert.equal(resolveAccountMarkets([account({}, ['XYZ 123'])]).source, 'none')
})

test('a language needs two hits and a third of the leader to count', () => {
  assert.equal(dominantLanguages({ fr: 1, en: 0, es: 0, nl: 0, de: 0 }), 0)
  assert.equal(dominantLanguages({ fr: 12, en: 3, es: 0, nl: 0, de: 0 }), LANGUAGE_BIT.fr)
  assert.equal(
    dominantLanguages({ fr: 9, en: 0, es: 0, nl: 4, de: 1 }),
    LANGUAGE_BIT.fr | LANGUAGE_BIT.nl,
  )
})
