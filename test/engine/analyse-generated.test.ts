/**
 * The whole engine on generated 12-month histories (the fixtures hold three months): cadences
 * over a year, every market's wording, and profiles ranked as their budgets say.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseInput } from '../../src/adapters/index.ts'
import { analyse } from '../../src/engine/analyse.ts'
import { COUNTRIES, generateUpload } from '../../src/synthetic/index.ts'
import type { Profile } from '../../src/synthetic/index.ts'
import type { Country } from '../../src/synthetic/index.ts'
import { completed } from '../support/fixture-expectations.ts'

const analysed = (profile: Profile, country: Country) =>
  completed(
    analyse(
      parseInput(JSON.stringify(generateUpload({ profile, country, months: 12, seed: 21 })))
        .accounts,
    ),
  )

for (const country of COUNTRIES) {
  test(`finds a year of salary and mortgage as monthly cash flows (${country})`, () => {
    const ci = analysed('good', country).creditInsights
    assert.ok(ci)
    const wage = ci.cashFlows.find((f) => f.category === 'WAGE' && f.transactions.length >= 12)
    assert.ok(wage, 'a monthly wage flow')
    assert.equal(wage.regularity.periodicity, 'MONTHLY')
    assert.ok(wage.regularity.accuracy >= 90, `wage accuracy ${wage.regularity.accuracy}`)
    assert.equal(wage.regularity.repartition, 'HAS_NOT_CHANGED_DURING_ANALYSIS')
    const mortgage = ci.loans.repayments.details.find(
      (d) => d.category === 'LOAN_REPAYMENT_REAL_ESTATE',
    )
    assert.equal(mortgage?.regularity.periodicity, 'MONTHLY')
    assert.equal(mortgage?.transactions.length, 12)
  })

  test(`ranks good above risky above very-risky (${country})`, () => {
    const score = (profile: Profile): number =>
      analysed(profile, country).scores?.creditScore?.value ?? -1
    const good = score('good')
    const risky = score('risky')
    const veryRisky = score('very-risky')
    assert.ok(good > risky && risky > veryRisky, `${good} > ${risky} > ${veryRisky}`)
  })
}
