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

const isNoise = (word: string): boolean =>
  word.length === 1 || MONTHS.has(word) || (word.charCodeAt(0) <= 57 && /^\d+$/.test(word))

export const labelRootOf = (normalised: string): string => {
  const words = normalised.split(' ')
  let root = ''
  for (const word of words) {
    if (word === '' || isNoise(word)) continue
    root = root === '' ? word : `${root} ${word}`
  }
  return root
}
