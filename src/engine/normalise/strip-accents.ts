/**
 * Step 2: strip accents and fold ligatures (É → E, Ü → U, Œ → OE, Ñ → N), so `PRÉLÈVEMENT`,
 * `PRELEVEMENT` and `PRELÈVEMENT` are one word. `toUpperCase` has already turned ß into SS.
 * Most bank descriptions are printable ASCII (space to tilde): they skip the Unicode
 * decomposition entirely.
 */
const NON_ASCII = /[^ -~]/
const COMBINING_MARKS = /[\u0300-\u036F]/g
const LIGATURES = /[ŒÆ]/g
const LIGATURE_LETTERS: Readonly<Record<string, string>> = { Œ: 'OE', Æ: 'AE' }

export const stripAccents = (text: string): string =>
  NON_ASCII.test(text)
    ? text
        .normalize('NFD')
        .replace(COMBINING_MARKS, '')
        .replace(LIGATURES, (letter) => LIGATURE_LETTERS[letter] ?? letter)
    : text
