/**
 * The scoring API v1 over HTTP (one app, in-process), as a lender with a test key would use it:
 * the vendor's authentication, fields, limits and error shape; then the whole flow through the
 * hosted page walked as plain HTML forms (sandbox bank and statement upload), the real analysis
 * and completion jobs, the scoring's statuses and the `scoring_completed` webhook event.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { readFileSync } from 'node:fs'
import { createScoringKeys } from '../../src/app/scoring/keys.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'
import { csrfOf, formClient, inputValues } from '../support/form-client.ts'

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

/**
 * Walks the hosted page of a scoring as plain HTML forms (no JavaScript), from its redirect_url
 * to the lender's return_url: consent, data source, then the sandbox bank's login and one-time
 * code or a statement upload, then the accounts. Answers where the page sends the customer.
 */
const walk = async (
  scoring: ScoringWire,
  source: { login: string } | { files: { fileName: string; content: string | Uint8Array }[] },
): Promise<string> => {
  const client = formClient(harness.app)
  const opened = await client.get(scoring.redirect_url)
  assert.equal(opened.statusCode, 303, opened.body)
  const page = opened.headers.location as string
  const submit = async (fields: Record<string, string | string[]>, action = 'continue') => {
    const html = (await client.get(page)).body
    const response = await client.post(page, { _csrf: csrfOf(html), action, ...fields })
    assert.equal(response.statusCode, 303, response.body)
    return response
  }
  await submit({ consent: 'yes' })
  if ('login' in source) {
    await submit({ source: 'sandbox' })
    await submit({ username: source.login, pin: '1234' })
    await submit({ otp: '123456' })
  } else {
    await submit({ source: 'upload' })
    const html = (await client.get(page)).body
    const uploaded = await client.postFiles(
      page,
      { _csrf: csrfOf(html), action: 'continue' },
      source.files.map((file) => ({ name: 'files', ...file })),
    )
    assert.equal(uploaded.statusCode, 303)
  }
  const accounts = inputValues((await client.get(page)).body, 'accounts')
  assert.ok(accounts.length > 0, 'accounts to select')
  const done = await submit({ accounts })
  return done.headers.location as string
}

const statement = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/statements/${name}`, import.meta.url))

describe('the flow through the hosted page', () => {
  const scores: Record<string, ScoringWire> = {}

  test('sandbox logins good, risky and very risky score in that order, with affordability, reasons, decision and a webhook', async () => {
    const subscription = await call(harness, project.token, 'POST', '/v2/subscriptions', {
      eventName: 'scoring_completed',
      target: 'http://127.0.0.1:9/hooks',
      secret: 'b8fb1bbf95ce861d638ff534',
    })
    assert.equal(subscription.statusCode, 201, subscription.body)
    for (const profile of ['good', 'risky', 'very-risky']) {
      const created = json<ScoringWire>(
        await v1('POST', '/v1/scoring/', body({ amount: 300000, upfront: 0, sepa: undefined })),
      )
      assert.match(created.redirect_url, /^http:\/\/localhost(:\d+)?\/widget\?token=/)
      const back = await walk(created, { login: `${profile}-fr` })
      assert.match(
        back,
        new RegExp(
          `^https://www\\.example\\.com/\\?scoring=${created.id}&status=(scored|attempted)$`,
        ),
      )
      const scored = await settled(created.id)
      assert.equal(scored.status, 'scored', JSON.stringify(scored.error))
      assert.ok(scored.score !== null && scored.score >= 0 && scored.score <= 100)
      assert.ok(scored.affordability)
      assert.equal(scored.affordability.instalment, 25000)
      assert.equal(
        scored.affordability.residual_after_instalment,
        scored.affordability.residual_income - 25000,
      )
      assert.equal(typeof scored.affordability.shortfall_days, 'number')
      assert.ok((scored.reasons?.length ?? 0) > 0)
      assert.ok(['APPROVE', 'REFER', 'DECLINE'].includes(scored.decision?.outcome ?? ''))
      scores[profile] = scored
    }
    const [good, risky, veryRisky] = ['good', 'risky', 'very-risky'].map(
      (p) => scores[p]?.score ?? NaN,
    )
    assert.ok(good! > risky! && risky! > veryRisky!, `${good} > ${risky} > ${veryRisky}`)
    assert.equal(scores.good?.decision?.outcome, 'APPROVE')
    assert.equal(scores['very-risky']?.decision?.outcome, 'DECLINE')
    const events = await harness.runtime.db.query<{ scoring_id: string }>(
      `select e.scoring_id from webhook_events e
         join webhook_subscriptions s on s.id = e.subscription_id
        where s.event_name = 'scoring_completed' and e.scoring_id = any($1::text[])`,
      [Object.values(scores).map((s) => s.id)],
    )
    assert.equal(events.rows.length, 3)
  })

  test('a larger credit scores lower for the same customer', async () => {
    const good = scores.good
    assert.ok(good)
    const large = json<ScoringWire>(
      await v1(
        'POST',
        '/v1/scoring/',
        body({ amount: 4000000, upfront: 0, customer: good.customer.id, sepa: undefined }),
      ),
    )
    assert.equal(large.customer.id, good.customer.id)
    await walk(large, { login: 'good-fr' })
    const scored = await settled(large.id)
    assert.equal(scored.status, 'scored')
    assert.ok(scored.score! < good.score!, `${scored.score} < ${good.score}`)
    assert.ok(scored.reasons?.some((r) => r.code === 'RESIDUAL_AFTER_NEGATIVE'))
  })

  test('scores an uploaded statement; fails with the engine refusal code on too little data', async () => {
    const created = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    await walk(created, {
      files: [{ fileName: 'camt053-v02-fr.xml', content: statement('camt/camt053-v02-fr.xml') }],
    })
    const scored = await settled(created.id)
    assert.equal(scored.status, 'scored', JSON.stringify(scored.error))
    assert.ok(scored.affordability && scored.reasons)

    const csv = Buffer.from(statement('csv/generic-fr-debit-credit.csv'))
      .toString('utf8')
      .split('\n')
      .slice(0, 6)
      .join('\n')
    const few = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    const back = await walk(few, { files: [{ fileName: 'few.csv', content: `${csv}\n` }] })
    const failed = await settled(few.id)
    assert.equal(failed.status, 'failed')
    assert.equal(failed.score, null)
    assert.equal(failed.error?.code, 'NOT_ENOUGH_TRANSACTIONS')
    assert.match(back, new RegExp(`scoring=${few.id}&status=(failed|attempted)$`))
  })

  test('declined when the customer cancels on the page', async () => {
    const created = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    const client = formClient(harness.app)
    const page = (await client.get(created.redirect_url)).headers.location as string
    assert.equal(
      json<ScoringWire>(await v1('GET', `/v1/scoring/${created.id}`)).status,
      'attempted',
    )
    const html = (await client.get(page)).body
    const cancelled = await client.post(page, { _csrf: csrfOf(html), action: 'cancel' })
    assert.equal(
      cancelled.headers.location,
      `https://www.example.com/?scoring=${created.id}&status=declined`,
    )
    assert.equal(json<ScoringWire>(await v1('GET', `/v1/scoring/${created.id}`)).status, 'declined')
  })

  test('live mode: the page offers no sandbox bank', async () => {
    const live = json<ScoringWire>(
      await v1('POST', '/v1/scoring/', body({ sepa: undefined }), keys.liveKey),
    )
    const client = formClient(harness.app)
    const page = (await client.get(live.redirect_url)).headers.location as string
    const consent = (await client.get(page)).body
    await client.post(page, { _csrf: csrfOf(consent), action: 'continue', consent: 'yes' })
    const sources = (await client.get(page)).body
    assert.match(sources, /value="upload"/)
    assert.doesNotMatch(sources, /value="sandbox"/)
    const test = json<ScoringWire>(await v1('POST', '/v1/scoring/', body({ sepa: undefined })))
    const tclient = formClient(harness.app)
    const tpage = (await tclient.get(test.redirect_url)).headers.location as string
    const tconsent = (await tclient.get(tpage)).body
    await tclient.post(tpage, { _csrf: csrfOf(tconsent), action: 'continue', consent: 'yes' })
    assert.match((await tclient.get(tpage)).body, /value="sandbox"/)
  })

  test('expired when the time runs out before any data is shared', async () => {
    const late = json<ScoringWire>(await v1('POST', '/v1/scoring/', body()))
    await harness.runtime.db.query(
      `update scorings set expires_at = now() - interval '1 minute' where id = $1`,
      [late.id],
    )
    const expired = json<ScoringWire>(await v1('GET', `/v1/scoring/${late.id}`))
    assert.equal(expired.status, 'expired')
    assert.equal(expired.score, null)
  })
})
