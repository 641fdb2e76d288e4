/**
 * Money inside the engine is an integer number of minor units (cents) plus the account's
 * currency. Adapters convert decimals to minor units; the engine converts back to major units
 * only when it shapes its wire output.
 */

/** Integer minor units, signed: negative = money out. */
export type Minor = number

/** Digits after the decimal point (ISO 4217). Default 2; only the exceptions are listed. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
}

/** Number of minor-unit digits of a currency (2 when unknown). */
export const currencyExponent = (currency: string): number => EXPONENTS[currency] ?? 2

/** Major units (e.g. euros, as a JSON number) to integer minor units, rounding half away from zero. */
export const toMinor = (major: number, currency: string): Minor => {
  const factor = 10 ** currencyExponent(currency)
  const scaled = major * factor
  // Float noise: 0.29 * 100 = 28.999999999999996, so round the scaled value, not truncate.
  return Math.sign(scaled) * Math.round(Math.abs(scaled))
}

/** Integer minor units back to major units (a JSON number such as 2581.45). */
export const toMajor = (minor: Minor, currency: string): number => {
  const digits = currencyExponent(currency)
  // IEEE division is correctly rounded, so 258145 / 100 is the same double as the literal
  // 2581.45: no toFixed round trip needed (it was the engine's hottest line).
  return digits === 0 ? minor : minor / 10 ** digits
}
