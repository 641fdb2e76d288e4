import { withoutTrailingPlace } from './places.ts'

/**
 * `labelRoot`: the normalised description without what still changes from one month to the
 * next for the same payee: standalone numbers, single letters and month names, and from one
 * shop of a chain to the next: the city and country code printed at the end of a card payment
 * (places.ts). Two payments to the same payee in different months or towns get the same root.
 */
/** Month names in the six languages, upper-case without accents. */
export const MONTHS: ReadonlySet<string> = new Set([
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

const SPACE = 32
const MONTH_WORD = new RegExp(`(?:^| )(?:${[...MONTHS].join('|')})(?= |$)`)

/**
 * Whether any word would be dropped, found without splitting the text (the common case is no):
 * -1 when none would, else where the last word starts (for the trailing-place check, which then
 * needs no second scan).
 */
const lastWordIfNoNoise = (text: string): number => {
  let start = 0
  let digitsOnly = true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === SPACE) {
      const length = i - start
      if (length === 1 || (length > 0 && digitsOnly)) return -1
      start = i + 1
      digitsOnly = true
    } else if (code < 48 || code > 57) {
      digitsOnly = false
    }
  }
  const length = text.length - start
  if (length === 1 || (length > 0 && digitsOnly)) return -1
  return MONTH_WORD.test(text) ? -1 : start
}

export const labelRootOf = (normalised: string): string => {
  const lastStart = lastWordIfNoNoise(normalised)
  if (lastStart >= 0) return withoutTrailingPlace(normalised, lastStart)
  return withoutTrailingPlace(
    normalised
      .split(' ')
      .filter((word) => word !== '' && !isNoise(word))
      .join(' '),
  )
}
