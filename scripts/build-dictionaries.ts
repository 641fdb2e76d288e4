/**
 * `npm run dictionaries:build`: reads the OpenStreetMap brand index (name-suggestion-index) and
 * the place-type translations of the iD tagging schema from node_modules, keeps what maps to a
 * creditlens category (`osm-categories.ts`) and trades in one of our six markets, normalises
 * every name the way the engine normalises descriptions, measures which names are also
 * ordinary words, and writes `src/engine/categorise/merchants/osm.generated.ts`. The engine
 * never loads either package: it only imports the generated file.
 *
 * Why each choice: docs/decisions/osm-merchants.md. `-- --evidence` prints the evidence behind
 * each ambiguous name; `-- --check` only says whether the committed file is up to date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import * as countryCoder from '@rapideditor/country-coder'
import * as prettier from 'prettier'
import { normaliseText } from '../src/engine/normalise/index.ts'
import { DICTIONARIES } from '../src/engine/categorise/dictionaries/index.ts'
import { RULES } from '../src/engine/categorise/rules/index.ts'
import { TYPE_TAGS, WORD_TAGS } from '../src/engine/categorise/tags.ts'
import { MERCHANT_ORG_TAGS } from '../src/engine/categorise/merchants/markets.ts'
import { CATEGORY_PRECEDENCE, OSM_BANK_TYPES, OSM_CATEGORIES } from './osm-categories.ts'
import type { OsmCategory } from './osm-categories.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'src/engine/categorise/merchants/osm.generated.ts')
const NSI_DIR = join(ROOT, 'node_modules/name-suggestion-index')
const SCHEMA_DIR = join(ROOT, 'node_modules/@openstreetmap/id-tagging-schema')

const MARKETS = ['BE', 'DE', 'ES', 'FR', 'GB', 'NL'] as const
type Market = (typeof MARKETS)[number]
const LANGUAGES = ['fr', 'en', 'es', 'nl', 'de'] as const
type Language = (typeof LANGUAGES)[number]

/** A point in each market's capital: the regions that contain it are the market's regions. */
const CAPITALS: Readonly<Record<Market, [number, number]>> = {
  BE: [4.35, 50.85],
  DE: [13.4, 52.52],
  ES: [-3.7, 40.42],
  FR: [2.35, 48.86],
  GB: [-0.13, 51.51],
  NL: [4.9, 52.37],
}

/** Place words of a category: the word tag the matcher knows. */
const WORD_TAG_OF: Readonly<Record<OsmCategory, string | null>> = {
  GROCERY: 'GROCERY_WORD',
  TRANSPORT: 'TRANSPORT_WORD',
  HEALTH: 'HEALTH_WORD',
  SPORT: 'SPORT_WORD',
  TOBACCO: 'TOBACCO_WORD',
  LEISURE: 'LEISURE_WORD',
  SHOPPING: 'SHOPPING_WORD',
  TELECOM: null,
  GAMBLING: 'GAMBLING_WORD',
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))
const versionOf = (dir: string): string =>
  String((readJson(join(dir, 'package.json')) as { version: string }).version)

// ---------------------------------------------------------------------------------------------
// Markets of a location set
// ---------------------------------------------------------------------------------------------

interface LocationSet {
  include?: readonly unknown[]
  exclude?: readonly unknown[]
}

const featureCollection = readJson(join(NSI_DIR, 'dist/json/featureCollection.json')) as {
  features: { id: string; geometry: { coordinates: unknown } }[]
}
const firstPoint = (coordinates: unknown): [number, number] | null => {
  if (!Array.isArray(coordinates)) return null
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    return [coordinates[0], coordinates[1]]
  }
  return firstPoint(coordinates[0])
}
const customFeatureCountry = new Map<string, string | null>(
  featureCollection.features.map((f) => {
    const point = firstPoint(f.geometry.coordinates)
    return [f.id, point ? countryCoder.iso1A2Code(point) : null]
  }),
)

const regionsOf = new Map<Market, Set<string>>(
  MARKETS.map((m) => [
    m,
    new Set(countryCoder.featuresContaining(CAPITALS[m]).map((f) => f.properties.id)),
  ]),
)

/** The markets a location code covers: a region containing the market, or a part of it. */
const marketsOfCode = (code: unknown): Market[] => {
  if (typeof code !== 'string') return [] // a [lon, lat, radius] circle: local brands only
  if (code.endsWith('.geojson')) {
    const prefix = code.slice(0, 2).toUpperCase()
    const country =
      code[2] === '-' ? prefix : (customFeatureCountry.get(code)?.toUpperCase() ?? null)
    return MARKETS.filter((m) => m === country || (m === 'GB' && country === 'UK'))
  }
  const feature = countryCoder.feature(code)
  if (!feature) return []
  const id = feature.properties.id
  return MARKETS.filter(
    (m) => (regionsOf.get(m)?.has(id) ?? false) || countryCoder.isIn(code, m) === true,
  )
}

const marketsOf = (locationSet: LocationSet | undefined): Market[] => {
  const included = new Set((locationSet?.include ?? []).flatMap(marketsOfCode))
  // Only an exclusion that covers the whole market removes it (`gb-nir` leaves GB in).
  for (const code of locationSet?.exclude ?? []) {
    if (typeof code !== 'string' || code.endsWith('.geojson')) continue
    const feature = countryCoder.feature(code)
    if (!feature) continue
    for (const m of MARKETS) {
      if (regionsOf.get(m)?.has(feature.properties.id)) included.delete(m)
    }
  }
  return MARKETS.filter((m) => included.has(m))
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** German umlauts as banks often print them (`BAECKEREI`); the normaliser gives `BACKEREI`. */
const GERMAN_FOLDS: readonly [RegExp, string][] = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/Ä/g, 'Ae'],
  [/Ö/g, 'Oe'],
  [/Ü/g, 'Ue'],
]
const foldGerman = (text: string): string =>
  GERMAN_FOLDS.reduce((out, [pattern, to]) => out.replace(pattern, to), text)

/** A usable term: Latin letters left after normalising, at least two characters. */
const normaliseName = (name: string): string | null => {
  const term = normaliseText(name)
  if (term.length < 2 || !/[A-Z]/.test(term)) return null
  // A name in another script loses most of its letters: keep it only if it was Latin.
  const latin = name.replace(/[^\p{Script=Latin}0-9]/gu, '').length
  const letters = name.replace(/[^\p{L}0-9]/gu, '').length
  return latin === letters ? term : null
}

const variantsOf = (name: string): string[] => {
  const out = new Set<string>()
  for (const form of [name, foldGerman(name)]) {
    const term = normaliseName(form)
    if (term) out.add(term)
  }
  return [...out]
}

// ---------------------------------------------------------------------------------------------
// Brands
// ---------------------------------------------------------------------------------------------

interface NsiItem {
  displayName?: string
  locationSet?: LocationSet
  matchNames?: readonly string[]
  tags?: Readonly<Record<string, string>>
}
const nsi = readJson(join(NSI_DIR, 'dist/json/nsi.json')) as {
  nsi: Record<string, { items: NsiItem[] }>
}

/** `brands/shop/supermarket` → `shop/supermarket`; only brand trees (operators are not shops). */
const typeOfPath = (path: string): string | null =>
  path.startsWith('brands/') ? path.slice('brands/'.length) : null

const telecomOperatorNames = new Set<string>()
for (const [path, { items }] of Object.entries(nsi.nsi)) {
  if (typeOfPath(path) !== 'shop/telecommunication') continue
  for (const item of items) {
    for (const name of [item.tags?.brand, item.tags?.name, item.displayName]) {
      const term = name ? normaliseName(name) : null
      if (term) telecomOperatorNames.add(term)
    }
  }
}

/** term → category → markets, and the canonical name of each alias term. */
const brandMarkets = new Map<string, Map<OsmCategory, Set<Market>>>()
const canonicalName = new Map<string, string>()
const bankMarkets = new Map<string, Set<Market>>()
let itemsKept = 0

const addTerm = (
  table: Map<string, Map<OsmCategory, Set<Market>>>,
  term: string,
  category: OsmCategory,
  markets: readonly Market[],
): void => {
  let byCategory = table.get(term)
  if (!byCategory) table.set(term, (byCategory = new Map()))
  let set = byCategory.get(category)
  if (!set) byCategory.set(category, (set = new Set()))
  for (const m of markets) set.add(m)
}

for (const [path, { items }] of Object.entries(nsi.nsi)) {
  const type = typeOfPath(path)
  if (type === null) continue
  const isBank = OSM_BANK_TYPES.includes(type)
  const mapped = OSM_CATEGORIES[type]
  if (!isBank && mapped === undefined) continue
  for (const item of items) {
    const markets = marketsOf(item.locationSet)
    if (markets.length === 0) continue
    itemsKept++
    const main = item.tags?.brand ?? item.tags?.name ?? item.displayName
    if (!main) continue
    const mainTerms = variantsOf(main)
    const canonical = mainTerms[0]
    if (!canonical) continue
    const names = [main, item.tags?.name, item.displayName, ...(item.matchNames ?? [])]
    const terms = new Set(names.flatMap((n) => (n ? variantsOf(n) : [])))
    if (isBank) {
      for (const term of terms) {
        let set = bankMarkets.get(term)
        if (!set) bankMarkets.set(term, (set = new Set()))
        for (const m of markets) set.add(m)
      }
      continue
    }
    let category = mapped as OsmCategory
    if (type === 'shop/mobile_phone' && telecomOperatorNames.has(canonical)) category = 'TELECOM'
    for (const term of terms) {
      addTerm(brandMarkets, term, category, markets)
      if (term !== canonical && !canonicalName.has(term)) canonicalName.set(term, canonical)
    }
  }
}

/** One category per term and market: the first of `CATEGORY_PRECEDENCE` wins. */
const resolvedBrands = new Map<OsmCategory, Map<string, Set<Market>>>()
for (const [term, byCategory] of brandMarkets) {
  const taken = new Set<Market>()
  for (const category of CATEGORY_PRECEDENCE) {
    const markets = byCategory.get(category)
    if (!markets) continue
    const free = [...markets].filter((m) => !taken.has(m))
    if (free.length === 0) continue
    for (const m of free) taken.add(m)
    let terms = resolvedBrands.get(category)
    if (!terms) resolvedBrands.set(category, (terms = new Map()))
    terms.set(term, new Set(free))
  }
}

// ---------------------------------------------------------------------------------------------
// Place words
// ---------------------------------------------------------------------------------------------

interface Preset {
  name?: string
  aliases?: string | readonly string[]
}
type Translations = Record<
  string,
  { presets: { presets: Record<string, Preset>; fields?: unknown } }
>

const translationOf = (locale: string): Translations[string] | undefined =>
  (readJson(join(SCHEMA_DIR, `dist/translations/${locale}.json`)) as Translations)[locale]

/** en-GB spells the British names (Chemist, Petrol Station); en fills what it lacks. */
const LOCALES_OF: Readonly<Record<Language, readonly string[]>> = {
  fr: ['fr'],
  en: ['en-GB', 'en'],
  es: ['es'],
  nl: ['nl'],
  de: ['de'],
}

/**
 * Preset names left out: they name no kind of shop in a bank description (`SHOP`), or are
 * common family names that a transfer to a person would carry (`BAKKER`, `BUTCHER`, `BARBER`).
 */
const NOT_PLACE_WORDS = new Set([
  'SHOP',
  'STORE',
  'MARKET',
  'CENTRE',
  'CENTER',
  'WINKEL',
  'TIENDA',
  'MAGASIN',
  'GESCHAEFT',
  'GESCHAFT',
  'LADEN',
  'BUTCHER',
  'BARBER',
  'BAKER',
  'BAKKER',
  'SLAGER',
  'FISCHER',
  'MARKT',
])

/** `Bar (latam) / Bar de copas (es)` → `Bar`, `Bar de copas`. */
const splitPresetName = (name: string): string[] =>
  name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[/,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')

const placeWords = new Map<Language, Map<string, Set<OsmCategory>>>()
for (const language of LANGUAGES) {
  const words = new Map<string, Set<OsmCategory>>()
  for (const locale of LOCALES_OF[language]) {
    const presets = translationOf(locale)?.presets.presets ?? {}
    for (const [id, category] of Object.entries(OSM_CATEGORIES)) {
      const preset = presets[id]
      if (!preset?.name || WORD_TAG_OF[category] === null) continue
      const aliases =
        typeof preset.aliases === 'string' ? preset.aliases.split('\n') : (preset.aliases ?? [])
      for (const name of [preset.name, ...aliases].flatMap(splitPresetName)) {
        for (const term of language === 'de' ? variantsOf(name) : [normaliseName(name)]) {
          if (!term || NOT_PLACE_WORDS.has(term) || term.split(' ').length > 3) continue
          let set = words.get(term)
          if (!set) words.set(term, (set = new Set()))
          set.add(category)
        }
      }
    }
  }
  placeWords.set(language, words)
}

// ---------------------------------------------------------------------------------------------
// Ambiguity: which names are also ordinary words
// ---------------------------------------------------------------------------------------------

const allPlaceWords = new Set([...placeWords.values()].flatMap((words) => [...words.keys()]))
/** Every word of the schema's translations in our languages: labels, options, terms. */
const commonWords = new Map<string, number>()
const collectStrings = (value: unknown, into: (text: string) => void): void => {
  if (typeof value === 'string') into(value)
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, into)
  else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectStrings(v, into)
  }
}
for (const locale of ['fr', 'en', 'en-GB', 'es', 'nl', 'de']) {
  collectStrings(translationOf(locale), (text) => {
    const normalised = normaliseText(text)
    // The schema names some brands itself (an option `Amazon`, `KFC`): not an ordinary word,
    // unless it is also the name of a kind of place (`Casino`).
    if (brandMarkets.has(normalised) && !allPlaceWords.has(normalised)) return
    for (const word of normalised.split(' ')) {
      if (word.length > 0) commonWords.set(word, (commonWords.get(word) ?? 0) + 1)
    }
  })
}

const handTerms = new Map<string, string>()
const handVocabulary = new Set<string>()
const vocabularyTags = new Set<string>([...TYPE_TAGS, ...WORD_TAGS])
for (const [language, dictionary] of Object.entries(DICTIONARIES)) {
  for (const [tag, entries] of Object.entries(dictionary)) {
    for (const entry of entries ?? []) {
      const term = typeof entry === 'string' ? entry : entry[0]
      handTerms.set(term, `${language}.${tag}`)
      if (vocabularyTags.has(tag)) for (const word of term.split(' ')) handVocabulary.add(word)
    }
  }
}

/**
 * Labelled descriptions we may read: the fixtures' labels (never a held-out set) and the rule
 * examples. A name found in one is a brand use when the label names it (the counterparty, or
 * for a rule example a merchant category), an ordinary use otherwise.
 */
interface Labelled {
  words: ReadonlySet<string>
  counterpartyWords: ReadonlySet<string> | null
  category: string
}
/** Rule examples have no counterparty: a name in one is a brand use when it is a merchant's. */
const labelled: Labelled[] = RULES.flatMap((rule) =>
  rule.examples.map((e) => ({
    words: new Set(normaliseText(e.description).split(' ')),
    counterpartyWords: null,
    category: e.category,
  })),
)
interface LabelFile {
  file: string
  labels: { account: number; index: number; category: string; counterparty: string | null }[]
}
interface UploadFile {
  accounts: { transactions: { description?: string }[] }[]
}
const labelDir = join(ROOT, 'test/fixtures/labels')
for (const name of readdirSync(labelDir).filter((n) => n.endsWith('.json'))) {
  const labels = readJson(join(labelDir, name)) as LabelFile
  const upload = readJson(join(ROOT, 'test/fixtures', labels.file)) as UploadFile
  for (const label of labels.labels) {
    const description = upload.accounts[label.account]?.transactions[label.index]?.description
    if (!description) continue
    labelled.push({
      words: new Set(normaliseText(description).split(' ')),
      counterpartyWords: new Set(normaliseText(label.counterparty ?? '').split(' ')),
      category: label.category,
    })
  }
}
const brandUses = new Map<string, number>()
const ordinaryUses = new Map<string, number>()
const MERCHANT_CATEGORIES = new Set<string>([...MERCHANT_ORG_TAGS, 'GAMBLING_GAIN'])
for (const { words, counterpartyWords, category } of labelled) {
  for (const word of words) {
    // A rule example shows a name in other roles (a refund, a rejected debit): only a
    // merchant example counts, as a brand use.
    if (!counterpartyWords && !MERCHANT_CATEGORIES.has(category)) continue
    const table = !counterpartyWords || counterpartyWords.has(word) ? brandUses : ordinaryUses
    table.set(word, (table.get(word) ?? 0) + 1)
  }
}

/**
 * Names that need the merchant position and the market (one word only: a phrase is specific
 * enough):
 * - two letters or less (`BP`, `U`, `EE`);
 * - a bank's name or the first word of one (`LLOYDS`);
 * - a word of the hand vocabulary (`TOTAL`, `NETTO`, `FREE`: amounts, rails, fees);
 * - found as an ordinary word in a labelled description;
 * - two or more uses in the schema's translations (`ORANGE`, a colour; `CASINO`, `PLUS`), unless
 *   a labelled description uses it as a brand (`CARREFOUR` is a crossroads to the schema, and a
 *   supermarket after a city name in the fixtures).
 */
interface Evidence {
  bank: boolean
  common: number
  vocabulary: boolean
  ordinary: number
  brand: number
}
const evidenceOf = (term: string): Evidence | null => {
  if (term.includes(' ')) return null
  const evidence: Evidence = {
    bank: bankWords.has(term),
    common: commonWords.get(term) ?? 0,
    vocabulary: handVocabulary.has(term),
    ordinary: ordinaryUses.get(term) ?? 0,
    brand: brandUses.get(term) ?? 0,
  }
  const ambiguous =
    term.length <= 2 ||
    evidence.bank ||
    evidence.vocabulary ||
    evidence.ordinary > 0 ||
    (evidence.common >= MIN_COMMON_USES && evidence.brand === 0)
  return ambiguous ? evidence : null
}
/** Banks' names and their first words: `LLOYDS` is a pharmacy chain and a bank. */
const bankWords = new Set(
  [...bankMarkets.keys()].flatMap((term) => [term, term.split(' ')[0] ?? '']),
)
/** Why 2: one use in thousands of schema strings is often a brand or a place name itself. */
const MIN_COMMON_USES = 2

const merchantTags = new Set<string>(MERCHANT_ORG_TAGS)
const ambiguous = new Map<string, Evidence>()
for (const [term, where] of handTerms) {
  if (!merchantTags.has(where.split('.')[1] ?? '')) continue
  const evidence = evidenceOf(term)
  if (evidence) ambiguous.set(term, evidence)
}
for (const terms of resolvedBrands.values()) {
  for (const term of terms.keys()) {
    if (handTerms.has(term)) continue
    const evidence = evidenceOf(term)
    if (evidence) ambiguous.set(term, evidence)
  }
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const byMarkets = <T>(entries: Iterable<[T, Set<Market>]>): Map<string, T[]> => {
  const out = new Map<string, T[]>()
  for (const [value, markets] of entries) {
    const key = MARKETS.filter((m) => markets.has(m)).join(' ')
    let list = out.get(key)
    if (!list) out.set(key, (list = []))
    list.push(value)
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
const sorted = (list: readonly string[]): string[] =>
  [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
const entryLiteral = (term: string): string => {
  const name = canonicalName.get(term)
  return name === undefined
    ? JSON.stringify(term)
    : `[${JSON.stringify(term)}, ${JSON.stringify(name)}]`
}

let brandCount = 0
const brandBlocks: string[] = []
for (const category of CATEGORY_PRECEDENCE) {
  const terms = resolvedBrands.get(category)
  if (!terms) continue
  // A hand entry with the same words wins: the generated one is left out.
  const kept = [...terms].filter(([term]) => !handTerms.has(term))
  brandCount += kept.length
  const groups = [...byMarkets(kept)].map(
    ([markets, list]) => `'${markets}': [${sorted(list).map(entryLiteral).join(', ')}],`,
  )
  brandBlocks.push(`${category}: {\n${groups.join('\n')}\n},`)
}

const bankBlock = [...byMarkets(bankMarkets)]
  .map(
    ([markets, list]) =>
      `'${markets}': [${sorted(list)
        .map((t) => JSON.stringify(t))
        .join(', ')}],`,
  )
  .join('\n')

const placeCounts: string[] = []
const placeBlocks: string[] = []
for (const language of LANGUAGES) {
  const byTag = new Map<string, string[]>()
  for (const [term, categories] of placeWords.get(language) ?? []) {
    // A word of two categories says nothing: left out. A word the hand dictionaries also
    // have stays: the matcher lets the hand entry decide the whole word, and the stem still
    // finds `BOULANGERIES`.
    if (categories.size !== 1) continue
    const tag = WORD_TAG_OF[[...categories][0] as OsmCategory]
    if (!tag) continue
    let list = byTag.get(tag)
    if (!list) byTag.set(tag, (list = []))
    list.push(term)
  }
  const count = [...byTag.values()].reduce((sum, list) => sum + list.length, 0)
  placeCounts.push(`${language} ${count}`)
  const tags = [...byTag].sort(([a], [b]) => (a < b ? -1 : 1))
  placeBlocks.push(
    `${language}: {\n${tags
      .map(
        ([tag, list]) =>
          `${tag}: [${sorted(list)
            .map((t) => JSON.stringify(t))
            .join(', ')}],`,
      )
      .join('\n')}\n},`,
  )
}

const nsiVersion = versionOf(NSI_DIR)
const schemaVersion = versionOf(SCHEMA_DIR)
const header = `/**
 * GENERATED by \`npm run dictionaries:build\` (scripts/build-dictionaries.ts): do not edit.
 * Sources: name-suggestion-index ${nsiVersion}, @openstreetmap/id-tagging-schema ${schemaVersion}
 * (${itemsKept} brand items kept of those trading in BE, DE, ES, FR, GB, NL).
 * Counts: ${brandCount} brand terms, ${bankMarkets.size} bank terms, ${ambiguous.size} ambiguous names,
 * place words ${placeCounts.join(', ')}.
 * Markets are written as space-separated codes; a term appears once per category.
 */`
const source = `${header}
import type { OsmData } from './osm-data.ts'

export const OSM_DATA: OsmData = {
  sources: { nameSuggestionIndex: '${nsiVersion}', idTaggingSchema: '${schemaVersion}' },
  brands: {
${brandBlocks.join('\n')}
  },
  banks: {
${bankBlock}
  },
  placeWords: {
${placeBlocks.join('\n')}
  },
  ambiguousNames: [${sorted([...ambiguous.keys()])
    .map((t) => JSON.stringify(t))
    .join(', ')}],
}
`
const options = await prettier.resolveConfig(OUT)
const formatted = await prettier.format(source, { ...options, filepath: OUT })
const summary = `${brandCount} brand terms, ${bankMarkets.size} bank terms, ${ambiguous.size} ambiguous names, place words ${placeCounts.join(', ')}`
if (process.argv.includes('--check')) {
  // For CI or review: is the committed file what the pinned packages give? The ambiguous names
  // also depend on the hand dictionaries, so a new hand word can make this fail: rebuild then.
  const same = readFileSync(OUT, 'utf8') === formatted
  process.stdout.write(
    `${OUT} ${same ? 'is up to date' : 'differs: run npm run dictionaries:build'}\n`,
  )
  process.exitCode = same ? 0 : 1
} else {
  writeFileSync(OUT, formatted)
  process.stdout.write(`wrote ${OUT}\n${summary}\n`)
}
if (process.argv.includes('--evidence')) {
  for (const [term, e] of [...ambiguous].sort(([a], [b]) => (a < b ? -1 : 1))) {
    process.stdout.write(
      `${term}\tbank=${e.bank}\tcommon=${e.common}\tvocabulary=${e.vocabulary}\tordinary=${e.ordinary}\tbrand=${e.brand}\n`,
    )
  }
}
