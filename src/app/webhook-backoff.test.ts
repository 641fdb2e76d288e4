import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  DEFAULT_RETRY_SCHEDULE,
  baseDelayAfter,
  retryDelayAfter,
  type RetrySchedule,
} from './webhook-backoff.ts'

const HOUR = 3_600_000
const totalBase = (schedule: RetrySchedule): number => {
  let total = 0
  for (let attempt = 1; ; attempt++) {
    const delay = baseDelayAfter(attempt, schedule)
    if (delay === null) return total
    total += delay
  }
}

test('the default schedule makes 8 attempts over about a day', () => {
  const gaps: number[] = []
  for (let attempt = 1; attempt <= 10; attempt++) {
    const delay = baseDelayAfter(attempt, DEFAULT_RETRY_SCHEDULE)
    if (delay !== null) gaps.push(delay)
  }
  assert.equal(gaps.length + 1, 8)
  const total = totalBase(DEFAULT_RETRY_SCHEDULE)
  assert.ok(total > 20 * HOUR && total < 30 * HOUR, `total ${total / HOUR} h`)
  // with the jitter at its extremes the whole run still stays within a day ± 25%
  const min = gaps.reduce(
    (sum, _, i) => sum + (retryDelayAfter(i + 1, DEFAULT_RETRY_SCHEDULE, () => 0) ?? 0),
    0,
  )
  const max = gaps.reduce(
    (sum, _, i) => sum + (retryDelayAfter(i + 1, DEFAULT_RETRY_SCHEDULE, () => 0.999999) ?? 0),
    0,
  )
  assert.ok(min > 18 * HOUR && max < 32 * HOUR, `${min / HOUR} h – ${max / HOUR} h`)
})

test('delays grow by the factor, stop at the cap and end after the last attempt', () => {
  const schedule: RetrySchedule = {
    maxAttempts: 5,
    initialDelayMs: 100,
    factor: 2,
    maxDelayMs: 300,
    jitter: 0,
  }
  const delays = [1, 2, 3, 4, 5].map((a) => retryDelayAfter(a, schedule, Math.random))
  assert.deepEqual(delays, [100, 200, 300, 300, null])
})

test('jitter spreads a delay within ± the configured share', () => {
  const schedule = { ...DEFAULT_RETRY_SCHEDULE, jitter: 0.5 }
  assert.equal(
    retryDelayAfter(1, schedule, () => 0),
    15_000,
  )
  assert.equal(
    retryDelayAfter(1, schedule, () => 0.5),
    30_000,
  )
  assert.ok((retryDelayAfter(1, schedule, () => 0.999999) ?? 0) <= 45_000)
})
