import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normaliseDescription } from '../../normalise/index.ts'
import { TAGS } from '../tags.ts'
import { DICTIONARIES } from './index.ts'

const entries = Object.entries(DICTIONARIES).flatMap(([language, dictionary]) =>
  Object.entries(dictionary).flatMap(([tag, list]) =>
    (list ?? []).map((entry) => ({
      language,
      tag,
      term: typeof entry === 'string' ? entry : entry[0],
      name: typeof entry === 'string' ? entry : entry[1],
    })),
  ),
)

test('has a dictionary per language plus the shared one', () => {
  assert.deepEqual(Object.keys(DICTIONARIES).sort(), ['common', 'de', 'en', 'es', 'fr', 'nl'])
})

test('every entry is non-empty and already normalised, so it can match', () => {
  const bad = entries.filter(
    (e) =>
      e.term === '' || e.name.trim() === '' || normaliseDescription(e.term).normalised !== e.term,
  )
  assert.deepEqual(
    bad.map((e) => `${e.language}.${e.tag}: "${e.term}"`),
    [],
  )
})

test('no term appears twice, in one dictionary or across languages', () => {
  const seen = new Map<string, string>()
  const duplicates: string[] = []
  for (const e of entries) {
    const where = `${e.language}.${e.tag}`
    const first = seen.get(e.term)
    if (first !== undefined) duplicates.push(`"${e.term}" in ${first} and ${where}`)
    else seen.set(e.term, where)
  }
  assert.deepEqual(duplicates, [])
})

test('every tag is a known tag, and every known tag has entries', () => {
  const used = new Set(entries.map((e) => e.tag))
  assert.deepEqual(
    [...used].filter((tag) => !(TAGS as readonly string[]).includes(tag)),
    [],
  )
  assert.deepEqual(
    TAGS.filter((tag) => !used.has(tag)),
    [],
  )
})
