import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normaliseDescription } from './index.ts'

const normalised = (description: string): string => normaliseDescription(description).normalised

test('structured fields keep the payee and the remittance text, lose the ids', () => {
  const rows: [string, string][] = [
    // nl: labelled fields, IBAN in groups of four, mandate and reference.
    [
      'SEPA Incasso algemeen doorlopend Incassant: NL12ZZZ401234560000 Naam: Eneco Services Machtiging: 0012345678A Omschrijving: Termijnbedrag energie IBAN: NL20 INGB 0001 2345 67 Kenmerk: 9988776655',
      'SEPA INCASSO ALGEMEEN DOORLOPEND INCASSANT NAAM ENECO SERVICES OMSCHRIJVING TERMIJNBEDRAG ENERGIE IBAN',
    ],
    [
      'SEPA Overboeking IBAN: NL91 ABNA 0417 1643 00 BIC: ABNANL2A Naam: P de Boer Omschrijving: huur april',
      'SEPA OVERBOEKING IBAN BIC NAAM P DE BOER OMSCHRIJVING HUUR APRIL',
    ],
    // nl, SWIFT-style field list: each value goes, the fields after it stay.
    [
      '/TRTP/SEPA OVERBOEKING/IBAN/NL02RABO0123456789/BIC/RABONL2U/NAME/STICHTING WOONGOED/REMI/HUUR WONING/EREF/NOTPROVIDED',
      'TRTP SEPA OVERBOEKING IBAN BIC NAME STICHTING WOONGOED REMI HUUR WONING EREF',
    ],
    [
      '/ROC/A1B2C3D4/RFB/77889900/NAME/VAN DER MEER BV/REMI/FACTUUR',
      'NAME VAN DER MEER BV REMI FACTUUR',
    ],
    // de: SEPA fields after `+`, abweichender Auftraggeber kept.
    [
      'SEPA-LASTSCHRIFT EREF+RG2026-03-0012 MREF+MS-44120 CRED+DE98ZZZ09999999999 SVWZ+Mitgliedsbeitrag Turnverein ABWA+TV Jahn 1880 eV',
      'SEPA LASTSCHRIFT SVWZ MITGLIEDSBEITRAG TURNVEREIN ABWA TV JAHN EV',
    ],
    [
      'UEBERWEISUNG IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX Miete Maerz',
      'UEBERWEISUNG IBAN BIC MIETE MAERZ',
    ],
    // be: a spaced Belgian IBAN followed by a four-letter word.
    ['VIREMENT EUROPEEN IBAN BE68 5390 0754 7034 LOYER MARS', 'VIREMENT EUROPEEN IBAN LOYER MARS'],
    // fr, es, uk: keyword-led ids as before.
    ['PRLV SEPA BOUYGUES TELECOM ICS FR12ZZZ123456 RUM 0012AB', 'PRLV SEPA BOUYGUES TELECOM'],
    ['RECIBO ENDESA ENERGIA REF. 2026/03/00045 MANDATO', 'RECIBO ENDESA ENERGIA MANDATO'],
    ['DIRECT DEBIT THAMES WATER REF 99887766-1', 'DIRECT DEBIT THAMES WATER'],
  ]
  for (const [raw, expected] of rows) assert.equal(normalised(raw), expected, raw)
})

test('a word after a field label stays when it is no id', () => {
  assert.equal(normalised('BIC STYLOS PAPETERIE'), 'BIC STYLOS PAPETERIE')
  assert.equal(normalised('VIREMENT IBAN MANQUANT'), 'VIREMENT IBAN MANQUANT')
})
