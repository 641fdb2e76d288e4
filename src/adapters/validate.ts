/**
 * Tiny helpers for hand-written JSON validation with paths. Adapters read untrusted JSON; these
 * helpers turn each problem into an AdapterIssue instead of an exception.
 */
import type { AdapterIssue } from './result.ts'

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
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
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

/** Whether a string is an ISO 8601 date or date-time with a real calendar date. */
export const isIsoDateTime = (value: string): boolean => {
  const match = ISO_DATE.exec(value)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return (
    day <= lastDay && !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value))
  )
}

/** The UTC calendar date of an ISO date or date-time. */
export const utcDateOf = (value: string): string => {
  if (value.length === 10) return value
  // A date-time without an offset is read as UTC, never as the machine's local time.
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)
  return new Date(Date.parse(hasOffset ? value : `${value.replace(' ', 'T')}Z`))
    .toISOString()
    .slice(0, 10)
}
