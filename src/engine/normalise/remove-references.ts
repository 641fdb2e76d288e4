import { PROTECTED_TOKENS } from './protected-tokens.ts'

/**
 * Step 8: drop opaque references left after the keyword-led ones: any token of three
 * characters or more holding a digit (`FAST3280420323`, `2914101O4`, `06XXXXX685`, `114`),
 * except protected names (`BET365`) and instalment counts (`3X`, `4X`). One- and two-digit
 * numbers stay (`PAY IN 3`, `4 ROUES`); `labelRoot` drops them.
 */
const TOKENS_WITH_DIGITS = /(?<![A-Z0-9&])(?=[A-Z&]*\d)[A-Z0-9&]{3,}(?![A-Z0-9&])/g

const keepProtected = (token: string): string => (PROTECTED_TOKENS.has(token) ? token : ' ')

export const removeReferences = (text: string): string =>
  text.replace(TOKENS_WITH_DIGITS, keepProtected)
