/**
 * Bounded customer data (docs/decisions/bounded-customer-data.md): a per-customer cap on stored
 * transactions, an analysis window, the analyses list paged and written piece by piece, and
 * enriched transactions stored in chunks that a page reads alone.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { windowStart } from '../../src/app/run-analysis.ts'
import { generateUpload } from '../../src/synthetic/index.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

let harness: Harness
let token: string
before(async () => {
  harness = await startHarness({ MAX_TRANSACTIONS_PER_CUSTOMER: '1500' }, { worker: true })
  ;({ token } = await newProject(harness))
})
after(() => harness.close())

const newCustomer = async (body: Record<string, unknown> = {}) =>
  json<{ id: string }>(
    await call(harness, token, 'POST', '/v2/customers', {
      customIdentifier: `c-${Math.random().toString(36).slice(2)}`,
      ...body,
    }),
  ).id

/** Two years of one generated customer: ~1,000 transactions on a checking account. */
const twoYears = (seed: number) =>
  generateUpload({ profile: 'good', country: 'FR', months: 24, seed })

const storedCount = async (customerId: string) =>
  (
    await harness.runtime.db.query<{ n: number }>(
      `select count(*)::int as n from transactions t join accounts a on a.id = t.account_id
        where a.customer_id = $1`,
      [customerId],
    )
  ).rows[0]?.n

const completed = async (customerId: string, analysisId: string) => {
  const url = `/v2/customers/${customerId}/analyses/${analysisId}`
  for (let i = 0; i < 600; i++) {
    const body = json<{ status: string }>(await call(harness, token, 'GET', url))
    if (body.status !== 'IN_PROGRESS') return body
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('analysis not finished')
}

const analyse = async (customerId: string, body: object) => {
  const created = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, body)
  assert.equal(created.statusCode, 202, created.body)
  const { id } = json<{ id: string }>(created)
  assert.equal((await completed(customerId, id)).status, 'COMPLETED')
  return id
}

const transactionsOf = async (customerId: string, analysisId: string, query = '') =>
  json<{ resources: { id: string; date?: string }[]; pagination: { totalResources: number } }>(
    await call(
      harness,
      token,
      'GET',
      `/v2/customers/${customerId}/analyses/${analysisId}/transactions${query}`,
    ),
  )

test('the window: 12 months before the latest date by default, windowMonths otherwise', async () => {
  const upload = twoYears(1)
  const customerId = await newCustomer()
  const dates = upload.accounts.flatMap((account) =>
    account.transactions.map((t) => (t.dates.debitedAt ?? t.dates.bookedAt ?? '').slice(0, 10)),
  )
  const balanceDates = upload.accounts.map((account) => account.balanceDate?.slice(0, 10) ?? '')
  const asOf = [...dates, ...balanceDates].sort().at(-1) ?? ''
  const start = windowStart(asOf, 12)
  const inWindow = dates.filter((date) => date > start).length
  assert.ok(inWindow > 100 && inWindow < dates.length - 100, 'the upload spans two years')

  const byDefault = await analyse(customerId, upload)
  assert.equal((await transactionsOf(customerId, byDefault)).pagination.totalResources, inWindow)
  const whole = await analyse(customerId, { ...upload, parameters: { windowMonths: 24 } })
  assert.equal((await transactionsOf(customerId, whole)).pagination.totalResources, dates.length)
  const read = json<{ parameters: unknown }>(
    await call(harness, token, 'GET', `/v2/customers/${customerId}/analyses/${whole}`),
  )
  assert.deepEqual(read.parameters, {
    disableScores: false,
    disableCreditInsights: false,
    windowMonths: 24,
  })

  for (const windowMonths of [0, 241, 1.5]) {
    const refused = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      ...upload,
      parameters: { windowMonths },
    })
    assert.equal(refused.statusCode, 400)
    assert.equal(json(refused).code, 'BAD_REQUEST')
  }
})

test('windowStart counts calendar months back and clamps the day', () => {
  assert.equal(windowStart('2026-08-21', 12), '2025-08-21')
  assert.equal(windowStart('2026-03-31', 1), '2026-02-28')
  assert.equal(windowStart('2024-03-31', 1), '2024-02-29')
  assert.equal(windowStart('2026-01-15', 1), '2025-12-15')
  assert.equal(windowStart('2026-01-15', 240), '2006-01-15')
})

test('a customer holds at most MAX_TRANSACTIONS_PER_CUSTOMER transactions: past it, 422 and nothing stored', async () => {
  const customerId = await newCustomer()
  const first = twoYears(2)
  const count = first.accounts.reduce((n, a) => n + a.transactions.length, 0)
  assert.ok(count > 750 && count <= 1500, `one upload fits (${count})`)
  await analyse(customerId, first)
  // The same transactions again are stored once: still within the cap.
  await analyse(customerId, first)
  assert.equal(await storedCount(customerId), count)

  // Another account of as many transactions would go past it.
  const second = twoYears(3)
  const other = { ...second.accounts[0], iban: 'FR7630001007941234567890185' }
  const refused = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
    accounts: [other],
  })
  assert.equal(refused.statusCode, 422)
  const body = json<{ code: string; message: string; status: number }>(refused)
  assert.equal(body.code, 'TRANSACTION_LIMIT_REACHED')
  assert.equal(body.status, 422)
  assert.match(body.message, /at most 1500 per customer/)
  assert.equal(await storedCount(customerId), count)
  const list = json<{ pagination: { totalResources: number } }>(
    await call(harness, token, 'GET', `/v2/customers/${customerId}/analyses`),
  )
  assert.equal(list.pagination.totalResources, 2, 'no analysis created by the refused upload')
})

test('the analyses list pages 20 by default, streams each analysis exactly as its GET', async () => {
  const customerId = await newCustomer({ aggregationDetails: { userId: 'u-list' } })
  const completedId = await analyse(customerId, twoYears(4))
  // Analyses waiting for a connector are cheap to create: 21 more.
  for (let i = 0; i < 21; i++) {
    const created = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {})
    assert.equal(created.statusCode, 202)
  }
  const url = `/v2/customers/${customerId}/analyses`
  const first = json<{ resources: { id: string }[]; pagination: Record<string, unknown> }>(
    await call(harness, token, 'GET', url),
  )
  assert.equal(first.resources.length, 20)
  assert.equal(first.pagination.totalResources, 22)
  assert.equal(first.pagination.next, `${url}?page=2&limit=20`)
  // Above the list's maximum (100), pages of the maximum, as for every list (not a 400).
  const tooMany = await call(harness, token, 'GET', `${url}?limit=101`)
  assert.equal(tooMany.statusCode, 200)
  assert.equal(json<{ resources: unknown[] }>(tooMany).resources.length, 22)

  // Each listed analysis, results included, is byte for byte what its own GET answers.
  const page = await call(harness, token, 'GET', `${url}?limit=2`)
  assert.equal(page.statusCode, 200)
  assert.match(String(page.headers['content-type']), /^application\/json/)
  const listed = json<{ resources: Record<string, unknown>[] }>(page).resources
  assert.equal(listed[0]?.id, completedId)
  assert.ok(listed[0]?.creditInsights, 'the list carries the results, as the reference does')
  for (const resource of listed) {
    const own = await call(harness, token, 'GET', `${url}/${String(resource.id)}`)
    assert.equal(JSON.stringify(resource), own.body)
  }
  // A second GET is served from the wire cache: the same bytes.
  const again = await call(harness, token, 'GET', `${url}/${completedId}`)
  assert.equal(JSON.stringify(listed[0]), again.body)
})

test('transactions are stored in chunks: a page reads the chunks it overlaps, in order', async () => {
  const upload = twoYears(5)
  const customerId = await newCustomer()
  const analysisId = await analyse(customerId, { ...upload, parameters: { windowMonths: 24 } })
  const first = await transactionsOf(customerId, analysisId, '?limit=1000')
  const second = await transactionsOf(customerId, analysisId, '?limit=1000&page=2')
  const all = { resources: [...first.resources, ...second.resources] }
  const total = first.pagination.totalResources
  assert.equal(all.resources.length, total)
  const { rows } = await harness.runtime.db.query<{ count: number; n: number }>(
    `select count, count(*) over ()::int as n from analysis_transaction_chunks
      where analysis_id = $1 order by start_index`,
    [analysisId],
  )
  const counts = await harness.runtime.db.query<{ transaction_count: number }>(
    'select transaction_count from analysis_accounts where analysis_id = $1',
    [analysisId],
  )
  // Chunks of 50 per account.
  assert.equal(
    rows[0]?.n,
    counts.rows.reduce((n, row) => n + Math.ceil(row.transaction_count / 50), 0),
  )
  assert.ok(rows.every((row) => row.count <= 50))
  // Pages across chunk boundaries: exactly the slice of the whole list.
  for (const [limit, page] of [
    [20, 1],
    [20, 3],
    [33, 2],
    [20, Math.ceil(total / 20)],
  ] as const) {
    const got = await transactionsOf(customerId, analysisId, `?limit=${limit}&page=${page}`)
    assert.deepEqual(
      got.resources.map((t) => t.id),
      all.resources.slice((page - 1) * limit, page * limit).map((t) => t.id),
    )
    assert.equal(got.pagination.totalResources, total)
  }
  const accounts = json<{ resources: { id: string }[] }>(
    await call(
      harness,
      token,
      'GET',
      `/v2/customers/${customerId}/analyses/${analysisId}/accounts`,
    ),
  ).resources
  const account = accounts[0]?.id ?? ''
  const perAccount = json<{ resources: { id: string }[] }>(
    await call(
      harness,
      token,
      'GET',
      `/v2/customers/${customerId}/analyses/${analysisId}/accounts/${account}/transactions?limit=20&page=2`,
    ),
  )
  assert.deepEqual(
    perAccount.resources.map((t) => t.id),
    all.resources.slice(20, 40).map((t) => t.id),
  )
})
