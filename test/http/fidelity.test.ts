/**
 * What an analysis says about its input over the API: the adapters' warnings and own-account
 * detection in its metadata, holder names from the customer's identity, and accounts in upload
 * order. The worker's use case runs in-process on the real store.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'
import { createFirstClient } from '../../src/app/clients.ts'
import { runAnalysis } from '../../src/app/run-analysis.ts'
import { howToGetAToken } from '../../src/cli/serve.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

interface BiFile {
  format: string
  connections: {
    accounts: { usage?: string; transactions: Record<string, unknown>[] }[]
  }[]
}

interface Metadata {
  totalTransactionCount: number
  warnings: { path: string; message: string }[]
  ownAccountDetection: { limited: boolean; nameSources: string[]; message?: string }
}

let harness: Harness
let token: string
const fixture = async (path: string): Promise<BiFile> =>
  JSON.parse(await readFile(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as BiFile // fixture shape
before(async () => {
  harness = await startHarness()
})
after(() => harness.close())

test('a development start creates a first client once, and prints how to get a token with it', async () => {
  const first = await createFirstClient(harness.runtime.deps)
  assert.ok(first)
  assert.equal(await createFirstClient(harness.runtime.deps), undefined, 'only without clients')
  const printed = howToGetAToken('http://127.0.0.1:3000', first, undefined)
  assert.match(
    printed,
    new RegExp(`client_id=${first.clientId}\n  client_secret=${first.clientSecret}`),
  )
  assert.match(printed, /shown only this once/)
  const response = await harness.app.inject({
    method: 'POST',
    url: '/v2/oauth/token',
    payload: `grant_type=client_credentials&client_id=${first.clientId}&client_secret=${first.clientSecret}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  assert.equal(response.statusCode, 201, response.body)
  token = (await newProject(harness)).token
})

/** Creates a customer, uploads `body`, runs the analysis; returns what the API then serves. */
const analyse = async (body: unknown, customer: Record<string, unknown> = {}) => {
  const customerId = json<{ id: string }>(
    await call(harness, token, 'POST', '/v2/customers', {
      customIdentifier: `c-${Math.random().toString(36).slice(2)}`,
      ...customer,
    }),
  ).id
  const created = await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, body)
  assert.equal(created.statusCode, 202, created.body)
  const analysisId = json<{ id: string }>(created).id
  assert.equal(await runAnalysis(harness.runtime.deps, analysisId), 'completed')
  const base = `/v2/customers/${customerId}/analyses/${analysisId}`
  const analysis = json<{ status: string; metadata: Metadata }>(
    await call(harness, token, 'GET', base),
  )
  const accounts = json<{ resources: { name: string; owners: unknown[] }[] }>(
    await call(harness, token, 'GET', `${base}/accounts`),
  ).resources
  const incomes = json<{ categories: { name: string; totalAmount: number }[] }>(
    await call(harness, token, 'GET', `${base}/credit-insights/incomes`),
  )
  return { analysis, accounts, incomes }
}

test('serves the adapter warnings and a limited own-account detection in the metadata', async () => {
  const file = await fixture('budget-insight-v2.0/jean_dupont.json')
  const card = file.connections[0]?.accounts[1]
  assert.ok(card)
  card.transactions.push({ id: 1, value: -9.99, original_wording: 'CB SPOTIFY', rdate: null })
  card.usage = 'FAMILY'
  const { analysis, accounts } = await analyse(file)
  assert.equal(analysis.status, 'COMPLETED')
  assert.deepEqual(
    analysis.metadata.warnings.map((w) => w.path),
    ['connections[0].accounts[1].usage', 'connections[0].accounts[1].transactions[28].date'],
  )
  assert.match(analysis.metadata.warnings[1]?.message ?? '', /no date given/)
  assert.equal(analysis.metadata.ownAccountDetection.limited, true)
  assert.match(analysis.metadata.ownAccountDetection.message ?? '', /holder name/)
  assert.deepEqual(
    accounts.map((a) => a.name),
    ['Compte Cheques', 'Carte Visa Premier', 'Livret A'],
    'upload order, not id order',
  )
})

test("uses the customer's identity names for own-account detection, without serving them as owners", async () => {
  const file = await fixture('budget-insight-v2.0/jean_dupont.json')
  const unnamed = await analyse(file)
  const named = await analyse(file, {
    personalDetails: { identity: { firstName: 'Jean', lastName: 'Dupont' } },
  })
  assert.deepEqual(named.analysis.metadata.ownAccountDetection, {
    limited: false,
    nameSources: ['CUSTOMER_IDENTITY'],
  })
  assert.deepEqual(named.analysis.metadata.warnings, [])
  const otherEntry = (result: typeof named) =>
    result.incomes.categories.find((c) => c.name === 'OTHER_ENTRY')?.totalAmount ?? 0
  // The 400 a month from his account at another bank is his own money, not income.
  assert.equal(otherEntry(unnamed), 1600)
  assert.equal(otherEntry(named), 0)
  assert.ok(named.accounts.every((a) => a.owners.length === 0))
})

test('subscribing a receiver on this machine answers 400 naming WEBHOOK_ALLOW_NETWORKS', async () => {
  for (const [target, network] of [
    ['http://127.0.0.1:8080/', 'loopback'],
    ['http://10.1.2.3/hooks', 'private'],
  ] as const) {
    const response = await call(harness, token, 'POST', '/v2/subscriptions', {
      eventName: 'analysis_completed',
      target,
    })
    assert.equal(response.statusCode, 400)
    const { message } = json<{ message: string }>(response)
    assert.match(message, /TARGET_ADDRESS_NOT_ALLOWED/)
    assert.match(message, new RegExp(`start the server with WEBHOOK_ALLOW_NETWORKS=${network} `))
  }
})
