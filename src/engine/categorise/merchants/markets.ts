/**
 * The markets a customer banks in (FR, GB, ES, NL, BE, DE), as a bitmask: generated brands and
 * ambiguous names apply only there. Resolved from the first source that names one of them:
 * 1. `EngineContext.locales` (`fr-BE` → BE, a bare `fr` → FR and BE);
 * 2. the accounts' IBAN country prefixes;
 * 3. the accounts' `bank.country` or `country`;
 * 4. the currency (GBP → GB; EUR says nothing);
 * 5. the languages of the customer's descriptions (`detectLanguages`, run only when 1–4 found
 *    nothing), each language giving its markets (fr → FR and BE, nl → NL and BE).
 * Nothing found: every market, so that a brand is still recognised, but an ambiguous name still
 * needs the merchant position.
 * Knowingly wrong: a customer of a French bank who lives in Spain gets French brands only.
 */
import type { Account, EngineContext } from '../../model/index.ts'

export const MARKETS = ['FR', 'GB', 'ES', 'NL', 'BE', 'DE'] as const
export type Market = (typeof MARKETS)[number]

export const MARKET_BIT: Readonly<Record<Market, number>> = {
  FR: 1,
  GB: 2,
  ES: 4,
  NL: 8,
  BE: 16,
  DE: 32,
}
export const ALL_MARKETS = 63

export const LANGUAGES = ['fr', 'en', 'es', 'nl', 'de'] as const
export type Language = (typeof LANGUAGES)[number]

export const LANGUAGE_BIT: Readonly<Record<Language, number>> = {
  fr: 1,
  en: 2,
  es: 4,
  nl: 8,
  de: 16,
}

/** Where each language is spoken among our markets: Belgium speaks French and Dutch. */
export const LANGUAGE_MARKETS: Readonly<Record<Language, number>> = {
  fr: MARKET_BIT.FR | MARKET_BIT.BE,
  en: MARKET_BIT.GB,
  es: MARKET_BIT.ES,
  nl: MARKET_BIT.NL | MARKET_BIT.BE,
  de: MARKET_BIT.DE,
}

/** Organisation tags of everyday merchants: the ones an ambiguous name is gated on. */
export const MERCHANT_ORG_TAGS = [
  'POWER',
  'TELECOM',
  'MULTIMEDIA',
  'SPORT',
  'HEALTH',
  'GROCERY',
  'TOBACCO',
  'GAMBLING',
  'TRANSPORT',
  'LEISURE',
  'SHOPPING',
] as const

/**
 * Merchants one pays at a counter: an ambiguous name of these is accepted after a card word or
 * with no payment word at all, never after a direct debit or a transfer (`PRLV SEPA ACTION
 * LOGEMENT` is a housing body, not the discount store). Subscriptions (telecoms, power,
 * streaming, gyms, betting) are paid every way.
 */
export const COUNTER_ORG_TAGS = [
  'HEALTH',
  'GROCERY',
  'TOBACCO',
  'TRANSPORT',
  'LEISURE',
  'SHOPPING',
] as const

/** `'BE FR'` → the bitmask of BE and FR; unknown codes are ignored. */
export const marketsOfKey = (key: string): number => {
  let mask = 0
  for (const code of key.split(' ')) mask |= marketOfCountry(code)
  return mask
}

/** Market bit of an ISO country code (`GB`, also `UK`), 0 outside our six markets. */
export const marketOfCountry = (code: string): number => {
  const upper = code.trim().toUpperCase()
  if (upper === 'UK') return MARKET_BIT.GB
  return (MARKET_BIT as Readonly<Record<string, number>>)[upper] ?? 0
}

/** Markets of a language bitmask. */
export const marketsOfLanguages = (languages: number): number => {
  let mask = 0
  for (const language of LANGUAGES) {
    if ((languages & LANGUAGE_BIT[language]) !== 0) mask |= LANGUAGE_MARKETS[language]
  }
  return mask
}

/** `fr-BE` → BE; `fr` → FR and BE; `de-AT` (a market we do not cover) → the language's. */
export const marketsOfLocale = (locale: string): number => {
  const [language = '', region = ''] = locale.trim().split(/[-_]/)
  const fromRegion = region === '' ? 0 : marketOfCountry(region)
  if (fromRegion !== 0) return fromRegion
  const lower = language.toLowerCase()
  return (LANGUAGE_MARKETS as Readonly<Record<string, number>>)[lower] ?? 0
}

export type MarketSource = 'locales' | 'iban' | 'country' | 'currency' | 'languages' | 'none'

export interface ResolvedMarkets {
  /** Bitmask of `MARKET_BIT`; every market when nothing could be resolved. */
  readonly mask: number
  readonly source: MarketSource
}

/** The markets as codes, in `MARKETS` order: for tests and diagnostics. */
export const marketCodes = (mask: number): Market[] =>
  MARKETS.filter((market) => (mask & MARKET_BIT[market]) !== 0)

/**
 * @param detectLanguages the languages of the customer's descriptions as a `LANGUAGE_BIT`
 * mask; called only when nothing else names a market.
 * @example
 * resolveMarkets([{ ...account, iban: 'ES9121000418450200051332' }], {}, () => 0)
 * // { mask: MARKET_BIT.ES, source: 'iban' }
 */
export const resolveMarkets = (
  accounts: readonly Account[],
  context: EngineContext | undefined,
  detectLanguages: () => number,
): ResolvedMarkets => {
  let mask = 0
  for (const locale of context?.locales ?? []) mask |= marketsOfLocale(locale)
  if (mask !== 0) return { mask, source: 'locales' }
  for (const account of accounts) {
    if (account.iban) mask |= marketOfCountry(account.iban.replace(/\s/g, '').slice(0, 2))
  }
  if (mask !== 0) return { mask, source: 'iban' }
  for (const account of accounts) {
    if (account.bank?.country) mask |= marketOfCountry(account.bank.country)
    if (account.country) mask |= marketOfCountry(account.country)
  }
  if (mask !== 0) return { mask, source: 'country' }
  for (const account of accounts) if (account.currency === 'GBP') mask |= MARKET_BIT.GB
  if (mask !== 0) return { mask, source: 'currency' }
  mask = marketsOfLanguages(detectLanguages())
  if (mask !== 0) return { mask, source: 'languages' }
  return { mask: ALL_MARKETS, source: 'none' }
}

/**
 * The languages that clearly dominate a count of vocabulary hits per language: those with at
 * least a third of the leading language's hits (a Belgian history mixes French and Dutch; a
 * French one has a few English card words), and at least two hits, so that one stray word
 * decides nothing. Returns a `LANGUAGE_BIT` mask.
 */
export const dominantLanguages = (counts: Readonly<Record<Language, number>>): number => {
  let top = 0
  for (const language of LANGUAGES) top = Math.max(top, counts[language])
  if (top < MIN_LANGUAGE_HITS) return 0
  let mask = 0
  for (const language of LANGUAGES) {
    if (counts[language] * DOMINANCE_RATIO >= top) mask |= LANGUAGE_BIT[language]
  }
  return mask
}
/** Why 2: one word (`CARD`, `BAR`) is read in many languages; two agreeing words are a habit. */
const MIN_LANGUAGE_HITS = 2
/** Why 3: a language with a third of the leader's hits is the customer's too, not noise. */
const DOMINANCE_RATIO = 3
