import type { AccountType, TransactionType } from '../model/index.ts'
import type { Hit } from './matcher.ts'
import { TAG_ID, isOrgTagId, type Tag } from './tags.ts'

/** What rules see of one transaction: its words, the dictionary hits, sign, type, account. */
export interface Facts {
  readonly words: readonly string[]
  /** Dictionary hits in text order. */
  readonly hits: readonly Hit[]
  /** Index in `hits` of the first hit of each tag id, -1 when absent. */
  readonly firstHit: Int32Array
  readonly credit: boolean
  readonly type: TransactionType
  readonly accountType: AccountType
  /** The customer's markets as a bit mask of `MARKET_BIT` (merchants/markets.ts). */
  readonly markets: number
}

export const has = (facts: Facts, tag: Tag): boolean => (facts.firstHit[TAG_ID[tag]] ?? -1) >= 0

export const hasAny = (facts: Facts, tags: readonly Tag[]): boolean => {
  for (const tag of tags) if (has(facts, tag)) return true
  return false
}

/** The first organisation hit among `tags` (any organisation when omitted), in text order. */
export const firstOrg = (facts: Facts, tags?: readonly Tag[]): Hit | undefined => {
  for (const hit of facts.hits) {
    if (!isOrgTagId(hit.tag)) continue
    if (!tags) return hit
    for (const tag of tags) if (TAG_ID[tag] === hit.tag) return hit
  }
  return undefined
}
