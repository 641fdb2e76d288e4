import { currencyExponent, type Minor } from '../../engine/model/index.ts'

/** Largest amount accepted, in major units: beyond it a value is a parsing accident, not money. */
const MAX_MAJOR_DIGITS = 13

/**
 * A decimal amount written as text to integer minor units, without going through a float.
 * Accepts a sign (`-12.5`, `+12.5`, `12.5-`, `(12.5)`), spaces, apostrophes and the other
 * separator as thousands separators. `decimal` says which character separates the decimals;
 * when absent it is guessed: the last of `.` / `,` when both appear, otherwise a single separator
 * followed by 1–2 digits (or any count other than 3) is decimal.
 * Returns undefined when the text is not an amount or has more decimals than the currency.
 *
 * @example decimalToMinor('-1 234,56', 'EUR') // -123456
 */
export const decimalToMinor = (
  text: string,
  currency: string,
  decimal?: '.' | ',',
): Minor | undefined => {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '')
  if (s.length === 0 || s.length > 40) return undefined
  let negative = false
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true
    s = s.slice(1, -1)
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative
    s = s.slice(1)
  } else if (s.startsWith('+')) s = s.slice(1)
  else if (s.endsWith('-')) {
    negative = !negative
    s = s.slice(0, -1)
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return undefined
  const sep = decimal ?? guessDecimal(s)
  const thousands = sep === '.' ? ',' : '.'
  const lastSep = s.lastIndexOf(sep)
  let intPart = lastSep === -1 ? s : s.slice(0, lastSep)
  const fraction = lastSep === -1 ? '' : s.slice(lastSep + 1)
  if (fraction.includes(thousands) || intPart.includes(sep)) return undefined
  if (intPart.includes(thousands)) {
    // Thousands groups must be 3 digits: `1.234.567,89`, not `12.34,5`.
    if (!/^[0-9]{1,3}([.,][0-9]{3})+$/.test(intPart)) return undefined
    intPart = intPart.split(thousands).join('')
  }
  const exponent = currencyExponent(currency)
  const trimmedFraction = fraction.replace(/0+$/, '')
  if (trimmedFraction.length > exponent) return undefined
  const digits = intPart.replace(/^0+(?=\d)/, '')
  if (digits.length > MAX_MAJOR_DIGITS) return undefined
  const minor =
    Number(digits || '0') * 10 ** exponent +
    Number(fraction.padEnd(exponent, '0').slice(0, exponent) || '0')
  return negative && minor !== 0 ? -minor : minor
}

const guessDecimal = (s: string): '.' | ',' => {
  const lastDot = s.lastIndexOf('.')
  const lastComma = s.lastIndexOf(',')
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? '.' : ','
  const sep = lastDot !== -1 ? '.' : ','
  const at = Math.max(lastDot, lastComma)
  if (at === -1) return '.'
  const occurrences = s.split(sep).length - 1
  // `1,234` or `1.234.567` read as thousands; `12,5` and `12.50` as decimals.
  if (occurrences > 1 || s.length - at - 1 === 3) return sep === '.' ? ',' : '.'
  return sep
}

/** A JSON number in major units to minor units; undefined when it is not a finite amount. */
export const numberToMinor = (value: number, currency: string): Minor | undefined => {
  if (!Number.isFinite(value) || Math.abs(value) >= 10 ** MAX_MAJOR_DIGITS) return undefined
  const factor = 10 ** currencyExponent(currency)
  const scaled = value * factor
  return Math.sign(scaled) * Math.round(Math.abs(scaled)) || 0
}

/** ISO 4217 shape: three upper-case letters. */
export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value)
