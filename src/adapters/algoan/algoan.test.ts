import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { parseAlgoan } from './index.ts'
import { formatIssue, hasErrors } from '../result.ts'

const fixtures = new URL('../../../test/fixtures/algoan/', import.meta.url)
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'))

test('maps every fixture without error', () => {
  for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.json'))) {
    const result = parseAlgoan(load(file))
    assert.equal(hasErrors(result), false, `${file}: ${result.issues.map(formatIssue).join('; ')}`)
    assert.ok(result.accounts.length > 0, file)
  }
})

test('turns decimals into minor units and keeps dates as given', () => {
  const raw = load('harry_potter.json') as {
    accounts: {
      balance: number
      transactions: { amount: number; dates: { debitedAt: string } }[]
    }[]
  }
  const result = parseAlgoan(raw)
  const account = result.accounts[0]
  assert.ok(account)
  assert.equal(account.id, 'a0')
  assert.equal(account.type, 'CHECKING')
  assert.equal(account.balance, Math.round((raw.accounts[0]?.balance ?? 0) * 100))
  assert.equal(account.transactions.length, raw.accounts[0]?.transactions.length)
  const first = account.transactions[0]
  const rawFirst = raw.accounts[0]?.transactions[0]
  assert.ok(first && rawFirst)
  assert.equal(first.id, 'a0t0')
  assert.equal(first.accountId, 'a0')
  assert.equal(first.amount, Math.round(rawFirst.amount * 100))
  assert.equal(first.dates.debitedAt, rawFirst.dates.debitedAt)
  assert.equal(first.date, rawFirst.dates.debitedAt.slice(0, 10))
  assert.equal(first.currency, 'EUR')
  assert.equal(first.isComing, false)
})

test('reads ownership and unknown account types', () => {
  const ownership = parseAlgoan(load('ownership_not_supported.json'))
  assert.ok(ownership.accounts.every((account) => account.ownership === 'ATTORNEY'))
  const unknown = parseAlgoan(load('account_type_not_supported.json'))
  assert.ok(unknown.accounts.every((account) => account.type === 'UNKNOWN'))
})

test('refuses a decimal string with the JSON path of the amount', () => {
  const body = {
    accounts: [
      {
        type: 'CHECKING',
        currency: 'EUR',
        transactions: [
          { description: 'CB CARREFOUR', amount: -10, dates: { debitedAt: '2026-01-02' } },
          { description: 'CB LIDL', amount: '12,5', dates: { debitedAt: '2026-01-03' } },
        ],
      },
    ],
  }
  const result = parseAlgoan(body)
  assert.deepEqual(result.accounts, [])
  assert.deepEqual(result.issues.map(formatIssue), [
    'accounts[0].transactions[1].amount: expected a number, got "12,5"',
  ])
})

test('reports every problem, never throws', () => {
  const inputs: unknown[] = [null, 42, 'text', [], { accounts: 'no' }, { accounts: [null] }]
  for (const input of inputs) {
    const result = parseAlgoan(input)
    assert.equal(hasErrors(result), true, JSON.stringify(input))
  }
  const result = parseAlgoan({
    accounts: [
      {
        type: 'CHECKING',
        transactions: [
          { amount: 1, dates: {} },
          { description: 'X', amount: 1, dates: { debitedAt: '2026-02-30' } },
        ],
      },
    ],
  })
  assert.deepEqual(result.issues.map(formatIssue), [
    'accounts[0].currency: is required (an ISO 4217 code such as "EUR")',
    'accounts[0].transactions[0].description: is required',
    'accounts[0].transactions[0].dates: needs debitedAt or bookedAt',
    'accounts[0].transactions[1].dates.debitedAt: expected an ISO 8601 date-time, got "2026-02-30"',
  ])
})

test('an upload without accounts is valid and empty (connector mode)', () => {
  assert.deepEqual(parseAlgoan({}), { accounts: [], issues: [] })
})

test('reads a date-time without an offset as UTC, whatever the machine time zone', () => {
  const result = parseAlgoan({
    accounts: [
      {
        type: 'CHECKING',
        currency: 'EUR',
        transactions: [
          { description: 'A', amount: 1, dates: { debitedAt: '2026-03-01T23:30:00' } },
          { description: 'B', amount: 1, dates: { debitedAt: '2026-03-01T23:30:00+02:00' } },
          { description: 'C', amount: 1, dates: { debitedAt: '2026-03-01 00:10:00' } },
        ],
      },
    ],
  })
  assert.deepEqual(
    result.accounts[0]?.transactions.map((transaction) => transaction.date),
    ['2026-03-01', '2026-03-01', '2026-03-01'],
  )
})
