import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { normaliseDescription } from '../../normalise/index.ts'
import { MERCHANT_ORG_TAGS, MARKETS, LANGUAGES } from './markets.ts'
import { HAND_PLACE_WORDS, OSM_DATA } from './index.ts'

const termOf = (entry: string | readonly [string, string]): string =>
  typeof entry === 'string' ? entry : entry[0]
const isNormalised = (term: string): boolean =>
  term !== '' && normaliseDescription(term).normalised === term

test('the generated data names the pinned package versions', () => {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
  ) as { devDependencies: Record<string, string> } // our own package.json
  assert.equal(OSM_DATA.sources.nameSuggestionIndex, pkg.devDependencies['name-suggestion-index'])
  assert.equal(
    OSM_DATA.sources.idTaggingSchema,
    pkg.devDependencies['@openstreetmap/id-tagging-schema'],
  )
})

test('brands: merchant tags, known market keys, normalised terms, no duplicates per market', () => {
  let count = 0
  for (const [tag, groups] of Object.entries(OSM_DATA.brands)) {
    assert.ok((MERCHANT_ORG_TAGS as readonly string[]).includes(tag), tag)
    const seen = new Map<string, Set<string>>()
    for (const [key, entries] of Object.entries(groups ?? {})) {
      const markets = key.split(' ')
      assert.ok(
        markets.length > 0 && markets.every((m) => (MARKETS as readonly string[]).includes(m)),
        key,
      )
      for (const entry of entries) {
        const term = termOf(entry)
        assert.ok(isNormalised(term), `${tag} "${term}"`)
        if (typeof entry !== 'string') assert.ok(isNormalised(entry[1]), `${tag} "${entry[1]}"`)
        for (const market of markets) {
          let terms = seen.get(market)
          if (!terms) seen.set(market, (terms = new Set()))
          assert.ok(!terms.has(term), `${tag} "${term}" twice in ${market}`)
          terms.add(term)
        }
        count++
      }
    }
  }
  // Sane size: thousands of brands, far from the whole index.
  assert.ok(count > 2000 && count < 20000, `${count} brand terms`)
  for (const market of MARKETS) {
    const grocers = Object.entries(OSM_DATA.brands.GROCERY ?? {})
      .filter(([key]) => key.split(' ').includes(market))
      .reduce((sum, [, list]) => sum + list.length, 0)
    assert.ok(grocers >= 10, `${grocers} grocers in ${market}`)
  }
})

test('banks, place words and ambiguous names are normalised and unique', () => {
  const banks = Object.values(OSM_DATA.banks).flat()
  assert.ok(banks.length > 50)
  assert.ok(banks.every(isNormalised))
  for (const language of LANGUAGES) {
    for (const source of [OSM_DATA.placeWords[language], HAND_PLACE_WORDS[language]]) {
      const terms = Object.values(source).flatMap((list) => list ?? [])
      assert.ok(terms.length > 0, language)
      assert.deepEqual(
        terms.filter((t) => !isNormalised(t)),
        [],
        language,
      )
      assert.equal(new Set(terms).size, terms.length, `${language}: a place word twice`)
    }
  }
  const names = OSM_DATA.ambiguousNames
  assert.ok(names.every((n) => isNormalised(n) && !n.includes(' ')))
  assert.equal(new Set(names).size, names.length)
  for (const expected of [
    'ORANGE',
    'ACTION',
    'DIA',
    'FREE',
    'TOTAL',
    'NEXT',
    'PLUS',
    'CASINO',
    'BP',
  ]) {
    assert.ok(names.includes(expected), expected)
  }
  assert.ok(!names.includes('LIDL') && !names.includes('CARREFOUR'))
})
