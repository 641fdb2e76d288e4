import { PROTECTED_TOKENS } from './protected-tokens.ts'

/**
 * Step 9: a name glued to a store or terminal number (`LIDL1234`, `ALDI45`, `FACTURE2026`)
 * becomes the name and the number (`LIDL 1234`), so the reference step drops the number
 * instead of the whole word and the dictionaries see the name.
 *
 * Split only a word of at least three letters followed by one to six digits and nothing else:
 * - two letters and digits are references or codes (`NL91`, `CB1234`, `M6`, `O2`);
 * - seven digits or more make a bank reference (`FAST3280420323`, `SDR102112127`), dropped
 *   whole by the next step as before;
 * - letters, digits and letters again (`AB12CD34`, `ABNANL2A`) are references too;
 * - protected names (`BET365`, `HUK24`, `CHECK24`) stay whole.
 */
const MIN_LETTERS = 3
const MAX_DIGITS = 6

const isLetter = (code: number): boolean => code >= 65 && code <= 90
const isDigit = (code: number): boolean => code >= 48 && code <= 57

/** Where the digits start when `text[start, end)` is a name glued to a number, else -1. */
const gluedNumberAt = (text: string, start: number, end: number): number => {
  let i = start
  while (i < end && isLetter(text.charCodeAt(i))) i++
  const digitsAt = i
  if (digitsAt - start < MIN_LETTERS || end - digitsAt < 1 || end - digitsAt > MAX_DIGITS) return -1
  while (i < end && isDigit(text.charCodeAt(i))) i++
  return i === end && !PROTECTED_TOKENS.has(text.slice(start, end)) ? digitsAt : -1
}

// Words are separated by spaces at this step (tidy-punctuation ran before). One pass over the
// characters; the output is built only from the first glued word on (most texts have none).
export const splitStoreNumbers = (text: string): string => {
  let out: string | null = null
  let copied = 0
  let start = 0
  let digit = false
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    if (code !== 32) {
      if (isDigit(code)) digit = true
      continue
    }
    if (digit) {
      const at = gluedNumberAt(text, start, i)
      if (at >= 0) {
        out = `${out ?? ''}${text.slice(copied, at)} `
        copied = at
      }
    }
    start = i + 1
    digit = false
  }
  return out === null ? text : out + text.slice(copied)
}
