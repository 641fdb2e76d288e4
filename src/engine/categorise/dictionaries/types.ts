import type { Tag } from '../tags.ts'

/**
 * A dictionary entry: a normalised term (one or more words, as `normaliseDescription` would
 * print them), or `[term, name]` when the counterparty name differs from the term
 * (`['SOGEFINANC', 'SOGEFINANCE']`, a name truncated by the bank).
 */
export type Entry = string | readonly [term: string, name: string]

/** One language's dictionary: entries grouped by tag. Data only. */
export type Dictionary = Partial<Readonly<Record<Tag, readonly Entry[]>>>
