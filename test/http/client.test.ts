/**
 * The OpenAPI document at /docs/json and the typed client generated from it
 * (`creditlens/client`): the document is valid OpenAPI 3.1 and describes every response; the
 * committed client types are what `npm run client:generate` writes; the generated types are the
 * engine's wire types; and the quick start runs through the client against the app listening
 * on a port, every result matching its schema.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Value } from 'typebox/value'
import { CLIENT_TYPES_FILE, clientTypes } from '../../scripts/generate-client.ts'
import type { AnalysisMetadata } from '../../src/app/analysis-notes.ts'
import { createCreditlensClient, type Schema } from '../../src/client/index.ts'
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
import { SHARED_SCHEMAS, type SharedSchemaId } from '../../src/http/result-schemas.ts'
import { startHarness, type Harness } from './harness.ts'

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

const CLIENT_ID = 'typed-client'
const CLIENT_SECRET = 'typed-client-secret-0001'

let harness: Harness
let document: Record<string, unknown>
let baseUrl: string
before(async () => {
  harness = await startHarness(
    { BOOTSTRAP_CLIENT_ID: CLIENT_ID, BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET },
    { worker: true },
  )
  const served = await harness.app.inject({ method: 'GET', url: '/docs/json' })
  assert.equal(served.statusCode, 200)
  document = served.json<Record<string, unknown>>()
  baseUrl = await harness.app.listen({ port: 0, host: '127.0.0.1' })
})
after(() => harness.close())

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
    for (const [path, operations] of Object.entries(paths)) {
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
