/**
 * Project rules over the API: created, listed, deleted, validated in the v2 error shape, kept
 * to their project, applied by every later analysis, and recorded with each analysis.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { runAnalysis } from '../../src/app/run-analysis.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

let harness: Harness
let a: Awaited<ReturnType<typeof newProject>>
let b: Awaited<ReturnType<typeof newProject>>
let upload: unknown
let customerId: string

interface Tx {
  description: string
  enrichments: { category: string; ruleId: string }
}

before(async () => {
  harness = await startHarness()
  a = await newProject(harness, 'a')
  b = await newProject(harness, 'b')
  upload = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  )
  const created = await call(harness, a.token, 'POST', '/v2/customers', {
    customIdentifier: 'rules-1',
  })
  customerId = json<{ id: string }>(created).id
})
after(() => harness.close())

/** Runs an analysis of the customer's data and returns its id and CARREFOUR transactions. */
const analyseCarrefour = async (token: string, customer: string) => {
  const created = await call(harness, token, 'POST', `/v2/customers/${customer}/analyses`, upload)
  assert.equal(created.statusCode, 202, created.body)
  const id = json<{ id: string }>(created).id
  assert.equal(await runAnalysis(harness.runtime.deps, id), 'completed')
  const list = await call(
    harness,
    token,
    'GET',
    `/v2/customers/${customer}/analyses/${id}/transactions?limit=1000`,
  )
  const carrefour = json<{ resources: Tx[] }>(list).resources.filter((tx) =>
    tx.description.includes('CARREFOUR'),
  )
  assert.ok(carrefour.length > 1)
  return { id, carrefour }
}

describe('/v2/rules', () => {
  test('a rule is created (201), listed, applied by the next analysis, recorded, then deleted', async () => {
    const first = await analyseCarrefour(a.token, customerId)
    assert.ok(first.carrefour.every((tx) => tx.enrichments.category === 'GROCERY'))

    const created = await call(harness, a.token, 'POST', '/v2/rules', {
      pattern: 'carrefour',
      category: 'SHOPPING',
    })
    assert.equal(created.statusCode, 201, created.body)
    const rule = json<{ id: string; createdBy: string; createdAt: string; ruleId: string }>(created)
    assert.match(rule.id, /^[A-Za-z0-9_-]+$/)
    assert.equal(rule.createdBy, `client:${a.clientId}`)
    assert.ok(!Number.isNaN(Date.parse(rule.createdAt)))
    assert.equal(rule.ruleId, `PROJECT_RULE:${rule.id}`)

    const listed = json<{ resources: { id: string; pattern: string }[] }>(
      await call(harness, a.token, 'GET', '/v2/rules'),
    )
    assert.deepEqual(
      listed.resources.map((r) => [r.id, r.pattern]),
      [[rule.id, 'carrefour']],
    )

    const second = await analyseCarrefour(a.token, customerId)
    for (const tx of second.carrefour) {
      assert.equal(tx.enrichments.category, 'SHOPPING')
      assert.equal(tx.enrichments.ruleId, rule.ruleId)
    }
    const recorded = await harness.runtime.store.rules.loadRuleSet(second.id)
    assert.deepEqual(recorded, [{ id: rule.id, category: 'SHOPPING', pattern: 'carrefour' }])
    assert.deepEqual(await harness.runtime.store.rules.loadRuleSet(first.id), [])

    const deleted = await call(harness, a.token, 'DELETE', `/v2/rules/${rule.id}`)
    assert.equal(deleted.statusCode, 204)
    assert.equal((await call(harness, a.token, 'DELETE', `/v2/rules/${rule.id}`)).statusCode, 404)
    const third = await analyseCarrefour(a.token, customerId)
    assert.ok(third.carrefour.every((tx) => tx.enrichments.category === 'GROCERY'))
  })

  test('another project neither sees nor deletes a rule, nor do its analyses apply it', async () => {
    const created = await call(harness, a.token, 'POST', '/v2/rules', {
      labelRoot: 'PAIEMENT CB PARIS CARREFOUR PARIS CARTE',
      category: 'LEISURE',
    })
    assert.equal(created.statusCode, 201, created.body)
    const { id } = json<{ id: string }>(created)
    const listed = json<{ resources: unknown[] }>(await call(harness, b.token, 'GET', '/v2/rules'))
    assert.deepEqual(listed.resources, [])
    const stolen = await call(harness, b.token, 'DELETE', `/v2/rules/${id}`)
    assert.equal(stolen.statusCode, 404)
    assert.equal(json(stolen).code, 'UNKNOWN_ENTITY')
    const other = json<{ id: string }>(
      await call(harness, b.token, 'POST', '/v2/customers', { customIdentifier: 'rules-b' }),
    ).id
    const inB = await analyseCarrefour(b.token, other)
    assert.ok(inB.carrefour.every((tx) => tx.enrichments.category === 'GROCERY'))
    const inA = await analyseCarrefour(a.token, customerId)
    assert.ok(inA.carrefour.every((tx) => tx.enrichments.category === 'LEISURE'))
    assert.equal((await call(harness, a.token, 'DELETE', `/v2/rules/${id}`)).statusCode, 204)
  })

  test('bad rules answer 400 in the v2 error shape, and nothing is stored', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ category: 'GROCERY' }, 'MISSING_PARAM', /labelRoot and pattern/],
      [{ labelRoot: 'TESCO', pattern: 'TESCO', category: 'GROCERY' }, 'BAD_REQUEST', /exactly one/],
      [{ pattern: 'TESCO', category: 'FOOD' }, 'BAD_REQUEST', /category/],
      [{ pattern: '**', category: 'GROCERY' }, 'BAD_REQUEST', /besides \*/],
      [{ pattern: 'x'.repeat(201), category: 'GROCERY' }, 'BAD_REQUEST', /pattern/],
      [{ pattern: 'A\u0007B', category: 'GROCERY' }, 'BAD_REQUEST', /control/],
      [{ labelRoot: '12/03 0042', category: 'GROCERY' }, 'BAD_REQUEST', /no payee/],
    ]
    for (const [body, code, message] of cases) {
      const response = await call(harness, a.token, 'POST', '/v2/rules', body)
      assert.equal(response.statusCode, 400, JSON.stringify(body))
      const error = json<{ code: string; message: string; status: number }>(response)
      assert.equal(error.code, code, JSON.stringify(body))
      assert.match(error.message, message, JSON.stringify(body))
      assert.equal(error.status, 400)
    }
    const listed = json<{ resources: unknown[] }>(await call(harness, a.token, 'GET', '/v2/rules'))
    assert.deepEqual(listed.resources, [])
  })

  test('the OpenAPI document lists the rules and the PDF, not the console pages', async () => {
    const openapi = json<{ paths: Record<string, unknown> }>(
      await harness.app.inject({ url: '/docs/json' }),
    )
    assert.ok(openapi.paths['/v2/rules'])
    assert.ok(openapi.paths['/v2/rules/{id}'])
    assert.ok(openapi.paths['/v2/customers/{id}/analyses/{analysisId}/report.pdf'])
    assert.deepEqual(
      Object.keys(openapi.paths).filter((path) => path.startsWith('/console')),
      [],
    )
  })

  test('answers 401 without a token', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await harness.app.inject({ method, url: '/v2/rules' })
      assert.equal(response.statusCode, 401)
    }
    assert.equal(
      (await harness.app.inject({ method: 'DELETE', url: '/v2/rules/x' })).statusCode,
      401,
    )
  })
})
