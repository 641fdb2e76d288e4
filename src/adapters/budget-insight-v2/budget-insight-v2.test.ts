import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseBudgetInsightV2 } from './index.ts'

const account = (extra: Record<string, unknown>, transactions: unknown[] = []) => ({
  format: 'BUDGET_INSIGHT_V2_0',
  connections: [
    {
      connector: { name: 'Banque Démo' },
      accounts: [
        {
          id: 7,
          type: 'checking',
          usage: 'PRIV',
          currency: { id: 'EUR' },
          balance: 10.5,
          last_update: '2026-03-31 18:00:00',
          ...extra,
          transactions,
        },
      ],
    },
  ],
})

const tx = (extra: Record<string, unknown>) => ({
  id: 1,
  date: '2026-03-02',
  rdate: '2026-02-28',
  value: -12.3,
  original_wording: 'CB CARREFOUR 28/02',
  type: 'card',
  ...extra,
})

test('maps an account with its balance, bank and currency object', () => {
  const { accounts, issues } = parseBudgetInsightV2(
    account({ iban: 'FR76 3000 1007 9412 3456 7890 185', coming: -20 }),
  )
  assert.deepEqual(issues, [])
  const [a] = accounts
  assert.equal(a?.type, 'CHECKING')
  assert.equal(a?.usage, 'PERSONAL')
  assert.equal(a?.balance, 1050)
  assert.equal(a?.balanceDate, '2026-03-31T18:00:00.000Z')
  assert.equal(a?.iban, 'FR7630001007941234567890185')
  assert.equal(a?.coming, -2000)
  assert.deepEqual(a?.bank, { name: 'Banque Démo' })
})

test('maps Budget Insight account types, investment wrappers as savings', () => {
  const typeOf = (type: string) => parseBudgetInsightV2(account({ type })).accounts[0]?.type
  assert.equal(typeOf('card'), 'CREDIT_CARD')
  assert.equal(typeOf('loan'), 'LOAN')
  assert.equal(typeOf('lifeinsurance'), 'SAVINGS')
  assert.equal(typeOf('market'), 'SAVINGS')
  const unknown = parseBudgetInsightV2(account({ type: 'spaceship' }))
  assert.equal(unknown.accounts[0]?.type, 'UNKNOWN')
  assert.equal(unknown.issues[0]?.severity, 'warning')
})

test('reads the debit date as debitedAt and the real date as bookedAt', () => {
  const [t] = parseBudgetInsightV2(account({}, [tx({})])).accounts[0]?.transactions ?? []
  assert.equal(t?.date, '2026-03-02')
  assert.deepEqual(t?.dates, {
    debitedAt: '2026-03-02T00:00:00.000Z',
    bookedAt: '2026-02-28T00:00:00.000Z',
  })
  assert.equal(t?.amount, -1230)
  assert.equal(t?.aggregator?.type, 'CARD')
  assert.equal(t?.description, 'CB CARREFOUR 28/02')
})

test('maps transaction types by direction', () => {
  const typeOf = (type: string, value: number) =>
    parseBudgetInsightV2(account({}, [tx({ type, value })])).accounts[0]?.transactions[0]
      ?.aggregator?.type
  assert.equal(typeOf('transfer', 100), 'INCOMING_TRANSFER')
  assert.equal(typeOf('transfer', -100), 'OUTGOING_TRANSFER')
  assert.equal(typeOf('order', -100), 'DIRECT_DEBIT')
  assert.equal(typeOf('check', -100), 'CHECK')
  assert.equal(typeOf('withdrawal', -100), 'CASH_WITHDRAWAL')
  assert.equal(typeOf('deferred_card', -100), 'CARD')
  assert.equal(typeOf('card', 100), 'CARD_REFUND')
})

test('skips deleted transactions and accounts, keeps coming ones flagged', () => {
  const result = parseBudgetInsightV2(
    account({}, [tx({ id: 1, deleted: '2026-03-03 10:00:00' }), tx({ id: 2, coming: true })]),
  )
  assert.deepEqual(
    result.accounts[0]?.transactions.map((t) => [t.aggregator?.id, t.isComing, t.id]),
    [['2', true, 'a0t0']],
  )
  assert.equal(parseBudgetInsightV2(account({ deleted: '2026-01-01' })).accounts.length, 0)
})

test('skips a bad transaction with a warning and keeps the others', () => {
  const result = parseBudgetInsightV2(
    account({}, [tx({ value: '12,5' }), tx({ id: 2, date: '2026-02-30' }), tx({ id: 3 })]),
  )
  assert.equal(result.accounts[0]?.transactions.length, 1)
  assert.deepEqual(
    result.issues.map((i) => [i.path, i.severity]),
    [
      ['connections[0].accounts[0].transactions[0].value', 'warning'],
      ['connections[0].accounts[0].transactions[1].date', 'warning'],
    ],
  )
  assert.match(
    result.issues[0]?.message ?? '',
    /expected a number, got "12,5"; transaction skipped/,
  )
})

test('rejects a malformed account or body with errors at their paths', () => {
  const bad = parseBudgetInsightV2(account({ balance: 'lots' }))
  assert.deepEqual(bad.accounts, [])
  assert.deepEqual(
    bad.issues.map((i) => [i.path, i.severity]),
    [['connections[0].accounts[0].balance', 'error']],
  )
  assert.equal(
    parseBudgetInsightV2({ format: 'BUDGET_INSIGHT_V2_0' }).issues[0]?.path,
    'connections',
  )
  assert.equal(parseBudgetInsightV2(null).issues[0]?.severity, 'error')
  assert.match(
    parseBudgetInsightV2(account({ currency: 'euro' })).issues[0]?.message ?? '',
    /ISO 4217/,
  )
})

test('maps loan details, the rate from percent to a fraction', () => {
  const loan = {
    total_amount: 10000,
    rate: 3.5,
    duration: 48,
    next_payment_amount: 230.5,
    maturity_date: '2029-01-05',
  }
  const details = parseBudgetInsightV2(account({ type: 'loan', loan })).accounts[0]?.details?.loan
  assert.deepEqual(details, {
    amount: 1_000_000,
    payment: 23050,
    endDate: '2029-01-05T00:00:00.000Z',
    duration: 48,
    interestRate: 0.035,
  })
})

test('accepts connections or bare accounts under `accounts`, as the API body carries them', () => {
  const body = account({}, [tx({})])
  const connections = body.connections
  const viaConnections = parseBudgetInsightV2({ format: body.format, accounts: connections })
  const viaAccounts = parseBudgetInsightV2({
    format: body.format,
    accounts: connections[0]?.accounts,
  })
  const reference = parseBudgetInsightV2(body)
  assert.deepEqual(
    viaConnections.accounts.map((a) => a.transactions.length),
    [1],
  )
  assert.deepEqual(
    { ...viaAccounts.accounts[0], bank: undefined },
    { ...reference.accounts[0], bank: undefined },
  )
  const bad = parseBudgetInsightV2({ accounts: [{ id: 1, balance: 'x' }] })
  assert.deepEqual(
    bad.issues.map((i) => i.path),
    ['accounts[0].balance'],
  )
  assert.match(parseBudgetInsightV2({}).issues[0]?.message ?? '', /is required/)
})

test('dates a card transaction that carries only rdate by it, and drops one only without any date', () => {
  const noDate = {
    date: undefined,
    rdate: undefined,
    vdate: undefined,
    application_date: undefined,
  }
  const result = parseBudgetInsightV2(
    account({ type: 'card' }, [
      tx({ ...noDate, id: 1, rdate: '2026-02-28 14:03:11.25' }),
      tx({ ...noDate, id: 2, vdate: '2026-03-01', rdate: '2026-02-27' }),
      tx({ ...noDate, id: 3, application_date: '2026-03-31', vdate: '2026-03-30' }),
      tx({ ...noDate, id: 4, date: null }),
    ]),
  )
  const [first, second, third] = result.accounts[0]?.transactions ?? []
  assert.equal(result.accounts[0]?.transactions.length, 3)
  assert.equal(first?.date, '2026-02-28')
  assert.deepEqual(first?.dates, { bookedAt: '2026-02-28T14:03:11.250Z' })
  assert.deepEqual(second?.dates, {
    debitedAt: '2026-03-01T00:00:00.000Z',
    bookedAt: '2026-02-27T00:00:00.000Z',
  })
  assert.equal(third?.date, '2026-03-31')
  assert.deepEqual(
    result.issues.map((i) => [i.path, i.severity]),
    [['connections[0].accounts[0].transactions[3].date', 'warning']],
  )
  assert.match(result.issues[0]?.message ?? '', /no date given .*transaction skipped/)
})

test('keeps the fractional seconds of every date', () => {
  const { accounts } = parseBudgetInsightV2(
    account({ last_update: '2026-03-31T18:00:00.123456Z' }, [
      tx({ date: '2026-03-02 10:11:12.5', rdate: '2026-03-01T09:00:00.042+01:00' }),
    ]),
  )
  assert.equal(accounts[0]?.balanceDate, '2026-03-31T18:00:00.123456Z')
  assert.deepEqual(accounts[0]?.transactions[0]?.dates, {
    debitedAt: '2026-03-02T10:11:12.500Z',
    bookedAt: '2026-03-01T08:00:00.042Z',
  })
})

test('maps every Budget Insight usage; an unknown one is UNKNOWN with a warning', () => {
  const read = (usage: unknown) => parseBudgetInsightV2(account({ usage }))
  assert.equal(read('PRIV').accounts[0]?.usage, 'PERSONAL')
  assert.equal(read('ORGA').accounts[0]?.usage, 'PROFESSIONAL')
  assert.equal(read('ASSO').accounts[0]?.usage, 'PROFESSIONAL')
  assert.equal(read('priv').accounts[0]?.usage, 'PERSONAL')
  assert.deepEqual(read(null).issues, [])
  const unknown = read('FAMILY')
  assert.equal(unknown.accounts[0]?.usage, 'UNKNOWN')
  assert.deepEqual(
    unknown.issues.map((i) => [i.path, i.severity, i.message]),
    [
      [
        'connections[0].accounts[0].usage',
        'warning',
        'unknown account usage "FAMILY", read as UNKNOWN',
      ],
    ],
  )
})
