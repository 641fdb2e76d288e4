import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseLinxoConnectV3 } from './index.ts'

const money = (amount: string, currency = 'EUR') => ({ amount, currency })

const input = (extra: Record<string, unknown>, transactions: unknown[] = []) => ({
  format: 'OXLIN_DIRECT_ACCOUNT_API_V3',
  connections: [
    {
      accounts: [
        {
          account_id: 'x1',
          type: 'CASH_ACCOUNT',
          usage: 'PRIVATE',
          currency: 'EUR',
          ...extra,
          transactions,
        },
      ],
    },
  ],
})

const tx = (extra: Record<string, unknown>) => ({
  id: 't1',
  transaction_amount: money('-1234.5'),
  booking_date: '2026-04-02T00:00:00Z',
  remittance_information: ['PRLV SEPA EDF', 'REF 123'],
  ...extra,
})

test('maps a cash account with decimal string amounts', () => {
  const { accounts, issues } = parseLinxoConnectV3(input({}, [tx({})]))
  assert.deepEqual(issues, [])
  assert.equal(accounts[0]?.type, 'CHECKING')
  assert.equal(accounts[0]?.usage, 'PERSONAL')
  const t = accounts[0]?.transactions[0]
  assert.equal(t?.amount, -123450)
  assert.equal(t?.description, 'PRLV SEPA EDF REF 123')
  assert.equal(t?.date, '2026-04-02')
})

test('picks the latest booked balance among several types and dates', () => {
  const balances = [
    {
      balance_type: 'interimAvailable',
      balance_amount: money('900.00'),
      reference_date: '2026-04-30',
    },
    {
      balance_type: 'closingBooked',
      balance_amount: money('500.00'),
      reference_date: '2026-04-28',
    },
    {
      balance_type: 'closingBooked',
      balance_amount: money('450.00'),
      reference_date: '2026-04-29',
    },
    {
      balance_type: 'OPENING_BOOKED',
      balance_amount: money('300.00'),
      reference_date: '2026-04-30',
    },
  ]
  const [account] = parseLinxoConnectV3(input({ balances })).accounts
  assert.equal(account?.balance, 45000)
  assert.equal(account?.balanceDate, '2026-04-29T00:00:00.000Z')
})

test('falls back to an available balance when no booked one exists', () => {
  const balances = [
    {
      balance_type: 'INTERIM_AVAILABLE',
      balance_amount: money('12.34'),
      reference_date: '2026-04-30',
    },
  ]
  assert.equal(parseLinxoConnectV3(input({ balances })).accounts[0]?.balance, 1234)
  assert.equal(parseLinxoConnectV3(input({})).accounts[0]?.balance, null)
})

test('signs an unsigned amount by its debit indicator and flags pending ones as coming', () => {
  const result = parseLinxoConnectV3(
    input({}, [
      tx({ transaction_amount: money('20'), credit_debit_indicator: 'DBIT', status: 'PENDING' }),
    ]),
  )
  assert.equal(result.accounts[0]?.transactions[0]?.amount, -2000)
  assert.equal(result.accounts[0]?.transactions[0]?.isComing, true)
})

test('skips a transaction with a bad amount or date, with a warning', () => {
  const result = parseLinxoConnectV3(
    input({}, [
      tx({ transaction_amount: money('1.234,5') }),
      tx({ booking_date: '1850-01-01' }),
      tx({ id: 'ok' }),
    ]),
  )
  assert.equal(result.accounts[0]?.transactions.length, 1)
  assert.deepEqual(
    result.issues.map((i) => [i.path, i.severity]),
    [
      ['connections[0].accounts[0].transactions[0].transaction_amount.amount', 'warning'],
      ['connections[0].accounts[0].transactions[1].booking_date', 'warning'],
    ],
  )
})

test('rejects an account without id and reads unknown types as UNKNOWN', () => {
  const bad = parseLinxoConnectV3({ connections: [{ accounts: [{ type: 'CASH_ACCOUNT' }] }] })
  assert.deepEqual(
    bad.issues.map((i) => [i.path, i.message]),
    [['connections[0].accounts[0].account_id', 'is required']],
  )
  const odd = parseLinxoConnectV3(input({ type: 'CRYPTO' }))
  assert.equal(odd.accounts[0]?.type, 'UNKNOWN')
  assert.equal(odd.issues[0]?.severity, 'warning')
})

test('reads an ORGANISATION account as PROFESSIONAL, so that an analysis refuses it', () => {
  const read = (usage: unknown) => parseLinxoConnectV3(input({ usage }))
  assert.equal(read('ORGANISATION').accounts[0]?.usage, 'PROFESSIONAL')
  assert.equal(read('organisation').accounts[0]?.usage, 'PROFESSIONAL')
  assert.equal(read('PROFESSIONAL').accounts[0]?.usage, 'PROFESSIONAL')
  assert.equal(read('PRIVATE').accounts[0]?.usage, 'PERSONAL')
  assert.equal(read('PERSONAL').accounts[0]?.usage, 'PERSONAL')
  assert.deepEqual(read('ORGANISATION').issues, [])
  const unknown = read('HOUSEHOLD')
  assert.equal(unknown.accounts[0]?.usage, 'UNKNOWN')
  assert.deepEqual(
    unknown.issues.map((i) => [i.path, i.severity]),
    [['connections[0].accounts[0].usage', 'warning']],
  )
})

test('keeps the fractional seconds of transaction and balance dates', () => {
  const { accounts } = parseLinxoConnectV3(
    input(
      {
        balances: [
          {
            balance_type: 'CLOSING_BOOKED',
            balance_amount: money('10'),
            reference_date: '2026-04-30T23:59:59.999999Z',
          },
        ],
      },
      [
        tx({
          booking_date: '2026-04-02T08:15:30.123Z',
          transaction_date: '2026-04-01T12:00:00.5Z',
        }),
      ],
    ),
  )
  assert.equal(accounts[0]?.balanceDate, '2026-04-30T23:59:59.999999Z')
  assert.deepEqual(accounts[0]?.transactions[0]?.dates, {
    debitedAt: '2026-04-02T08:15:30.123Z',
    bookedAt: '2026-04-01T12:00:00.500Z',
  })
})
