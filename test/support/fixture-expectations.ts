/**
 * What the fixtures' README and issue 3 say of harry_potter and lara_croft, as assertions on an
 * analysis. Run on hand-labelled enrichments (the engine's later steps alone) and on the full
 * pipeline (categoriser included), so a failure tells which half moved.
 */
import assert from 'node:assert/strict'
import type {
  AnalyseResult,
  CashFlow,
  CreditInsights,
  Scores,
} from '../../src/engine/model/index.ts'

type Completed = Extract<AnalyseResult, { ok: true }>

export const completed = (result: AnalyseResult): Completed => {
  assert.ok(result.ok, `refused: ${result.ok ? '' : result.refusal.code}`)
  return result
}

const insightsOf = (result: Completed): CreditInsights => {
  assert.ok(result.creditInsights)
  return result.creditInsights
}

const scoresOf = (result: Completed): Required<Scores> => {
  const { creditScore, paymentScore } = result.scores ?? {}
  assert.ok(creditScore && paymentScore)
  return { creditScore, paymentScore }
}

const consumerContracts = (details: readonly CashFlow[]): CashFlow[] =>
  details.filter((d) =>
    ['LOAN_REPAYMENT', 'LOAN_REPAYMENT_PERSONAL', 'LOAN_REPAYMENT_REVOLVING'].includes(d.category),
  )

const lenders = (details: readonly CashFlow[]): Set<string> =>
  new Set(details.map((d) => d.lender?.name ?? '?'))

const near = (actual: number, expected: number, tolerance: number, what: string): void =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} of ${expected}`,
  )

export const expectHarry = (result: Completed): void => {
  const ci = insightsOf(result)
  const wage = ci.incomes.categories.find((c) => c.name === 'WAGE')
  assert.equal(wage?.monthlyAmount, 2581.45, 'monthly salary')
  assert.deepEqual(
    ci.incomes.employers.map((e) => e.name).filter((n) => n.includes('FNAC')),
    ci.incomes.employers.slice(0, 1).map((e) => e.name),
    'FNAC DARTY is the main employer',
  )
  const rent = ci.expenses.categories.find((c) => c.name === 'RENT')
  near(-(rent?.monthlyAmount ?? 0), 880, 10, 'monthly rent')
  const details = ci.loans.repayments.details
  const consumer = consumerContracts(details)
  assert.equal(consumer.length, 6, 'six consumer credits')
  assert.equal(lenders(consumer).size, 3, 'three lenders')
  assert.equal(details.filter((d) => d.category === 'SPLIT_PAYMENT').length, 1, 'one split plan')
  assert.equal(
    consumer.filter((d) => d.totalRejectedAmount > 0).length,
    1,
    'one rejected loan repayment',
  )
  const rejections = ci.risks.incidents.paymentRejections
  assert.equal(rejections.transactions.length, 2, 'a loan repayment and a subscription rejected')
  assert.equal(rejections.feesTransactions.length, 2, 'with their fees')
  assert.ok(ci.risks.overdraft.fees.transactions.length >= 1, 'overdraft interest')
  assert.ok(ci.risks.overdraft.duration > 0 && ci.risks.overdraft.minimumBalanceReached < 0)
  const { creditScore } = scoresOf(result)
  assert.ok(creditScore.value <= 350, `harry's score ${creditScore.value} > 350`)
  assert.ok(
    creditScore.reasons.some((r) => r.code === 'BALANCE_FALLING'),
    'falling trend',
  )
}

export const expectLara = (result: Completed): void => {
  const ci = insightsOf(result)
  const wage = ci.incomes.categories.find((c) => c.name === 'WAGE')
  near(wage?.monthlyAmount ?? 0, 2581.45, 1, 'monthly salary')
  assert.equal(ci.incomes.employers[0]?.name.includes('NEFAB'), true, 'NEFAB is the employer')
  const details = ci.loans.repayments.details
  const mortgage = details.filter((d) => d.category === 'LOAN_REPAYMENT_REAL_ESTATE')
  assert.equal(mortgage.length, 1, 'one mortgage')
  near(-(mortgage[0]?.calendar.find((c) => c.amount !== 0)?.amount ?? 0), 500, 30, 'mortgage')
  const consumer = consumerContracts(details)
  assert.equal(consumer.length, 4, 'four consumer credits')
  assert.equal(lenders(consumer).size, 2, 'two lenders')
  const { incidents } = ci.risks
  assert.equal(incidents.paymentRejections.transactions.length, 0, 'no rejection')
  assert.equal(incidents.checkRejections.transactions.length, 0, 'no cheque rejection')
  assert.equal(ci.risks.overdraft.fees.transactions.length, 0, 'no overdraft fee')
  const { creditScore } = scoresOf(result)
  assert.ok(creditScore.value >= 750, `lara's score ${creditScore.value} < 750`)
}

/** Lara above Harry on the score and on each indicator the data separates. */
export const expectLaraAboveHarry = (lara: Completed, harry: Completed): void => {
  const l = scoresOf(lara)
  const h = scoresOf(harry)
  assert.ok(l.creditScore.value > h.creditScore.value)
  assert.ok(l.paymentScore.value > h.paymentScore.value)
  // Same salary, but Harry's credits and rent leave him far less: living standard.
  assert.ok(l.creditScore.indicators.livingStandard > h.creditScore.indicators.livingStandard)
  // Harry's rejections, fees and deeper overdraft: budget management.
  assert.ok(l.creditScore.indicators.budgetManagement > h.creditScore.indicators.budgetManagement)
  // Harry's falling balances: financial evolution.
  assert.ok(
    l.creditScore.indicators.financialEvolution > h.creditScore.indicators.financialEvolution,
  )
}
