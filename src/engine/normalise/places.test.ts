import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normaliseDescription } from './index.ts'
import { placeStart } from './places.ts'

const root = (description: string): string => normaliseDescription(description).labelRoot

test('the city and country code printed after a card payment leave the label root', () => {
  const rows: [string, string][] = [
    // fr
    ['CB CARREFOUR CITY 12/03 PARIS FR', 'CB CARREFOUR CITY'],
    ['CARTE X2518 BOULANGERIE PAUL LYON FRA', 'CARTE BOULANGERIE PAUL'],
    // uk
    ['CARD PAYMENT TO TESCO STORES 3451 LONDON GB', 'CARD PAYMENT TO TESCO STORES'],
    ['CARD PAYMENT TO PRET A MANGER MANCHESTER GBR', 'CARD PAYMENT TO PRET MANGER'],
    // es
    ['COMPRA TARJETA MERCADONA ZARAGOZA ES', 'COMPRA TARJETA MERCADONA'],
    ['COMPRA TARJ. EL CORTE INGLES MADRID ESP', 'COMPRA TARJ EL CORTE INGLES'],
    // nl
    ['BEA BETAALPAS ALBERT HEIJN 1234 AMSTERDAM NLD', 'BEA BETAALPAS ALBERT HEIJN'],
    ['BEA BETAALPAS HEMA,UTRECHT,NLD', 'BEA BETAALPAS HEMA'],
    // be
    ['PAIEMENT BANCONTACT DELHAIZE 1234 BRUXELLES BE', 'PAIEMENT BANCONTACT DELHAIZE'],
    ['BETALING BANCONTACT COLRUYT GENT BEL', 'BETALING BANCONTACT COLRUYT'],
    // de
    ['KARTENZAHLUNG EDEKA CENTER BERLIN DEU', 'KARTENZAHLUNG EDEKA CENTER'],
    ['GIROCARD DM DROGERIE MARKT KOELN DE', 'GIROCARD DM DROGERIE MARKT'],
  ]
  for (const [raw, expected] of rows) assert.equal(root(raw), expected, raw)
})

test('one chain in two towns has one label root', () => {
  assert.equal(
    root('COMPRA TARJETA MERCADONA ZARAGOZA ES'),
    root('COMPRA TARJETA MERCADONA VALENCIA ES'),
  )
  assert.equal(
    root('BEA BETAALPAS JUMBO 4417 ZWOLLE NLD'),
    root('BEA BETAALPAS JUMBO 0932 BREDA NLD'),
  )
})

test('a country code or a city is kept when it is not at the end after other words', () => {
  const rows: [string, string][] = [
    // `DE` as a word: only the last word is read, and only after two words.
    ['VIREMENT DE', 'VIREMENT DE'],
    ['VIR SEPA DE MARTIN LOYER', 'VIR SEPA DE MARTIN LOYER'],
    ['OVERBOEKING NAAR DE VRIES HUUR', 'OVERBOEKING NAAR DE VRIES HUUR'],
    ['TRANSFERENCIA ES', 'TRANSFERENCIA ES'],
    ['CB PARIS', 'CB PARIS'],
    // A city inside the name stays.
    ['CB PARIS BAGUETTE OPERA', 'CB PARIS BAGUETTE OPERA'],
    ['LASTSCHRIFT BERLINER VOLKSBANK', 'LASTSCHRIFT BERLINER VOLKSBANK'],
  ]
  for (const [raw, expected] of rows) assert.equal(root(raw), expected, raw)
})

test('the normalised text keeps the place: dictionary entries such as UBER EATS DE read it', () => {
  assert.equal(
    normaliseDescription('KARTENZAHLUNG UBER EATS DE').normalised,
    'KARTENZAHLUNG UBER EATS DE',
  )
})

test('placeStart keeps the words a caller asks for', () => {
  const words = ['CB', 'LIDL', 'LYON', 'FR']
  assert.equal(placeStart(words, 4), 2)
  assert.equal(placeStart(words, 4, 3), 3)
  assert.equal(placeStart(['CB', 'PARIS', 'FR'], 3), 2)
})
