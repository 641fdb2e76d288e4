import type { AdapterIssue } from '../result.ts'
import { describe } from '../validate.ts'
import type { LocalDate } from '../../engine/model/index.ts'

/**
 * Dates accepted from inputs: anything before 1970 or after 2099 is a typo or a parsing accident
 * (bank data older than the epoch does not exist in open banking; statements do not date the
 * future beyond a few days).
 */
const MIN_YEAR = 1970
const MAX_YEAR = 2099

/** True when y-m-d is a real calendar date within the accepted range. */
export const isValidDay = (year: number, month: number, day: number): boolean => {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= last
}

/** `YYYY-MM-DD` from numbers, or undefined when the date does not exist or is out of range. */
export const toLocalDate = (year: number, month: number, day: number): LocalDate | undefined =>
  isValidDay(year, month, day)
    ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : undefined

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * An ISO date or date-time as sent by an aggregator, normalised to a UTC ISO date-time
 * (`2026-05-25T12:00:00.000Z`). A date without a time is midnight UTC; a time without an offset
 * is read as UTC. Fractional seconds are kept as given, at least three digits
 * (`12:00:00.123456` stays `.123456`, `12:00:00.5` becomes `.500`), so that two operations of
 * the same second keep their order. Undefined when it is not a valid date in range.
 */
export const toIsoDateTime = (text: string): string | undefined => {
  const match = ISO.exec(text.trim())
  if (!match) return undefined
  const [, y, m, d, hh, mm, ss, fraction, zone] = match
  if (!isValidDay(Number(y), Number(m), Number(d))) return undefined
  if (hh === undefined) return `${y}-${m}-${d}T00:00:00.000Z`
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? '0') > 59) return undefined
  const offset =
    zone === undefined || zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const time = new Date(`${y}-${m}-${d}T${hh}:${mm}:${ss ?? '00'}${offset}`)
  if (Number.isNaN(time.getTime())) return undefined
  const iso = time.toISOString()
  if (!isValidDay(Number(iso.slice(0, 4)), 1, 1)) return undefined
  // The offset moves whole minutes: the fraction of a second is the one given.
  return fraction === undefined ? iso : `${iso.slice(0, 19)}.${fraction.padEnd(3, '0')}Z`
}

/**
 * Reads the date fields of one aggregator transaction: each present field normalised by
 * `toIsoDateTime`. When a present field is not a valid date, records a warning at its path and
 * returns undefined (the transaction is skipped rather than dated by a guess).
 */
export const readDateFields = <K extends string>(
  fields: Readonly<Record<K, string | null | undefined>>,
  path: string,
  issues: AdapterIssue[],
): Partial<Record<K, string>> | undefined => {
  const dates: Partial<Record<K, string>> = {}
  // Object.keys loses the key type; the keys are those of `fields`.
  for (const key of Object.keys(fields) as K[]) {
    const value = fields[key]
    if (value === null || value === undefined) continue
    const iso = toIsoDateTime(value)
    if (iso === undefined) {
      issues.push({
        path: `${path}.${key}`,
        message: `expected an ISO 8601 date-time between 1970 and 2099, got ${describe(value)}; transaction skipped`,
        severity: 'warning',
      })
      return undefined
    }
    dates[key] = iso
  }
  return dates
}
