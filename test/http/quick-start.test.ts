/**
 * The quick start of the reference, end to end with the worker running in-process: token →
 * customer → analysis → poll → scores, credit insights, accounts, balances, transactions.
 */
import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { createClient } from '../../src/app/clients.ts'
import type { Analyser } from '../../src/app/ports.ts'
import { analysisToJson } from '../../src/app/wire.ts'
import { analyse as engine } from '../../src/engine/analyse.ts'
import { call, json, startHarness, type Harness } from './harness.ts'

const FIXTURES = new URL('../fixtures/algoan/', import.meta.url)
const CLIENT_ID = 'quick-start'
const CLIENT_SECRET = 'quick-start-secret-0001'

interface Upload {
  accounts: { transactions: unknown[] }[]
}
interface Page<T = Record<string, unknown>> {
  resources: T[]
  pagination: { next: string | null; totalPages: number; totalResources: number }
}
interface AnalysisBody {
  id: string
  status: string
  metadata?: { totalTransactionCount: number }
  error?: { code: string; message: string }
  scores?: unknown
  creditInsights?: unknown
}

const fixture = async (name: string): Promise<Upload> =>
  JSON.parse(await readFile(new URL(name, FIXTURES), 'utf8')) as Upload // ALGOAN upload fixtures

/**
 * The real engine, except for uploads whose account is named FAIL_ONCE (throws on its first
 * call) or FAIL_ALWAYS (always throws): the engine itself never throws, and the job's retries
 * are what these tests exercise.
 */
const failedOnce = new Set<string>()
const flakyEngine: Analyser = (accounts, ctx) => {
  const name = accounts[0]?.name
  if (name === 'FAIL_ALWAYS') throw new Error('engine failure (test)')
  const key = accounts[0]?.id ?? ''
  if (name === 'FAIL_ONCE' && !failedOnce.has(key)) {
    failedOnce.add(key)
    throw new Error('transient engine failure (test)')
  }
  return engine(accounts, ctx)
}

let harness: Harness
let token: string
before(async () => {
  harness = await startHarness(
    {
      BOOTSTRAP_CLIENT_ID: CLIENT_ID,
      BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
      JOB_RETRY_LIMIT: '2',
      JOB_RETRY_DELAY_SECONDS: '1',
    },
    { worker: true, analyse: flakyEngine },
  )
  const response = await harness.app.inject({
    method: 'POST',
    url: '/v2/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`,
  })
  assert.equal(response.statusCode, 201)
  token = json<{ access_token: string }>(response).access_token
})
after(() => harness.close())

const get = async <T = Record<string, unknown>>(url: string, status = 200): Promise<T> => {
  const response = await call(harness, token, 'GET', url)
  assert.equal(response.statusCode, status, `GET ${url}: ${response.body.slice(0, 200)}`)
  return json<T>(response)
}

const createCustomer = async (customIdentifier: string) => {
  const response = await call(harness, token, 'POST', '/v2/customers', { customIdentifier })
  assert.equal(response.statusCode, 201)
  return json<{ id: string }>(response).id
}

const analyse = async (customerId: string, body: unknown): Promise<AnalysisBody> => {
  const response = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, body)
  assert.equal(response.statusCode, 202, response.body)
  const { id } = json<{ id: string }>(response)
  // Short polling, as the quick start says.
  const deadline = Date.now() + 30_000
  for (;;) {
    const analysis = await get<AnalysisBody>(`/v2/customers/${customerId}/analyses/${id}`)
    if (analysis.status === 'COMPLETED' || analysis.status === 'ERROR') return analysis
    assert.ok(Date.now() < deadline, `analysis ${id} still ${analysis.status}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('quick start on harry_potter', () => {
  test('token → customer → analysis → poll → every result', async () => {
    const upload = await fixture('harry_potter.json')
    const transactionCount = upload.accounts.reduce((n, a) => n + a.transactions.length, 0)
    const customerId = await createCustomer('harry')
    const analysis = await analyse(customerId, upload)
    assert.equal(analysis.status, 'COMPLETED', JSON.stringify(analysis.error))
    assert.equal(analysis.metadata?.totalTransactionCount, transactionCount)
    assert.ok(analysis.scores && analysis.creditInsights)
    const base = `/v2/customers/${customerId}/analyses/${analysis.id}`

    const scores = await get<{ creditScore: { value: number; reasons: unknown[] } }>(
      `${base}/scores`,
    )
    assert.deepEqual(scores, analysis.scores)
    assert.ok(scores.creditScore.value >= 0 && scores.creditScore.value <= 1000)
    assert.ok(scores.creditScore.reasons.length > 0)

    const insights = analysis.creditInsights as Record<string, unknown>
    for (const part of ['incomes', 'expenses', 'loans', 'risks'] as const) {
      assert.deepEqual(await get(`${base}/credit-insights/${part}`), insights[part], part)
    }
    const cashFlows = await get<Page>(`${base}/credit-insights/cash-flows`)
    assert.deepEqual(cashFlows.resources, insights.cashFlows)

    const accounts = await get<Page<{ id: string; type: string; createdAt: string }>>(
      `${base}/accounts`,
    )
    assert.equal(accounts.pagination.totalResources, upload.accounts.length)
    const checking = accounts.resources.find((account) => account.type === 'CHECKING')
    assert.ok(checking?.createdAt)

    const balances = await get<Page<{ date: string; balance: number }>>(
      `${base}/accounts/${checking.id}/balances?limit=30`,
    )
    assert.ok(balances.pagination.totalResources > 30)
    assert.equal(balances.resources.length, 30)
    const dates = balances.resources.map((b) => b.date)
    assert.deepEqual([...dates].sort(), dates)

    const transactions = await get<Page<{ id: string; accountId: string; enrichments: object }>>(
      `${base}/transactions?limit=10`,
    )
    assert.equal(transactions.pagination.totalResources, transactionCount)
    assert.equal(transactions.pagination.totalPages, Math.ceil(transactionCount / 10))
    assert.equal(transactions.pagination.next, `${base}/transactions?page=2&limit=10`)
    assert.ok(transactions.resources.every((t) => 'category' in t.enrichments))
    const second = await get<Page<{ id: string }>>(`${base}/transactions?limit=10&page=2`)
    const ids = new Set([...transactions.resources, ...second.resources].map((t) => t.id))
    assert.equal(ids.size, 20)
    const ofAccount = await get<Page<{ accountId: string }>>(
      `${base}/accounts/${checking.id}/transactions`,
    )
    assert.ok(ofAccount.resources.every((t) => t.accountId === checking.id))
    await get(`${base}/accounts/not-an-account/transactions`, 404)

    const { rows } = await harness.runtime.db.query<{ name: string }>(
      `select name from outbox_events where analysis_id = $1 order by id`,
      [analysis.id],
    )
    assert.deepEqual(
      rows.map((row) => row.name),
      ['bank_details_fetched', 'analysis_completed'],
    )
  })

  test('the analysis the worker completed is served from its cache, byte for byte as stored', async () => {
    const customerId = await createCustomer('primed')
    const { id } = await analyse(customerId, await fixture('harry_potter.json'))
    const { deps } = harness.runtime
    const projectId = (await deps.credentials.findClient(CLIENT_ID))?.projectId ?? ''
    const version = await deps.analyses.version(projectId, customerId, id)
    assert.ok(version)
    const primed = deps.analysisWire?.get(id, version)
    assert.ok(primed, 'the worker put the completed analysis in the wire cache')
    const stored = await deps.analyses.find(projectId, customerId, id)
    assert.ok(stored)
    assert.equal(Buffer.from(primed).toString('utf8'), analysisToJson(stored))
    const served = await call(harness, token, 'GET', `/v2/customers/${customerId}/analyses/${id}`)
    assert.equal(served.body, analysisToJson(stored))
  })

  test('a later analysis uses every account of the customer, counting re-uploads once', async () => {
    const harry = await fixture('harry_potter.json')
    const lara = await fixture('lara_croft.json')
    const count = (upload: Upload) => upload.accounts.reduce((n, a) => n + a.transactions.length, 0)
    const customerId = await createCustomer('later')
    const first = await analyse(customerId, harry)
    const again = await analyse(customerId, harry)
    assert.equal(again.status, 'COMPLETED')
    assert.equal(again.metadata?.totalTransactionCount, first.metadata?.totalTransactionCount)
    const both = await analyse(customerId, lara)
    const accounts = await get<Page>(`/v2/customers/${customerId}/analyses/${both.id}/accounts`)
    assert.equal(accounts.pagination.totalResources, harry.accounts.length + lara.accounts.length)
    const transactions = await get<Page>(
      `/v2/customers/${customerId}/analyses/${both.id}/transactions?limit=1`,
    )
    assert.equal(transactions.pagination.totalResources, count(harry) + count(lara))
  })

  test('disabled scores are not computed', async () => {
    const customerId = await createCustomer('no-scores')
    const analysis = await analyse(customerId, {
      ...(await fixture('harry_potter.json')),
      parameters: { disableScores: true },
    })
    assert.equal(analysis.status, 'COMPLETED')
    assert.equal(analysis.scores, undefined)
    assert.ok(analysis.creditInsights)
    const scores = await get<{ code: string }>(
      `/v2/customers/${customerId}/analyses/${analysis.id}/scores`,
      404,
    )
    assert.equal(scores.code, 'PRODUCT_DISABLED')
  })
})

describe('refusals', () => {
  test("a project's supported currencies decide CURRENCY_NOT_SUPPORTED", async () => {
    const client = await createClient(harness.runtime.deps, {
      name: 'pounds only',
      supportedCurrencies: ['GBP'],
    })
    const response = await harness.app.inject({
      method: 'POST',
      url: '/v2/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`,
    })
    const poundsToken = json<{ access_token: string }>(response).access_token
    const customer = await call(harness, poundsToken, 'POST', '/v2/customers', {
      customIdentifier: 'euro-customer',
    })
    const customerId = json<{ id: string }>(customer).id
    const created = await call(
      harness,
      poundsToken,
      'POST',
      `/v2/customers/${customerId}/analyses`,
      await fixture('harry_potter.json'),
    )
    const url = `/v2/customers/${customerId}/analyses/${json<{ id: string }>(created).id}`
    let analysis = json<AnalysisBody>(await call(harness, poundsToken, 'GET', url))
    while (analysis.status === 'IN_PROGRESS') {
      await new Promise((resolve) => setTimeout(resolve, 50))
      analysis = json<AnalysisBody>(await call(harness, poundsToken, 'GET', url))
    }
    assert.equal(analysis.status, 'ERROR')
    assert.equal(analysis.error?.code, 'CURRENCY_NOT_SUPPORTED')
  })

  test("each refusal fixture ends in ERROR with the engine's code", async () => {
    const names = (await readdir(FIXTURES)).filter((name) => /_not_|^no_checking/.test(name))
    assert.ok(names.length >= 5)
    await Promise.all(
      names.map(async (name) => {
        const code = name.replace('.json', '').toUpperCase()
        const customerId = await createCustomer(`refused-${name}`)
        const analysis = await analyse(customerId, await fixture(name))
        assert.equal(analysis.status, 'ERROR', name)
        assert.equal(analysis.error?.code, code, name)
        const scores = await get<{ code: string; message: string }>(
          `/v2/customers/${customerId}/analyses/${analysis.id}/scores`,
          409,
        )
        assert.equal(scores.code, 'ANALYSIS_IN_ERROR')
        assert.ok(scores.message.includes(code), scores.message)
        // The enriched transactions of a refused input are still served.
        await get(`/v2/customers/${customerId}/analyses/${analysis.id}/transactions`)
      }),
    )
  })
})

describe('job retries', () => {
  const named = async (name: string): Promise<Upload> => {
    const upload = await fixture('harry_potter.json')
    return { accounts: upload.accounts.map((account) => ({ ...account, name })) }
  }
  const jobOf = async (analysisId: string) =>
    (
      await harness.runtime.db.query<{ state: string; retry_count: number }>(
        `select state, retry_count from pgboss.job where name = 'analysis' and data->>'analysisId' = $1`,
        [analysisId],
      )
    ).rows
  const completions = async (analysisId: string) =>
    (
      await harness.runtime.db.query(
        `select 1 from outbox_events where analysis_id = $1 and name = 'analysis_completed'`,
        [analysisId],
      )
    ).rows.length

  test('a job that fails once is retried and the analysis completes once', async () => {
    const customerId = await createCustomer('flaky')
    const analysis = await analyse(customerId, await named('FAIL_ONCE'))
    assert.equal(analysis.status, 'COMPLETED')
    assert.equal(await completions(analysis.id), 1)
    const [job] = await jobOf(analysis.id)
    assert.equal(job?.state, 'completed')
    assert.equal(job?.retry_count, 1)
  })

  test('a job that keeps failing ends the analysis in ERROR INTERNAL_ERROR after its retries', async () => {
    const customerId = await createCustomer('broken')
    const started = Date.now()
    const analysis = await analyse(customerId, await named('FAIL_ALWAYS'))
    assert.equal(analysis.status, 'ERROR')
    assert.equal(analysis.error?.code, 'INTERNAL_ERROR')
    assert.equal(await completions(analysis.id), 1)
    const [job] = await jobOf(analysis.id)
    assert.equal(job?.state, 'failed')
    assert.equal(job?.retry_count, 2)
    // Backoff: retries wait about 1 s then 2 s (jittered), so this cannot take under a second.
    assert.ok(Date.now() - started > 1_000)
  })
})
