/**
 * Holder-name verification: how close the name a lender gave (`name` of the widget link) is to
 * an account owner's name, on the vendor's four levels (docs/risk-report.md):
 *
 * - VERY_HIGH: the same name, case aside ("max mustermann" / "Max Mustermann");
 * - HIGH: small differences: another word order ("Mustermann, Max"), accents or umlauts folded
 *   or transliterated ("Müller" / "Muller" / "Mueller"), hyphens and apostrophes, titles, or a
 *   middle name (or second surname) missing on one side;
 * - MEDIUM: partial: initials for the given names ("M. Mustermann"), or the surname only shared;
 * - LOW: nothing meaningful in common.
 *
 * Pure: no I/O, same input, same answer. Knowingly simple: nicknames (Bill / William) and
 * transliterations from other scripts are LOW; a shared common surname alone reads MEDIUM.
 */

export type Affinity = 'VERY_HIGH' | 'HIGH' | 'MEDIUM' | 'LOW'

const RANK: Readonly<Record<Affinity, number>> = { VERY_HIGH: 3, HIGH: 2, MEDIUM: 1, LOW: 0 }

/** Courtesy titles of the markets, dropped before comparing. */
const TITLES: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sir',
  'herr',
  'frau',
  'm',
  'mme',
  'mlle',
  'monsieur',
  'madame',
  'sr',
  'sra',
  'srta',
  'don',
  'dona',
  'dhr',
  'mevr',
  'mevrouw',
  'meneer',
  'de heer',
])

/** Name particles that do not identify anyone on their own. */
const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'vom',
  'zu',
  'la',
  'le',
  'du',
  'des',
  'y',
  'e',
  'da',
  'dos',
  'das',
  'ter',
  'ten',
  'het',
  'op',
  'in',
  't',
])

const TRANSLITERATE: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  œ: 'oe',
}

const stripAccents = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')

/** Words of a name, lower-case, without punctuation and titles; "Müller, Maria" → müller maria. */
const words = (name: string): string[] =>
  name
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .split(/[\s,.;\-_/]+/)
    .filter((word) => word !== '' && !TITLES.has(word))

/** The spellings a word may have once folded: "müller" → muller, mueller. */
const spellings = (word: string): string[] => {
  const transliterated = stripAccents(word.replace(/[äöüßæøåœ]/g, (c) => TRANSLITERATE[c] ?? c))
  const folded = stripAccents(word)
  return folded === transliterated ? [folded] : [folded, transliterated]
}

const sameWord = (a: string, b: string): boolean => {
  const left = spellings(a)
  return spellings(b).some((spelling) => left.includes(spelling))
}

const isInitialOf = (initial: string, word: string): boolean =>
  initial.length === 1 && stripAccents(word).startsWith(stripAccents(initial))

const meaningful = (list: readonly string[]): string[] => list.filter((w) => !PARTICLES.has(w))

/** Whether every word of `few` is found among `many`, each used once. */
const allFound = (
  few: readonly string[],
  many: readonly string[],
  match: (a: string, b: string) => boolean,
): boolean => {
  const left = [...many]
  for (const word of few) {
    const index = left.findIndex((other) => match(word, other))
    if (index < 0) return false
    left.splice(index, 1)
  }
  return true
}

/** The affinity of a given name with one owner's name. */
export const nameAffinity = (given: string, owner: string): Affinity => {
  const a = given.trim().replace(/\s+/g, ' ').toLowerCase()
  const b = owner.trim().replace(/\s+/g, ' ').toLowerCase()
  if (a === '' || b === '') return 'LOW'
  if (a === b) return 'VERY_HIGH'
  const left = meaningful(words(a))
  const right = meaningful(words(b))
  if (left.length === 0 || right.length === 0) return 'LOW'
  const [few, many] = left.length <= right.length ? [left, right] : [right, left]
  // Same words in any order, folded; or one side lacks a middle name (two words at least kept).
  if (allFound(few, many, sameWord) && (few.length === many.length || few.length >= 2)) {
    return 'HIGH'
  }
  // Initials for given names: every word found as itself or as an initial, one in full at least.
  const fullOrInitial = (x: string, y: string) =>
    sameWord(x, y) || isInitialOf(x, y) || isInitialOf(y, x)
  const fullShared = few.some(
    (word) => word.length > 1 && many.some((other) => sameWord(word, other)),
  )
  if (fullShared && allFound(few, many, fullOrInitial)) return 'MEDIUM'
  // The surname (or another full word) only.
  if (fullShared) return 'MEDIUM'
  return 'LOW'
}

/** The best match of a given name among an account's owners; undefined without owners. */
export const bestOwnerMatch = (
  given: string,
  owners: readonly string[],
): { name: string; affinity: Affinity } | undefined => {
  let best: { name: string; affinity: Affinity } | undefined
  for (const owner of owners) {
    const affinity = nameAffinity(given, owner)
    if (!best || RANK[affinity] > RANK[best.affinity]) best = { name: owner, affinity }
  }
  return best
}
