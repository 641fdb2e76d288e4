/**
 * Calendar helpers on `YYYY-MM-DD` strings. Pure arithmetic on the given values: no clock, and
 * no `Date` objects on the hot paths.
 */

/** A calendar date `YYYY-MM-DD` (UTC). */
export type LocalDate = string

/** A month `YYYY-MM`. */
export type Month = string

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (proleptic Gregorian, pure arithmetic). */
export const toDayNumber = (date: LocalDate): number => {
  // Digits read by char code (no substrings): the engine's hottest date helper.
  const y0 = digits(date, 0, 4)
  const m = digits(date, 5, 7)
  const d = digits(date, 8, 10)
  if (y0 < 0 || m < 0 || d < 0) {
    // Not plain digits: read as before (Number), whatever that gives.
    return daysFromCivil(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)),
      Number(date.slice(8, 10)),
    )
  }
  return daysFromCivil(y0, m, d)
}

/** The decimal number written in `text[from, to)`, or -1 when a character there is not a digit. */
const digits = (text: string, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48
    if (!(c >= 0 && c <= 9)) return -1 // NaN past the end fails too
    n = n * 10 + c
  }
  return n
}

/** Howard Hinnant's days_from_civil: no Date object. */
const daysFromCivil = (y0: number, m: number, d: number): number => {
  const y = m <= 2 ? y0 - 1 : y0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** Year, month (1–12) and day of month of a day number, without building a string. */
export const civilOf = (day: number): { year: number; month: number; dayOfMonth: number } => {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    dayOfMonth: doy - Math.floor((153 * mp + 2) / 5) + 1,
  }
}

/** `year * 12 + month - 1` of a day number: consecutive months differ by one. */
export const monthIndexOf = (day: number): number => {
  // civilOf's arithmetic, without building an object (hot in the detectors).
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1
}

/** Day number of the first day of a month given by its index (see `monthIndexOf`). */
export const firstDayOfMonthIndex = (monthIndex: number): number => {
  const year = Math.floor(monthIndex / 12)
  return daysFromCivil(year, monthIndex - year * 12 + 1, 1)
}

/** Day of the month (1–31) of a day number. */
export const dayOfMonthOf = (day: number): number => {
  // civilOf's arithmetic, without building an object (hot in the detectors).
  const z = day + 719468
  const doe = z - Math.floor(z / 146097) * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  return doy - Math.floor((153 * Math.floor((5 * doy + 2) / 153) + 2) / 5) + 1
}

/** `YYYY-MM-DD` for a number of days since 1970-01-01 (civil_from_days, pure arithmetic). */
export const fromDayNumber = (day: number): LocalDate => {
  const { year, month, dayOfMonth } = civilOf(day)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dayOfMonth)}`
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => toDayNumber(b) - toDayNumber(a)

export const addDays = (date: LocalDate, days: number): LocalDate =>
  fromDayNumber(toDayNumber(date) + days)

export const monthOf = (date: LocalDate): Month => date.slice(0, 7)

/** The calendar date (UTC) of an ISO date-time such as `2026-05-25T12:00:00.000Z`. */
export const localDateOf = (isoDateTime: string): LocalDate => isoDateTime.slice(0, 10)

/** Day of week, 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: LocalDate): number => (((toDayNumber(date) + 4) % 7) + 7) % 7

/** Number of days in the month of `date`. */
export const daysInMonth = (date: LocalDate): number => {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** ISO date-time at midnight UTC for a calendar date, the wire form of dates. */
export const toIsoDateTime = (date: LocalDate): string => `${date}T00:00:00.000Z`
