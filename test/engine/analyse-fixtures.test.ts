/**
 * The whole engine (normalisation, categorisation, links, cash flows, insights, scores) on the
 * fixture customers and the inputs that must be refused. Dates come from the data.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { analyse } from '../../src/engine/analyse.ts'
import type { Account, RefusalCode } from '../../src/engine/model/index.ts'
import { generateUpload } from '../../src/synthetic/index.ts'
import { parseInput } from '../../src/adapters/index.ts'
import { loadAccounts } from '../support/labelled.ts'
import {
  completed,
  expectHarry,
  expectLara,
  expectLaraAboveHarry,
} from '../support/fixture-expectations.ts'

const harry = loadAccounts('algoan/harry_potter.json')
const lara = loadAccounts('algoan/lara_croft.json')

test('analyses harry_potter as the fixture describes it', () => {
  expectHarry(completed(analyse(harry)))
})

test('analyses lara_croft as the fixture describes it', () => {
  expectLara(completed(analyse(lara)))
})

test('ranks lara_croft above harry_potter', () => {
  expectLaraAboveHarry(completed(analyse(lara)), completed(analyse(harry)))
})

const REFUSED: readonly [string, RefusalCode][] = [
  ['account_type_not_supported.json', 'ACCOUNT_TYPE_NOT_SUPPORTED'],
  ['no_checking_account.json', 'NO_CHECKING_ACCOUNT'],
  ['usage_not_supported.json', 'USAGE_NOT_SUPPORTED'],
  ['ownership_not_supported.json', 'OWNERSHIP_NOT_SUPPORTED'],
  ['currency_not_supported.json', 'CURRENCY_NOT_SUPPORTED'],
  ['not_enough_transactions.json', 'NOT_ENOUGH_TRANSACTIONS'],
]

for (const [file, code] of REFUSED) {
  test(`refuses ${file} with ${code}, still listing its enriched transactions`, () => {
    const accounts = loadAccounts(`algoan/${file}`)
    const result = analyse(accounts)
    assert.equal(result.ok, false)
    assert.equal(result.ok ? null : result.refusal.code, code)
    assert.ok(!result.ok && result.refusal.message.length > 0)
    assert.deepEqual(
      result.accounts.map((a) => a.transactions.length),
      accounts.map((a) => a.transactions.length),
    )
    assert.ok(
      result.accounts.every((a) => a.transactions.every((t) => t.enrichments.ruleId !== '')),
    )
  })
}

test('analyses no_owner_name.json normally', () => {
  const result = completed(analyse(loadAccounts('algoan/no_owner_name.json')))
  assert.ok(result.scores?.creditScore)
})

test('counts only the transactions booked by an earlier asOf', () => {
  const firstDay = harry[0]?.transactions.map((t) => t.date).sort()[0] ?? ''
  const result = analyse(harry, { asOf: firstDay })
  assert.equal(result.ok ? 'analysed' : result.refusal.code, 'NOT_ENOUGH_TRANSACTIONS')
})

test('accepts a currency once the project supports it', () => {
  const accounts = loadAccounts('algoan/currency_not_supported.json')
  const result = analyse(accounts, { supportedCurrencies: ['USD'] })
  assert.equal(result.ok ? 'analysed' : result.refusal.code, 'NOT_ENOUGH_TRANSACTIONS')
})

test('refuses a mix of currencies even when each one is supported', () => {
  const [first] = harry
  assert.ok(first)
  const gbp: Account = { ...first, id: 'gbp', currency: 'GBP', type: 'SAVINGS', transactions: [] }
  const result = analyse([first, gbp])
  assert.equal(result.ok ? 'analysed' : result.refusal.code, 'CURRENCY_NOT_SUPPORTED')
})

test('gives the same result for a year of history in any order, and stays JSON as it is', () => {
  const upload = generateUpload({ profile: 'risky', country: 'FR', months: 12, seed: 11 })
  const accounts = parseInput(JSON.stringify(upload)).accounts
  const reversed = accounts.map((a) => ({ ...a, transactions: [...a.transactions].reverse() }))
  const a = completed(analyse(accounts))
  const b = completed(analyse([...reversed].reverse()))
  assert.deepEqual(
    { m: b.metadata, c: b.creditInsights, s: b.scores },
    { m: a.metadata, c: a.creditInsights, s: a.scores },
  )
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a)
})
