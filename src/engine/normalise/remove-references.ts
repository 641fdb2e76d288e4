import { PROTECTED_TOKENS } from './protected-tokens.ts'

/**
 * Step 8: drop opaque references left after the keyword-led ones: any token of three
 * characters or more holding a digit (`FAST3280420323`, `2914101O4`, `06XXXXX685`, `114`),
 * except protected names (`BET365`) and instalment counts (`3X`, `4X`). One- and two-digit
 * numbers stay (`PAY IN 3`, `4 ROUES`); `labelRoot` drops them.
 */
const hasDigit = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

/** A reference: three characters or more, one of them a digit, and not a protected name. */
const isReference = (word: string): boolean =>
  word.length >= 3 && hasDigit(word) && !PROTECTED_TOKENS.has(word)

// Words are separated by spaces at this step (tidy-punctuation ran before): a word-by-word
// check is cheaper than a regular expression, and most words hold no digit.
export const removeReferences = (text: string): string => {
  if (!hasDigit(text)) return text
  const words = text.split(' ')
  return words.some(isReference) ? words.filter((word) => !isReference(word)).join(' ') : text
}
