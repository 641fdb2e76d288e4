/**
 * Everyday spending by merchant: the first known merchant in the description decides
 * (utilities, telecoms, streaming, sport, health, groceries, tobacco, gambling, transport,
 * leisure, shopping); a generic word (`PHARMACIE`, `RESTAURANT`, `TABAC`) decides when no
 * merchant is known. Money from a gambling operator is a gain; other merchant credits are
 * refunds, handled earlier.
 */
import type { Category } from '../../model/index.ts'
import type { Facts } from '../facts.ts'
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
const GAMBLING_TAGS = new Set([TAG_ID.GAMBLING, TAG_ID.GAMBLING_WORD])

/** The category of the first merchant hit; named merchants win over generic words. */
const merchantCategory = (facts: Facts): Category | null => {
  // Cash taken out at a shop or a market square is still cash (LABELLING.md: OTHER_EXPENSE).
  if (facts.type === 'CASH_WITHDRAWAL') return null
  let fromWord: Category | null = null
  for (const hit of facts.hits) {
    const category = BY_TAG.get(hit.tag)
    if (category === undefined) continue
    if (facts.credit) {
      if (GAMBLING_TAGS.has(hit.tag)) return 'GAMBLING_GAIN'
      continue
    }
    if (TAGS_NAMED.has(hit.tag)) return category
    fromWord ??= category
  }
  return fromWord
}
const TAGS_NAMED = new Set([
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
  decide: merchantCategory,
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
    { description: 'CARTE X2518 PIZZA', amount: -19.99, category: 'LEISURE' },
    { description: 'CARTE FNAC', amount: -356.99, category: 'SHOPPING' },
  ],
}
