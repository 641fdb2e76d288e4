/**
 * Tiny helpers for hand-written JSON validation with paths. Adapters read untrusted JSON; these
 * helpers turn each problem into an AdapterIssue instead of an exception.
 */
import type { AdapterIssue } from './result.ts'
import { excerpt } from './common/excerpt.ts'

export type Json = unknown
export type JsonObject = Record<string, unknown>

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A short, safe rendering of a bad value for a message (`"12,5"`, `null`, `an object`). */
export const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${excerpt(value, 40)}…` : value)
  return String(value)
}

/** Collects issues while reading one input. */
export class IssueList {
  readonly issues: AdapterIssue[] = []

  error(path: string, message: string, detail?: string): void {
    this.issues.push(
      detail === undefined
        ? { path, message, severity: 'error' }
        : { path, message, detail, severity: 'error' },
    )
  }

  warn(path: string, message: string, detail?: string): void {
    this.issues.push(
      detail === undefined
        ? { path, message, severity: 'warning' }
        : { path, message, detail, severity: 'warning' },
    )
  }

  get hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error')
  }

  /** An optional string field; numbers are accepted and turned into strings (ids often are). */
  optionalString(object: JsonObject, key: string, path: string): string | undefined {
    const value = object[key]
    if (value === undefined || value === null) return undefined
    if (typeof value === 'string') return value
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    this.error(`${path}.${key}`, `expected a string, got ${describe(value)}`)
    return undefined
  }

  /** An optional finite number. Strings are refused: JSON numbers are the contract. */
  optionalNumber(object: JsonObject, key: string, path: string): number | undefined {
    const value = object[key]
    if (value === undefined || value === null) return undefined
    if (typeof value === 'number' && Number.isFinite(value)) return value
    this.error(`${path}.${key}`, `expected a number, got ${describe(value)}`)
    return undefined
  }

  optionalBoolean(object: JsonObject, key: string, path: string): boolean | undefined {
    const value = object[key]
    if (value === undefined || value === null) return undefined
    if (typeof value === 'boolean') return value
    this.error(`${path}.${key}`, `expected true or false, got ${describe(value)}`)
    return undefined
  }

  /** An optional ISO 8601 date or date-time; returned as given when it parses. */
  optionalDateTime(object: JsonObject, key: string, path: string): string | undefined {
    const value = this.optionalString(object, key, path)
    if (value === undefined) return undefined
    if (!isIsoDateTime(value)) {
      this.error(`${path}.${key}`, `expected an ISO 8601 date-time, got ${describe(value)}`)
      return undefined
    }
    return value
  }

  /** An optional member of an enumeration; unknown values fall back with a warning. */
  optionalEnum<T extends string>(
    object: JsonObject,
    key: string,
    path: string,
    values: readonly T[],
    fallback: T,
  ): T {
    const value = object[key]
    if (value === undefined || value === null) return fallback
    if (typeof value === 'string') {
      const upper = value.toUpperCase()
      const found = values.find((candidate) => candidate === upper)
      if (found !== undefined) return found
      this.warn(`${path}.${key}`, `unknown value ${describe(value)}, read as ${fallback}`)
      return fallback
    }
    this.error(`${path}.${key}`, `expected one of ${values.join(', ')}, got ${describe(value)}`)
    return fallback
  }
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** The last day of a month of the proleptic Gregorian calendar (what `Date` uses). */
const lastDayOf = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    ? 29
    : (DAYS_IN_MONTH[month - 1] ?? 0)

/** The number written by `length` ASCII digits at `start`, or -1 when one is not a digit. */
const digitsAt = (value: string, start: number, length: number): number => {
  let number = 0
  for (let index = start; index < start + length; index++) {
    const digit = value.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return -1
    number = number * 10 + digit
  }
  return number
}

interface CommonDateTime {
  year: number
  month: number
  day: number
  /** Whether the time of day is a real one (at most 23:59:59); 00:00:00 for a date alone. */
  hasRealTime: boolean
}

/**
 * Reads the shapes aggregators send, `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.sss][Z]`, with
 * character codes: a 1,000-transaction upload has 2,000 such date-times, and the regex plus
 * `Date.parse` plus `toISOString` cost a few milliseconds per upload. Any other shape (offsets,
 * a space, no seconds, other fractions) is undefined and read by the general path.
 */
const readCommonDateTime = (value: string): CommonDateTime | undefined => {
  const length = value.length
  if (length !== 10 && length !== 19 && length !== 20 && length !== 23 && length !== 24) {
    return undefined
  }
  if (value[4] !== '-' || value[7] !== '-') return undefined
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 2)
  const day = digitsAt(value, 8, 2)
  if (year < 0 || month < 0 || day < 0) return undefined
  if (length === 10) return { year, month, day, hasRealTime: true }
  if (value[10] !== 'T' || value[13] !== ':' || value[16] !== ':') return undefined
  if (length === 20 && value[19] !== 'Z') return undefined
  if (length >= 23 && (value[19] !== '.' || digitsAt(value, 20, 3) < 0)) return undefined
  if (length === 24 && value[23] !== 'Z') return undefined
  const hour = digitsAt(value, 11, 2)
  const minute = digitsAt(value, 14, 2)
  const second = digitsAt(value, 17, 2)
  if (hour < 0 || minute < 0 || second < 0) return undefined
  return { year, month, day, hasRealTime: hour <= 23 && minute <= 59 && second <= 59 }
}

/** Whether a string is an ISO 8601 date or date-time with a real calendar date. */
export const isIsoDateTime = (value: string): boolean => {
  const common = readCommonDateTime(value)
  // A real time of day in this shape always parses (ECMAScript date-time format); an unreal
  // one (24:00:00, 23:60) is left to Date.parse below, whose verdict is the rule.
  if (common?.hasRealTime === true) return isCalendarDate(common.year, common.month, common.day)
  const match = ISO_DATE.exec(value)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (!isCalendarDate(year, month, day)) return false
  return !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value))
}

/** A real date between 1900 and 2999 (a year outside is a typing error, not a transaction). */
const isCalendarDate = (year: number, month: number, day: number): boolean =>
  year >= 1900 &&
  year <= 2999 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= lastDayOf(year, month)

/** The UTC calendar date of an ISO date or date-time. */
export const utcDateOf = (value: string): string => {
  if (value.length === 10) return value
  // UTC (Z) or no offset (read as UTC) with a real date and time: the date as written.
  const common = readCommonDateTime(value)
  if (
    common?.hasRealTime === true &&
    common.month >= 1 &&
    common.month <= 12 &&
    common.day >= 1 &&
    common.day <= lastDayOf(common.year, common.month)
  ) {
    return value.slice(0, 10)
  }
  // A date-time without an offset is read as UTC, never as the machine's local time.
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)
  return new Date(Date.parse(hasOffset ? value : `${value.replace(' ', 'T')}Z`))
    .toISOString()
    .slice(0, 10)
}
