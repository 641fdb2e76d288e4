import { test } from 'node:test'
import assert from 'node:assert/strict'
import { civilOf, dayOfWeek, daysInMonth, fromDayNumber, toDayNumber } from './dates.ts'

// The calendar helpers are pure arithmetic; `Date` is only the oracle here.
const oracle = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10)

test('agrees with the Gregorian calendar of Date from 1900 to 2100', () => {
  for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2100-12-31'); day++) {
    const date = oracle(day)
    assert.equal(fromDayNumber(day), date)
    assert.equal(toDayNumber(date), day)
    const { year, month, dayOfMonth } = civilOf(day)
    assert.equal(
      `${year}-${month}-${dayOfMonth}`,
      `${+date.slice(0, 4)}-${+date.slice(5, 7)}-${+date.slice(8, 10)}`,
    )
  }
})

test('knows leap years, month lengths and weekdays', () => {
  assert.equal(daysInMonth('2000-02-01'), 29)
  assert.equal(daysInMonth('1900-02-01'), 28)
  assert.equal(daysInMonth('2026-04-30'), 30)
  assert.equal(daysInMonth('2026-12-01'), 31)
  assert.equal(dayOfWeek('1970-01-01'), 4)
  assert.equal(fromDayNumber(-1), '1969-12-31')
})
