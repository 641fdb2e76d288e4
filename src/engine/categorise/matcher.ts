/**
 * Compiles the dictionaries once into Map lookups, then finds every entry in a normalised
 * description in one left-to-right pass over its words: at each word the longest entry that
 * starts there wins and consumes its words (`PRET A MANGER` is a restaurant, not a loan).
 *
 * Three kinds of entries share one matcher, each candidate carrying its origin and the markets
 * where it applies (a bitmask), so one compiled table serves every customer:
 * - hand dictionaries (`dictionaries/*.ts`): apply everywhere, except ambiguous names;
 * - OpenStreetMap brands (`merchants/osm.generated.ts`): only in the brand's markets;
 * - place-type words (generated and hand-kept): only where their language is spoken; they also
 *   match as word starts (`BOULANGERIES`) and, in Dutch and German, as the end of a compound
 *   (`STADTAPOTHEKE`).
 * Where a hand entry and a generated one have the same words, the hand entry is the only one.
 *
 * An ambiguous name (`ORANGE`, `ACTION`, `DIA`: also ordinary words, see
 * docs/decisions/osm-merchants.md) is accepted only in the customer's markets and in a merchant
 * position: first in the description, or after nothing but payment wording; a name of a shop
 * paid at a counter also needs a card word or no payment word at all.
 *
 * Banks truncate long names (`SOGEFINANC` for SOGEFINANCE): a word of 7+ letters that matches
 * nothing also matches a single-word hand entry it is the start of, when at most 3 letters are
 * missing and no other entry shares that start, and unless only a final `ER` is missing (a place
 * name, not the adjective of origin an insurer or a bank is named by).
 */
import type { Dictionary, Entry } from './dictionaries/types.ts'
import { TAG_ID, TYPE_TAGS, type Tag } from './tags.ts'

/** Where an entry comes from: it decides the `ruleId` of a merchant category. */
export const ORIGIN = { HAND: 0, OSM_BRAND: 1, PLACE_WORD: 2 } as const

/** What an ambiguous name needs. */
const GATE_NONE = 0
const GATE_POSITION = 1
const GATE_POSITION_AND_CARD = 2

export interface Candidate {
  /** Words after the first one. */
  readonly rest: readonly string[]
  readonly tag: number
  readonly name: string
  readonly origin: number
  /** Markets where the entry applies (`MARKET_BIT` mask). */
  readonly markets: number
  /** The hand dictionary's language (`LANGUAGE_BIT`), 0 for shared and generated entries. */
  readonly language: number
  readonly gate: number
}

interface Stem {
  readonly stem: string
  readonly candidate: Candidate
}

export interface Matcher {
  readonly byFirstWord: ReadonlyMap<string, readonly Candidate[]>
  readonly byTruncation: ReadonlyMap<string, Candidate>
  /** Place-word stems by their first `STEM_KEY` letters (`keyAt`), longest first. */
  readonly byStemStart: ReadonlyMap<number, readonly Stem[]>
  /** Compound heads (Dutch, German) by their last `STEM_KEY` letters, longest first. */
  readonly byStemEnd: ReadonlyMap<number, readonly Stem[]>
}

/** An entry found in a description: its tag, its name, and the words it covers. */
export interface Hit {
  readonly tag: number
  readonly name: string
  readonly start: number
  readonly end: number
  readonly origin: number
  readonly language: number
  /** An ambiguous name: a merchant category from another hit wins over it. */
  readonly ambiguous: boolean
}

/** A hand dictionary: its entries apply everywhere; `markets` gates its ambiguous names. */
export interface HandSource {
  readonly dictionary: Dictionary
  readonly language: number
  readonly markets: number
}

/** Generated brands of one tag, trading in `markets`. */
export interface BrandSource {
  readonly tag: Tag
  readonly markets: number
  readonly entries: readonly Entry[]
}

/** Place words of one tag and language. */
export interface PlaceWordSource {
  readonly tag: Tag
  readonly markets: number
  readonly terms: readonly string[]
  /** Dutch and German glue words into compounds: the word may end a longer word. */
  readonly compounds: boolean
}

export interface MatcherSources {
  readonly hand: readonly HandSource[]
  readonly brands: readonly BrandSource[]
  readonly placeWords: readonly PlaceWordSource[]
  /** One-word names that are also ordinary words. */
  readonly ambiguousNames: ReadonlySet<string>
  /** Organisation tags whose ambiguous names are gated (merchants). */
  readonly gatedTags: ReadonlySet<Tag>
  /** Of those, the ones paid at a counter: they also need a card word or none. */
  readonly counterTags: ReadonlySet<Tag>
}

/** Why: shorter truncations are too often whole words of another language. */
const MIN_TRUNCATED_LENGTH = 7
const MAX_MISSING_LETTERS = 3
/**
 * Why 5: a shorter place word starts too many other words (`BAR` → `BARCLAYS`, `CAFE` →
 * `CAFEINE`); 5 keeps `TABAC` → `TABACS`, `HOTEL` → `HOTELES`.
 */
const MIN_STEM_LENGTH = 5
/**
 * Why 7 and 3: a compound head must be long enough to be a trade of its own (`APOTHEKE`,
 * `BAKKERIJ`, `METZGEREI`, `FRISEUR`), and what comes before it a word (`STADT`, `BIO`), so that
 * `MARKT` never makes `MEDIAMARKT` a grocery and `KAPPER` needs 7 letters to end a word.
 */
const MIN_COMPOUND_LENGTH = 7
const MIN_COMPOUND_PREFIX = 3
/**
 * Stems are indexed by their first (or last) four characters packed into one integer: one Map
 * lookup per unmatched word, no string sliced or hashed on the hot path. Normalised text is
 * A–Z, 0–9, `&` and space: each fits in 7 bits, four of them in 28.
 */
const STEM_KEY = 4
const keyAt = (word: string, from: number): number =>
  (word.charCodeAt(from) << 21) |
  (word.charCodeAt(from + 1) << 14) |
  (word.charCodeAt(from + 2) << 7) |
  word.charCodeAt(from + 3)

const termOf = (entry: Entry): string => (typeof entry === 'string' ? entry : entry[0])
const nameOf = (entry: Entry): string => (typeof entry === 'string' ? entry : entry[1])

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export const compileMatcher = (sources: MatcherSources): Matcher => {
  const byFirstWord = new Map<string, Candidate[]>()
  const truncations = new Map<string, Candidate | null>()
  /** Every full term already taken, with its tag: the first source to claim a term keeps it. */
  const taken = new Map<string, number>()
  const gatedTags = new Set([...sources.gatedTags].map((tag) => TAG_ID[tag]))
  const counterTags = new Set([...sources.counterTags].map((tag) => TAG_ID[tag]))
  const gateOf = (term: string, tag: number): number => {
    if (!gatedTags.has(tag) || !sources.ambiguousNames.has(term)) return GATE_NONE
    return counterTags.has(tag) ? GATE_POSITION_AND_CARD : GATE_POSITION
  }
  const add = (term: string, candidate: Candidate): void => {
    taken.set(term, candidate.tag)
    pushTo(byFirstWord, term.split(' ', 1)[0] ?? '', candidate)
  }

  for (const { dictionary, language, markets } of sources.hand) {
    for (const [tag, entries] of Object.entries(dictionary)) {
      // Object.entries widens keys to string; dictionaries are typed by Tag.
      const tagId = TAG_ID[tag as Tag]
      for (const entry of entries ?? []) {
        const term = termOf(entry)
        const [first = '', ...rest] = term.split(' ')
        const gate = gateOf(term, tagId)
        const candidate: Candidate = {
          rest,
          tag: tagId,
          name: nameOf(entry),
          origin: ORIGIN.HAND,
          markets: gate === GATE_NONE ? ALL : markets,
          language,
          gate,
        }
        add(term, candidate)
        if (rest.length === 0 && first.length > MIN_TRUNCATED_LENGTH) {
          const shortest = Math.max(MIN_TRUNCATED_LENGTH, first.length - MAX_MISSING_LETTERS)
          for (let length = shortest; length < first.length; length++) {
            // A place name is not its own adjective cut short: `STUTTGART` is where a card was
            // used, `STUTTGARTER` an insurer (the German and Dutch `-ER` of origin).
            if (first.endsWith('ER') && length === first.length - 2) continue
            const prefix = first.slice(0, length)
            truncations.set(prefix, truncations.has(prefix) ? null : candidate)
          }
        }
      }
    }
  }
  const handTerms = new Map(taken)

  /** A hand entry that the generated term starts with, of another tag (`ARAL` for `ARAL SHOP`). */
  const contradictsHand = (term: string, tagId: number): boolean => {
    const words = term.split(' ')
    for (let n = 1; n < words.length; n++) {
      const handTag = handTerms.get(words.slice(0, n).join(' '))
      if (handTag !== undefined && handTag !== tagId) return true
    }
    return false
  }
  for (const { tag, markets, entries } of sources.brands) {
    const tagId = TAG_ID[tag]
    for (const entry of entries) {
      const term = termOf(entry)
      // A hand entry with the same words wins, and so does one the term starts with when
      // they disagree; a brand of another tag in other markets stays.
      if (handTerms.has(term) || contradictsHand(term, tagId)) continue
      add(term, {
        rest: term.split(' ').slice(1),
        tag: tagId,
        name: nameOf(entry),
        origin: ORIGIN.OSM_BRAND,
        markets,
        language: 0,
        gate: gateOf(term, tagId),
      })
    }
  }

  const stemStarts = new Map<number, Stem[]>()
  const stemEnds = new Map<number, Stem[]>()
  for (const { tag, markets, terms, compounds } of sources.placeWords) {
    for (const term of terms) {
      const handTag = handTerms.get(term)
      // The hand dictionary decides a word it knows; a stem only extends a word tag.
      const tagId = handTag ?? TAG_ID[tag]
      const candidate: Candidate = {
        rest: term.split(' ').slice(1),
        tag: tagId,
        name: term,
        origin: ORIGIN.PLACE_WORD,
        markets,
        language: 0,
        gate: GATE_NONE,
      }
      if (!taken.has(term)) add(term, candidate)
      if (candidate.rest.length > 0 || !isWordTag(tagId)) continue
      if (term.length >= MIN_STEM_LENGTH) {
        pushTo(stemStarts, keyAt(term, 0), { stem: term, candidate })
      }
      if (compounds && term.length >= MIN_COMPOUND_LENGTH) {
        pushTo(stemEnds, keyAt(term, term.length - STEM_KEY), { stem: term, candidate })
      }
    }
  }

  for (const list of byFirstWord.values()) list.sort((a, b) => b.rest.length - a.rest.length)
  const byTruncation = new Map<string, Candidate>()
  for (const [prefix, candidate] of truncations) {
    if (candidate && !byFirstWord.has(prefix)) byTruncation.set(prefix, candidate)
  }
  const longestFirst = (map: Map<number, Stem[]>): Map<number, Stem[]> => {
    for (const list of map.values()) list.sort((a, b) => b.stem.length - a.stem.length)
    return map
  }
  return {
    byFirstWord,
    byTruncation,
    byStemStart: longestFirst(stemStarts),
    byStemEnd: longestFirst(stemEnds),
  }
}

const ALL = 0x7fffffff
const WORD_TAG_IDS: ReadonlySet<number> = new Set(
  (
    [
      'GROCERY_WORD',
      'TRANSPORT_WORD',
      'HEALTH_WORD',
      'LEISURE_WORD',
      'SPORT_WORD',
      'TOBACCO_WORD',
      'SHOPPING_WORD',
      'MULTIMEDIA_WORD',
      'GAMBLING_WORD',
    ] as const
  ).map((tag) => TAG_ID[tag]),
)
const isWordTag = (tag: number): boolean => WORD_TAG_IDS.has(tag)

/**
 * Payment wording: a merchant name may follow it. Neutral and booking words (`APPLE PAY`,
 * `IDEAL`, `GUTSCHRIFT`) name no rail but still come before the payee's name.
 */
const RAIL_TAG_IDS: ReadonlySet<number> = new Set([
  ...TYPE_TAGS.map((tag) => TAG_ID[tag]),
  TAG_ID.NEUTRAL,
  TAG_ID.BOOKING_WORD,
])
const NO_RAIL_TAG_IDS: ReadonlySet<number> = new Set([TAG_ID.NEUTRAL, TAG_ID.BOOKING_WORD])
const CARD_TAG_IDS: ReadonlySet<number> = new Set([TAG_ID.T_CARD])
const RAIL_NONE = 0
const RAIL_CARD = 1
const RAIL_OTHER = 2

const matchesRest = (words: readonly string[], at: number, rest: readonly string[]): boolean => {
  if (at + rest.length > words.length) return false
  for (let k = 0; k < rest.length; k++) if (words[at + k] !== rest[k]) return false
  return true
}

/** The longest place word that `word` starts with, or ends with when a compound head. */
const stemOf = (matcher: Matcher, word: string, markets: number): Candidate | undefined => {
  let best: Stem | undefined
  const starts = matcher.byStemStart.get(keyAt(word, 0))
  if (starts) {
    for (const stem of starts) {
      if (word.length > stem.stem.length && (stem.candidate.markets & markets) !== 0) {
        if (word.startsWith(stem.stem)) {
          best = stem
          break
        }
      }
    }
  }
  const ends = matcher.byStemEnd.get(keyAt(word, word.length - STEM_KEY))
  if (ends) {
    for (const stem of ends) {
      if (best && stem.stem.length <= best.stem.length) break
      if (
        word.length >= stem.stem.length + MIN_COMPOUND_PREFIX &&
        (stem.candidate.markets & markets) !== 0 &&
        word.endsWith(stem.stem)
      ) {
        best = stem
        break
      }
    }
  }
  return best?.candidate
}

/**
 * Every entry found in `words`, in text order, for a customer of `markets` (a `MARKET_BIT`
 * mask).
 *
 * @param isFiller words that may stand between payment wording and a merchant name (`DE`,
 * `SEPA`, numbers) without taking the merchant position away.
 */
export const findHits = (
  matcher: Matcher,
  words: readonly string[],
  markets: number,
  isFiller: (word: string) => boolean,
): Hit[] => {
  const hits: Hit[] = []
  /** Nothing but payment wording and fillers so far: a name here is in merchant position. */
  let merchantPosition = true
  let rail = RAIL_NONE
  let i = 0
  while (i < words.length) {
    const word = words[i] ?? ''
    const candidates = matcher.byFirstWord.get(word)
    let matched: Candidate | undefined
    if (candidates) {
      for (const candidate of candidates) {
        if ((candidate.markets & markets) === 0) continue
        if (candidate.gate !== GATE_NONE) {
          if (!merchantPosition) continue
          if (candidate.gate === GATE_POSITION_AND_CARD && rail === RAIL_OTHER) continue
        }
        if (matchesRest(words, i + 1, candidate.rest)) {
          matched = candidate
          break
        }
      }
    }
    // A word that starts a longer name only (`STADTBAECKEREI KAMPS`) may still be a place word.
    if (matched === undefined && word.length >= MIN_STEM_LENGTH) {
      if (!candidates && word.length >= MIN_TRUNCATED_LENGTH)
        matched = matcher.byTruncation.get(word)
      matched ??= stemOf(matcher, word, markets)
    }
    if (matched) {
      const end = i + 1 + matched.rest.length
      hits.push({
        tag: matched.tag,
        name: matched.name,
        start: i,
        end,
        origin: matched.origin,
        language: matched.language,
        ambiguous: matched.gate !== GATE_NONE,
      })
      if (RAIL_TAG_IDS.has(matched.tag)) {
        if (!NO_RAIL_TAG_IDS.has(matched.tag))
          rail = CARD_TAG_IDS.has(matched.tag) ? RAIL_CARD : RAIL_OTHER
      } else {
        merchantPosition = false
      }
      i = end
    } else {
      if (merchantPosition && !isFiller(word)) merchantPosition = false
      i++
    }
  }
  return hits
}
