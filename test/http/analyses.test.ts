/**
 * Analyses over HTTP without a worker: what the API stores and answers before and while an
 * analysis is computed (the computed flow is in quick-start.test.ts).
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { buildApp } from '../../src/http/build-app.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

interface Upload {
  accounts: { transactions: Record<string, unknown>[] }[]
}

let harness: Harness
let upload: Upload
before(async () => {
  harness = await startHarness()
  upload = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  ) as Upload // fixture file: the ALGOAN upload shape
})
after(() => harness.close())

const newCustomer = async (token: string, body: Record<string, unknown> = {}) =>
  json<{ id: string }>(
    await call(harness, token, 'POST', '/v2/customers', {
      customIdentifier: `c-${Math.random().toString(36).slice(2)}`,
      ...body,
    }),
  ).id

const events = async (customerId: string) =>
  (
    await harness.runtime.db.query<{ name: string; analysis_id: string | null }>(
      'select name, analysis_id from outbox_events where customer_id = $1 order by id',
      [customerId],
    )
  ).rows

const jobsFor = async (analysisId: string) =>
  (
    await harness.runtime.db.query(
      `select id from pgboss.job where name = 'analysis' and data->>'analysisId' = $1`,
      [analysisId],
    )
  ).rows.length

describe('POST /v2/customers/{id}/analyses', () => {
  test('stores the accounts, answers 202 IN_PROGRESS and enqueues one job with the data', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const response = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      ...upload,
      parameters: { disableScores: false },
      dataOrigin: 'OPEN_BANKING',
    })
    assert.equal(response.statusCode, 202)
    const analysis = json<Record<string, unknown> & { id: string }>(response)
    assert.equal(analysis.status, 'IN_PROGRESS')
    assert.equal(analysis.format, 'ALGOAN')
    assert.equal(analysis.source, 'CLIENT')
    assert.equal(analysis.dataOrigin, 'OPEN_BANKING')
    assert.deepEqual(analysis.parameters, { disableScores: false, disableCreditInsights: false })
    assert.equal(await jobsFor(analysis.id), 1)
    assert.deepEqual(await events(customerId), [
      { name: 'bank_details_fetched', analysis_id: analysis.id },
    ])
    const stored = await harness.runtime.store.analyses.loadAccounts(customerId)
    assert.equal(stored[0]?.account.transactions.length, upload.accounts[0]?.transactions.length)

    const read = await call(
      harness,
      token,
      'GET',
      `/v2/customers/${customerId}/analyses/${analysis.id}`,
    )
    assert.deepEqual(json(read), analysis)
    const list = json<{ resources: unknown[]; pagination: { totalResources: number } }>(
      await call(harness, token, 'GET', `/v2/customers/${customerId}/analyses`),
    )
    assert.deepEqual(list.resources, [analysis])
    assert.equal(list.pagination.totalResources, 1)
  })

  test('answers 400 naming the field of a bad transaction, and stores nothing', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const transactions = upload.accounts[0]?.transactions.map((t) => ({ ...t })) ?? []
    transactions[3] = { ...transactions[3], amount: '12,5' }
    const response = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      accounts: [{ ...upload.accounts[0], transactions }],
    })
    assert.equal(response.statusCode, 400)
    const body = json<{ code: string; message: string; status: number }>(response)
    assert.equal(body.code, 'BAD_REQUEST')
    assert.equal(body.status, 400)
    assert.match(body.message, /^accounts\[0\]\.transactions\[3\]\.amount/)
    assert.deepEqual(await harness.runtime.store.analyses.loadAccounts(customerId), [])
    const missing = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      accounts: [
        { ...upload.accounts[0], transactions: [{ ...transactions[0], amount: undefined }] },
      ],
    })
    assert.equal(missing.statusCode, 400)
    assert.equal(json(missing).code, 'MISSING_PARAM')
    assert.match(String(json(missing).message), /accounts\[0\]\.transactions\[0\]\.amount/)
    const list = json<{ resources: unknown[] }>(
      await call(harness, token, 'GET', `/v2/customers/${customerId}/analyses`),
    )
    assert.deepEqual(list.resources, [])
  })

  test('refuses both disableScores and disableCreditInsights with 400', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const response = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      ...upload,
      parameters: { disableScores: true, disableCreditInsights: true },
    })
    assert.equal(response.statusCode, 400)
    assert.equal(json(response).code, 'BAD_REQUEST')
  })

  test('answers 403 without accounts when the customer has no connector', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    for (const body of [{}, { accounts: [] }]) {
      const response = await call(
        harness,
        token,
        'POST',
        `/v2/customers/${customerId}/analyses`,
        body,
      )
      assert.equal(response.statusCode, 403)
      assert.equal(json(response).code, 'FORBIDDEN')
    }
  })

  test('refuses an unknown format through the format registry', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const response = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      ...upload,
      format: 'NOT_A_FORMAT',
    })
    assert.equal(response.statusCode, 400)
    assert.match(String(json(response).message), /format/)
  })

  test('refuses more transactions per account than the limit', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const template = upload.accounts[0]?.transactions[0] ?? {}
    const transactions = Array.from({ length: 10_001 }, (_, i) => ({
      ...template,
      description: `CARTE ${i}`,
    }))
    const response = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      accounts: [{ ...upload.accounts[0], transactions }],
    })
    assert.equal(response.statusCode, 400)
    assert.match(String(json(response).message), /^accounts\[0\]\.transactions: at most 10000/)
  })

  test('answers 413 with the error shape above the body limit', async () => {
    const small = await buildApp({
      deps: harness.runtime.deps,
      tokens: harness.runtime.tokens,
      isReady: harness.runtime.store.isReady,
      bodyLimitBytes: 1024,
      rateLimitPerMinute: 0,
    })
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const response = await small.inject({
      method: 'POST',
      url: `/v2/customers/${customerId}/analyses`,
      headers: { authorization: `Bearer ${token}` },
      payload: upload,
    })
    assert.equal(response.statusCode, 413)
    assert.deepEqual(json(response), {
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Request body too large',
      status: 413,
    })
    await small.close()
  })
})

describe('connector mode and PATCH', () => {
  test('an empty analysis waits for accounts (CREATED, bank_details_required), then PATCH launches it once', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token, {
      aggregationDetails: { callbackUrl: 'https://lender.example/cb' },
    })
    const created = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {})
    assert.equal(created.statusCode, 202)
    const analysis = json<{ id: string; status: string }>(created)
    assert.equal(analysis.status, 'CREATED')
    assert.equal(await jobsFor(analysis.id), 0)
    const url = `/v2/customers/${customerId}/analyses/${analysis.id}`

    const scores = await call(harness, token, 'GET', `${url}/scores`)
    assert.equal(scores.statusCode, 202)
    assert.equal(json(scores).status, 'CREATED')

    const patched = await call(harness, token, 'PATCH', url, { accounts: upload.accounts })
    assert.equal(patched.statusCode, 200)
    assert.equal(json(patched).status, 'IN_PROGRESS')
    assert.equal(await jobsFor(analysis.id), 1)
    assert.deepEqual(
      (await events(customerId)).map((event) => event.name),
      ['aggregator_link_required', 'bank_details_required', 'bank_details_fetched'],
    )

    const again = await call(harness, token, 'PATCH', url, { accounts: upload.accounts })
    assert.equal(again.statusCode, 403)
    assert.equal(json(again).code, 'FORBIDDEN')
    assert.equal(await jobsFor(analysis.id), 1)
  })

  test('PATCH with error sets the error and status, and stops there', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token, { aggregationDetails: { userId: 'u1' } })
    const analysis = json<{ id: string }>(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {}),
    )
    const url = `/v2/customers/${customerId}/analyses/${analysis.id}`
    const response = await call(harness, token, 'PATCH', url, {
      error: { code: 'AGGREGATOR_ERROR', message: 'bank connection failed' },
      accounts: upload.accounts,
    })
    assert.equal(response.statusCode, 200)
    const body = json<{ status: string; error: unknown }>(response)
    assert.equal(body.status, 'ERROR')
    assert.deepEqual(body.error, { code: 'AGGREGATOR_ERROR', message: 'bank connection failed' })
    assert.equal(await jobsFor(analysis.id), 0)
    const status = await call(harness, token, 'PATCH', url, { status: 'CREATED' })
    assert.equal(json(status).status, 'CREATED')
    const bad = await call(harness, token, 'PATCH', url, { status: 'DONE' })
    assert.equal(bad.statusCode, 400)
  })
})

describe('results while the analysis runs', () => {
  test('insights, scores and balances answer 202 with the status while IN_PROGRESS', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const analysis = json<{ id: string }>(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, upload),
    )
    const base = `/v2/customers/${customerId}/analyses/${analysis.id}`
    for (const path of [
      'credit-insights/incomes',
      'credit-insights/expenses',
      'credit-insights/loans',
      'credit-insights/risks',
      'credit-insights/cash-flows',
      'scores',
      'accounts/x1/balances',
    ]) {
      const response = await call(harness, token, 'GET', `${base}/${path}`)
      assert.equal(response.statusCode, 202, path)
      assert.equal(json(response).status, 'IN_PROGRESS', path)
    }
  })

  test('accounts and transactions answer 200 as soon as stored, enrichments empty until computed', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const analysis = json<{ id: string }>(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, upload),
    )
    const base = `/v2/customers/${customerId}/analyses/${analysis.id}`
    const accounts = await call(harness, token, 'GET', `${base}/accounts`)
    assert.equal(accounts.statusCode, 200)
    const listed = json<{ resources: { id: string; type: string; createdAt: string }[] }>(accounts)
    assert.equal(listed.resources.length, upload.accounts.length)
    assert.ok(listed.resources.every((account) => account.type && account.createdAt))
    const count = upload.accounts.reduce((n, account) => n + account.transactions.length, 0)
    const transactions = await call(harness, token, 'GET', `${base}/transactions?limit=5`)
    assert.equal(transactions.statusCode, 200)
    const page = json<{
      resources: { enrichments: object; amount: number; dates: object }[]
      pagination: { totalResources: number; next: string }
    }>(transactions)
    assert.equal(page.pagination.totalResources, count)
    assert.equal(page.pagination.next, `${base}/transactions?page=2&limit=5`)
    assert.ok(page.resources.every((t) => JSON.stringify(t.enrichments) === '{}'))
    assert.ok(page.resources.every((t) => typeof t.amount === 'number' && t.dates))
    const accountId = listed.resources[0]?.id ?? ''
    const ofAccount = await call(
      harness,
      token,
      'GET',
      `${base}/accounts/${accountId}/transactions`,
    )
    assert.equal(ofAccount.statusCode, 200)
    const unknown = await call(harness, token, 'GET', `${base}/accounts/x1/transactions`)
    assert.equal(unknown.statusCode, 404)
    assert.equal(json(unknown).code, 'UNKNOWN_ENTITY')
  })
})

describe('tenant isolation', () => {
  test("every analysis route answers 404 UNKNOWN_ENTITY with another project's token", async () => {
    const owner = await newProject(harness)
    const other = await newProject(harness)
    const customerId = await newCustomer(owner.token)
    const analysis = json<{ id: string }>(
      await call(harness, owner.token, 'POST', `/v2/customers/${customerId}/analyses`, upload),
    )
    const base = `/v2/customers/${customerId}/analyses`
    const routes: ['GET' | 'POST' | 'PATCH', string, unknown?][] = [
      ['GET', base],
      ['POST', base, upload],
      ['GET', `${base}/${analysis.id}`],
      ['PATCH', `${base}/${analysis.id}`, { status: 'ERROR' }],
      ['GET', `${base}/${analysis.id}/credit-insights/incomes`],
      ['GET', `${base}/${analysis.id}/credit-insights/expenses`],
      ['GET', `${base}/${analysis.id}/credit-insights/loans`],
      ['GET', `${base}/${analysis.id}/credit-insights/risks`],
      ['GET', `${base}/${analysis.id}/credit-insights/cash-flows`],
      ['GET', `${base}/${analysis.id}/scores`],
      ['GET', `${base}/${analysis.id}/accounts`],
      ['GET', `${base}/${analysis.id}/accounts/x/balances`],
      ['GET', `${base}/${analysis.id}/transactions`],
      ['GET', `${base}/${analysis.id}/accounts/x/transactions`],
    ]
    for (const [method, url, body] of routes) {
      const response = await call(harness, other.token, method, url, body)
      assert.equal(response.statusCode, 404, `${method} ${url}`)
      assert.equal(json(response).code, 'UNKNOWN_ENTITY', `${method} ${url}`)
    }
    // And the owner's analysis was not touched by the PATCH.
    const read = await call(harness, owner.token, 'GET', `${base}/${analysis.id}`)
    assert.equal(json(read).status, 'IN_PROGRESS')
  })

  test('malformed ids answer 404 UNKNOWN_ENTITY', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    for (const url of [
      `/v2/customers/${customerId}/analyses/${encodeURIComponent("x' or '1'='1")}`,
      `/v2/customers/%00/analyses`,
      `/v2/customers/${customerId}/analyses/nope/scores`,
    ]) {
      const response = await call(harness, token, 'GET', url)
      assert.equal(response.statusCode, 404, url)
      assert.equal(json(response).code, 'UNKNOWN_ENTITY', url)
    }
  })
})

describe('rate limit', () => {
  test('answers 429 TOO_MANY_REQUESTS past the per-client limit, per client', async () => {
    const limited = await buildApp({
      deps: harness.runtime.deps,
      tokens: harness.runtime.tokens,
      isReady: harness.runtime.store.isReady,
      bodyLimitBytes: 1024 * 1024,
      rateLimitPerMinute: 3,
    })
    const first = await newProject(harness)
    const second = await newProject(harness)
    const get = (token: string) =>
      limited.inject({ url: '/v2/customers', headers: { authorization: `Bearer ${token}` } })
    for (let i = 0; i < 3; i++) assert.equal((await get(first.token)).statusCode, 200)
    const refused = await get(first.token)
    assert.equal(refused.statusCode, 429)
    assert.equal(json(refused).code, 'TOO_MANY_REQUESTS')
    assert.equal((await get(second.token)).statusCode, 200)
    await limited.close()
  })
})

describe('PATCH status: only legal transitions', () => {
  const patch = (token: string, url: string, body: unknown) =>
    call(harness, token, 'PATCH', url, body)

  test('a running analysis cannot be completed, reset or failed by a client', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token)
    const analysis = json<{ id: string }>(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, upload),
    )
    const url = `/v2/customers/${customerId}/analyses/${analysis.id}`
    for (const body of [
      { status: 'COMPLETED' },
      { status: 'CREATED' },
      { status: 'ERROR', error: { code: 'X', message: 'y' } },
      { error: { code: 'X', message: 'y' } },
    ]) {
      const response = await patch(token, url, body)
      assert.equal(response.statusCode, 403, JSON.stringify(body))
      assert.equal(json(response).code, 'INVALID_STATUS_TRANSITION')
    }
    const same = await patch(token, url, { status: 'IN_PROGRESS' })
    assert.equal(same.statusCode, 200)
    const read = json<{ status: string; error?: unknown }>(await call(harness, token, 'GET', url))
    assert.equal(read.status, 'IN_PROGRESS')
    assert.equal(read.error, undefined)
  })

  test('an analysis waiting for accounts cannot be set IN_PROGRESS or COMPLETED without them', async () => {
    const { token } = await newProject(harness)
    const customerId = await newCustomer(token, { aggregationDetails: { userId: 'u2' } })
    const analysis = json<{ id: string }>(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {}),
    )
    const url = `/v2/customers/${customerId}/analyses/${analysis.id}`
    for (const status of ['IN_PROGRESS', 'COMPLETED']) {
      const response = await patch(token, url, { status })
      assert.equal(response.statusCode, 403, status)
      assert.equal(json(response).code, 'INVALID_STATUS_TRANSITION')
    }
    const completedWithAccounts = await patch(token, url, {
      status: 'COMPLETED',
      accounts: upload.accounts,
    })
    assert.equal(completedWithAccounts.statusCode, 403)
    assert.equal(await jobsFor(analysis.id), 0)
    const errorWithout = await patch(token, url, { status: 'ERROR' })
    assert.equal(errorWithout.statusCode, 400)
    assert.equal(json(errorWithout).code, 'BAD_REQUEST')
    assert.equal(json<{ status: string }>(await call(harness, token, 'GET', url)).status, 'CREATED')

    const failed = await patch(token, url, { error: { code: 'BANK_DOWN', message: 'try later' } })
    assert.equal(json(failed).status, 'ERROR')
    const reset = json<{ status: string; error?: unknown }>(
      await patch(token, url, { status: 'CREATED' }),
    )
    assert.equal(reset.status, 'CREATED')
    assert.equal(reset.error, undefined)
    const launched = await patch(token, url, { status: 'IN_PROGRESS', accounts: upload.accounts })
    assert.equal(json(launched).status, 'IN_PROGRESS')
    assert.equal(await jobsFor(analysis.id), 1)
  })
})
