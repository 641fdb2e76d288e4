import { test } from 'node:test'
import assert from 'node:assert/strict'
import { balanceSeries, toDailyBalances } from './daily-balances.ts'
import type { Account, EnrichedTransaction } from '../model/index.ts'

const account = (balance: number | null, balanceDate: string | null): Account => ({
  id: 'a0',
  type: 'CHECKING',
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance,
  balanceDate,
  owners: [],
  transactions: [],
})

const tx = (date: string, amount: number, isComing = false): EnrichedTransaction => ({
  id: `t${date}${amount}`,
  accountId: 'a0',
  description: 'X',
  amount,
  currency: 'EUR',
  date,
  dates: { debitedAt: `${date}T12:00:00.000Z` },
  isComing,
  labelRoot: 'X',
  enrichments: {
    category: 'OTHER_EXPENSE',
    type: 'DEBIT',
    isRejected: false,
    counterPartId: null,
    counterparty: null,
    isInternationalTransfer: false,
    ruleId: 'TEST',
  },
})

test('rebuilds balances backwards from the balance at its date', () => {
  const series = balanceSeries(
    account(10000, '2025-03-05T10:00:00Z'),
    [tx('2025-03-01', -2000), tx('2025-03-03', 5000), tx('2025-03-05', -1000)],
    '2025-03-05',
  )
  assert.deepEqual(
    toDailyBalances(series, 'EUR').map((d) => [d.date.slice(0, 10), d.balance]),
    [
      ['2025-03-01', 60],
      ['2025-03-02', 60],
      ['2025-03-03', 110],
      ['2025-03-04', 110],
      ['2025-03-05', 100],
    ],
  )
})

test('walks forwards when transactions follow the balance date, and ignores coming ones', () => {
  const series = balanceSeries(
    account(0, '2025-03-01T00:00:00Z'),
    [tx('2025-03-02', -500), tx('2025-03-03', 900, true)],
    '2025-03-03',
  )
  assert.deepEqual(series?.balances, [0, -500, -500])
})

test('gives no daily balance for an account without a balance', () => {
  assert.equal(balanceSeries(account(null, null), [tx('2025-03-02', -500)], '2025-03-03'), null)
  assert.deepEqual(toDailyBalances(null, 'EUR'), [])
})
