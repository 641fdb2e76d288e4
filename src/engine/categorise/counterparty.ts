/**
 * The payee or payer named in a description when no dictionary entry names it:
 * `VIR SEPA RECU /DE FNAC DARTY PARTICIPATIONS ET SERVICES /MOTIF SALAIRE` → `FNAC DARTY`.
 * Skips the leading payment wording (`VIR SEPA RECU DE`, `PRLV SEPA`, `CARTE`), then keeps up
 * to three words until a field keyword (`MOTIF`, `REF`, `CONCEPTO`, `VERWENDUNGSZWECK`), a
 * dictionary word or a connector; civil titles and company forms are dropped.
 * Knowingly wrong: a payee whose name starts with a payment word loses that word.
 */
import { MONTHS } from '../normalise/index.ts'
import type { Hit } from './matcher.ts'
import { isOrgTagId, TAG_ID } from './tags.ts'

/** Words between the payment wording and the name: prepositions, direction, scheme. */
const LEADING = new Set([
  'N',
  'RE',
  'RECEIVED',
  'SENT',
  'ECHEANCE',
  'VERS',
  'AUF',
  'VOM',
  'ZUM',
  'ZUR',
  'NACH',
  'Y',
  'ET',
  'AND',
  'UND',
  '&',
  'DE',
  'DU',
  'DES',
  'D',
  'A',
  'AU',
  'POUR',
  'PAR',
  'EN',
  'FAVEUR',
  'RECU',
  'RECUE',
  'EMIS',
  'EMISE',
  'SEPA',
  'INST',
  'INSTANTANE',
  'PERMANENT',
  'EUROPEEN',
  'FROM',
  'TO',
  'BY',
  'FOR',
  'PAYMENT',
  'BANK',
  'GIRO',
  'CREDIT',
  'ONLINE',
  'MOBILE',
  'FASTER',
  'PAGO',
  'POR',
  'AL',
  'DEL',
  'LA',
  'EL',
  'FAVOR',
  'RECIBIDA',
  'EMITIDA',
  'VAN',
  'NAAR',
  'AAN',
  'VOOR',
  'VON',
  'AN',
  'FUR',
  'ZUGUNSTEN',
  'AUFTRAG',
  'PAIEMENT',
  'ACHAT',
  'ORDRE',
  'O',
  'CONFRERE',
  'LE',
  'LES',
])

/**
 * Words that may stand between payment wording and a merchant's name without taking the
 * merchant position away from it (`PAIEMENT PAR CARTE DE ORANGE`, `CARD PAYMENT TO BOOTS`):
 * the leading words above, numbers and single letters.
 */
export const isFillerWord = (word: string): boolean => {
  if (word.length <= 1 || LEADING.has(word)) return true
  const first = word.charCodeAt(0)
  return first >= 48 && first <= 57
}

/** Words that end a name: field labels of SEPA and bank formats. */
const FIELD_KEYWORDS = new Set([
  'ECHEANCE',
  'MOTIF',
  'LIB',
  'LIBELLE',
  'REF',
  'ECH',
  'ID',
  'MDT',
  'RUM',
  'ICS',
  'INFO',
  'CONCEPTO',
  'REFERENCIA',
  'OMSCHRIJVING',
  'KENMERK',
  'BETALINGSKENM',
  'VERWENDUNGSZWECK',
  'SVWZ',
  'EREF',
  'MREF',
  'CRED',
  'IBAN',
  'BIC',
  'DATE',
  'FECHA',
  'DATUM',
  'REFERENCE',
  'FOR',
  'VIA',
])

/** Field labels after which banks print the payee's name (`NAAM J JANSEN`, `AUFTRAGGEBER`). */
const NAME_LABELS = new Set([
  'NAAM',
  'NAME',
  'NOM',
  'NOMBRE',
  'ORDENANTE',
  'BENEFICIARIO',
  'AUFTRAGGEBER',
  'EMPFAENGER',
  'EMPFANGER',
  'ZAHLUNGSEMPFAENGER',
  'ZAHLUNGSEMPFANGER',
  'BEGUENSTIGTER',
  'BEGUNSTIGTER',
  'PAYEE',
])

/** Connectors and company words that end a name once it has one word. */
const NAME_ENDS = new Set([
  'ET',
  'AND',
  'Y',
  'EN',
  'UND',
  '&',
  'PARTICIPATIONS',
  'SERVICES',
  'SERVICE',
  'GROUPE',
  'GROUP',
  'HOLDING',
  'FRANCE',
  'INTERNATIONAL',
  'CLIENTS',
  'FILIALE',
])

/** Civil titles and company forms: dropped from a name. */
const DROPPED = new Set([
  'SE',
  'SAU',
  'SPA',
  'SCOP',
  'LIMITED',
  'M',
  'MR',
  'MME',
  'MLLE',
  'MRS',
  'MS',
  'MISS',
  'DR',
  'SR',
  'SRA',
  'SRTA',
  'DHR',
  'MEVR',
  'HR',
  'HERR',
  'FRAU',
  'SAS',
  'SASU',
  'SARL',
  'EURL',
  'SA',
  'SNC',
  'SCI',
  'LTD',
  'PLC',
  'LLP',
  'LLC',
  'INC',
  'GMBH',
  'KG',
  'UG',
  'EG',
  'SL',
  'SLU',
  'BV',
  'NV',
  'VOF',
  'SPRL',
  'SRL',
  'BVBA',
  'CV',
  'SCRL',
])

/**
 * @param words the normalised description split on spaces
 * @param hits dictionary hits of those words, in text order
 */
export const extractCounterparty = (
  words: readonly string[],
  hits: readonly Hit[],
): string | null => {
  // Words covered by a dictionary entry that is not an organisation (payment wording,
  // vocabulary) can start or end the name, never be part of it.
  let hitIndex = 0
  const inWordHit = (position: number): boolean => {
    while (hitIndex < hits.length && (hits[hitIndex]?.end ?? 0) <= position) hitIndex++
    const hit = hits[hitIndex]
    return (
      hit !== undefined &&
      hit.start <= position &&
      !isOrgTagId(hit.tag) &&
      hit.tag !== TAG_ID.NEUTRAL &&
      hit.tag !== TAG_ID.LEGAL_FORM
    )
  }
  const labelled = words.findIndex((word) => NAME_LABELS.has(word))
  let i = labelled >= 0 ? labelled + 1 : 0
  while (i < words.length) {
    const word = words[i] ?? ''
    if (inWordHit(i) || LEADING.has(word) || DROPPED.has(word) || /^\d/.test(word)) i++
    else break
  }
  let name = ''
  let count = 0
  for (; i < words.length && count < 3; i++) {
    const word = words[i] ?? ''
    if (FIELD_KEYWORDS.has(word) || MONTHS.has(word) || inWordHit(i) || /^\d/.test(word)) break
    if (count > 0 && NAME_ENDS.has(word)) break
    if (DROPPED.has(word)) continue
    name = name === '' ? word : `${name} ${word}`
    count++
  }
  return name === '' ? null : name
}
