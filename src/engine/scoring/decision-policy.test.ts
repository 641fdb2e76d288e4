import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { DecisionPolicy } from './decision-policy.ts'
import { DEFAULT_POLICY, decide, policyProblems } from './decision-policy.ts'

const clean = { gamblingShare: 0, seizures: 0, recentRejections: 0 }

test('approves a file above the approval threshold when no hard rule fires', () => {
  assert.deepEqual(decide(DEFAULT_POLICY, { score: 75, debtToIncomeAfter: 0.3 }, clean), {
    decision: 'APPROVE',
    firedRules: [],
  })
})

test('refers between the thresholds and declines below, naming the threshold', () => {
  const refer = decide(DEFAULT_POLICY, { score: 50, debtToIncomeAfter: 0.3 }, clean)
  assert.equal(refer.decision, 'REFER')
  assert.deepEqual(refer.firedRules, [
    { id: 'SCORE_BELOW_APPROVE', outcome: 'REFER', value: 50, limit: 60 },
  ])
  const decline = decide(DEFAULT_POLICY, { score: 39, debtToIncomeAfter: 0.3 }, clean)
  assert.equal(decline.decision, 'DECLINE')
  assert.deepEqual(
    decline.firedRules.map((r) => r.id),
    ['SCORE_BELOW_REFER'],
  )
})

test('a policy that declines on a seizure declines a high score, with the rule named', () => {
  const result = decide(
    DEFAULT_POLICY,
    { score: 90, debtToIncomeAfter: 0.2 },
    { ...clean, seizures: 2 },
  )
  assert.equal(result.decision, 'DECLINE')
  assert.deepEqual(result.firedRules, [
    { id: 'ACCOUNT_SEIZURE', outcome: 'DECLINE', value: 2, limit: 0 },
  ])
})

test('a policy that refers on gambling and recent rejections names both, the worst wins', () => {
  const policy: DecisionPolicy = {
    ...DEFAULT_POLICY,
    rules: {
      gamblingShare: { above: 0.05, outcome: 'REFER' },
      recentRejections: { above: 0, outcome: 'REFER' },
      debtToIncomeAfter: { above: 0.35, outcome: 'DECLINE' },
    },
  }
  const referred = decide(
    policy,
    { score: 80, debtToIncomeAfter: 0.3 },
    { gamblingShare: 0.12, seizures: 1, recentRejections: 1 },
  )
  // no seizure rule in this policy: a seizure alone does not fire
  assert.equal(referred.decision, 'REFER')
  assert.deepEqual(
    referred.firedRules.map((r) => r.id),
    ['GAMBLING_SHARE', 'RECENT_REJECTIONS'],
  )
  const declined = decide(policy, { score: 80, debtToIncomeAfter: 0.4 }, clean)
  assert.equal(declined.decision, 'DECLINE')
  assert.deepEqual(declined.firedRules, [
    { id: 'DEBT_TO_INCOME_AFTER', outcome: 'DECLINE', value: 0.4, limit: 0.35 },
  ])
  // without income, the ratio is unbounded and fires (value null: not a number JSON can carry)
  assert.equal(
    decide(policy, { score: 80, debtToIncomeAfter: null }, clean).firedRules[0]?.value,
    null,
  )
})

test('finds a policy whose refer threshold is above its approve threshold unusable', () => {
  assert.deepEqual(policyProblems(DEFAULT_POLICY), [])
  assert.equal(policyProblems({ ...DEFAULT_POLICY, approveFrom: 30, referFrom: 40 }).length, 1)
})
