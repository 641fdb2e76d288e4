/**
 * Compiles the dictionaries once into Map lookups, then finds every entry in a normalised
 * description in one left-to-right pass over its words: at each word the longest entry that
 * starts there wins and consumes its words (`PRET A MANGER` is a restaurant, not a loan).
 *
 * Banks truncate long names (`SOGEFINANC` for SOGEFINANCE): a word of 7+ letters that matches
 * nothing also matches a single-word entry it is the start of, when at most 3 letters are
 * missing and no other entry shares that start.
 */
import type { Dictionary, Entry } from './dictionaries/types.ts'
import { TAG_ID, type Tag } from './tags.ts'

export interface Candidate {
  /** Words after the first one. */
  readonly rest: readonly string[]
  readonly tag: number
  readonly name: string
}

export interface Matcher {
  readonly byFirstWord: ReadonlyMap<string, readonly Candidate[]>
  readonly byTruncation: ReadonlyMap<string, Candidate>
}

/** An entry found in a description: its tag, its name, and the words it covers. */
export interface Hit {
  readonly tag: number
  readonly name: string
  readonly start: number
  readonly end: number
}

/** Why: shorter truncations are too often whole words of another language. */
const MIN_TRUNCATED_LENGTH = 7
const MAX_MISSING_LETTERS = 3

const termOf = (entry: Entry): string => (typeof entry === 'string' ? entry : entry[0])
const nameOf = (entry: Entry): string => (typeof entry === 'string' ? entry : entry[1])

export const compileDictionaries = (dictionaries: readonly Dictionary[]): Matcher => {
  const byFirstWord = new Map<string, Candidate[]>()
  const truncations = new Map<string, Candidate | null>()
  for (const dictionary of dictionaries) {
    for (const [tag, entries] of Object.entries(dictionary)) {
      // Object.entries widens keys to string; dictionaries are typed by Tag.
      const tagId = TAG_ID[tag as Tag]
      for (const entry of entries ?? []) {
        const [first = '', ...rest] = termOf(entry).split(' ')
        const candidate: Candidate = { rest, tag: tagId, name: nameOf(entry) }
        const list = byFirstWord.get(first)
        if (list) list.push(candidate)
        else byFirstWord.set(first, [candidate])
        if (rest.length === 0 && first.length > MIN_TRUNCATED_LENGTH) {
          const shortest = Math.max(MIN_TRUNCATED_LENGTH, first.length - MAX_MISSING_LETTERS)
          for (let length = shortest; length < first.length; length++) {
            const prefix = first.slice(0, length)
            truncations.set(prefix, truncations.has(prefix) ? null : candidate)
          }
        }
      }
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.rest.length - a.rest.length)
  const byTruncation = new Map<string, Candidate>()
  for (const [prefix, candidate] of truncations) {
    if (candidate && !byFirstWord.has(prefix)) byTruncation.set(prefix, candidate)
  }
  return { byFirstWord, byTruncation }
}

const matchesRest = (words: readonly string[], at: number, rest: readonly string[]): boolean => {
  if (at + rest.length > words.length) return false
  for (let k = 0; k < rest.length; k++) if (words[at + k] !== rest[k]) return false
  return true
}

/** Every entry found in `words`, in text order. */
export const findHits = (matcher: Matcher, words: readonly string[]): Hit[] => {
  const hits: Hit[] = []
  let i = 0
  while (i < words.length) {
    const word = words[i] ?? ''
    const candidates = matcher.byFirstWord.get(word)
    let matched: Candidate | undefined
    if (candidates) {
      for (const candidate of candidates) {
        if (matchesRest(words, i + 1, candidate.rest)) {
          matched = candidate
          break
        }
      }
    } else if (word.length >= MIN_TRUNCATED_LENGTH) {
      matched = matcher.byTruncation.get(word)
    }
    if (matched) {
      const end = i + 1 + matched.rest.length
      hits.push({ tag: matched.tag, name: matched.name, start: i, end })
      i = end
    } else {
      i++
    }
  }
  return hits
}
