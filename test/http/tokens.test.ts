/**
 * Token hygiene: a reused refresh token revokes its whole grant, access tokens must expire, and
 * a configured signing key is never kept in the database.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { SignJWT } from 'jose'
import { buildApp } from '../../src/http/build-app.ts'
import { TOKEN_REQUESTS_PER_MINUTE } from '../../src/http/routes/oauth/routes.ts'
import { call, newProject, startHarness, type Harness } from './harness.ts'

const KEY = 'test-signing-key-of-at-least-32-characters'
let harness: Harness
before(async () => {
  harness = await startHarness({ TOKEN_SIGNING_KEY: KEY })
})
after(() => harness.close())

const refresh = (refreshToken: string) =>
  harness.app.inject({
    method: 'POST',
    url: '/v2/oauth/token',
    payload: `grant_type=refresh_token&refresh_token=${refreshToken}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })

test('a reused rotated refresh token revokes every refresh token of its grant', async () => {
  const first = await newProject(harness)
  const rotated = await refresh(first.refreshToken)
  assert.equal(rotated.statusCode, 201)
  const second = (rotated.json() as { refresh_token: string }).refresh_token

  const reused = await refresh(first.refreshToken)
  assert.equal(reused.statusCode, 401)
  assert.equal((reused.json() as { code: string }).code, 'UNAUTHORIZED')
  // The newer token of the same grant, held by the client or the thief, is revoked too.
  assert.equal((await refresh(second)).statusCode, 401)

  // Another grant (another client-credentials request) is untouched.
  const other = await newProject(harness)
  assert.equal((await refresh(other.refreshToken)).statusCode, 201)
})

test('an access token without exp is refused', async () => {
  const { token, clientId } = await newProject(harness)
  const projectId = (
    await harness.runtime.db.query<{ project_id: string }>(
      'select project_id from clients where id = $1',
      [clientId],
    )
  ).rows[0]?.project_id
  assert.ok(projectId)
  const key = new TextEncoder().encode(KEY)
  const claims = { pid: projectId, use: 'access' }
  const base = () =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('creditlens')
      .setSubject(clientId)
      .setJti(randomUUID())
      .setIssuedAt()
  const withoutExp = await base().sign(key)
  const withExp = await base().setExpirationTime('1h').sign(key)

  assert.equal((await call(harness, token, 'GET', '/v2/customers')).statusCode, 200)
  assert.equal((await call(harness, withExp, 'GET', '/v2/customers')).statusCode, 200)
  const refused = await call(harness, withoutExp, 'GET', '/v2/customers')
  assert.equal(refused.statusCode, 401)
  assert.equal((refused.json() as { code: string }).code, 'UNAUTHORIZED')
})

test('a configured signing key is not kept in the database', async () => {
  const { rows } = await harness.runtime.db.query<{ value: string }>(
    `select value from settings where key = 'token_signing_secret'`,
  )
  assert.deepEqual(rows, [])
  const everything = await harness.runtime.db.query<{ value: string }>('select value from settings')
  assert.ok(!everything.rows.some((row) => row.value.includes(KEY)))
})

const tokenRequest = (clientId: string, secret: string) =>
  harness.app.inject({
    method: 'POST',
    url: '/v2/oauth/token',
    payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=${secret}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0

test('an unknown client id costs a secret check, like a known one with a wrong secret', async () => {
  const { clientId } = await newProject(harness)
  const time = async (id: string) => {
    const start = process.hrtime.bigint()
    const response = await tokenRequest(id, 'wrong-secret')
    assert.equal(response.statusCode, 401)
    return Number(process.hrtime.bigint() - start) / 1e6
  }
  const known: number[] = []
  const unknown: number[] = []
  for (let i = 0; i < 7; i += 1) {
    known.push(await time(clientId))
    unknown.push(await time(`nobody-${i}`))
  }
  // Without the dummy check an unknown id answered in ~1 ms against ~30–50 ms of scrypt.
  assert.ok(
    median(unknown) > median(known) * 0.5,
    `unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`,
  )
})

test('secret checks are bounded: a burst gets 429 in the error shape, never a 5xx', async () => {
  const { clientId, clientSecret } = await newProject(harness)
  const burst = await Promise.all(
    Array.from({ length: 80 }, () => tokenRequest(clientId, 'wrong-secret')),
  )
  const statuses = burst.map((response) => response.statusCode)
  assert.ok(
    statuses.every((status) => status === 401 || status === 429),
    statuses.join(','),
  )
  const limited = burst.find((response) => response.statusCode === 429)
  assert.ok(limited, 'no 429 in a burst of 80')
  assert.deepEqual(limited.json(), {
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many token requests at once; retry shortly',
    status: 429,
  })
  assert.equal((await tokenRequest(clientId, clientSecret)).statusCode, 201)
})

test('rate limiting counts requests before authentication and validation', async () => {
  const limited = await buildApp({
    deps: harness.runtime.deps,
    tokens: harness.runtime.tokens,
    isReady: harness.runtime.store.isReady,
    bodyLimitBytes: 1024 * 1024,
    rateLimitPerMinute: 3,
  })
  try {
    const get = (token: string) =>
      limited.inject({
        method: 'GET',
        url: '/v2/customers',
        headers: { authorization: `Bearer ${token}` },
      })
    // Forged tokens: 401 until the address's budget is spent, then 429.
    const forged = []
    for (let i = 0; i < 5; i += 1) forged.push((await get(`forged.${i}.token`)).statusCode)
    assert.deepEqual(forged, [401, 401, 401, 429, 429])

    // Invalid bodies from a valid client: 400 until the client's budget is spent.
    const { token } = await newProject(harness)
    const invalid = []
    for (let i = 0; i < 4; i += 1) {
      const response = await limited.inject({
        method: 'POST',
        url: '/v2/customers',
        headers: { authorization: `Bearer ${token}` },
        payload: { customIdentifier: 42 },
      })
      invalid.push(response.statusCode)
    }
    assert.deepEqual(invalid, [400, 400, 400, 429])
    const over = await get(token)
    assert.deepEqual(over.json(), {
      code: 'TOO_MANY_REQUESTS',
      message: 'Rate limit of 3 requests per minute exceeded',
      status: 429,
    })

    // The token endpoint: per client id and address, counted before validation.
    const ask = (clientId: string) =>
      limited.inject({
        method: 'POST',
        url: '/v2/oauth/token',
        payload: `grant_type=client_credentials&client_id=${clientId}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    const statuses = []
    for (let i = 0; i <= TOKEN_REQUESTS_PER_MINUTE; i += 1) {
      statuses.push((await ask('client-a')).statusCode)
    }
    assert.equal(statuses.filter((status) => status === 400).length, TOKEN_REQUESTS_PER_MINUTE)
    assert.equal(statuses.at(-1), 429)
    // Another client on the same address is not locked out.
    assert.equal((await ask('client-b')).statusCode, 400)
  } finally {
    await limited.close()
  }
})
