/**
 * The scoring API v1 over HTTP (one app, in-process): the vendor's authentication, fields,
 * limits and error shape; the scoring's life with data shared the way the hosted page shares
 * it, through the real analysis job; the `scoring_completed` webhook event.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { parseInput } from '../../src/adapters/index.ts'
import { createScoringKeys } from '../../src/app/scoring/keys.ts'
import {
  declineScoring,
  openScoringPage,
  returnUrlOf,
  shareScoringData,
} from '../../src/app/scoring/scorings.ts'
import { generateUpload, type Profile } from '../../src/synthetic/index.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

let harness: Harness
let project: Awaited<ReturnType<typeof newProject>>
let keys: { testKey: string; liveKey: string }
let other: { testKey: string; liveKey: string }

before(async () => {
  harness = await startHarness({ WEBHOOK_ALLOW_NETWORKS: 'loopback' }, { worker: true })
  project = await newProject(harness, 'scoring lender')
  const store = harness.runtime.store
  keys = await store.inTransaction((tx) => createScoringKeys(store, tx, project.projectId))
  const second = await newProject(harness, 'another lender')
  other = await store.inTransaction((tx) => createScoringKeys(store, tx, second.projectId))
})
after(() => harness.close())

const basic = (key: string, password = ''): string =>
  `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`

const v1 = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  key = keys.testKey,
) =>
  harness.app.inject({
    method,
    url,
    headers: { authorization: basic(key) },
    ...(payload !== undefined && { payload: payload as object }),
  })

const body = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  amount: 120000,
  currency: 'eur',
  customer: { email: 'pierre@martin.fr', name: 'Pierre Martin' },
  duration: 12,
  return_url: 'https://www.example.com/',
  sepa: { iban: 'FR1420041010050500013M02606', name: 'Pierre Martin' },
  upfront: 40000,
  ...overrides,
})

interface ScoringWire {
  id: string
  status: string
  score: number | null
  amount: number
  upfront: number
  currency: string
  duration: number
  live_mode: boolean
  created: number
  redirect_url: string
  return_url: string
  customer: { id: string; email: string; name?: string; live_mode: boolean }
  sepa: { id: string; last4: string; name: string } | null
  error?: { code: string; message: string }
  reasons?: { code: string; impact: number }[]
  affordability?: {
    instalment: number
    residual_income: number
    residual_after_instalment: number
    shortfall_days: number | null
    debt_to_income_after: number | null
  }
  decision?: { outcome: string; rules: { id: string }[] }
}

const fieldError = (response: LightMyRequestResponse, field: string) => {
  assert.equal(response.statusCode, 400, response.body)
  const error = json<{ error: { message: { error: string; id: string }; type: string } }>(response)
  assert.equal(error.error.type, 'invalid_request_error')
  assert.equal(error.error.message.id, field, response.body)
  assert.equal(typeof error.error.message.error, 'string')
}

const pageTokenOf = (scoring: ScoringWire): string => {
  const token = scoring.redirect_url.split('/').at(-1)
  assert.ok(token)
  return token
}

const accountsOf = (profile: Profile, seed: number) =>
  parseInput(JSON.stringify(generateUpload({ profile, country: 'FR', months: 12, seed }))).accounts

/** GET until the scoring leaves `attempted` (the analysis and completion jobs run). */
const settled = async (id: string, key = keys.testKey): Promise<ScoringWire> => {
  for (let i = 0; i < 200; i++) {
    const scoring = json<ScoringWire>(await v1('GET', `/v1/scoring/${id}`, undefined, key))
    if (scoring.status !== 'attempted' && scoring.status !== 'requested') return scoring
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`scoring ${id} did not settle`)
}

describe('authentication', () => {
  test('answers 401 in the vendor shape without a key, with a wrong key or a password', async () => {
    for (const authorization of [
      undefined,
      'Bearer x',
      basic('stest_unknownunknownunknown12'),
      basic(keys.testKey, 'password'),
      basic(keys.testKey.replace('stest_', 'sprod_')),
    ]) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/v1/scoring/',
        payload: body(),
        headers: authorization === undefined ? {} : { authorization },
      })
      assert.equal(response.statusCode, 401, authorization)
      const error = json<{ error: { message: string; type: string } }>(response)
      assert.equal(error.error.type, 'invalid_request_error')
      assert.match(error.error.message, /stest_ or sprod_/)
    }
  })
})

describe('POST /v1/scoring/', () => {
  test('creates a requested scoring with the vendor fields, with and without the trailing slash', async () => {
    for (const url of ['/v1/scoring/', '/v1/scoring']) {
      const response = await v1('POST', url, body())
      assert.equal(response.statusCode, 200, response.body)
      const scoring = json<ScoringWire>(response)
      assert.match(scoring.id, /^scor_[A-Za-z0-9]{24}$/)
      assert.equal(scoring.id.length, 29)
      assert.equal(scoring.status, 'requested')
      assert.equal(scoring.score, null)
      assert.equal(scoring.amount, 120000)
      assert.equal(scoring.upfront, 40000)
      assert.equal(scoring.currency, 'eur')
      assert.equal(scoring.duration, 12)
      assert.equal(scoring.live_mode, false)
      assert.equal(scoring.return_url, 'https://www.example.com/')
      assert.ok(Math.abs(scoring.created - Date.now() / 1000) < 60)
      assert.match(scoring.customer.id, /^cust_[A-Za-z0-9]{24}$/)
      assert.equal(scoring.customer.email, 'pierre@martin.fr')
      assert.match(scoring.sepa?.id ?? '', /^sepa_[A-Za-z0-9]{24}$/)
      assert.equal(scoring.sepa?.last4, '2606')
      assert.ok(!scoring.redirect_url.includes('FR14'), 'no IBAN in the page URL')
      assert.ok(scoring.redirect_url.length <= 2048)
    }
  })

  test('takes an existing customer and SEPA details by id, in the same mode only', async () => {
    const first = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    const again = json<ScoringWire>(
      await v1(
        'POST',
        '/v1/scoring/',
        body({ customer: first.customer.id, sepa: first.sepa?.id, upfront: undefined }),
      ),
    )
    assert.equal(again.customer.id, first.customer.id)
    assert.equal(again.sepa?.id, first.sepa?.id)
    assert.equal(again.upfront, 0)
    // a live key does not see the test customer
    const live = await v1(
      'POST',
      '/v1/scoring/',
      body({ customer: first.customer.id }),
      keys.liveKey,
    )
    assert.equal(live.statusCode, 404, live.body)
    assert.equal(json<{ error: { message: { id: string } } }>(live).error.message.id, 'customer')
  })

  test('names the field of every error in the vendor shape, and stores nothing', async () => {
    const before = (await harness.runtime.db.query('select count(*)::int as n from scorings'))
      .rows[0]
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: undefined }, 'amount'],
      [{ amount: '120000' }, 'amount'],
      [{ amount: 1200.5 }, 'amount'],
      [{ amount: 10 }, 'amount'],
      [{ currency: undefined }, 'currency'],
      [{ currency: 'usd' }, 'currency'],
      [{ duration: undefined }, 'duration'],
      [{ duration: 36 }, 'duration'],
      [{ duration: 0 }, 'duration'],
      [{ duration: 12.5 }, 'duration'],
      [{ upfront: 120000 }, 'upfront'],
      [{ upfront: 130000 }, 'upfront'],
      [{ upfront: -1 }, 'upfront'],
      [{ return_url: undefined }, 'return_url'],
      [{ return_url: 'http://www.example.com/' }, 'return_url'],
      [{ return_url: 'not a url' }, 'return_url'],
      [{ return_url: `https://example.com/${'a'.repeat(2048)}` }, 'return_url'],
      [{ customer: undefined }, 'customer'],
      [{ customer: 'cust_nope' }, 'customer'],
      [{ customer: 42 }, 'customer'],
      [{ customer: { name: 'Pierre Martin' } }, 'customer.email'],
      [{ customer: { email: 'not-an-email' } }, 'customer.email'],
      [{ customer: { email: 'a@b.fr', mobile: '12' } }, 'customer.mobile'],
      [{ customer: { email: 'a@b.fr', name: 'Al' } }, 'customer.name'],
      [{ customer: { email: 'a@b.fr', phone: '+33612345678' } }, 'customer.phone'],
      [{ sepa: { iban: 'FR1420041010050500013M02607', name: 'Pierre Martin' } }, 'sepa.iban'],
      [{ sepa: { iban: 'FR14200410', name: 'Pierre Martin' } }, 'sepa.iban'],
      [{ sepa: { iban: 'FR1420041010050500013M02606' } }, 'sepa.name'],
      [{ sepa: { iban: 'FR1420041010050500013M02606', name: 'Pi' } }, 'sepa.name'],
      [
        { sepa: { iban: 'FR1420041010050500013M02606', name: 'Pierre Martin', bic: 'X' } },
        'sepa.bic',
      ],
      [{ sepa: 'sepa_nope' }, 'sepa'],
      [{ sepa: `sepa_${'a'.repeat(24)}` }, 'sepa'],
      [{ customer: `cust_${'a'.repeat(24)}` }, 'customer'],
      [{ colour: 'blue' }, 'colour'],
    ]
    for (const [overrides, field] of cases) {
      const response = await v1('POST', '/v1/scoring/', body(overrides))
      if (field === 'sepa' || field === 'customer') {
        // a well-formed id that does not exist is a 404 naming the field
        if (response.statusCode === 404) {
          assert.equal(
            json<{ error: { message: { id: string } } }>(response).error.message.id,
            field,
          )
          continue
        }
      }
      fieldError(response, field)
    }
    const after = (await harness.runtime.db.query('select count(*)::int as n from scorings'))
      .rows[0]
    assert.deepEqual(after, before)
  })

  test('allows http://localhost as return_url in test mode only', async () => {
    const local = body({ return_url: 'http://localhost:8080/back?order=7' })
    assert.equal((await v1('POST', '/v1/scoring/', local)).statusCode, 200)
    fieldError(await v1('POST', '/v1/scoring/', local, keys.liveKey), 'return_url')
  })

  test('refuses a body that is not a JSON object in the vendor shape', async () => {
    for (const payload of ['[1,2]', '{"amount":']) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/v1/scoring/',
        payload,
        headers: { authorization: basic(keys.testKey), 'content-type': 'application/json' },
      })
      assert.equal(response.statusCode, 400, response.body)
      const error = json<{ error: { message: string; type: string } }>(response)
      assert.equal(error.error.type, 'invalid_request_error')
      assert.equal(typeof error.error.message, 'string')
    }
  })
})

describe('GET /v1/scoring/{id}', () => {
  test('reads a scoring with and without the trailing slash; 404 and 405 in the vendor shape', async () => {
    const created = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    for (const url of [`/v1/scoring/${created.id}`, `/v1/scoring/${created.id}/`]) {
      const response = await v1('GET', url)
      assert.equal(response.statusCode, 200)
      assert.deepEqual(json<ScoringWire>(response), created)
    }
    for (const id of ['scor_nope', `scor_${'b'.repeat(24)}`]) {
      const missing = await v1('GET', `/v1/scoring/${id}`)
      assert.equal(missing.statusCode, 404)
      assert.equal(json<{ error: { type: string } }>(missing).error.type, 'invalid_request_error')
    }
    // another project's key does not read it
    assert.equal(
      (await v1('GET', `/v1/scoring/${created.id}`, undefined, other.testKey)).statusCode,
      404,
    )
    assert.equal((await v1('DELETE', `/v1/scoring/${created.id}`)).statusCode, 405)
    assert.equal((await v1('GET', '/v1/scoring/')).statusCode, 405)
    const unknown = await v1('GET', '/v1/scoring/a/b/c')
    assert.equal(unknown.statusCode, 404)
    assert.ok(json<{ error: { message: string } }>(unknown).error.message)
  })

  test('refuses a live key on a test scoring (and the reverse), saying why', async () => {
    const test = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    const refused = await v1('GET', `/v1/scoring/${test.id}`, undefined, keys.liveKey)
    assert.equal(refused.statusCode, 404)
    assert.match(json<{ error: { message: string } }>(refused).error.message, /test mode/)
    const live = json<ScoringWire>(await v1('POST', '/v1/scoring/', body(), keys.liveKey))
    assert.equal(live.live_mode, true)
    assert.equal(live.customer.live_mode, true)
    assert.equal((await v1('GET', `/v1/scoring/${live.id}`)).statusCode, 404)
    assert.equal(
      (await v1('GET', `/v1/scoring/${live.id}`, undefined, keys.liveKey)).statusCode,
      200,
    )
  })
})

describe('the life of a scoring', () => {
  test('requested → attempted → scored, with affordability, reasons, decision and a webhook event', async () => {
    const subscription = await call(harness, project.token, 'POST', '/v2/subscriptions', {
      eventName: 'scoring_completed',
      target: 'http://127.0.0.1:9/hooks',
      secret: 'b8fb1bbf95ce861d638ff534',
    })
    assert.equal(subscription.statusCode, 201, subscription.body)
    const created = json<ScoringWire>(
      await v1('POST', '/v1/scoring/', body({ amount: 300000, upfront: 0 })),
    )
    const token = pageTokenOf(created)
    const opened = await openScoringPage(harness.runtime.scoring, token)
    assert.equal(opened?.status, 'attempted')
    assert.equal(
      json<ScoringWire>(await v1('GET', `/v1/scoring/${created.id}`)).status,
      'attempted',
    )
    await shareScoringData(harness.runtime.scoring, token, {
      accounts: accountsOf('good', 3),
      format: 'ALGOAN',
      warnings: [],
      dataOrigin: 'OPEN_BANKING',
    })
    const scored = await settled(created.id)
    assert.equal(scored.status, 'scored', JSON.stringify(scored.error))
    assert.ok(scored.score !== null && scored.score >= 0 && scored.score <= 100)
    assert.ok(scored.affordability)
    assert.equal(scored.affordability.instalment, 25000)
    assert.ok(scored.affordability.residual_income > 0)
    assert.equal(
      scored.affordability.residual_after_instalment,
      scored.affordability.residual_income - 25000,
    )
    assert.equal(typeof scored.affordability.shortfall_days, 'number')
    assert.ok((scored.reasons?.length ?? 0) > 0)
    assert.ok(['APPROVE', 'REFER', 'DECLINE'].includes(scored.decision?.outcome ?? ''))
    assert.equal(
      returnUrlOf({ id: scored.id, status: 'scored', returnUrl: scored.return_url }),
      `https://www.example.com/?scoring=${scored.id}&status=scored`,
    )
    const events = await harness.runtime.db.query<{ scoring_id: string; analysis_id: string }>(
      `select e.scoring_id, e.analysis_id from webhook_events e
         join webhook_subscriptions s on s.id = e.subscription_id
        where s.event_name = 'scoring_completed' and e.scoring_id = $1`,
      [created.id],
    )
    assert.equal(events.rows.length, 1)
    assert.ok(events.rows[0]?.analysis_id)
    // the data is shared once: a second upload is refused
    await assert.rejects(
      shareScoringData(harness.runtime.scoring, token, {
        accounts: accountsOf('good', 3),
        format: 'ALGOAN',
        warnings: [],
        dataOrigin: 'OPEN_BANKING',
      }),
      /scored/,
    )
  })

  test('failed with the engine refusal code when the data cannot be analysed', async () => {
    const created = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    const accounts = accountsOf('good', 4).map((account) => ({
      ...account,
      transactions: account.transactions.slice(0, 5),
    }))
    await shareScoringData(harness.runtime.scoring, pageTokenOf(created), {
      accounts,
      format: 'ALGOAN',
      warnings: [],
      dataOrigin: 'OPEN_BANKING',
    })
    const failed = await settled(created.id)
    assert.equal(failed.status, 'failed')
    assert.equal(failed.score, null)
    assert.equal(failed.error?.code, 'NOT_ENOUGH_TRANSACTIONS')
  })

  test('declined when the customer cancels; expired when the time runs out', async () => {
    const cancelled = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    const declined = await declineScoring(harness.runtime.scoring, pageTokenOf(cancelled))
    assert.equal(declined.status, 'declined')
    assert.equal(
      json<ScoringWire>(await v1('GET', `/v1/scoring/${cancelled.id}`)).status,
      'declined',
    )

    const late = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    await harness.runtime.db.query(
      `update scorings set expires_at = now() - interval '1 minute' where id = $1`,
      [late.id],
    )
    const expired = json<ScoringWire>(await v1('GET', `/v1/scoring/${late.id}`))
    assert.equal(expired.status, 'expired')
    assert.equal(expired.score, null)
    await assert.rejects(
      shareScoringData(harness.runtime.scoring, pageTokenOf(late), {
        accounts: accountsOf('good', 3),
        format: 'ALGOAN',
        warnings: [],
        dataOrigin: 'OPEN_BANKING',
      }),
      /expired/,
    )
  })
})
