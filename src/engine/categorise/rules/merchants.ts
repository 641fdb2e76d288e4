/**
 * Everyday spending by merchant, in three rules by where the knowledge came from: the hand
 * dictionaries (`MERCHANT`), the OpenStreetMap brands (`MERCHANT_OSM_BRAND`) and the place-type
 * words with their stems (`MERCHANT_PLACE_WORD`). The first known merchant in the description decides
 * (utilities, telecoms, streaming, sport, health, groceries, tobacco, gambling, transport,
 * leisure, shopping); a generic word (`PHARMACIE`, `RESTAURANT`, `TABAC`) decides when no
 * merchant is known. Money from a gambling operator is a gain; other merchant credits are
 * refunds, handled earlier.
 */
import type { Category } from '../../model/index.ts'
import type { Facts } from '../facts.ts'
import { ORIGIN, type Hit } from '../matcher.ts'
import { TAG_ID } from '../tags.ts'
import type { Rule } from './rule.ts'

const BY_TAG: ReadonlyMap<number, Category> = new Map([
  [TAG_ID.POWER, 'POWER'],
  [TAG_ID.TELECOM, 'TELECOM'],
  [TAG_ID.MULTIMEDIA, 'MULTIMEDIA'],
  [TAG_ID.MULTIMEDIA_WORD, 'MULTIMEDIA'],
  [TAG_ID.SPORT, 'SPORT'],
  [TAG_ID.SPORT_WORD, 'SPORT'],
  [TAG_ID.HEALTH, 'HEALTH'],
  [TAG_ID.HEALTH_WORD, 'HEALTH'],
  [TAG_ID.GROCERY, 'GROCERY'],
  [TAG_ID.GROCERY_WORD, 'GROCERY'],
  [TAG_ID.TOBACCO, 'TOBACCO'],
  [TAG_ID.TOBACCO_WORD, 'TOBACCO'],
  [TAG_ID.GAMBLING, 'GAMBLING'],
  [TAG_ID.GAMBLING_WORD, 'GAMBLING'],
  [TAG_ID.TRANSPORT, 'TRANSPORT'],
  [TAG_ID.TRANSPORT_WORD, 'TRANSPORT'],
  [TAG_ID.LEISURE, 'LEISURE'],
  [TAG_ID.LEISURE_WORD, 'LEISURE'],
  [TAG_ID.SHOPPING, 'SHOPPING'],
  [TAG_ID.SHOPPING_WORD, 'SHOPPING'],
])
const GAMBLING_TAGS: ReadonlySet<number> = new Set([TAG_ID.GAMBLING, TAG_ID.GAMBLING_WORD])
const TAGS_NAMED: ReadonlySet<number> = new Set([
  TAG_ID.POWER,
  TAG_ID.TELECOM,
  TAG_ID.MULTIMEDIA,
  TAG_ID.SPORT,
  TAG_ID.HEALTH,
  TAG_ID.GROCERY,
  TAG_ID.TOBACCO,
  TAG_ID.GAMBLING,
  TAG_ID.TRANSPORT,
  TAG_ID.LEISURE,
  TAG_ID.SHOPPING,
])

/**
 * Fuel words among the transport words (canonical names of the dictionaries' TRANSPORT_WORD
 * entries): fuel is TRANSPORT wherever it is bought (LABELLING.md), so at a supermarket's
 * pumps (`KAUFLAND TANKSTELLE`, `TESCO PFS PETROL`) the fuel word wins over the shop's brand.
 * Only fuel: a shop at a station or an airport sells what shops sell.
 */
const FUEL_WORDS: ReadonlySet<string> = new Set([
  'TANKSTELLE',
  'KRAFTSTOFF',
  'PETROL',
  'FUEL',
  'FILLING STATION',
  'PETROL STATION',
  'FORECOURT',
  'PFS',
  'GASOLINERA',
  'GASOLINA',
  'CARBURANTE',
  'CARBURANTES',
  'COMBUSTIBLE',
  'GASOLEOS',
  'CARBURANT',
  'STATION SERVICE',
  'GAZOLE',
  'TANKSTATION',
  'BRANDSTOF',
])

/** A fuel word on a debit, whatever merchant it comes with. */
const fuelHit = (facts: Facts): Hit | null => {
  if (facts.credit) return null
  for (const hit of facts.hits) {
    if (hit.tag === TAG_ID.TRANSPORT_WORD && FUEL_WORDS.has(hit.name)) return hit
  }
  return null
}

/**
 * The hit that decides a merchant category: a fuel word (above); on a credit, the first gambling hit (a gain);
 * otherwise, in this order, the first merchant of the hand dictionaries, the first generic word
 * (`TABAKWAREN MUELLER` is a tobacconist, whatever `MUELLER` is elsewhere), the first generated
 * brand, and last an ambiguous name (`PAIEMENT CB ORANGE JUICE BAR` is a bar, not the telecom
 * operator).
 */
const decisiveHit = (facts: Facts): Hit | null => {
  const fuel = fuelHit(facts)
  if (fuel !== null) return fuel
  let word: Hit | null = null
  let brand: Hit | null = null
  let ambiguous: Hit | null = null
  for (const hit of facts.hits) {
    if (!BY_TAG.has(hit.tag)) continue
    if (facts.credit) {
      if (GAMBLING_TAGS.has(hit.tag)) return hit
      continue
    }
    // A tobacconist's word beats the shop it stands in (`KIOSK … TABAKWAREN`, `PRESSE TABAC`).
    if (!TAGS_NAMED.has(hit.tag))
      word = word === null || hit.tag === TAG_ID.TOBACCO_WORD ? hit : word
    else if (hit.ambiguous) ambiguous ??= hit
    else if (hit.origin === ORIGIN.OSM_BRAND) brand ??= hit
    else return hit
  }
  return word ?? brand ?? ambiguous
}

/**
 * Where a generated brand may decide: a purchase by card, a direct debit, or a bare debit. A
 * transfer names a person far more often than a shop, and many brands are also names (`ANDRE`,
 * `MAES`, `BUSCH`); a cash withdrawal names the bank's machine (`LLOYDS BANK`).
 */
const BRAND_TYPES: ReadonlySet<string> = new Set(['CARD', 'DIRECT_DEBIT', 'DEBIT'])

const TRANSFER_TYPES: ReadonlySet<string> = new Set(['OUTGOING_TRANSFER', 'INCOMING_TRANSFER'])

/** The category of the decisive hit, when it comes from `origin`. */
const merchantCategoryFrom =
  (origin: number) =>
  (facts: Facts): Category | null => {
    // Cash taken out at a shop or a market square is still cash (LABELLING.md: OTHER_EXPENSE).
    if (facts.type === 'CASH_WITHDRAWAL') return null
    const hit = decisiveHit(facts)
    if (hit === null || hit.origin !== origin) return null
    if (origin === ORIGIN.OSM_BRAND && !BRAND_TYPES.has(facts.type)) return null
    // A transfer's free text says what the money is for between people (`BIZUM … PADEL`,
    // `TASCHENGELD`): a shop-type word there names no shop. A named organisation still does.
    // Doctors and dentists are often paid by transfer against their invoice.
    if (
      !TAGS_NAMED.has(hit.tag) &&
      hit.tag !== TAG_ID.HEALTH_WORD &&
      TRANSFER_TYPES.has(facts.type)
    )
      return null
    if (facts.credit) return 'GAMBLING_GAIN'
    const category = BY_TAG.get(hit.tag) ?? null
    // Nobody buys goods from a shop by direct debit: a shop brand known only from OpenStreetMap
    // on a direct debit is a charity's donation (`CANCER RESEARCH UK DD`, whose shops OSM
    // maps), not shopping. Store cards and catalogues are lenders, decided earlier.
    if (origin === ORIGIN.OSM_BRAND && category === 'SHOPPING' && facts.type === 'DIRECT_DEBIT') {
      return null
    }
    return category
  }

export const MERCHANTS: Rule = {
  id: 'MERCHANT',
  categories: [
    'POWER',
    'TELECOM',
    'MULTIMEDIA',
    'SPORT',
    'HEALTH',
    'GROCERY',
    'TOBACCO',
    'GAMBLING',
    'GAMBLING_GAIN',
    'TRANSPORT',
    'LEISURE',
    'SHOPPING',
  ],
  counterparty: 'org',
  decide: merchantCategoryFrom(ORIGIN.HAND),
  examples: [
    { description: 'PRELEVEMENT DE EDF CLIENTS PARTICULIERS', amount: -112.32, category: 'POWER' },
    { description: 'PRELEVEMENT DE BOUYGUES TELECOM', amount: -15.99, category: 'TELECOM' },
    { description: 'CARTE X2518 SPOTIFY FRANCE', amount: -9.99, category: 'MULTIMEDIA' },
    { description: 'PRLV SEPA BASIC FIT II SA', amount: -35.97, category: 'SPORT' },
    { description: 'CB PHARMACIE DU CENTRE 12/03', amount: -18.4, category: 'HEALTH' },
    { description: 'PAIEMENT CB PARIS CARREFOUR PARIS', amount: -77.99, category: 'GROCERY' },
    { description: 'CB TABAC LE NARVAL 12/03', amount: -11, category: 'TOBACCO' },
    { description: 'CB FDJ 12/03', amount: -10, category: 'GAMBLING' },
    { description: 'VIR WINAMAX SA RETRAIT GAINS', amount: 150, category: 'GAMBLING_GAIN' },
    { description: 'PRELEVEMENT DE NAVIGO ANNUEL', amount: -75.2, category: 'TRANSPORT' },
    { description: 'CARTE X7731 PIZZERIA DU PORT', amount: -19.99, category: 'LEISURE' },
    { description: 'CARTE X7731 FNAC BORDEAUX', amount: -356.99, category: 'SHOPPING' },
  ],
}

/** A brand known from OpenStreetMap only, in the customer's markets. */
export const MERCHANT_OSM_BRAND: Rule = {
  id: 'MERCHANT_OSM_BRAND',
  categories: ['GROCERY', 'TRANSPORT', 'HEALTH', 'SPORT', 'LEISURE', 'SHOPPING'],
  counterparty: 'org',
  decide: merchantCategoryFrom(ORIGIN.OSM_BRAND),
  examples: [
    { description: 'PAIEMENT CB COCCIMARKET LYON 3', amount: -23.1, category: 'GROCERY' },
    { description: 'PAIEMENT CB CAVAVIN ANGERS', amount: -18.45, category: 'GROCERY' },
    { description: 'COMPRA TARJETA CICAR LANZAROTE', amount: -140, category: 'TRANSPORT' },
    { description: 'CB ACUITIS MONTPELLIER', amount: -129, category: 'HEALTH' },
    { description: 'KARTENZAHLUNG HERVIS LINZ', amount: -54.9, category: 'SPORT' },
    { description: 'PAIEMENT CB COJEAN PARIS 8', amount: -11.9, category: 'LEISURE' },
    { description: 'CARD PAYMENT TO BEAVERBROOKS', amount: -89.99, category: 'SHOPPING' },
  ],
}

/**
 * A place-type word (`BOULANGERIE`, `BAKKERIJ`, `APOTHEKE`) generated from the OpenStreetMap
 * translations or kept by hand, found as a word start (`PHARMACIES`) or, in Dutch and German,
 * as the end of a compound (`STADTAPOTHEKE`).
 */
export const MERCHANT_PLACE_WORD: Rule = {
  id: 'MERCHANT_PLACE_WORD',
  categories: ['GROCERY', 'HEALTH', 'LEISURE', 'SHOPPING', 'TOBACCO'],
  counterparty: 'text',
  decide: merchantCategoryFrom(ORIGIN.PLACE_WORD),
  examples: [
    { description: 'CB BOULANGERIES MARTIN 12/03', amount: -4.2, category: 'GROCERY' },
    { description: 'KARTENZAHLUNG STADTAPOTHEKE AM MARKT', amount: -9.8, category: 'HEALTH' },
    { description: 'PAGO TARJETA PIZZERIAS LUIGI', amount: -21, category: 'LEISURE' },
    { description: 'CB COIFFURES ELEGANCE', amount: -25, category: 'SHOPPING' },
    { description: 'KARTENZAHLUNG TABAKWARENHANDEL KOCH', amount: -12, category: 'TOBACCO' },
  ],
}
