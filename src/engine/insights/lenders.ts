/**
 * The lender of a credit cash flow, one name per lender across its products and wordings. Names
 * come from the dictionaries (the categoriser's counterparty, or a dictionary lender named in
 * the wording); lender-groups.ts only merges the names that are one lender.
 */
import { isLenderName, LENDER_TAGS, orgsIn } from '../categorise/dictionary-names.ts'
import { LENDER_GROUPS } from './lender-groups.ts'

const containsWords = (text: string, words: string): boolean => {
  let at = text.indexOf(words)
  while (at >= 0) {
    const before = at === 0 ? ' ' : (text[at - 1] ?? ' ')
    const after = text[at + words.length] ?? ' '
    if (!/[A-Z0-9]/.test(before) && !/[A-Z0-9]/.test(after)) return true
    at = text.indexOf(words, at + 1)
  }
  return false
}

/** The group a name belongs to, or the name itself. */
const groupOf = (text: string): string | undefined => {
  for (const group of LENDER_GROUPS) {
    if (containsWords(text, group.name)) return group.name
    for (const alias of group.aliases) if (containsWords(text, alias)) return group.name
  }
  return undefined
}

/** The first dictionary lender named in a wording (`PRLV SEPA COFIDIS 12345` → COFIDIS). */
const dictionaryLenderIn = (text: string): string | undefined =>
  orgsIn(text.split(' ')).find((org) => LENDER_TAGS.has(org.tag))?.name

/**
 * The lender's name: a lender group named in the counterparty or the label root, else a
 * dictionary lender named in the counterparty (`KLARNA RATENKAUF` → KLARNA), else the
 * counterparty as the categoriser found it, else a dictionary lender named in the label root,
 * else `fallback` (the account's bank, which is who lends when a debit names nobody, e.g.
 * "PRET IMMOBILIER ECH").
 * @example lenderName('CARTE ZERO', 'PRELEVEMENT CARTE ZERO', 'MY BANK') // 'ADVANZIA BANK'
 */
export const lenderName = (
  counterparty: string | null,
  labelRoot: string,
  fallback: string,
): string => {
  const named = counterparty?.trim().toUpperCase() ?? ''
  const root = labelRoot.toUpperCase()
  const grouped = groupOf(named) ?? groupOf(root)
  if (grouped !== undefined) return grouped
  // Most counterparties already are a dictionary lender's name: one set lookup.
  if (named !== '' && isLenderName(named)) return named
  const known = dictionaryLenderIn(named) ?? (named === '' ? dictionaryLenderIn(root) : undefined)
  if (known !== undefined) return groupOf(known) ?? known
  return named === '' ? fallback : named
}
