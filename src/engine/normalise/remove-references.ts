import { PROTECTED_TOKENS } from './protected-tokens.ts'

/**
 * Step 8: drop opaque references left after the keyword-led ones: any token of three
 * characters or more holding a digit (`FAST3280420323`, `2914101O4`, `06XXXXX685`, `114`),
 * except protected names (`BET365`) and instalment counts (`3X`, `4X`). One- and two-digit
 * numbers stay (`PAY IN 3`, `4 ROUES`); `labelRoot` drops them.
 */
// Protected names are excluded inside the pattern (a callback per match is much slower); they
// hold only letters, digits and `&`, none of which needs escaping.
const TOKENS_WITH_DIGITS = new RegExp(
  `(?<![A-Z0-9&])(?!(?:${[...PROTECTED_TOKENS].join('|')})(?![A-Z0-9&]))(?=[A-Z&]*\\d)[A-Z0-9&]{3,}(?![A-Z0-9&])`,
  'g',
)

export const removeReferences = (text: string): string => text.replace(TOKENS_WITH_DIGITS, ' ')
