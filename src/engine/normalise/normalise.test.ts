import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { normaliseDescription } from './index.ts'
import { labelRootOf } from './label-root.ts'
import { tidyPunctuation } from './tidy-punctuation.ts'
import { collapseSpaces } from './collapse-spaces.ts'

const normalised = (description: string): string => normaliseDescription(description).normalised
const root = (description: string): string => normaliseDescription(description).labelRoot

test('upper-cases, strips accents and folds ligatures', () => {
  assert.equal(
    normalised('Prélèvement Œuvre Überweisung año'),
    'PRELEVEMENT OEUVRE UBERWEISUNG ANO',
  )
})

test('removes masked card numbers, dates and times', () => {
  assert.equal(normalised('Cb 4978******304034 Tot Dif'), 'CB TOT DIF')
  assert.equal(normalised('CARTE X2517 A 06H23 RETRAIT DAB 12/03/2026'), 'CARTE A RETRAIT DAB')
  assert.equal(normalised('Kartenzahlung REWE 2026-03-01T10:00:00'), 'KARTENZAHLUNG REWE')
})

test('removes SEPA creditor ids, mandates and references with their keyword', () => {
  assert.equal(
    normalised('PRLVT SEPA COFIDIS ICS.FR28ZZZ12211.RUM.80152131E12A SDR102112127'),
    'PRLVT SEPA COFIDIS',
  )
  assert.equal(
    normalised(
      'PRLV SEPA BASIC FIT II SA ECH/ID EMETTEUR/FR10ZZ3122 MDT/737001831 REF/NO737001831-106',
    ),
    'PRLV SEPA BASIC FIT II SA ECH',
  )
  assert.equal(
    normalised('PRELEVEMENT DE ADVANZIA BANK S.A REF : efefefefef'),
    'PRELEVEMENT DE ADVANZIA BANK SA',
  )
  // A word after REF is kept when it is not an identifier.
  assert.equal(normalised('VIREMENT REF LOYER'), 'VIREMENT REF LOYER')
})

test('removes amounts repeated in the text, keeps instalment counts and named digits', () => {
  assert.equal(
    normalised('CARTE X2518 APPLE.COM/BILL 5,49 EUR IRLANDE'),
    'CARTE APPLE COM BILL IRLANDE',
  )
  assert.equal(normalised('F INT/FRAIS TX DEBIT 15,81%/AN'), 'F INT FRAIS TX DEBIT')
  assert.equal(normalised('CARTE X2518 3-4X CB ONEY'), 'CARTE 3 4X CB ONEY')
  assert.equal(normalised('CARD PAYMENT TO BET365 £20.00'), 'CARD PAYMENT TO BET365')
})

test('joins dotted initials and possessives', () => {
  assert.equal(normalised("SAINSBURY'S S.A.R.L. B.V."), 'SAINSBURYS SARL BV')
})

test("reads HSBC's contactless mark as a word", () => {
  assert.equal(normalised('))) TESCO STORES 2345'), 'CONTACTLESS TESCO STORES')
  assert.equal(normalised('CAFE (THE) LTD'), 'CAFE THE LTD')
})

test('gives the same label root to one payee across months', () => {
  const months = [
    'VIR SEPA RECU /DE ACME SAS /MOTIF SALAIRE MARS 2026 /REF 106837-2',
    'VIR SEPA RECU /DE ACME SAS /MOTIF SALAIRE AVRIL 2026 /REF 106901-7',
    'VIR SEPA RECU /DE ACME SAS /MOTIF SALAIRE 05/2026 /REF 107012-1',
  ]
  assert.deepEqual(new Set(months.map(root)).size, 1)
  assert.equal(root(months[0] ?? ''), 'VIR SEPA RECU DE ACME SAS MOTIF SALAIRE')
  assert.equal(
    root('PRELEVEMENT DE EDF CLIENTS REF : Z012201022 00203 1 S 114'),
    root('PRELEVEMENT DE EDF CLIENTS REF : Z012201023 00203 1 S 115'),
  )
})

test('keeps different payees apart', () => {
  assert.notEqual(root('PRLV SEPA CREDIPAR MOTIF 32 VOTRE IDEN'), root('PRLV SEPA COFIDIS'))
})

test('is idempotent: a normalised text normalises to itself (so dictionary terms can match)', () => {
  const characters = "ABCDEFXZ0123456789 /.-*:,%€£&'éÜ".split('')
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...characters), maxLength: 60 }), (text) => {
      const once = normalised(text)
      assert.equal(normalised(once), once)
    }),
    { numRuns: 2000 },
  )
})

test('labelRootOf drops exactly the words a split-filter-join would drop', () => {
  // The scan that skips the split must agree with the plain definition (normalised text has
  // single spaces between words, none at either end).
  const isDigits = (w: string): boolean => /^[0-9]*$/.test(w)
  const months = new Set(['MAI', 'MAY', 'JUNE', 'SEPTIEMBRE', 'DEZEMBER', 'MARS'])
  const reference = (text: string): string => {
    const noise = (w: string): boolean => w.length === 1 || isDigits(w) || months.has(w)
    const words = text.split(' ')
    return words.some(noise) ? words.filter((w) => w !== '' && !noise(w)).join(' ') : text
  }
  const word = fc.constantFrom(
    'A',
    '7',
    '2025',
    'MAI',
    'MAY',
    'JUNE',
    'SEPTIEMBRE',
    'DEZEMBER',
    'MARS',
    'MAIS',
    'EDF',
    'PRLV',
    'CB',
    'X1',
  )
  fc.assert(
    fc.property(fc.array(word, { maxLength: 8 }), (words) => {
      const text = words.join(' ')
      assert.equal(labelRootOf(text), reference(text))
    }),
  )
})

test('tidyPunctuation and collapseSpaces skip their replace only when it would change nothing', () => {
  const separators = (text: string): string => text.replace(/[^A-Z0-9&]+/g, ' ')
  fc.assert(
    fc.property(
      fc.string({
        unit: fc.constantFrom('A', 'Z', '0', '9', '&', ' ', '-', '/', 'é', '\t'),
        maxLength: 20,
      }),
      (text) => {
        // No '.' or "'" here: the two passes before the separators do not apply.
        assert.equal(tidyPunctuation(text), separators(text))
        assert.equal(collapseSpaces(text), text.replace(/ {2,}/g, ' ').trim())
      },
    ),
  )
})
