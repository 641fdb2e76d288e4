/**
 * The analyses API v2 to the letter of its reference: PATCH merges a customer's details,
 * connector mode, parameters always answered, result routes by analysis status (ANALYSIS_IN_ERROR,
 * PRODUCT_DISABLED, data served as soon as stored), `source` INTERNAL after a relaunch,
 * `staffing: null`, strict input enumerations, and `limit` above the maximum. Then the OpenAPI
 * document at /docs/json and the typed client generated from it (`creditlens/client`): the
 * document is valid OpenAPI 3.1 and describes every response; the committed client types are
 * what `npm run client:generate` writes; the generated types are the engine's wire types; and
 * the quick start runs through the client against the app listening on a port, every result
 * matching its schema. One app (with its worker) for the whole file.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Value } from 'typebox/value'
import { CLIENT_TYPES_FILE, clientTypes } from '../../scripts/generate-client.ts'
import type { AnalysisMetadata } from '../../src/app/analysis-notes.ts'
import { createClient } from '../../src/app/clients.ts'
import type { Analyser } from '../../src/app/ports.ts'
import { createCreditlensClient, type Schema } from '../../src/client/index.ts'
import { loadConfig } from '../../src/config/index.ts'
import { analyse as engine } from '../../src/engine/analyse.ts'
import type {
  CashFlow,
  CategoryGroup,
  DailyBalance,
  Expenses,
  Incomes,
  Loans,
  Risks,
  Scores,
  WireAccount,
  WireTransaction,
} from '../../src/engine/model/index.ts'
import { pageRequest } from '../../src/http/plugins/pagination.ts'
import { SHARED_SCHEMAS, type SharedSchemaId } from '../../src/http/result-schemas.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

interface Upload {
  accounts: Record<string, unknown>[]
}
interface AnalysisBody {
  id: string
  status: string
  source: string
  dataOrigin: string
  parameters: Record<string, unknown>
  error?: { code: string }
}
interface Page<T = Record<string, unknown>> {
  resources: T[]
  pagination: Record<string, unknown>
}

const fixture = async (path: string): Promise<Upload> =>
  JSON.parse(await readFile(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as Upload // upload fixtures

/** The real engine, except for accounts named FAIL_ONCE (throws once) or FAIL_ALWAYS. */
const failedOnce = new Set<string>()
const flakyEngine: Analyser = (accounts, ctx) => {
  const name = accounts[0]?.name
  if (name === 'FAIL_ALWAYS') throw new Error('engine failure (test)')
  if (name === 'FAIL_ONCE' && !failedOnce.has(accounts[0]?.id ?? '')) {
    failedOnce.add(accounts[0]?.id ?? '')
    throw new Error('transient engine failure (test)')
  }
  return engine(accounts, ctx)
}

const CLIENT_ID = 'typed-client'
const CLIENT_SECRET = 'typed-client-secret-0001'

let harness: Harness
let token: string
let harry: Upload
let document: Record<string, unknown>
let baseUrl: string
before(async () => {
  harness = await startHarness(
    {
      JOB_RETRY_LIMIT: '1',
      JOB_RETRY_DELAY_SECONDS: '0',
      BOOTSTRAP_CLIENT_ID: CLIENT_ID,
      BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
    },
    { worker: true, analyse: flakyEngine },
  )
  token = (await newProject(harness)).token
  harry = await fixture('algoan/harry_potter.json')
  const served = await harness.app.inject({ method: 'GET', url: '/docs/json' })
  assert.equal(served.statusCode, 200)
  document = served.json<Record<string, unknown>>()
  baseUrl = await harness.app.listen({ port: 0, host: '127.0.0.1' })
})
after(() => harness.close())

const newCustomer = async (body: Record<string, unknown> = {}, as = token) => {
  const response = await call(harness, as, 'POST', '/v2/customers', {
    customIdentifier: `c-${Math.random().toString(36).slice(2)}`,
    ...body,
  })
  assert.equal(response.statusCode, 201, response.body)
  return json<{ id: string }>(response).id
}

const eventsOf = async (customerId: string) =>
  (
    await harness.runtime.db.query<{ name: string }>(
      'select name from outbox_events where customer_id = $1 order by id',
      [customerId],
    )
  ).rows.map((row) => row.name)

/** Creates an analysis and polls it until COMPLETED or ERROR. */
const analysed = async (customerId: string, body: unknown): Promise<AnalysisBody> => {
  const created = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, body)
  assert.equal(created.statusCode, 202, created.body)
  const url = `/v2/customers/${customerId}/analyses/${json<{ id: string }>(created).id}`
  const deadline = Date.now() + 30_000
  for (;;) {
    const analysis = json<AnalysisBody>(await call(harness, token, 'GET', url))
    if (analysis.status === 'COMPLETED' || analysis.status === 'ERROR') return analysis
    assert.ok(Date.now() < deadline, `still ${analysis.status}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const named = (name: string): Upload => ({
  accounts: harry.accounts.map((account) => ({ ...account, name })),
})

describe('1. PATCH /v2/customers/{id} merges the details', () => {
  test('a connector sending only { redirectUrl } keeps aggregatorName, mode, callbackUrl, userId', async () => {
    const customerId = await newCustomer({
      aggregationDetails: {
        aggregatorName: 'BUDGET_INSIGHT',
        mode: 'REDIRECT',
        callbackUrl: 'https://lender.example/cb',
        userId: 'u-1',
      },
      personalDetails: {
        identity: { firstName: 'John', lastName: 'Smith' },
        contact: { email: 'john@example.com' },
      },
    })
    const url = `/v2/customers/${customerId}`
    const patched = await call(harness, token, 'PATCH', url, {
      aggregationDetails: { redirectUrl: 'https://bank.example/connect' },
      personalDetails: { identity: { birthCity: 'Paris' } },
    })
    assert.equal(patched.statusCode, 200, patched.body)
    const expected = {
      aggregationDetails: {
        aggregatorName: 'BUDGET_INSIGHT',
        mode: 'REDIRECT',
        callbackUrl: 'https://lender.example/cb',
        userId: 'u-1',
        redirectUrl: 'https://bank.example/connect',
      },
      personalDetails: {
        identity: { firstName: 'John', lastName: 'Smith', birthCity: 'Paris' },
        contact: { email: 'john@example.com' },
      },
    }
    for (const body of [json(patched), json(await call(harness, token, 'GET', url))]) {
      assert.deepEqual(body.aggregationDetails, expected.aggregationDetails)
      assert.deepEqual(body.personalDetails, expected.personalDetails)
    }
  })
})

describe('2. connector mode', () => {
  test('in a connector project, a customer with only a customIdentifier asks for a link, and an empty analysis waits', async () => {
    const client = await createClient(harness.runtime.deps, {
      name: 'connector',
      usesConnector: true,
    })
    const connectorToken = json<{ access_token: string }>(
      await harness.app.inject({
        method: 'POST',
        url: '/v2/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`,
      }),
    ).access_token
    const customerId = await newCustomer({}, connectorToken)
    assert.deepEqual(await eventsOf(customerId), ['aggregator_link_required'])
    const created = await call(
      harness,
      connectorToken,
      'POST',
      `/v2/customers/${customerId}/analyses`,
      {},
    )
    assert.equal(created.statusCode, 202, created.body)
    assert.equal(json(created).status, 'CREATED')
    assert.deepEqual(await eventsOf(customerId), [
      'aggregator_link_required',
      'bank_details_required',
    ])
  })

  test('outside connector mode, the same customer asks for nothing and an empty analysis is 403', async () => {
    const customerId = await newCustomer()
    assert.deepEqual(await eventsOf(customerId), [])
    const created = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {})
    assert.equal(created.statusCode, 403)
    assert.equal(json(created).code, 'FORBIDDEN')
  })

  test('CONNECTOR_MODE sets the default', () => {
    assert.equal(loadConfig({}).connectorMode, false)
    assert.equal(loadConfig({ CONNECTOR_MODE: 'true' }).connectorMode, true)
    assert.throws(() => loadConfig({ CONNECTOR_MODE: 'yes' }), /CONNECTOR_MODE/)
  })
})

describe('3–7. analyses and their results', () => {
  test('3. parameters always answer disableScores and disableCreditInsights', async () => {
    const plain = await analysed(await newCustomer(), harry)
    assert.deepEqual(plain.parameters, { disableScores: false, disableCreditInsights: false })
    const list = json<Page<AnalysisBody>>(
      await call(harness, token, 'GET', `/v2/customers/${await newCustomer()}/analyses`),
    )
    assert.deepEqual(list.resources, [])
    const noScores = await analysed(await newCustomer(), {
      ...harry,
      parameters: { disableScores: true },
    })
    assert.deepEqual(noScores.parameters, { disableScores: true, disableCreditInsights: false })
  })

  test('4. an analysis refused by the engine: 409 ANALYSIS_IN_ERROR for insights and scores, its enriched data still served', async () => {
    const customerId = await newCustomer()
    const refused = await analysed(customerId, await fixture('algoan/not_enough_transactions.json'))
    assert.equal(refused.error?.code, 'NOT_ENOUGH_TRANSACTIONS')
    const base = `/v2/customers/${customerId}/analyses/${refused.id}`
    for (const path of ['scores', 'credit-insights/incomes', 'credit-insights/cash-flows']) {
      const response = await call(harness, token, 'GET', `${base}/${path}`)
      assert.equal(response.statusCode, 409, path)
      assert.equal(json(response).code, 'ANALYSIS_IN_ERROR')
      assert.match(String(json(response).message), /NOT_ENOUGH_TRANSACTIONS/)
    }
    const transactions = json<Page<{ enrichments: object }>>(
      await call(harness, token, 'GET', `${base}/transactions`),
    )
    assert.ok(transactions.resources.every((t) => 'category' in t.enrichments))
  })

  test('4. an analysis in ERROR INTERNAL_ERROR: stored data with empty enrichments, 409 for the rest', async () => {
    const customerId = await newCustomer()
    const failed = await analysed(customerId, named('FAIL_ALWAYS'))
    assert.equal(failed.error?.code, 'INTERNAL_ERROR')
    const base = `/v2/customers/${customerId}/analyses/${failed.id}`
    const accounts = json<Page<{ id: string; type: string }>>(
      await call(harness, token, 'GET', `${base}/accounts`),
    )
    assert.equal(accounts.resources.length, harry.accounts.length)
    const accountId = accounts.resources[0]?.id ?? ''
    const count = harry.accounts.reduce(
      (n, account) => n + (account.transactions as unknown[]).length,
      0,
    )
    const transactions = json<Page<{ enrichments: object; accountId: string }>>(
      await call(harness, token, 'GET', `${base}/transactions?limit=1000`),
    )
    assert.equal(transactions.pagination.totalResources, count)
    assert.ok(transactions.resources.every((t) => Object.keys(t.enrichments).length === 0))
    const ofAccount = json<Page<{ accountId: string }>>(
      await call(harness, token, 'GET', `${base}/accounts/${accountId}/transactions`),
    )
    assert.ok(ofAccount.resources.length > 0)
    assert.ok(ofAccount.resources.every((t) => t.accountId === accountId))
    for (const path of ['scores', 'credit-insights/risks', `accounts/${accountId}/balances`]) {
      const response = await call(harness, token, 'GET', `${base}/${path}`)
      assert.equal(response.statusCode, 409, path)
      assert.equal(json(response).code, 'ANALYSIS_IN_ERROR')
    }
  })

  test('4. an analysis a client set in ERROR before any accounts: 409 everywhere', async () => {
    const customerId = await newCustomer({ aggregationDetails: { userId: 'u-2' } })
    const empty = json<{ id: string }>(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {}),
    )
    const base = `/v2/customers/${customerId}/analyses/${empty.id}`
    const created = await call(harness, token, 'GET', `${base}/accounts`)
    assert.equal(created.statusCode, 202)
    await call(harness, token, 'PATCH', base, {
      error: { code: 'AGGREGATOR_ERROR', message: 'bank connection failed' },
    })
    for (const path of ['scores', 'accounts', 'transactions']) {
      const response = await call(harness, token, 'GET', `${base}/${path}`)
      assert.equal(response.statusCode, 409, path)
      assert.match(String(json(response).message), /AGGREGATOR_ERROR/)
    }
  })

  test('5. a disabled product answers 404 PRODUCT_DISABLED', async () => {
    const customerId = await newCustomer()
    const noScores = await analysed(customerId, { ...harry, parameters: { disableScores: true } })
    const scores = await call(
      harness,
      token,
      'GET',
      `/v2/customers/${customerId}/analyses/${noScores.id}/scores`,
    )
    assert.equal(scores.statusCode, 404)
    assert.equal(json(scores).code, 'PRODUCT_DISABLED')
    const noInsights = await analysed(customerId, {
      ...harry,
      parameters: { disableCreditInsights: true },
    })
    for (const path of ['credit-insights/incomes', 'credit-insights/cash-flows']) {
      const response = await call(
        harness,
        token,
        'GET',
        `/v2/customers/${customerId}/analyses/${noInsights.id}/${path}`,
      )
      assert.equal(response.statusCode, 404, path)
      assert.equal(json(response).code, 'PRODUCT_DISABLED', path)
    }
  })

  test('6. source is CLIENT, and INTERNAL once the service relaunched the analysis after an internal error', async () => {
    const plain = await analysed(await newCustomer(), harry)
    assert.equal(plain.source, 'CLIENT')
    const relaunched = await analysed(await newCustomer(), named('FAIL_ONCE'))
    assert.equal(relaunched.status, 'COMPLETED')
    assert.equal(relaunched.source, 'INTERNAL')
  })

  test('7. incomes.employers[].staffing is null, never absent', async () => {
    const customerId = await newCustomer()
    const analysis = await analysed(customerId, harry)
    const incomes = json<{ employers: Record<string, unknown>[] }>(
      await call(
        harness,
        token,
        'GET',
        `/v2/customers/${customerId}/analyses/${analysis.id}/credit-insights/incomes`,
      ),
    )
    assert.ok(incomes.employers.length > 0)
    for (const employer of incomes.employers) assert.equal(employer.staffing, null)
  })
})

describe('8. strict input enumerations', () => {
  test("a customer's aggregatorName and mode outside the reference answer 400 naming the field", async () => {
    for (const [field, value] of [
      ['aggregatorName', 'PLAID'],
      ['mode', 'POPUP'],
    ] as const) {
      const response = await call(harness, token, 'POST', '/v2/customers', {
        customIdentifier: `enum-${field}`,
        aggregationDetails: { [field]: value },
      })
      assert.equal(response.statusCode, 400, field)
      assert.match(String(json(response).message), new RegExp(`aggregationDetails\\.${field}`))
      const customerId = await newCustomer()
      const patched = await call(harness, token, 'PATCH', `/v2/customers/${customerId}`, {
        aggregationDetails: { [field]: value },
      })
      assert.equal(patched.statusCode, 400, field)
    }
  })

  test("an account's type and usage, and the analysis dataOrigin, outside the reference answer 400 naming the field", async () => {
    const customerId = await newCustomer()
    const url = `/v2/customers/${customerId}/analyses`
    const account = harry.accounts[0] ?? {}
    for (const [body, field] of [
      [{ accounts: [{ ...account, type: 'CURRENT' }] }, 'accounts[0].type'],
      [{ accounts: [{ ...account, type: 'checking' }] }, 'accounts[0].type'],
      [{ accounts: [{ ...account, usage: 'BUSINESS' }] }, 'accounts[0].usage'],
      [{ ...harry, dataOrigin: 'BANK' }, 'dataOrigin'],
    ] as const) {
      const response = await call(harness, token, 'POST', url, body)
      assert.equal(response.statusCode, 400, field)
      assert.equal(json(response).code, 'BAD_REQUEST')
      assert.ok(String(json(response).message).startsWith(field), String(json(response).message))
    }
    const list = json<Page>(await call(harness, token, 'GET', url))
    assert.equal(list.resources.length, 0, 'nothing stored')
  })

  test('dataOrigin is OPEN_BANKING for the aggregator formats', async () => {
    const bi = await fixture('budget-insight-v2.0/harry_potter.json')
    const customerId = await newCustomer()
    const created = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {
      format: 'BUDGET_INSIGHT_V2_0',
      ...bi,
    })
    assert.equal(created.statusCode, 202, created.body)
    assert.equal(json(created).dataOrigin, 'OPEN_BANKING')
    const native = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, harry)
    assert.equal(json(native).dataOrigin, 'UNKNOWN')
  })
})

describe('9. limit', () => {
  test('above 1,000 a list answers pages of 1,000, not 400', async () => {
    const { token: own } = await newProject(harness)
    for (let i = 0; i < 3; i++) await newCustomer({}, own)
    const response = await call(harness, own, 'GET', '/v2/customers?limit=5000')
    assert.equal(response.statusCode, 200)
    const page = json<Page>(response)
    assert.equal(page.resources.length, 3)
    const paged = json<Page>(await call(harness, own, 'GET', '/v2/customers?limit=5000&page=2'))
    assert.equal(paged.pagination.previous, null, 'a single page of 1,000')
    assert.equal(paged.resources.length, 0)
    assert.deepEqual(pageRequest({ limit: '5000', page: '2' }), { limit: 1000, page: 2 })
  })
})

// The generated types are the engine's wire types (checked by tsc): the same shapes, or, where
// results hold transactions (whose enrichments may be {} before computation), the engine's output
// fits the generated type; the runtime checks below find any field the schemas do not describe.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameShapes: [
  Same<Schema<'Scores'>, Scores>,
  Same<Schema<'DailyBalance'>, DailyBalance>,
  Same<
    Omit<Schema<'Metadata'>, 'warnings' | 'ownAccountDetection'>,
    Omit<AnalysisMetadata, 'warnings' | 'ownAccountDetection'>
  >,
  Same<Omit<Schema<'Transaction'>, 'enrichments'>, Omit<WireTransaction, 'enrichments'>>,
  Same<
    Omit<Schema<'Account'>, 'details' | 'createdAt' | 'updatedAt'>,
    Omit<WireAccount, 'details'>
  >,
  WireTransaction extends Schema<'Transaction'> ? true : false,
  Incomes extends Schema<'Incomes'> ? true : false,
  Expenses extends Schema<'Expenses'> ? true : false,
  Loans extends Schema<'Loans'> ? true : false,
  Risks extends Schema<'Risks'> ? true : false,
  CashFlow extends Schema<'CashFlow'> ? true : false,
  CategoryGroup extends Schema<'CategoryGroup'> ? true : false,
] = [true, true, true, true, true, true, true, true, true, true, true, true]

/** A result read while its analysis is COMPLETED: 200, not the 202 NotReady body. */
const ready = <T>(result: { data?: T; response: Response }): Exclude<T, Schema<'NotReady'>> => {
  assert.equal(result.response.status, 200)
  const { data } = result
  assert.ok(data !== undefined && !(typeof data === 'object' && data !== null && 'message' in data))
  return data as Exclude<T, Schema<'NotReady'>> // 200 answers the result, never NotReady
}

const idOf = (schema: object): string => String((schema as { $id?: unknown }).$id)

/** Checks `value` against a shared schema, naming the first mismatch. */
const conforms = (id: SharedSchemaId, value: unknown) => {
  const context = Object.fromEntries(SHARED_SCHEMAS.map((schema) => [idOf(schema), schema]))
  const schema = context[id]
  assert.ok(schema)
  const errors = [...Value.Errors(context, schema, value)].slice(0, 3)
  assert.deepEqual(errors, [], `${id}: ${JSON.stringify(errors)}`)
}

describe('the OpenAPI document', () => {
  test('is valid OpenAPI 3.1', async () => {
    assert.equal(sameShapes.length, 12)
    const result = await new Validator().validate(structuredClone(document))
    assert.equal(result.valid, true, String(JSON.stringify(result)).slice(0, 2000))
  })

  test('describes every response with a schema, results as named components', () => {
    const paths = document.paths as Record<string, Record<string, { responses: object }>>
    const empty: string[] = []
    // The analyses API (other surfaces mounted beside it describe their own responses).
    const analysesApi = /^\/v[12]\/(oauth|customers|subscriptions)\b/
    for (const [path, operations] of Object.entries(paths)) {
      if (!analysesApi.test(path)) continue
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const content = (response as { content?: Record<string, { schema?: object }> }).content
          const schema = content?.['application/json']?.schema
          if (status !== '204' && (!schema || Object.keys(schema).length === 0)) {
            empty.push(`${method.toUpperCase()} ${path} ${status}`)
          }
        }
      }
    }
    assert.deepEqual(empty, [])
    const components = (document.components as { schemas: Record<string, unknown> }).schemas
    for (const schema of SHARED_SCHEMAS) assert.ok(components[idOf(schema)], idOf(schema))
    const base = '/v2/customers/{id}/analyses/{analysisId}'
    const refOf = (path: string) =>
      JSON.stringify(
        (paths[path]?.get?.responses as Record<string, { content: object }>)['200']?.content,
      )
    assert.match(refOf(`${base}/scores`), /#\/components\/schemas\/Scores/)
    assert.match(refOf(`${base}/transactions`), /#\/components\/schemas\/Transaction/)
    assert.match(refOf(base), /#\/components\/schemas\/Analysis/)
  })

  test('the committed client types are what npm run client:generate writes', async () => {
    const committed = await readFile(CLIENT_TYPES_FILE, 'utf8')
    assert.ok(
      committed === (await clientTypes(document)),
      'src/client/openapi.d.ts is out of date: run npm run client:generate',
    )
  })
})

describe('creditlens/client', () => {
  test('runs the quick start: token → customer → analysis → poll → scores', async () => {
    const api = createCreditlensClient({ baseUrl })
    const token = await api.authenticate({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
    assert.equal(token.token_type, 'bearer')

    const { data: customer, response } = await api.POST('/v2/customers', {
      body: { customIdentifier: 'typed-client-customer' },
    })
    assert.equal(response.status, 201)
    assert.ok(customer)

    const upload = JSON.parse(
      await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
    ) as { accounts: Record<string, unknown>[] } // the ALGOAN upload fixture
    const path = { id: customer.id }
    const created = await api.POST('/v2/customers/{id}/analyses', {
      params: { path },
      body: { accounts: upload.accounts },
    })
    assert.equal(created.response.status, 202)
    assert.ok(created.data)
    const analysisPath = { id: customer.id, analysisId: created.data.id }

    let analysis: Schema<'Analysis'> | undefined
    const deadline = Date.now() + 30_000
    while (analysis?.status !== 'COMPLETED') {
      assert.ok(Date.now() < deadline, `still ${analysis?.status}`)
      const polled = await api.GET('/v2/customers/{id}/analyses/{analysisId}', {
        params: { path: analysisPath },
      })
      analysis = polled.data
      assert.notEqual(analysis?.status, 'ERROR')
      if (analysis?.status !== 'COMPLETED') await new Promise((r) => setTimeout(r, 50))
    }
    conforms('Analysis', analysis)

    const scores = ready(
      await api.GET('/v2/customers/{id}/analyses/{analysisId}/scores', {
        params: { path: analysisPath },
      }),
    )
    const creditScore = scores.creditScore
    assert.ok(creditScore && creditScore.value >= 0 && creditScore.value <= 1000)
    conforms('Scores', scores)

    // Every other result, typed and matching its schema.
    const incomes = await api.GET(
      '/v2/customers/{id}/analyses/{analysisId}/credit-insights/incomes',
      {
        params: { path: analysisPath },
      },
    )
    conforms('Incomes', incomes.data)
    const accounts = ready(
      await api.GET('/v2/customers/{id}/analyses/{analysisId}/accounts', {
        params: { path: analysisPath },
      }),
    )
    const account = accounts.resources[0]
    assert.ok(account)
    for (const resource of accounts.resources) conforms('Account', resource)
    const balances = ready(
      await api.GET('/v2/customers/{id}/analyses/{analysisId}/accounts/{accountId}/balances', {
        params: { path: { ...analysisPath, accountId: account.id }, query: { limit: '5' } },
      }),
    )
    assert.equal(balances.resources.length, 5)
    const transactions = ready(
      await api.GET('/v2/customers/{id}/analyses/{analysisId}/transactions', {
        params: { path: analysisPath, query: { limit: '50' } },
      }),
    )
    assert.equal(transactions.resources.length, 50)
    for (const transaction of transactions.resources) conforms('Transaction', transaction)
    const cashFlows = ready(
      await api.GET('/v2/customers/{id}/analyses/{analysisId}/credit-insights/cash-flows', {
        params: { path: analysisPath },
      }),
    )
    assert.ok(cashFlows.resources.length > 0)
    for (const cashFlow of cashFlows.resources) conforms('CashFlow', cashFlow)
    for (const part of ['expenses', 'loans', 'risks'] as const) {
      const { data } = await api.GET(
        `/v2/customers/{id}/analyses/{analysisId}/credit-insights/${part}`,
        { params: { path: analysisPath } },
      )
      conforms(part === 'expenses' ? 'Expenses' : part === 'loans' ? 'Loans' : 'Risks', data)
    }

    const missing = await api.GET('/v2/customers/{id}', { params: { path: { id: 'nope' } } })
    assert.equal(missing.response.status, 404)
    assert.equal(missing.error?.code, 'UNKNOWN_ENTITY')
  })
})
