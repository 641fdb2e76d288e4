import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  civilOf,
  dayOfMonthOf,
  dayOfWeek,
  firstDayOfMonthIndex,
  daysInMonth,
  fromDayNumber,
  monthIndexOf,
  toDayNumber,
} from './dates.ts'

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
    assert.equal(monthIndexOf(day), +date.slice(0, 4) * 12 + +date.slice(5, 7) - 1)
    assert.equal(dayOfMonthOf(day), +date.slice(8, 10))
    assert.equal(firstDayOfMonthIndex(monthIndexOf(day)), day - dayOfMonthOf(day) + 1)
  }
})

test('reads dates that are not plain digits as Number() does', () => {
  // The fast path reads digits by char code; anything else falls back to Number() of the parts.
  const viaNumber = (date: string): number =>
    toDayNumber(
      `${Number(date.slice(0, 4))}-${String(Number(date.slice(5, 7))).padStart(2, '0')}-${String(Number(date.slice(8, 10))).padStart(2, '0')}`,
    )
  assert.equal(toDayNumber('2025-01-05T23:59:59Z'), toDayNumber('2025-01-05'))
  assert.equal(toDayNumber('2025-01'), viaNumber('2025-01')) // day 0: 31 December
  assert.equal(toDayNumber('2025-01'), toDayNumber('2024-12-31'))
  assert.ok(Number.isNaN(toDayNumber('2025-xx-05')))
})

test('knows leap years, month lengths and weekdays', () => {
  assert.equal(daysInMonth('2000-02-01'), 29)
  assert.equal(daysInMonth('1900-02-01'), 28)
  assert.equal(daysInMonth('2026-04-30'), 30)
  assert.equal(daysInMonth('2026-12-01'), 31)
  assert.equal(dayOfWeek('1970-01-01'), 4)
  assert.equal(fromDayNumber(-1), '1969-12-31')
})
