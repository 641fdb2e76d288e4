import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

let harness: Harness
before(async () => {
  harness = await startHarness()
})
after(() => harness.close())

describe('POST /v2/oauth/token', () => {
  test('issues a bearer token pair for valid client credentials', async () => {
    const project = await newProject(harness)
    const payload = `grant_type=client_credentials&client_id=${project.clientId}&client_secret=${project.clientSecret}`
    const response = await harness.app.inject({
      method: 'POST',
      url: '/v2/oauth/token',
      payload,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(response.statusCode, 201)
    const body = json(response)
    assert.equal(body.token_type, 'bearer')
    assert.equal(body.expires_in, 86400)
    assert.equal(body.refresh_expires_in, 864000)
    assert.equal(typeof body.access_token, 'string')
  })

  test('answers 401 UNAUTHORIZED for a wrong secret or unknown client', async () => {
    const project = await newProject(harness)
    for (const [id, secret] of [
      [project.clientId, 'wrong-secret'],
      ['nobody', project.clientSecret],
    ]) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/v2/oauth/token',
        payload: `grant_type=client_credentials&client_id=${id}&client_secret=${secret}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      assert.equal(response.statusCode, 401)
      assert.deepEqual(json(response), {
        code: 'UNAUTHORIZED',
        message: 'Invalid client credentials',
        status: 401,
      })
    }
  })

  test('rotates refresh tokens: a used one is dead, and its reuse kills the grant', async () => {
    const project = await newProject(harness)
    const refresh = (token: string) =>
      harness.app.inject({
        method: 'POST',
        url: '/v2/oauth/token',
        payload: `grant_type=refresh_token&refresh_token=${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    const first = await refresh(project.refreshToken)
    assert.equal(first.statusCode, 201)
    const next = json<{ access_token: string; refresh_token: string }>(first)
    assert.equal((await call(harness, next.access_token, 'GET', '/v2/customers')).statusCode, 200)
    // Reusing the first one revokes the grant: the newer one is dead too (OAuth 2.1).
    assert.equal((await refresh(project.refreshToken)).statusCode, 401)
    assert.equal((await refresh(next.refresh_token)).statusCode, 401)
    // Without reuse, each new refresh token works once.
    const other = await newProject(harness)
    const second = json<{ refresh_token: string }>(await refresh(other.refreshToken))
    assert.equal((await refresh(second.refresh_token)).statusCode, 201)
    // An access token is not a refresh token.
    assert.equal((await refresh(project.token)).statusCode, 401)
  })

  test('names the missing parameter', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/v2/oauth/token',
      payload: 'grant_type=client_credentials&client_id=abc',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(response.statusCode, 400)
    assert.deepEqual(json(response), {
      code: 'MISSING_PARAM',
      message: 'client_secret is required',
      status: 400,
    })
  })
})

describe('authentication', () => {
  test('answers 401 without a token, with a forged one, and 404 NOT_FOUND on unknown routes', async () => {
    assert.equal((await harness.app.inject({ url: '/v2/customers' })).statusCode, 401)
    const forged = await call(harness, 'eyJhbGciOiJIUzI1NiJ9.e30.xxxx', 'GET', '/v2/customers')
    assert.equal(forged.statusCode, 401)
    assert.equal(json(forged).code, 'UNAUTHORIZED')
    const missing = await harness.app.inject({ url: '/v2/nothing-here' })
    assert.equal(missing.statusCode, 404)
    assert.equal(json(missing).code, 'NOT_FOUND')
  })
})

describe('customers', () => {
  test('create, read, update, list and delete', async () => {
    const { token } = await newProject(harness)
    const created = await call(harness, token, 'POST', '/v2/customers', {
      customIdentifier: 'crud-1',
      personalDetails: { identity: { firstName: 'Ada' } },
    })
    assert.equal(created.statusCode, 201)
    const customer = json<{ id: string; customIdentifier: string; createdAt: string }>(created)
    assert.equal(customer.customIdentifier, 'crud-1')

    const read = await call(harness, token, 'GET', `/v2/customers/${customer.id}`)
    assert.equal(read.statusCode, 200)
    assert.deepEqual(json(read), json(created))

    const patched = await call(harness, token, 'PATCH', `/v2/customers/${customer.id}`, {
      aggregationDetails: { redirectUrl: 'https://bank.example/link' },
    })
    assert.equal(patched.statusCode, 200)
    assert.deepEqual(json(patched).aggregationDetails, {
      redirectUrl: 'https://bank.example/link',
    })
    assert.deepEqual(json(patched).personalDetails, { identity: { firstName: 'Ada' } })

    const removed = await call(harness, token, 'DELETE', `/v2/customers/${customer.id}`)
    assert.equal(removed.statusCode, 204)
    const gone = await call(harness, token, 'GET', `/v2/customers/${customer.id}`)
    assert.equal(gone.statusCode, 404)
    assert.equal(json(gone).code, 'UNKNOWN_ENTITY')
  })

  test('answers 422 ALREADY_EXISTS on a duplicate customIdentifier, only within a project', async () => {
    const first = await newProject(harness)
    const second = await newProject(harness)
    const body = { customIdentifier: 'dup' }
    assert.equal((await call(harness, first.token, 'POST', '/v2/customers', body)).statusCode, 201)
    const duplicate = await call(harness, first.token, 'POST', '/v2/customers', body)
    assert.equal(duplicate.statusCode, 422)
    assert.equal(json(duplicate).code, 'ALREADY_EXISTS')
    assert.equal((await call(harness, second.token, 'POST', '/v2/customers', body)).statusCode, 201)
  })

  test('validates the body and names the field', async () => {
    const { token } = await newProject(harness)
    const missing = await call(harness, token, 'POST', '/v2/customers', {})
    assert.equal(missing.statusCode, 400)
    assert.deepEqual(json(missing), {
      code: 'MISSING_PARAM',
      message: 'customIdentifier is required',
      status: 400,
    })
    const wrong = await call(harness, token, 'POST', '/v2/customers', { customIdentifier: 12 })
    assert.equal(wrong.statusCode, 400)
    assert.equal(json(wrong).code, 'BAD_REQUEST')
    assert.match(String(json(wrong).message), /^customIdentifier /)
  })

  test('paginates exactly as the reference', async () => {
    const { token } = await newProject(harness)
    const empty = await call(harness, token, 'GET', '/v2/customers')
    assert.deepEqual(json(empty), {
      resources: [],
      pagination: {
        next: null,
        previous: null,
        first: null,
        last: null,
        totalPages: 1,
        totalResources: 0,
      },
    })
    for (let i = 0; i < 5; i++) {
      await call(harness, token, 'POST', '/v2/customers', { customIdentifier: `p${i}` })
    }
    const page2 = json<{ resources: { customIdentifier: string }[]; pagination: object }>(
      await call(harness, token, 'GET', '/v2/customers?limit=2&page=2'),
    )
    assert.deepEqual(
      page2.resources.map((c) => c.customIdentifier),
      ['p2', 'p3'],
    )
    assert.deepEqual(page2.pagination, {
      next: '/v2/customers?page=3&limit=2',
      previous: '/v2/customers?page=1&limit=2',
      first: '/v2/customers?page=1&limit=2',
      last: '/v2/customers?page=3&limit=2',
      totalPages: 3,
      totalResources: 5,
    })
    const last = json<{ pagination: { next: unknown } }>(
      await call(harness, token, 'GET', '/v2/customers?limit=2&page=3'),
    )
    assert.equal(last.pagination.next, null)
    const beyond = json<{ resources: unknown[]; pagination: { totalResources: number } }>(
      await call(harness, token, 'GET', '/v2/customers?limit=2&page=9'),
    )
    assert.deepEqual(beyond.resources, [])
    assert.equal(beyond.pagination.totalResources, 5)
    for (const query of ['limit=0', 'limit=abc', 'page=0', 'page=-1', 'limit=1.5']) {
      const bad = await call(harness, token, 'GET', `/v2/customers?${query}`)
      assert.equal(bad.statusCode, 400, query)
      assert.equal(json(bad).code, 'BAD_REQUEST')
    }
  })

  test("never shows another project's customer", async () => {
    const owner = await newProject(harness)
    const other = await newProject(harness)
    const customer = json<{ id: string }>(
      await call(harness, owner.token, 'POST', '/v2/customers', { customIdentifier: 'mine' }),
    )
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await call(
        harness,
        other.token,
        method,
        `/v2/customers/${customer.id}`,
        method === 'PATCH' ? { aggregationDetails: {} } : undefined,
      )
      assert.equal(response.statusCode, 404, method)
      assert.equal(json(response).code, 'UNKNOWN_ENTITY')
    }
    const list = json<{ resources: unknown[] }>(
      await call(harness, other.token, 'GET', '/v2/customers'),
    )
    assert.deepEqual(list.resources, [])
    const malformed = await call(harness, owner.token, 'GET', `/v2/customers/%00'--`)
    assert.equal(malformed.statusCode, 404)
  })

  test('records aggregator_link_required when created with aggregationDetails', async () => {
    const { token, projectId } = await newProject(harness)
    const customer = json<{ id: string }>(
      await call(harness, token, 'POST', '/v2/customers', {
        customIdentifier: 'connector',
        aggregationDetails: { callbackUrl: 'https://lender.example/cb' },
      }),
    )
    const { rows } = await harness.runtime.db.query<{ name: string; customer_id: string }>(
      'select name, customer_id from outbox_events where project_id = $1',
      [projectId],
    )
    assert.deepEqual(rows, [{ name: 'aggregator_link_required', customer_id: customer.id }])
  })
})

describe('service endpoints', () => {
  test('serves /health, /ready and the OpenAPI document', async () => {
    assert.deepEqual(json(await harness.app.inject({ url: '/health' })), { status: 'ok' })
    assert.deepEqual(json(await harness.app.inject({ url: '/ready' })), { status: 'ready' })
    const openapi = json<{ openapi: string; paths: Record<string, unknown> }>(
      await harness.app.inject({ url: '/docs/json' }),
    )
    assert.equal(openapi.openapi, '3.1.0')
    assert.ok(openapi.paths['/v2/customers/{id}'])
    assert.equal((await harness.app.inject({ url: '/docs' })).statusCode < 400, true)
  })
})

describe('token expiry', () => {
  test('an expired access token answers 401 even after it was accepted', async () => {
    const { token } = await newProject(harness)
    assert.equal((await call(harness, token, 'GET', '/v2/customers')).statusCode, 200)
    const clock = harness.runtime.deps.clock
    const realNow = clock.now
    // The token service reads the runtime's clock: move it past the token's lifetime.
    clock.now = () => new Date(Date.now() + 2 * 86_400_000)
    try {
      const expired = await call(harness, token, 'GET', '/v2/customers')
      assert.equal(expired.statusCode, 401)
      assert.equal(json(expired).code, 'UNAUTHORIZED')
    } finally {
      clock.now = realNow
    }
  })
})
