import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toMajor, toMinor } from './money.ts'
import { addDays, dayOfWeek, daysBetween, daysInMonth } from './dates.ts'

test('converts decimals to minor units without float noise', () => {
  assert.equal(toMinor(0.29, 'EUR'), 29)
  assert.equal(toMinor(-101.67, 'EUR'), -10167)
  assert.equal(toMinor(2581.45, 'GBP'), 258145)
  assert.equal(toMinor(1000, 'JPY'), 1000)
  assert.equal(toMinor(1.2345, 'KWD'), 1235)
})

test('converts minor units back to major units', () => {
  assert.equal(toMajor(-10167, 'EUR'), -101.67)
  assert.equal(toMajor(258145, 'EUR'), 2581.45)
  assert.equal(toMajor(5, 'EUR'), 0.05)
})

test('does calendar arithmetic on YYYY-MM-DD strings', () => {
  assert.equal(daysBetween('2026-02-27', '2026-03-01'), 2)
  assert.equal(addDays('2024-12-31', 1), '2025-01-01')
  assert.equal(dayOfWeek('2026-11-21'), 6) // a Saturday
  assert.equal(daysInMonth('2024-02-10'), 29)
})
