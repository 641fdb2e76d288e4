import { test } from 'node:test'
import assert from 'node:assert/strict'
import { regularityOf } from './regularity.ts'
import { buildPeriod } from '../insights/ledger.ts'
import { addDays, toDayNumber } from '../model/index.ts'

const period = buildPeriod('2025-01-01', '2025-12-31')
const days = (...dates: string[]): number[] => dates.map(toDayNumber)

test('treats a rent paid between the 1st and the 5th as monthly', () => {
  const r = regularityOf(
    days(
      '2025-01-02',
      '2025-02-05',
      '2025-03-03',
      '2025-04-01',
      '2025-05-05',
      '2025-06-02',
      '2025-07-01',
      '2025-08-04',
      '2025-09-01',
      '2025-10-03',
      '2025-11-03',
      '2025-12-01',
    ),
    period,
  )
  assert.equal(r.periodicity, 'MONTHLY')
  assert.equal(r.accuracy, 100)
  assert.equal(r.repartition, 'HAS_NOT_CHANGED_DURING_ANALYSIS')
  assert.deepEqual(r.dueDays, [1, 2, 3, 4, 5])
})

test('recognises weekly, quarterly and yearly cadences', () => {
  const weekly = Array.from({ length: 50 }, (_, i) => toDayNumber(addDays('2025-01-06', i * 7)))
  assert.equal(regularityOf(weekly, period).periodicity, 'WEEKLY')
  assert.deepEqual(regularityOf(weekly, period).dueDays, [1]) // Mondays
  const quarterly = days('2025-01-15', '2025-04-15', '2025-07-15', '2025-10-15')
  assert.equal(regularityOf(quarterly, period).periodicity, 'QUARTERLY')
  const twoYears = buildPeriod('2024-01-01', '2025-12-31')
  assert.equal(regularityOf(days('2024-03-10', '2025-03-12'), twoYears).periodicity, 'YEARLY')
})

test('keeps a monthly loan monthly when a debit is re-presented the next day', () => {
  const r = regularityOf(days('2025-10-07', '2025-11-05', '2025-11-06', '2025-12-05'), period)
  assert.equal(r.periodicity, 'MONTHLY')
})

test('keeps a monthly debit monthly when a rejected one is paid late', () => {
  const r = regularityOf(days('2025-09-29', '2025-10-29', '2025-11-23', '2025-11-30'), period)
  assert.equal(r.periodicity, 'MONTHLY')
  assert.ok(r.accuracy < 100)
})

test('says when a stream starts or stops inside the period', () => {
  const late = regularityOf(
    days(
      '2025-06-10',
      '2025-07-10',
      '2025-08-10',
      '2025-09-10',
      '2025-10-10',
      '2025-11-10',
      '2025-12-10',
    ),
    period,
  )
  assert.equal(late.repartition, 'HAS_BEGUN_AFTER_START_OF_ANALYSIS')
  const stopped = regularityOf(days('2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10'), period)
  assert.equal(stopped.repartition, 'HAS_STOPPED_BEFORE_END_OF_ANALYSIS')
  const both = regularityOf(days('2025-05-10', '2025-06-10', '2025-07-10'), period)
  assert.equal(both.repartition, 'HAS_BEGUN_AND_STOPPED_DURING_ANALYSIS')
})

test('calls irregular spending OTHER with no due days', () => {
  const r = regularityOf(
    days('2025-01-03', '2025-01-04', '2025-02-20', '2025-06-01', '2025-06-09'),
    period,
  )
  assert.equal(r.periodicity, 'OTHER')
  assert.deepEqual(r.dueDays, [])
  assert.equal(r.accuracy, 0)
})
