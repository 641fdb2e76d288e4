/**
 * Read-only views of the organisation names the dictionaries already hold, for the passes and
 * insights that need them outside the matcher (who is a lender, a benefit payer, an insurer).
 * The dictionaries stay the one home of names: nothing here adds a name, it only indexes them.
 *
 * @example
 * orgsIn(['PRLV', 'SEPA', 'COFIDIS', '123'])  // [{ tag: 'LENDER_PERSONAL', name: 'COFIDIS' }]
 * isLenderName('ADVANZIA BANK')               // true
 */
import { DICTIONARIES } from './dictionaries/index.ts'
import type { Entry } from './dictionaries/types.ts'
import { ORG_TAGS, type OrgTag } from './tags.ts'

/** An organisation named in a description: its dictionary tag and canonical name. */
export interface NamedOrg {
  readonly tag: OrgTag
  readonly name: string
}

/** Tags whose organisations lend money (credit, split payments, leases, pay advances). */
export const LENDER_TAGS: ReadonlySet<OrgTag> = new Set<OrgTag>([
  'LENDER',
  'LENDER_PERSONAL',
  'LENDER_REVOLVING',
  'LENDER_MORTGAGE',
  'BNPL',
  'LEASING',
  'WAGE_ADVANCE',
])

const ORG_TAG_SET: ReadonlySet<string> = new Set(ORG_TAGS)
const termOf = (entry: Entry): string => (typeof entry === 'string' ? entry : entry[0])
const nameOf = (entry: Entry): string => (typeof entry === 'string' ? entry : entry[1])

/** Built once at load: an immutable index, never written after. Term → organisation. */
const BY_TERM: ReadonlyMap<string, NamedOrg> = (() => {
  const map = new Map<string, NamedOrg>()
  // Sorted dictionary keys: the same index whatever the object's key order.
  for (const key of Object.keys(DICTIONARIES).sort()) {
    const dictionary = DICTIONARIES[key] ?? {}
    for (const [tag, entries] of Object.entries(dictionary)) {
      if (!ORG_TAG_SET.has(tag)) continue
      for (const entry of entries ?? []) {
        // Object.entries widens the key to string; it was checked against ORG_TAGS just above.
        if (!map.has(termOf(entry)))
          map.set(termOf(entry), { tag: tag as OrgTag, name: nameOf(entry) })
      }
    }
  }
  return map
})()

/** Longest dictionary term, in words: the n-grams worth looking up. */
const MAX_TERM_WORDS = Math.max(1, ...[...BY_TERM.keys()].map((t) => t.split(' ').length))

/**
 * Organisations named in `words` (normalised words), longest term first at each position, in
 * text order. Exact terms only (no truncations): used on a few grouped descriptions, not on
 * every transaction.
 */
export const orgsIn = (words: readonly string[]): NamedOrg[] => {
  const found: NamedOrg[] = []
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(MAX_TERM_WORDS, words.length - i); n >= 1; n--) {
      const org = BY_TERM.get(words.slice(i, i + n).join(' '))
      if (org !== undefined) {
        found.push(org)
        i += n - 1
        break
      }
    }
  }
  return found
}

/** Every canonical lender name of the dictionaries (LENDER_TAGS), sorted. */
export const LENDER_NAMES: readonly string[] = [
  ...new Set([...BY_TERM.values()].filter((o) => LENDER_TAGS.has(o.tag)).map((o) => o.name)),
].sort()

const LENDER_NAME_SET: ReadonlySet<string> = new Set(LENDER_NAMES)

/** Whether the dictionaries know `name` (a canonical name or a term) as a lender. */
export const isLenderName = (name: string): boolean => {
  if (LENDER_NAME_SET.has(name)) return true
  const org = BY_TERM.get(name)
  return org !== undefined && LENDER_TAGS.has(org.tag)
}
