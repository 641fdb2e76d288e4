/**
 * The payee or payer named in a description when no dictionary entry names it:
 * `VIR SEPA RECU /DE FNAC DARTY PARTICIPATIONS ET SERVICES /MOTIF SALAIRE` → `FNAC DARTY`,
 * `SUMUP *BOULANGERIE DUPONT PARIS FR` → `BOULANGERIE DUPONT`.
 * Skips the leading payment wording (`VIR SEPA RECU DE`, `PRLV SEPA`, `CARTE`) and a payment
 * processor (`SUMUP`, `SQUAREUP`), then keeps up to three words (connectors such as `DE` or `VAN`
 * not counted) until a field keyword (`MOTIF`, `REF`, `CONCEPTO`, `VERWENDUNGSZWECK`), a
 * dictionary word, a connector, a legal form (name-words.ts) or the city and country code that
 * end a card payment (normalise/places.ts); civil titles are dropped. A shop word
 * (`BOULANGERIE`, `CAFE`) is part of a name but is not a name alone.
 * Knowingly wrong: a payee whose name starts with a payment word loses that word; a town that
 * places.ts does not list stays in the name when the name is short enough.
 */
import { MONTHS, PAYMENT_PROCESSORS, placeStart } from '../normalise/index.ts'
import type { Hit } from './matcher.ts'
import { CIVIL_TITLES, LEGAL_FORMS, LEGAL_FORMS_AFTER_NAME } from './name-words.ts'
import { isOrgTagId, TAG_ID } from './tags.ts'

/** Words between the payment wording and the name: prepositions, direction, scheme. */
const LEADING: ReadonlySet<string> = new Set([
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
 * the leading words above, numbers, masked card-number groups and single letters.
 */
export const isFillerWord = (word: string): boolean => {
  if (word.length <= 1 || LEADING.has(word)) return true
  const first = word.charCodeAt(0)
  return (first >= 48 && first <= 57) || isMaskedDigits(word)
}

/** A masked group of a card number (`XXXX`, `X218`): digits and `X` only. */
const isMaskedDigits = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code !== 88 && (code < 48 || code > 57)) return false
  }
  return true
}

/** Words that end a name: field labels of SEPA and bank formats. */
const FIELD_KEYWORDS: ReadonlySet<string> = new Set([
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
const NAME_LABELS: ReadonlySet<string> = new Set([
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
const NAME_ENDS: ReadonlySet<string> = new Set([
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

/** Words of a name that do not count towards its length: `CAFE DU COIN`, `HUIS VAN DEN BOSCH`. */
const CONNECTORS: ReadonlySet<string> = new Set([
  'DE',
  'DU',
  'DES',
  'D',
  'LA',
  'LE',
  'LES',
  'L',
  'DEL',
  'EL',
  'LOS',
  'LAS',
  'VAN',
  'DER',
  'DEN',
  'HET',
  'THE',
  'OF',
  'AM',
  'IM',
  'ZUM',
  'ZUR',
])

/** Domain endings printed after an online merchant (`BOL.COM`, `NETFLIX.COM`). */
const DOMAINS: ReadonlySet<string> = new Set(['WWW', 'COM', 'NET', 'ORG', 'IO'])

/** Why three: enough for `CARREFOUR CITY`, `J JANSEN`, `PHARMACIE DE LA GARE`; a fourth word is most often a place or a remittance text. */
const MAX_NAME_WORDS = 3

/** Vocabulary that names a kind of shop (`BOULANGERIE`, `CAFE`, `PHARMACIE`): part of a shop's name, never a name alone. */
const SHOP_WORD_TAGS: ReadonlySet<number> = new Set([
  TAG_ID.GROCERY_WORD,
  TAG_ID.TRANSPORT_WORD,
  TAG_ID.HEALTH_WORD,
  TAG_ID.LEISURE_WORD,
  TAG_ID.SPORT_WORD,
  TAG_ID.TOBACCO_WORD,
  TAG_ID.SHOPPING_WORD,
  TAG_ID.MULTIMEDIA_WORD,
  TAG_ID.GAMBLING_WORD,
])

const startsWithDigit = (word: string): boolean => {
  const code = word.charCodeAt(0)
  return code >= 48 && code <= 57
}

/**
 * @param words the normalised description split on spaces
 * @param hits dictionary hits of those words, in text order
 */
export const extractCounterparty = (
  words: readonly string[],
  hits: readonly Hit[],
): string | null => {
  // The dictionary hit covering each position, if any (hits are in text order, disjoint).
  let hitIndex = 0
  const hitAt = (position: number): Hit | undefined => {
    while (hitIndex < hits.length && (hits[hitIndex]?.end ?? 0) <= position) hitIndex++
    const hit = hits[hitIndex]
    return hit !== undefined && hit.start <= position ? hit : undefined
  }
  // Vocabulary (payment wording, field words) can start or end the name, never be part of
  // it; shop words can be part of it (`BOULANGERIE DUPONT`), organisations are names.
  const isVocabulary = (hit: Hit | undefined): boolean =>
    hit !== undefined &&
    !isOrgTagId(hit.tag) &&
    hit.tag !== TAG_ID.NEUTRAL &&
    hit.tag !== TAG_ID.LEGAL_FORM &&
    !SHOP_WORD_TAGS.has(hit.tag)
  const labelled = words.findIndex((word) => NAME_LABELS.has(word))
  let i = labelled >= 0 ? labelled + 1 : 0
  // A processor with no merchant after it is the payee itself (`LASTSCHRIFT PAYPAL`).
  let processor: string | null = null
  while (i < words.length) {
    const word = words[i] ?? ''
    const hit = hitAt(i)
    // `PAYPAL EUROPE` is an entry of its own: a name, not a processor before one.
    const isProcessor = PAYMENT_PROCESSORS.has(word) && (hit === undefined || hit.end === i + 1)
    if (processor === null && isProcessor) processor = word
    if (
      isVocabulary(hit) ||
      LEADING.has(word) ||
      CIVIL_TITLES.has(word) ||
      LEGAL_FORMS.has(word) ||
      isProcessor ||
      DOMAINS.has(word) ||
      startsWithDigit(word)
    )
      i++
    else break
  }
  // The city and country code of a card payment end the text; the name keeps one word at least.
  const end = placeStart(words, words.length, i + 1)
  const name: string[] = []
  let counted = 0
  let named = false
  for (; i < end && counted < MAX_NAME_WORDS; i++) {
    const word = words[i] ?? ''
    const hit = hitAt(i)
    if (FIELD_KEYWORDS.has(word) || MONTHS.has(word) || isVocabulary(hit) || startsWithDigit(word))
      break
    if (CIVIL_TITLES.has(word)) continue
    const isEnd =
      NAME_ENDS.has(word) ||
      LEGAL_FORMS.has(word) ||
      LEGAL_FORMS_AFTER_NAME.has(word) ||
      DOMAINS.has(word) ||
      PAYMENT_PROCESSORS.has(word)
    if (name.length > 0 && isEnd) {
      // `BAKERY LTD`: a legal form says the words before it are a company's name.
      if (LEGAL_FORMS.has(word) || LEGAL_FORMS_AFTER_NAME.has(word)) named = true
      break
    }
    if (LEGAL_FORMS.has(word)) continue
    name.push(word)
    if (CONNECTORS.has(word)) continue
    counted++
    if (hit === undefined || !SHOP_WORD_TAGS.has(hit.tag)) named = true
  }
  while (name.length > 0 && CONNECTORS.has(name[name.length - 1] ?? '')) name.pop()
  // `CB BOULANGERIE` names no one: a kind of shop alone is not a name. Behind a card terminal
  // it is the shop's own sign (`SUMUP *SMOKEHOUSE GRILL`): a small merchant, named by its trade.
  // (When a name was found, a processor before it is only how the money moved.)
  if (!named && processor !== null && name.length > 0) named = true
  return named ? name.join(' ') : processor
}
