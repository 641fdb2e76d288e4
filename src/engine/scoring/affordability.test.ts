import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { AffordabilityInput } from './affordability.ts'
import { computeAffordability, monthlyInstalment, replayBalances } from './affordability.ts'
import { addDays, toDayNumber } from '../model/index.ts'

/** A series of `days` end-of-day balances from `startDate`, `balance(date)` each day. */
const series = (startDate: string, endDate: string, balance: (date: string) => number) => {
  const days = toDayNumber(endDate) - toDayNumber(startDate) + 1
  return {
    startDate,
    balances: Array.from({ length: days }, (_, i) => balance(addDays(startDate, i))),
  }
}

test('computes the instalment as an annuity rounded up to the cent', () => {
  assert.equal(monthlyInstalment(300000, 12), 25000)
  assert.equal(monthlyInstalment(100000, 3), 33334) // 3 × 333.34 repays 1,000.00
  // 1,000.00 at 12 % a year over 12 months: 88.8488 → 88.85
  assert.equal(monthlyInstalment(100000, 12, 12), 8885)
  assert.equal(monthlyInstalment(0, 12), 0)
})

test('replays six months of a flat 1,000 balance with 250 debited on the 5th', () => {
  // 2024-01-01 … 2024-06-30: 182 days (a leap year); six debits, on the 5th of each month.
  const flat = series('2024-01-01', '2024-06-30', () => 100000)
  const replay = replayBalances(flat, 25000, 5, '2024-06-30')
  assert.deepEqual(replay, {
    from: '2024-01-01',
    to: '2024-06-30',
    days: 182,
    debitDay: 5,
    debits: 6,
    lowestBalanceBefore: 100000,
    daysBelowZeroBefore: 0,
    // the fifth debit (May 5th) takes it to -250: May 5–31 and June
    daysBelowZero: 27 + 30,
    // every day from January 5th is below the 1,000 seen
    daysBelowLowest: 182 - 4,
    shortfallDays: 57,
    deepestBalance: -50000,
  })
})

test('counts shortfall days against the overdraft the customer already used', () => {
  // 200 every day, except one day at -300 on 2024-04-20; 100 debited on the 10th.
  const history = series('2024-03-01', '2024-05-31', (d) => (d === '2024-04-20' ? -30000 : 20000))
  const replay = replayBalances(history, 10000, 10, '2024-05-31')
  assert.ok(replay)
  assert.equal(replay.days, 92)
  assert.equal(replay.debits, 3)
  assert.equal(replay.daysBelowZeroBefore, 1)
  // Apr 20th (-500) and May 10th–31st (-100)
  assert.equal(replay.daysBelowZero, 1 + 22)
  assert.equal(replay.lowestBalanceBefore, -30000)
  // only April 20th goes below the -300 already seen
  assert.equal(replay.daysBelowLowest, 1)
  assert.equal(replay.shortfallDays, 1)
  assert.equal(replay.deepestBalance, -50000)
})

test('keeps only the last six months of a longer history', () => {
  const year = series('2023-07-01', '2024-06-30', () => 0)
  const replay = replayBalances(year, 100, 31, '2024-06-30')
  assert.ok(replay)
  assert.equal(replay.from, '2023-12-29')
  assert.equal(replay.to, '2024-06-30')
  // the 31st, or the last day of shorter months: Dec 31st, Jan 31st, Feb 29th … Jun 30th
  assert.equal(replay.debits, 7)
})

const customer: AffordabilityInput = {
  currency: 'EUR',
  monthlyIncome: 250000,
  monthlyRecurringExpenses: 30000,
  monthlyCreditRepayments: 40000,
  monthlyHousing: 70000,
  creditScore: 800,
  creditScoreReasons: [
    { code: 'INCOME_STABLE', impact: 50 },
    { code: 'OVERDRAFT_NONE', impact: 50 },
  ],
  dailyBalances: series('2024-01-01', '2024-06-30', () => 300000),
  debitDay: 5,
}

test('scores a small credit a comfortable customer carries easily', () => {
  const a = computeAffordability(
    customer,
    { amount: 300000, upfront: 0, duration: 12 },
    { asOf: '2024-06-30' },
  )
  assert.equal(a.instalment, 25000)
  assert.equal(a.residualIncome, 110000)
  assert.equal(a.residualAfterInstalment, 85000)
  assert.equal(a.debtToIncomeBefore, 0.16)
  assert.equal(a.debtToIncomeAfter, 0.26)
  assert.equal(a.replay?.shortfallDays, 0)
  // half of 800 / 10, half of 70 + 5 (no shortfall): 40 + 37.5
  assert.equal(a.score, 78)
  assert.deepEqual(a.reasons, [
    { code: 'INCOME_STABLE', impact: 2.5 },
    { code: 'OVERDRAFT_NONE', impact: 2.5 },
    { code: 'REPLAY_NO_SHORTFALL', impact: 2.5 },
  ])
})

test('caps a credit whose instalment exceeds the residual income at 20, with every reason', () => {
  const a = computeAffordability(
    customer,
    { amount: 3100000, upfront: 100000, duration: 12 },
    { asOf: '2024-06-30' },
  )
  assert.equal(a.principal, 3000000)
  assert.equal(a.instalment, 250000)
  assert.equal(a.residualAfterInstalment, -140000)
  assert.equal(a.debtToIncomeAfter, 1.16)
  // 40 + half of (70 − 40 − 15 − 20 − 25 − 10, clamped to 0), capped at 20: not affordable
  assert.equal(a.score, 20)
  assert.deepEqual(
    a.reasons.filter((r) => Math.abs(r.impact) >= 5).map((r) => r.code),
    [
      'RESIDUAL_AFTER_NEGATIVE',
      'REPLAY_SHORTFALL_FREQUENT',
      'DTI_AFTER_VERY_HIGH',
      'INSTALMENT_HEAVY',
      'REPLAY_DEEP',
    ],
  )
})

test('applies the annual rate and says when no balance can be replayed', () => {
  const a = computeAffordability(
    { ...customer, dailyBalances: null, creditScore: null, creditScoreReasons: [] },
    { amount: 100000, upfront: 0, duration: 12 },
    { asOf: '2024-06-30', annualRatePercent: 12 },
  )
  assert.equal(a.instalment, 8885)
  assert.equal(a.replay, null)
  // half of 50 (no credit score) + half of (70 + 5 (light instalment) − 5 (no replay))
  assert.equal(a.score, 60)
  assert.ok(a.reasons.some((r) => r.code === 'REPLAY_UNAVAILABLE'))
  assert.ok(a.reasons.some((r) => r.code === 'CREDIT_SCORE_MISSING'))
})

const inputs = fc.record({
  monthlyIncome: fc.integer({ min: 0, max: 800000 }),
  monthlyRecurringExpenses: fc.integer({ min: 0, max: 100000 }),
  monthlyCreditRepayments: fc.integer({ min: 0, max: 200000 }),
  monthlyHousing: fc.integer({ min: 0, max: 150000 }),
  creditScore: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  balances: fc.option(
    fc.array(fc.integer({ min: -200000, max: 800000 }), { minLength: 1, maxLength: 200 }),
    {
      nil: null,
    },
  ),
  debitDay: fc.integer({ min: 1, max: 28 }),
})

test('never scores a larger credit higher than a smaller one over the same duration (property)', () => {
  fc.assert(
    fc.property(
      inputs,
      fc.integer({ min: 1, max: 24 }),
      fc.integer({ min: 1, max: 5000000 }),
      fc.integer({ min: 1, max: 5000000 }),
      fc.nat({ max: 100000 }),
      fc.constantFrom(0, 3.9, 19.9),
      (raw, duration, x, y, upfront, rate) => {
        const input: AffordabilityInput = {
          ...raw,
          currency: 'EUR',
          creditScoreReasons: [],
          dailyBalances: raw.balances && { startDate: '2024-01-01', balances: raw.balances },
        }
        const [small, large] = x <= y ? [x, y] : [y, x]
        const ctx = { asOf: '2024-07-18', annualRatePercent: rate }
        const score = (amount: number) =>
          computeAffordability(input, { amount: amount + upfront, upfront, duration }, ctx).score
        return score(large) <= score(small)
      },
    ),
    { numRuns: 500 },
  )
})
