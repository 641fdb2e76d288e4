/**
 * The store on PGlite (default) or PostgreSQL (when DATABASE_URL is set): same SQL, same suite.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Tx } from '../../src/app/ports.ts'
import type { Account } from '../../src/engine/model/index.ts'
import {
  createStore,
  migrate,
  openPglite,
  openPostgres,
  type Database,
  type Store,
} from '../../src/store/index.ts'

let db: Database
let store: Store
const now = new Date('2026-01-01T00:00:00.000Z')

before(async () => {
  db = process.env.DATABASE_URL
    ? await openPostgres(process.env.DATABASE_URL)
    : await openPglite('memory://')
  await migrate(db)
  store = createStore(db)
})
after(() => db.close())

let sequence = 0
const uid = (prefix: string) => `${prefix}${process.pid}x${Date.now()}x${sequence++}`

const newCustomer = async () => {
  const projectId = uid('p')
  await store.inTransaction((tx) =>
    store.credentials.createProjectWithClient(tx, {
      projectId,
      name: 'store suite',
      clientId: uid('c'),
      secretHash: 'x',
    }),
  )
  const id = uid('cu')
  await store.inTransaction((tx) =>
    store.customers.insert(tx, {
      id,
      projectId,
      customIdentifier: id,
      aggregationDetails: null,
      personalDetails: null,
      createdAt: now,
      updatedAt: now,
    }),
  )
  return { projectId, customerId: id }
}

/** An analysis IN_PROGRESS with accounts, as creating one with an upload stores it. */
const insertAnalysis = (tx: Tx, ids: { id: string; projectId: string; customerId: string }) =>
  store.analyses.insert(tx, {
    ...ids,
    status: 'IN_PROGRESS',
    format: 'ALGOAN',
    parameters: {},
    source: 'CLIENT',
    dataOrigin: 'UNKNOWN',
    createdAt: now,
    updatedAt: now,
    metadata: null,
    creditInsights: null,
    scores: null,
    error: null,
    hasAccounts: true,
  })

const account = (iban: string, amounts: number[]): Account => ({
  id: 'a0',
  type: 'CHECKING',
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance: 10_000,
  balanceDate: '2026-01-01T00:00:00.000Z',
  owners: [],
  iban,
  transactions: amounts.map((amount, index) => ({
    id: `a0t${index}`,
    accountId: 'a0',
    description: 'CARTE CAFE',
    amount,
    currency: 'EUR',
    date: '2025-12-01',
    dates: { debitedAt: '2025-12-01T00:00:00.000Z' },
    isComing: false,
  })),
})

test('migrations are applied once: a second run applies nothing', async () => {
  assert.deepEqual(await migrate(db), [])
})

test('stores a re-uploaded account and its transactions once, keeping identical ones distinct', async () => {
  const { projectId, customerId } = await newCustomer()
  const upload = [account('FR7630001007941234567890185', [-350, -350, -1200])]
  await store.inTransaction((tx) =>
    store.analyses.saveAccounts(tx, { projectId, customerId, accounts: upload }, now),
  )
  // The same data again plus one new transaction: 4 transactions, not 7.
  const again = [account('FR76 3000 1007 9412 3456 7890 185', [-350, -350, -1200, -99])]
  await store.inTransaction((tx) =>
    store.analyses.saveAccounts(tx, { projectId, customerId, accounts: again }, now),
  )
  const stored = await store.analyses.loadAccounts(customerId)
  assert.equal(stored.length, 1)
  const amounts = stored[0]?.account.transactions.map((t) => t.amount).sort((a, b) => a - b)
  assert.deepEqual(amounts, [-1200, -350, -350, -99])
  // Store ids replace the adapter's positional ids.
  assert.notEqual(stored[0]?.account.id, 'a0')
  assert.ok(stored[0]?.account.transactions.every((t) => t.accountId === stored[0]?.account.id))
  // Nothing new: the stored transactions stay as they are, ids included.
  await store.inTransaction((tx) =>
    store.analyses.saveAccounts(tx, { projectId, customerId, accounts: again }, now),
  )
  const unchanged = await store.analyses.loadAccounts(customerId)
  assert.deepEqual(
    unchanged[0]?.account.transactions.map((t) => t.id).sort(),
    stored[0]?.account.transactions.map((t) => t.id).sort(),
  )
})

test('a failed transaction stores nothing', async () => {
  const { projectId, customerId } = await newCustomer()
  await assert.rejects(
    store.inTransaction(async (tx) => {
      await store.analyses.saveAccounts(
        tx,
        { projectId, customerId, accounts: [account('FR00', [-1])] },
        now,
      )
      throw new Error('boom')
    }),
    /boom/,
  )
  assert.deepEqual(await store.analyses.loadAccounts(customerId), [])
})

test('deleting a customer removes its accounts, transactions, analyses and events', async () => {
  const { projectId, customerId } = await newCustomer()
  await store.inTransaction(async (tx) => {
    await store.analyses.saveAccounts(
      tx,
      { projectId, customerId, accounts: [account('FR11', [-5, -6])] },
      now,
    )
    await insertAnalysis(tx, { id: uid('an'), projectId, customerId })
    await store.events.publish(tx, { projectId, customerId, name: 'bank_details_fetched' })
  })
  assert.equal(
    await store.inTransaction((tx) => store.customers.remove(tx, projectId, customerId)),
    true,
  )
  for (const table of ['accounts', 'analyses', 'outbox_events']) {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from ${table} where customer_id = $1`,
      [customerId],
    )
    assert.equal(rows[0]?.n, 0, table)
  }
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from transactions t where not exists (select 1 from accounts a where a.id = t.account_id)`,
  )
  assert.equal(rows[0]?.n, 0)
})

test('complete() stores a result once: a second completion is refused', async () => {
  const { projectId, customerId } = await newCustomer()
  const id = uid('an')
  await store.inTransaction((tx) => insertAnalysis(tx, { id, projectId, customerId }))
  const result = {
    status: 'ERROR' as const,
    metadata: null,
    creditInsights: null,
    scores: null,
    error: { code: 'INTERNAL_ERROR' as const, message: 'x' },
    engineVersion: null,
    accounts: [],
  }
  const encoded = store.analyses.encodeResult(result)
  const version = await store.inTransaction((tx) => store.analyses.complete(tx, id, encoded, now))
  // The version complete() gives is the one readers see.
  assert.equal(version, await store.analyses.version(projectId, customerId, id))
  assert.equal(
    await store.inTransaction((tx) => store.analyses.complete(tx, id, encoded, now)),
    undefined,
  )
  assert.equal((await store.analyses.findById(id))?.status, 'ERROR')
})

test('the version of an analysis changes with every update, even at the same updated_at', async () => {
  const { projectId, customerId } = await newCustomer()
  const id = uid('an')
  await store.inTransaction((tx) => insertAnalysis(tx, { id, projectId, customerId }))
  const first = await store.analyses.version(projectId, customerId, id)
  assert.ok(first)
  assert.equal(await store.analyses.version(projectId, customerId, id), first)
  await store.inTransaction((tx) => store.analyses.setStatus(tx, id, { status: 'ERROR' }, now))
  const second = await store.analyses.version(projectId, customerId, id)
  assert.ok(second)
  assert.notEqual(second, first)
  await store.inTransaction((tx) => store.analyses.setStatus(tx, id, { status: 'ERROR' }, now))
  assert.notEqual(await store.analyses.version(projectId, customerId, id), second)
  // Another project or customer sees no version, like no analysis.
  assert.equal(await store.analyses.version(uid('p'), customerId, id), undefined)
  assert.equal(await store.analyses.version(projectId, uid('cu'), id), undefined)
})

test('the token signing secret is created once and shared', async () => {
  const first = await store.credentials.signingSecret()
  assert.equal(await store.credentials.signingSecret(), first)
  assert.ok(first.length >= 32)
})

test('a refresh token is consumed once; revoking its grant revokes the grant only', async () => {
  const { projectId } = await newCustomer()
  const clientId = uid('cl')
  await store.inTransaction((tx) =>
    tx.query('insert into clients (id, project_id, secret_hash) values ($1, $2, $3)', [
      clientId,
      projectId,
      'x',
    ]),
  )
  const later = new Date(now.getTime() + 3_600_000)
  const save = (jti: string, grantId: string) =>
    store.credentials.saveRefreshToken({ jti, grantId, clientId, projectId, expiresAt: later })
  const [a1, a2, b1] = [uid('a1'), uid('a2'), uid('b1')]
  const [grantA, grantB] = [uid('ga'), uid('gb')]
  await save(a1, grantA)
  await save(b1, grantB)
  assert.deepEqual(await store.credentials.consumeRefreshToken(a1, now), { grantId: grantA })
  assert.equal(await store.credentials.consumeRefreshToken(a1, now), undefined)
  await save(a2, grantA)
  await store.credentials.revokeGrantOf(a1, now)
  assert.equal(await store.credentials.consumeRefreshToken(a2, now), undefined)
  assert.deepEqual(await store.credentials.consumeRefreshToken(b1, now), { grantId: grantB })
  assert.equal(await store.credentials.consumeRefreshToken(uid('none'), later), undefined)
})

test('forgetting the signing secret removes it; the next one is new', async () => {
  const first = await store.credentials.signingSecret()
  await store.credentials.forgetSigningSecret()
  const { rows } = await db.query(`select 1 from settings where key = 'token_signing_secret'`)
  assert.equal(rows.length, 0)
  assert.notEqual(await store.credentials.signingSecret(), first)
})

test('serves a stored result back as JSON text, paginated', async () => {
  const { projectId, customerId } = await newCustomer()
  const id = uid('an')
  await store.inTransaction((tx) => insertAnalysis(tx, { id, projectId, customerId }))
  const transaction = (n: number, accountId: string) => ({ id: `t${n}`, accountId, amount: -1 - n })
  const analysed = (accountId: string, from: number) => ({
    id: accountId,
    account: {},
    transactions: [0, 1, 2].map((n) => transaction(from + n, accountId)),
    dailyBalances: [
      { date: '2026-01-01T00:00:00.000Z', balance: 10.5 },
      { date: '2026-01-02T00:00:00.000Z', balance: -3 },
    ],
  })
  const insights = {
    incomes: { totalAmount: 12.5 },
    cashFlows: [{ label: 'A' }, { label: 'B' }, { label: 'C' }],
  }
  const result = {
    status: 'COMPLETED' as const,
    metadata: null,
    // The store keeps whatever the engine produced; only its shape as JSON matters here.
    creditInsights: insights as never,
    scores: null,
    error: null,
    engineVersion: 'test',
    accounts: [
      { wire: { id: 'acc1', type: 'CHECKING' }, result: analysed('acc1', 0) as never },
      { wire: { id: 'acc2', type: 'SAVINGS' }, result: analysed('acc2', 10) as never },
    ],
  }
  const encoded = store.analyses.encodeResult(result)
  assert.ok(await store.inTransaction((tx) => store.analyses.complete(tx, id, encoded, now)))
  const parse = (page: { items: { json: string }[] }) =>
    page.items.map((item) => JSON.parse(item.json) as unknown)

  const all = await store.analyses.listTransactions(id, undefined, { limit: 4, page: 2 })
  assert.equal(all.total, 6)
  assert.deepEqual(parse(all), [transaction(11, 'acc2'), transaction(12, 'acc2')])
  const ofAccount = await store.analyses.listTransactions(id, 'acc1', { limit: 2, page: 1 })
  assert.equal(ofAccount.total, 3)
  assert.deepEqual(parse(ofAccount), [transaction(0, 'acc1'), transaction(1, 'acc1')])

  const balances = await store.analyses.listBalances(id, 'acc2', { limit: 1, page: 2 })
  assert.deepEqual(balances, {
    items: [{ date: '2026-01-02T00:00:00.000Z', balance: -3 }],
    total: 2,
  })
  const accounts = await store.analyses.listAccounts(id, { limit: 10, page: 1 })
  assert.deepEqual(parse(accounts), [result.accounts[0]?.wire, result.accounts[1]?.wire])
  assert.equal(await store.analyses.hasAccount(id, 'acc2'), true)
  assert.equal(await store.analyses.hasAccount(id, 'acc3'), false)

  assert.deepEqual(JSON.parse((await store.analyses.readInsights(id, 'incomes'))?.json ?? ''), {
    totalAmount: 12.5,
  })
  const cashFlows = await store.analyses.listCashFlows(id, { limit: 2, page: 2 })
  assert.equal(cashFlows?.total, 3)
  assert.deepEqual(cashFlows && parse(cashFlows), [{ label: 'C' }])
  // Stored as written: the text the engine produced is the text served.
  assert.equal((await store.analyses.findById(id))?.creditInsights?.json, JSON.stringify(insights))
})

test('results stored before packing are moved over and served as they were', async () => {
  // On PGlite whatever the suite's backend: the migration is plain SQL, run on a fresh database.
  const old = await openPglite('memory://')
  try {
    await migrate(old, { through: '0003_results_uncompressed.sql' })
    const insights =
      '{"version":7,"cashFlows":[{"label":"A"},{"label":"B","n":[1,2]}],"incomes":{"totalAmount":1.5}}'
    const transactions = [
      ['acc1', '{"id":"t1","amount":-1}'],
      ['acc1', '{"id":"t2","description":"a\\nb"}'],
      ['acc2', '{"id":"t3"}'],
    ]
    await old.query(`insert into projects (id, name) values ('p', 'p')`)
    await old.query(
      `insert into customers (id, project_id, custom_identifier, created_at, updated_at)
         values ('c', 'p', 'c', now(), now())`,
    )
    for (const [id, creditInsights] of [
      ['done', insights],
      ['refused', null],
    ]) {
      await old.query(
        `insert into analyses (id, project_id, customer_id, status, format, parameters, source,
           data_origin, credit_insights, created_at, updated_at)
         values ($1, 'p', 'c', 'COMPLETED', 'ALGOAN', '{}', 'CLIENT', 'UNKNOWN', $2::json, now(), now())`,
        [id, creditInsights],
      )
    }
    for (const [position, accountId] of ['acc1', 'acc2', 'acc3'].entries()) {
      await old.query(
        `insert into analysis_accounts (analysis_id, account_id, position, data, daily_balances)
         values ('done', $1, $2, '{}', '[]')`,
        [accountId, position],
      )
    }
    for (const [position, [accountId, data]] of transactions.entries()) {
      await old.query(
        `insert into analysis_transactions (analysis_id, position, account_id, data)
         values ('done', $1, $2, $3::json)`,
        [position, accountId, data],
      )
    }
    // 0004 first, then whatever later migrations exist (order and warnings, webhooks, refresh-token grants …).
    const applied = await migrate(old)
    assert.equal(applied[0], '0004_results_packed.sql')
    assert.ok(applied.includes('0100_webhooks.sql'))
    assert.ok(applied.includes('0005_account_order_and_warnings.sql'))
    const migrated = createStore(old).analyses

    assert.equal((await migrated.find('p', 'c', 'done'))?.creditInsights?.json, insights)
    assert.equal((await migrated.find('p', 'c', 'refused'))?.creditInsights, null)
    assert.equal((await migrated.readInsights('done', 'incomes'))?.json, '{"totalAmount":1.5}')
    assert.equal(await migrated.readInsights('refused', 'incomes'), null)
    const cashFlows = await migrated.listCashFlows('done', { limit: 1, page: 2 })
    assert.deepEqual(cashFlows, { items: [{ json: '{"label":"B","n":[1,2]}' }], total: 2 })
    const all = await migrated.listTransactions('done', undefined, { limit: 10, page: 1 })
    assert.deepEqual(all, { items: transactions.map(([, json]) => ({ json })), total: 3 })
    const ofAcc2 = await migrated.listTransactions('done', 'acc2', { limit: 10, page: 1 })
    assert.deepEqual(ofAcc2, { items: [{ json: '{"id":"t3"}' }], total: 1 })
    const ofAcc3 = await migrated.listTransactions('done', 'acc3', { limit: 10, page: 1 })
    assert.deepEqual(ofAcc3, { items: [], total: 0 })
  } finally {
    await old.close()
  }
})

test('large results are stored packed and served back exactly, pages across accounts', async () => {
  const { projectId, customerId } = await newCustomer()
  const id = uid('an')
  await store.inTransaction((tx) => insertAnalysis(tx, { id, projectId, customerId }))
  const transaction = (n: number, accountId: string) => ({
    id: `t${n}`,
    accountId,
    description: `PRLV SEPA ÉCHÉANCE "${n}"\n`,
    amount: -n / 100,
  })
  const analysed = (accountId: string, from: number, count: number) => ({
    id: accountId,
    account: {},
    transactions: Array.from({ length: count }, (_, n) => transaction(from + n, accountId)),
    dailyBalances: [],
  })
  const accounts = [
    analysed('acc1', 0, 700),
    analysed('acc2', 1000, 0),
    analysed('acc3', 2000, 300),
  ]
  const insights = {
    version: 7,
    cashFlows: Array.from({ length: 120 }, (_, n) => ({ label: `flow ${n}`, skipped: undefined })),
    expenses: { transactions: accounts.flatMap((account) => account.transactions) },
  }
  const encoded = store.analyses.encodeResult({
    status: 'COMPLETED',
    metadata: null,
    creditInsights: insights as never,
    scores: null,
    error: null,
    engineVersion: 'test',
    accounts: accounts.map((account) => ({ wire: { id: account.id }, result: account as never })),
  })
  // What the store serves is what JSON.stringify gives.
  assert.equal(encoded.creditInsights?.json, JSON.stringify(insights))
  assert.ok(await store.inTransaction((tx) => store.analyses.complete(tx, id, encoded, now)))
  const { rows } = await db.query<{ name: string; size: number }>(
    'select name, length(body)::int as size from analysis_insights where analysis_id = $1',
    [id],
  )
  const sizes = Object.fromEntries(rows.map((row) => [row.name, row.size]))
  assert.ok((sizes.expenses ?? Infinity) * 5 < JSON.stringify(insights.expenses).length, 'packed')

  const found = await store.analyses.find(projectId, customerId, id)
  assert.equal(found?.creditInsights?.json, JSON.stringify(insights))
  // The head is the same analysis without its credit insights.
  assert.ok(found)
  assert.deepEqual(
    { ...(await store.analyses.findHead(projectId, customerId, id)), creditInsights: 'left out' },
    { ...found, creditInsights: 'left out' },
  )
  assert.equal(
    'creditInsights' in ((await store.analyses.findHead(projectId, customerId, id)) ?? {}),
    false,
  )
  assert.equal(await store.analyses.findHead(uid('p'), customerId, id), undefined)
  const texts = (from: number, to: number) =>
    accounts
      .flatMap((account) => account.transactions)
      .slice(from, to)
      .map((t) => ({ json: JSON.stringify(t) }))
  // A page that starts in acc1 and ends in acc3, skipping the empty acc2.
  assert.deepEqual(await store.analyses.listTransactions(id, undefined, { limit: 200, page: 4 }), {
    items: texts(600, 800),
    total: 1000,
  })
  assert.deepEqual(await store.analyses.listTransactions(id, undefined, { limit: 200, page: 6 }), {
    items: [],
    total: 1000,
  })
  assert.deepEqual(await store.analyses.listTransactions(id, 'acc3', { limit: 250, page: 2 }), {
    items: texts(950, 1000),
    total: 300,
  })
  const cashFlows = await store.analyses.listCashFlows(id, { limit: 50, page: 3 })
  assert.deepEqual(
    cashFlows?.items.map((item) => item.json),
    insights.cashFlows.slice(100).map((flow) => JSON.stringify(flow)),
  )
  assert.equal(cashFlows?.total, 120)
})

test('pages of transactions read again come from the chunk cache, exact, and follow every change of the analysis', async () => {
  const { projectId, customerId } = await newCustomer()
  const id = uid('an')
  await store.inTransaction((tx) => insertAnalysis(tx, { id, projectId, customerId }))
  const transaction = (n: number, accountId: string) => ({ id: `t${n}`, accountId, amount: -n })
  const analysed = (accountId: string, from: number, count: number) => ({
    id: accountId,
    account: {},
    transactions: Array.from({ length: count }, (_, n) => transaction(from + n, accountId)),
    dailyBalances: [],
  })
  // Accounts of sizes that do not fall on chunk edges, one empty.
  const accounts = [analysed('k1', 0, 137), analysed('k2', 500, 0), analysed('k3', 900, 64)]
  const encoded = store.analyses.encodeResult({
    status: 'COMPLETED',
    metadata: null,
    creditInsights: null,
    scores: null,
    error: null,
    engineVersion: 'test',
    accounts: accounts.map((account) => ({ wire: { id: account.id }, result: account as never })),
  })
  assert.ok(await store.inTransaction((tx) => store.analyses.complete(tx, id, encoded, now)))
  const every = accounts.flatMap((account) => account.transactions)
  const expected = (accountId: string | undefined, limit: number, page: number) => {
    const of = every.filter((t) => accountId === undefined || t.accountId === accountId)
    return {
      items: of.slice((page - 1) * limit, page * limit).map((t) => ({ json: JSON.stringify(t) })),
      total: of.length,
    }
  }
  const read = (accountId: string | undefined, limit: number, page: number) =>
    store.analyses.pageTransactions(projectId, customerId, id, accountId, { limit, page })
  const cases: [string | undefined, number, number][] = []
  for (const accountId of [undefined, 'k1', 'k2', 'k3']) {
    for (const limit of [1, 7, 20, 100]) {
      for (let page = 1; page <= Math.ceil(201 / limit) + 1; page++) {
        cases.push([accountId, limit, page])
      }
    }
  }
  // Twice: the first pass fills the cache, the second is served from it.
  for (let pass = 0; pass < 2; pass++) {
    for (const [accountId, limit, page] of cases) {
      const found = await read(accountId, limit, page)
      assert.deepEqual(
        found?.page,
        expected(accountId, limit, page),
        `${accountId} ${limit} ${page}`,
      )
      assert.equal(found?.analysis.status, 'COMPLETED')
      assert.equal(found?.accountFound, true)
    }
  }
  const unknown = await read('k9', 20, 1)
  assert.deepEqual([unknown?.accountFound, unknown?.page], [false, { items: [], total: 0 }])
  // Another project's or customer's id: nothing, cached or not.
  assert.equal(
    await store.analyses.pageTransactions(uid('p'), customerId, id, undefined, {
      limit: 20,
      page: 1,
    }),
    undefined,
  )
  // The stored chunks rewritten under the same analysis (no route does this; a restore or a
  // migration could): the new version is read, not the cached one.
  const rewritten = every
    .slice(0, 50)
    .map((t) => JSON.stringify({ ...t, amount: undefined, amount2: t.amount }))
    .join('\n')
  await db.query(
    'update analysis_transaction_chunks set body = $2 where analysis_id = $1 and start_index = 0',
    [id, rewritten],
  )
  const stale = await read(undefined, 20, 1)
  assert.match(stale?.page.items[0]?.json ?? '', /"amount":/, 'same version: the cache answers')
  await db.query(`update analyses set updated_at = updated_at where id = $1`, [id])
  const fresh = await read(undefined, 20, 1)
  assert.match(fresh?.page.items[0]?.json ?? '', /"amount2":/)
  // A removed analysis is not found, though its pages were cached.
  await db.query('delete from analyses where id = $1', [id])
  assert.equal(await read('k1', 20, 2), undefined)
})
