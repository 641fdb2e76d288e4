import { test } from 'node:test'
import assert from 'node:assert/strict'
import { analyseEnriched } from './pipeline.ts'
import { labelledCustomer } from '../../test/support/labelled.ts'
import {
  completed,
  expectHarry,
  expectLara,
  expectLaraAboveHarry,
} from '../../test/support/fixture-expectations.ts'

const harry = labelledCustomer('harry_potter')
const lara = labelledCustomer('lara_croft')

test('finds what the fixture describes for harry_potter, from hand-made categories', () => {
  expectHarry(completed(analyseEnriched(harry.accounts, harry.enriched)))
})

test('finds what the fixture describes for lara_croft, from hand-made categories', () => {
  expectLara(completed(analyseEnriched(lara.accounts, lara.enriched)))
})

test('ranks lara above harry on the score and each indicator', () => {
  expectLaraAboveHarry(
    completed(analyseEnriched(lara.accounts, lara.enriched)),
    completed(analyseEnriched(harry.accounts, harry.enriched)),
  )
})

test('takes asOf from the data, never the clock', () => {
  const result = completed(analyseEnriched(harry.accounts, harry.enriched))
  const lastDay = harry.accounts[0]?.balanceDate?.slice(0, 10)
  assert.equal(result.metadata.lastTransactionGap, 0)
  assert.equal(result.accounts[0]?.dailyBalances.at(-1)?.date.slice(0, 10), lastDay)
})

test('honours disableScores and disableCreditInsights', () => {
  const noScores = completed(
    analyseEnriched(harry.accounts, harry.enriched, { parameters: { disableScores: true } }),
  )
  assert.equal(noScores.scores, undefined)
  assert.ok(noScores.creditInsights)
  const noInsights = completed(
    analyseEnriched(harry.accounts, harry.enriched, {
      parameters: { disableCreditInsights: true },
    }),
  )
  assert.equal(noInsights.creditInsights, undefined)
  assert.ok(noInsights.scores?.creditScore)
})

test('gives the same output twice and survives a JSON round trip unchanged', () => {
  const first = analyseEnriched(harry.accounts, harry.enriched)
  const second = analyseEnriched(harry.accounts, harry.enriched)
  assert.deepEqual(first, second)
  assert.deepEqual(JSON.parse(JSON.stringify(first)), first)
})

test('ignores transactions after an earlier asOf', () => {
  const all = completed(analyseEnriched(harry.accounts, harry.enriched))
  // The date of the 30th transaction: enough left (20) to be analysed, but not all of them.
  const asOf = harry.accounts[0]?.transactions.map((t) => t.date).sort()[29] ?? ''
  const early = completed(analyseEnriched(harry.accounts, harry.enriched, { asOf }))
  assert.ok(early.metadata.totalTransactionCount < all.metadata.totalTransactionCount)
  assert.equal(early.accounts[0]?.dailyBalances.at(-1)?.date.slice(0, 10), asOf)
})
