/**
 * `labelRoot`: the normalised description without what still changes from one month to the
 * next for the same payee: standalone numbers, single letters and month names. Two payments
 * to the same payee in different months get the same root.
 */
const MONTHS = new Set([
  // fr
  'JANVIER',
  'FEVRIER',
  'MARS',
  'AVRIL',
  'MAI',
  'JUIN',
  'JUILLET',
  'AOUT',
  'SEPTEMBRE',
  'OCTOBRE',
  'NOVEMBRE',
  'DECEMBRE',
  // en
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
  // es
  'ENERO',
  'FEBRERO',
  'MARZO',
  'ABRIL',
  'MAYO',
  'JUNIO',
  'JULIO',
  'AGOSTO',
  'SEPTIEMBRE',
  'SETIEMBRE',
  'OCTUBRE',
  'NOVIEMBRE',
  'DICIEMBRE',
  // nl
  'JANUARI',
  'FEBRUARI',
  'MAART',
  'MEI',
  'JUNI',
  'JULI',
  'AUGUSTUS',
  'OKTOBER',
  // de
  'JANUAR',
  'FEBRUAR',
  'MARZ',
  'MAERZ',
  'DEZEMBER',
])

const isDigits = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

const isNoise = (word: string): boolean => word.length === 1 || isDigits(word) || MONTHS.has(word)

let shortestMonth = Infinity
let longestMonth = 0
for (const month of MONTHS) {
  shortestMonth = Math.min(shortestMonth, month.length)
  longestMonth = Math.max(longestMonth, month.length)
}

/**
 * `isNoise(text.slice(from, to))` without building the word unless it may be a month name.
 * An empty word counts as noise, as `isNoise('')` does (no character that is not a digit).
 */
const isNoiseAt = (text: string, from: number, to: number): boolean => {
  const length = to - from
  if (length <= 1) return true
  let digits = true
  for (let i = from; i < to && digits; i++) {
    const code = text.charCodeAt(i)
    digits = code >= 48 && code <= 57
  }
  if (digits) return true
  return length >= shortestMonth && length <= longestMonth && MONTHS.has(text.slice(from, to))
}

export const labelRootOf = (normalised: string): string => {
  // Most descriptions have nothing to drop once normalised: return the same string then,
  // found by scanning the words in place (no split).
  let start = 0
  let noisy = false
  for (let i = 0; i <= normalised.length && !noisy; i++) {
    if (i === normalised.length || normalised.charCodeAt(i) === 32) {
      noisy = isNoiseAt(normalised, start, i)
      start = i + 1
    }
  }
  if (!noisy) return normalised
  return normalised
    .split(' ')
    .filter((word) => word !== '' && !isNoise(word))
    .join(' ')
}
