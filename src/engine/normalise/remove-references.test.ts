import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { normaliseDescription } from './index.ts'
import { PROTECTED_TOKENS } from './protected-tokens.ts'
import { removeReferences } from './remove-references.ts'

const normalised = (description: string): string => normaliseDescription(description).normalised

test('a name glued to a store number keeps the name', () => {
  const rows: [string, string][] = [
    // fr
    ['CB LIDL1234 15/03', 'CB LIDL'],
    ['CARTE X2518 INTERMARCHE0453 BREST', 'CARTE INTERMARCHE BREST'],
    // uk
    ['CARD PAYMENT TO TESCO STORES 3451 ON 14 MAR', 'CARD PAYMENT TO TESCO STORES ON 14 MAR'],
    ['CARD PAYMENT TO ALDI45 LEEDS', 'CARD PAYMENT TO ALDI LEEDS'],
    // es
    ['COMPRA TARJ. DIA0872 VALENCIA', 'COMPRA TARJ DIA VALENCIA'],
    // nl
    ['BEA BETAALPAS ALBERT HEIJN 1234 UTRECHT', 'BEA BETAALPAS ALBERT HEIJN UTRECHT'],
    ['BEA BETAALPAS JUMBO4417 ZWOLLE', 'BEA BETAALPAS JUMBO ZWOLLE'],
    // be
    ['PAIEMENT BANCONTACT DELHAIZE1234 NAMUR', 'PAIEMENT BANCONTACT DELHAIZE NAMUR'],
    // de
    ['KARTENZAHLUNG ALDI SUED 0123 MUENCHEN', 'KARTENZAHLUNG ALDI SUED MUENCHEN'],
    ['GIROCARD ROSSMANN2381 BONN', 'GIROCARD ROSSMANN BONN'],
  ]
  for (const [raw, expected] of rows) assert.equal(normalised(raw), expected, raw)
})

test('references, codes and protected names are read as before', () => {
  const rows: [string, string][] = [
    // Six digits or more: a bank or invoice reference, dropped whole.
    ['VIR INST FAST3280420323 J SMITH', 'VIR INST J SMITH'],
    ['PRLVT SEPA COFIDIS SDR102112127', 'PRLVT SEPA COFIDIS'],
    // Two letters: a code (`NL91`, `CB1234`), dropped whole.
    ['OVERBOEKING NL91 J JANSEN', 'OVERBOEKING J JANSEN'],
    // Letters, digits, letters: a reference.
    ['CARD PAYMENT TO AMAZON.CO.UK*AB12CD34', 'CARD PAYMENT TO AMAZON CO UK'],
    // Protected names stay whole.
    ['CARD PAYMENT TO BET365', 'CARD PAYMENT TO BET365'],
    ['LASTSCHRIFT HUK24 AG', 'LASTSCHRIFT HUK24 AG'],
    ['KARTENZAHLUNG CHECK24 VERGLEICH', 'KARTENZAHLUNG CHECK24 VERGLEICH'],
  ]
  for (const [raw, expected] of rows) assert.equal(normalised(raw), expected, raw)
})

test('removeReferences equals its word-by-word definition', () => {
  const keptPart = (word: string): string[] => {
    if (!/\d/.test(word) || word.length < 3 || PROTECTED_TOKENS.has(word)) return [word]
    const glued = /^([A-Z]{3,})\d{1,5}$/.exec(word)
    return glued?.[1] ? [glued[1]] : []
  }
  const word = fc.constantFrom(
    'LIDL1234',
    'ALDI45',
    'AB12',
    'FAST3280420323',
    'BET365',
    'CB',
    '12',
    '4X',
    'EDF',
    'X1',
    'ABCD1234567',
    'A1B',
  )
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
      const text = words.join(' ')
      assert.equal(removeReferences(text), words.flatMap(keptPart).join(' '))
    }),
  )
})
