/**
 * Project rules: a lender's own corrections (`this payee is GROCERY`), given to the engine in its
 * context and applied over the built-in categorisation. A rule names a payee by its label root
 * (the normalised description without numbers and months, one per payee), or a description
 * pattern in a small glob syntax; the first rule of the list that matches a transaction decides
 * its category, and the transaction carries `ruleId: PROJECT_RULE:<id>`.
 *
 * Pattern syntax (no regular expressions, so no pattern can make the matcher backtrack): the
 * pattern is looked for inside the description, case and accents ignored, runs of spaces as one;
 * `*` stands for any run of characters (`TESCO*LONDON`: TESCO, then LONDON later). Matching is one
 * left-to-right scan per piece between stars: linear in the description's length.
 *
 * Direction: an income category applies to money in only, an expense category to money out only
 * (a payee's refund is not a purchase); other categories (credits, savings, taxes, bank
 * operations, refunds) apply to both.
 *
 * Known limits: rules are applied after linking, so a transfer the engine paired with another
 * (`counterPartId`) keeps its pairing; the transaction's type (card, transfer …) is unchanged.
 */
import {
  EXPENSE_CATEGORIES,
  INCOME_CATEGORIES,
  type Category,
  type EnrichedTransaction,
} from './model/index.ts'
import { labelRootOf, normaliseText } from './normalise/index.ts'

/** One project rule as the engine receives it: exactly one of `labelRoot` and `pattern`. */
export interface ProjectRule {
  /** Stable id of the rule in its project; the output's ruleId is `PROJECT_RULE:<id>`. */
  readonly id: string
  readonly category: Category
  readonly labelRoot?: string
  readonly pattern?: string
}

export const PROJECT_RULE_PREFIX = 'PROJECT_RULE:'

/** Longest pattern or label root accepted (the API validates the same bound). */
export const PROJECT_RULE_TEXT_MAX = 200

const INCOME: ReadonlySet<string> = new Set(INCOME_CATEGORIES)
const EXPENSE: ReadonlySet<string> = new Set(EXPENSE_CATEGORIES)

/** Upper case, no accents, one space between words: how a pattern and a description compare. */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim()

/** The label root a rule's `labelRoot` stands for, read as the engine reads a description. */
export const ruleLabelRoot = (labelRoot: string): string => labelRootOf(normaliseText(labelRoot))

/** The label root of a description: what "every transaction of this payee" shares. */
export const labelRootOfDescription = (description: string): string =>
  labelRootOf(normaliseText(description))

/**
 * Whether a folded description holds the pattern's pieces in order (see the syntax above).
 * Greedy leftmost search per piece is exact for `*` alone, and never backtracks.
 */
export const matchesPattern = (pieces: readonly string[], folded: string): boolean => {
  let from = 0
  for (const piece of pieces) {
    if (piece === '') continue
    const at = folded.indexOf(piece, from)
    if (at < 0) return false
    from = at + piece.length
  }
  return true
}

/** A pattern split into its folded pieces; empty when it holds nothing but stars and spaces. */
export const patternPieces = (pattern: string): string[] =>
  pattern
    .split('*')
    .map((piece) => foldText(piece))
    .filter((piece) => piece !== '')

const fitsDirection = (category: Category, amount: number): boolean =>
  INCOME.has(category) ? amount > 0 : EXPENSE.has(category) ? amount < 0 : true

interface CompiledRule {
  readonly rule: ProjectRule
  readonly root: string | null
  readonly pieces: readonly string[] | null
}

const compile = (rule: ProjectRule): CompiledRule | null => {
  if (rule.labelRoot !== undefined) {
    const root = ruleLabelRoot(rule.labelRoot)
    return root === '' ? null : { rule, root, pieces: null }
  }
  if (rule.pattern !== undefined) {
    const pieces = patternPieces(rule.pattern)
    return pieces.length === 0 ? null : { rule, root: null, pieces }
  }
  return null
}

/**
 * Applies the project rules to enriched transactions (one array per account, as
 * `enrichAccounts` returns them): the first matching rule sets the category and the rule id.
 * Without rules, returns its input unchanged.
 */
export const applyProjectRules = (
  enriched: EnrichedTransaction[][],
  rules: readonly ProjectRule[] | undefined,
): EnrichedTransaction[][] => {
  if (!rules || rules.length === 0) return enriched
  const compiled = rules.map(compile).filter((rule): rule is CompiledRule => rule !== null)
  if (compiled.length === 0) return enriched
  // Many transactions share a description: each distinct one is folded once per call.
  const folded = new Map<string, string>()
  const foldOf = (description: string): string => {
    let text = folded.get(description)
    if (text === undefined) {
      text = foldText(description)
      folded.set(description, text)
    }
    return text
  }
  return enriched.map((transactions) =>
    transactions.map((tx) => {
      for (const { rule, root, pieces } of compiled) {
        if (!fitsDirection(rule.category, tx.amount)) continue
        const hit =
          root !== null
            ? tx.labelRoot === root
            : matchesPattern(pieces ?? [], foldOf(tx.description))
        if (!hit) continue
        return {
          ...tx,
          enrichments: {
            ...tx.enrichments,
            category: rule.category,
            ruleId: `${PROJECT_RULE_PREFIX}${rule.id}`,
          },
        }
      }
      return tx
    }),
  )
}
