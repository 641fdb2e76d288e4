import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseInput } from '../../adapters/index.ts'
import { analyse } from '../analyse.ts'
import { generateUpload } from '../../synthetic/index.ts'
import type { Profile } from '../../synthetic/index.ts'
import type { AnalyseResult } from '../model/index.ts'
import { computeAffordability } from './affordability.ts'
import {
  affordabilityInputOf,
  asOfOf,
  riskFactsOf,
  type AnalysisView,
} from './affordability-input.ts'

const viewOf = (result: AnalyseResult): AnalysisView => {
  assert.ok(result.ok)
  return {
    creditInsights: result.creditInsights ?? null,
    scores: result.scores ?? null,
    accounts: result.accounts.map((a) => ({
      type: a.account.type,
      currency: a.account.currency,
      dailyBalances: a.dailyBalances,
    })),
  }
}

const customerOf = (profile: Profile, seed = 3): AnalysisView =>
  viewOf(
    analyse(
      parseInput(JSON.stringify(generateUpload({ profile, country: 'FR', months: 12, seed })))
        .accounts,
    ),
  )

const views = {
  good: customerOf('good'),
  risky: customerOf('risky'),
  veryRisky: customerOf('very-risky'),
}

test('reads income, charges, credits, housing, balances and a debit day from an analysis', () => {
  const view = views.risky
  const input = affordabilityInputOf(view)
  const insights = view.creditInsights
  assert.ok(insights)
  assert.equal(input.currency, 'EUR')
  assert.equal(input.monthlyIncome, Math.round(insights.incomes.monthlyAmount * 100))
  assert.equal(
    input.monthlyCreditRepayments,
    Math.round(-insights.loans.repayments.monthlyAmount * 100),
  )
  assert.ok(input.monthlyCreditRepayments > 0, 'a risky customer repays credits')
  assert.ok(input.monthlyRecurringExpenses > 0, 'and pays recurring bills')
  assert.ok(input.debitDay >= 1 && input.debitDay <= 28)
  const checking = view.accounts.find((a) => a.type === 'CHECKING')
  assert.ok(checking && input.dailyBalances)
  assert.equal(input.dailyBalances.balances.length, checking.dailyBalances.length)
  assert.equal(asOfOf(view), checking.dailyBalances.at(-1)?.date.slice(0, 10))
})

test('ranks the profiles for the same credit: good > risky > very risky', () => {
  const request = { amount: 300000, upfront: 0, duration: 12 }
  const scores = Object.values(views).map((view) => {
    const asOf = asOfOf(view)
    assert.ok(asOf)
    return computeAffordability(affordabilityInputOf(view), request, { asOf }).score
  })
  const [good, risky, veryRisky] = scores as [number, number, number]
  assert.ok(good > risky && risky > veryRisky, `${good} > ${risky} > ${veryRisky}`)
})

test('scores the larger of two credits lower for the same customer', () => {
  const view = views.good
  const asOf = asOfOf(view)
  assert.ok(asOf)
  const input = affordabilityInputOf(view)
  const small = computeAffordability(input, { amount: 100000, upfront: 0, duration: 12 }, { asOf })
  const large = computeAffordability(input, { amount: 4000000, upfront: 0, duration: 12 }, { asOf })
  assert.ok(large.score < small.score, `${large.score} < ${small.score}`)
  assert.ok(large.replay && small.replay)
  assert.ok(large.replay.deepestBalance < small.replay.deepestBalance)
})

test('reads gambling share, seizures and recent rejections for the policy', () => {
  const facts = riskFactsOf(views.veryRisky, asOfOf(views.veryRisky) ?? '')
  assert.ok(facts.gamblingShare >= 0)
  assert.ok(facts.recentRejections > 0, 'a very risky customer had payments rejected lately')
  const good = riskFactsOf(views.good, asOfOf(views.good) ?? '')
  assert.deepEqual(good, { gamblingShare: 0, seizures: 0, recentRejections: 0 })
})
