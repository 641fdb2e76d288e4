import type { AccountType, Category } from '../../model/index.ts'
import type { Facts } from '../facts.ts'
import type { Tag } from '../tags.ts'

/** A description the rule must categorise as `category`: documentation and test in one. */
export interface RuleExample {
  readonly description: string
  /** Major units, signed. */
  readonly amount: number
  readonly accountType?: AccountType
  readonly category: Category
}

/**
 * One categorisation rule. Rules run in the order of `rules/index.ts`; the first that returns
 * a category decides, and its `id` travels with the result as `ruleId`.
 */
export interface Rule {
  /** Stable UPPER_SNAKE id: never rename one once shipped. */
  readonly id: string
  /** Every category the rule can return (the reachability test reads it). */
  readonly categories: readonly Category[]
  /**
   * Where the counterparty comes from: an organisation hit (among `orgTags` when given), the
   * payee named in the text, or nobody (bank fees).
   */
  readonly counterparty: 'org' | 'text' | 'none'
  readonly orgTags?: readonly Tag[]
  readonly decide: (facts: Facts) => Category | null
  readonly examples: readonly RuleExample[]
}
