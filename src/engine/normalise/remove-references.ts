import { PROTECTED_TOKENS } from './protected-tokens.ts'

/**
 * Step 10: drop opaque references left after the keyword-led ones: any token of three
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

// Words are separated by spaces at this step (tidy-punctuation ran before). One pass over the
// characters, no array of words: the output string is only built from the first reference on,
// and it equals `text.split(' ').filter((word) => !isReference(word)).join(' ')` where a
// reference has three characters or more, one of them a digit, and is not a protected name.
export const removeReferences = (text: string): string => {
  if (!hasDigit(text)) return text
  let out: string | null = null
  let kept = 0
  let index = 0
  let start = 0
  let digit = false
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    if (code !== 32) {
      if (code >= 48 && code <= 57) digit = true
      continue
    }
    const reference = digit && i - start >= 3 && !PROTECTED_TOKENS.has(text.slice(start, i))
    if (reference) {
      if (out === null) {
        out = index === 0 ? '' : text.slice(0, start - 1)
        kept = index
      }
    } else if (out !== null) {
      out = kept > 0 ? `${out} ${text.slice(start, i)}` : text.slice(start, i)
      kept++
    }
    index++
    start = i + 1
    digit = false
  }
  return out ?? text
}
