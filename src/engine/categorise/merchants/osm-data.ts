import type { Entry } from '../dictionaries/types.ts'
import type { OrgTag, Tag } from '../tags.ts'
import type { Language } from './markets.ts'

/**
 * The shape of `osm.generated.ts`. Markets are written as keys of space-separated codes
 * (`'BE FR NL'`), so a brand trading in the same markets as its neighbours costs one string.
 */
export interface OsmData {
  readonly sources: { readonly nameSuggestionIndex: string; readonly idTaggingSchema: string }
  /** Brands by category tag, then by the markets they trade in. */
  readonly brands: Partial<Readonly<Record<OrgTag, Readonly<Record<string, readonly Entry[]>>>>>
  /** Bank names by market: not a category, a list for lenders and own accounts. */
  readonly banks: Readonly<Record<string, readonly string[]>>
  /** Place-type words (`BOULANGERIE`, `APOTHEKE`) per language, by word tag. */
  readonly placeWords: Readonly<Record<Language, Partial<Readonly<Record<Tag, readonly string[]>>>>>
  /** One-word names that are also ordinary words: merchant position and market only. */
  readonly ambiguousNames: readonly string[]
}
