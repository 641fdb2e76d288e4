import { PROTECTED_TOKENS } from './protected-tokens.ts'

/**
 * Step 9: drop opaque references left after the keyword-led ones: any token of three
 * characters or more holding a digit (`FAST3280420323`, `2914101O4`, `06XXXXX685`, `114`),
 * except protected names (`BET365`) and instalment counts (`3X`, `4X`). One- and two-digit
 * numbers stay (`PAY IN 3`, `4 ROUES`); `labelRoot` drops them.
 *
 * A name glued to a store or terminal number (`LIDL1234`, `ALDI45`, `TESCO0231`) keeps its
 * name (`LIDL`): a word of at least three letters followed by one to five digits and nothing
 * else. Two letters and digits are codes (`NL91`, `CB1234`); six digits or more make a bank
 * reference (`FAST3280420323`, `SDR102112127`); letters, digits and letters again
 * (`AB12CD34`, `ABNANL2A`) are references too: all of these go whole.
 */
const MIN_LETTERS = 3
// Why five: store and terminal numbers have two to five digits; invoice and customer numbers
// (`FAC123456`) are longer and go whole, prefix included.
const MAX_DIGITS = 5

const isDigit = (code: number): boolean => code >= 48 && code <= 57
const isLetter = (code: number): boolean => code >= 65 && code <= 90

const hasDigit = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return true
  return false
}

/** Where the name glued to a number in `text[start, end)` ends, or -1 when it is no such word. */
const gluedNameEnd = (text: string, start: number, end: number): number => {
  let i = start
  while (i < end && isLetter(text.charCodeAt(i))) i++
  const nameEnd = i
  if (nameEnd - start < MIN_LETTERS || end - nameEnd > MAX_DIGITS) return -1
  while (i < end && isDigit(text.charCodeAt(i))) i++
  return i === end ? nameEnd : -1
}

// Words are separated by spaces at this step (tidy-punctuation ran before). One pass over the
// characters, no array of words: the output string is only built from the first reference on,
// and it equals `text.split(' ').flatMap((word) => keptPart(word)).join(' ')` where a reference
// has three characters or more, one of them a digit, and is not a protected name; its kept
// part is the glued name if any, else nothing.
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
      if (isDigit(code)) digit = true
      continue
    }
    const reference = digit && i - start >= 3 && !PROTECTED_TOKENS.has(text.slice(start, i))
    if (reference) {
      if (out === null) {
        out = index === 0 ? '' : text.slice(0, start - 1)
        kept = index
      }
      const nameEnd = gluedNameEnd(text, start, i)
      if (nameEnd >= 0) {
        out = kept > 0 ? `${out} ${text.slice(start, nameEnd)}` : text.slice(start, nameEnd)
        kept++
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
