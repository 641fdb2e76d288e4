import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isIsoDateTime, utcDateOf } from './validate.ts'

// The general reading, as it was before the character-code fast path: the fast path must give
// the same verdict and the same date for every string, whatever its shape.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

const referenceIsIsoDateTime = (value: string): boolean => {
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

const referenceUtcDateOf = (value: string): string | Error => {
  if (value.length === 10) return value
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)
  try {
    return new Date(Date.parse(hasOffset ? value : `${value.replace(' ', 'T')}Z`))
      .toISOString()
      .slice(0, 10)
  } catch (error) {
    return error as Error // toISOString throws RangeError on an invalid date
  }
}

const utcDateOrError = (value: string): string | Error => {
  try {
    return utcDateOf(value)
  } catch (error) {
    return error as Error // same as above
  }
}

/** Dates around every calendar edge, times around every clock edge, and every suffix shape. */
const candidates = (): string[] => {
  const years = ['0000', '0050', '1899', '1900', '2000', '2023', '2024', '2100', '2999', '3000']
  const months = ['00', '01', '02', '04', '12', '13', '1a']
  const days = ['00', '01', '28', '29', '30', '31', '32']
  const times = ['00:00:00', '12:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '99:99:99']
  const suffixes = ['', 'Z', 'z', '.000', '.000Z', '.123456Z', '.12Z', '+02:00', '-0530', '.1x']
  const values: string[] = []
  for (const year of years) {
    for (const month of months) {
      for (const day of days) {
        const date = `${year}-${month}-${day}`
        values.push(date, `${date}Z`, `${date}T12:00`, `${date} 12:00:00`, `${date}T12:00:00+02:00`)
        for (const time of times) {
          for (const suffix of suffixes) values.push(`${date}T${time}${suffix}`)
        }
      }
    }
  }
  return values
}

test('reads every date-time shape as the general reading does', () => {
  for (const value of candidates()) {
    assert.equal(isIsoDateTime(value), referenceIsIsoDateTime(value), value)
  }
})

test('gives the UTC date of every date-time as the general reading does', () => {
  for (const value of candidates()) {
    const expected = referenceUtcDateOf(value)
    const actual = utcDateOrError(value)
    if (expected instanceof Error) assert.ok(actual instanceof Error, value)
    else assert.equal(actual, expected, value)
  }
})

test('accepts real dates and date-times, refuses the others', () => {
  assert.equal(isIsoDateTime('2024-02-29T12:00:00.000Z'), true)
  assert.equal(isIsoDateTime('2023-02-29T12:00:00.000Z'), false)
  assert.equal(isIsoDateTime('2024-04-31'), false)
  assert.equal(isIsoDateTime('2024-04-30T25:00:00Z'), false)
  assert.equal(isIsoDateTime('1899-12-31T12:00:00Z'), false)
  assert.equal(isIsoDateTime('2024-04-30T10:00:00+02:00'), true)
})

test('reads the UTC date of a date-time', () => {
  assert.equal(utcDateOf('2024-02-29T23:30:00.000Z'), '2024-02-29')
  assert.equal(utcDateOf('2024-02-29T23:30:00'), '2024-02-29')
  assert.equal(utcDateOf('2024-03-01T00:30:00+02:00'), '2024-02-29')
  assert.equal(utcDateOf('2024-02-29T24:00:00Z'), '2024-03-01')
})
