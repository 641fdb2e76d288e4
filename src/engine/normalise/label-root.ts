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

/** Whether any word would be dropped, found without splitting the text (the common case is no). */
const hasNoise = (text: string): boolean => {
  let start = 0
  let digitsOnly = true
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : SPACE
    if (code === SPACE) {
      const length = i - start
      if (length === 1 || (length > 0 && digitsOnly)) return true
      start = i + 1
      digitsOnly = true
    } else if (code < 48 || code > 57) {
      digitsOnly = false
    }
  }
  return MONTH_WORD.test(text)
}

export const labelRootOf = (normalised: string): string =>
  withoutTrailingPlace(
    hasNoise(normalised)
      ? normalised
          .split(' ')
          .filter((word) => word !== '' && !isNoise(word))
          .join(' ')
      : normalised,
  )
