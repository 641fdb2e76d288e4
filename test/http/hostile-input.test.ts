/**
 * Input the database cannot store, and requests the router cannot read, answer 4xx in the
 * documented shape `{ code, message, status }`: never a 500. Each case once answered 500.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

interface Upload {
  accounts: { name?: string; transactions: { description: string }[] }[]
}

let harness: Harness
let token: string
let customerId: string
let upload: Upload
before(async () => {
  harness = await startHarness({ WEBHOOK_ALLOW_NETWORKS: 'loopback' })
  token = (await newProject(harness)).token
  customerId = json<{ id: string }>(
    await call(harness, token, 'POST', '/v2/customers', { customIdentifier: 'hostile' }),
  ).id
  upload = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  ) as Upload // fixture file: the ALGOAN upload shape
})
after(() => harness.close())

const expectError = (response: LightMyRequestResponse, status: number, code: string) => {
  assert.equal(response.statusCode, status, response.body)
  const body = json<{ code: string; message: string; status: number }>(response)
  assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'status'])
  assert.equal(body.code, code)
  assert.equal(body.status, status)
  return body.message
}

/** Raw JSON text, so escapes such as a lone `\ud800` reach the server as sent. */
const rawJson = (method: 'POST' | 'PATCH', url: string, payload: string) =>
  harness.app.inject({
    method,
    url,
    payload,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  })

const withDescription = (description: string): Upload => {
  const copy = structuredClone(upload)
  const first = copy.accounts[0]?.transactions[0]
  assert.ok(first)
  first.description = description
  return copy
}

describe('NUL characters (U+0000) answer 400 naming the field', () => {
  test('in a customer', async () => {
    const message = expectError(
      await call(harness, token, 'POST', '/v2/customers', {
        customIdentifier: 'c-nul',
        personalDetails: { identity: { lastName: 'Pot\u0000ter' } },
      }),
      400,
      'BAD_REQUEST',
    )
    assert.match(message, /^personalDetails\.identity\.lastName contains a NUL character/)
    expectError(
      await call(harness, token, 'POST', '/v2/customers', { customIdentifier: 'a\u0000b' }),
      400,
      'BAD_REQUEST',
    )
    expectError(
      await call(harness, token, 'PATCH', `/v2/customers/${customerId}`, {
        aggregationDetails: { ['to\u0000ken']: 'x' },
      }),
      400,
      'BAD_REQUEST',
    )
  })

  test('in an analysis body: a description, an account name', async () => {
    const message = expectError(
      await call(
        harness,
        token,
        'POST',
        `/v2/customers/${customerId}/analyses`,
        withDescription('CARTE\u0000 X'),
      ),
      400,
      'BAD_REQUEST',
    )
    assert.match(message, /^accounts\[0\]\.transactions\[0\]\.description contains a NUL/)
    const named = structuredClone(upload)
    if (named.accounts[0]) named.accounts[0].name = 'Harry\u0000'
    expectError(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, named),
      400,
      'BAD_REQUEST',
    )
  })

  test('in a subscription and an event status', async () => {
    expectError(
      await call(harness, token, 'POST', '/v2/subscriptions', {
        eventName: 'analysis_completed',
        target: 'http://127.0.0.1:9/',
        secret: 'abcdefgh\u0000ij',
      }),
      400,
      'BAD_REQUEST',
    )
    expectError(
      await call(harness, token, 'POST', '/v2/subscriptions', {
        eventName: 'analysis_completed',
        target: 'http://127.0.0.1:9/\u0000',
      }),
      400,
      'BAD_REQUEST',
    )
    const subscription = json<{ id: string }>(
      await call(harness, token, 'POST', '/v2/subscriptions', {
        eventName: 'analysis_completed',
        target: 'http://127.0.0.1:9/',
      }),
    )
    expectError(
      await call(
        harness,
        token,
        'GET',
        `/v2/subscriptions/${subscription.id}/events?customerId=a%00b`,
      ),
      400,
      'BAD_REQUEST',
    )
    expectError(
      await call(
        harness,
        token,
        'GET',
        `/v2/subscriptions?filter=${encodeURIComponent('{"eventName":"a\u0000"}')}`,
      ),
      400,
      'BAD_REQUEST',
    )
  })
})

test('a lone surrogate answers 400', async () => {
  const body = JSON.stringify(withDescription('CARTE X')).replace('CARTE X', 'CARTE \\ud800X')
  expectError(
    await rawJson('POST', `/v2/customers/${customerId}/analyses`, body),
    400,
    'BAD_REQUEST',
  )
  expectError(
    await rawJson(
      'POST',
      '/v2/customers',
      '{"customIdentifier":"s","personalDetails":{"a":"\\udc00"}}',
    ),
    400,
    'BAD_REQUEST',
  )
})

test('JSON nested 100,000 deep answers 400', async () => {
  const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`
  const message = expectError(
    await rawJson('POST', '/v2/customers', `{"customIdentifier":"deep","personalDetails":${deep}}`),
    400,
    'BAD_REQUEST',
  )
  assert.match(message, /nested more than 64 levels/)
  expectError(
    await rawJson('PATCH', `/v2/customers/${customerId}`, `{"aggregationDetails":${deep}}`),
    400,
    'BAD_REQUEST',
  )
})

describe('ids that cannot be ours answer 404 on subscription and event routes', () => {
  for (const [method, path] of [
    ['GET', '/v2/subscriptions/a%00b'],
    ['PATCH', '/v2/subscriptions/a%00b'],
    ['DELETE', '/v2/subscriptions/a%00b'],
    ['GET', '/v2/subscriptions/a%00b/events?customerId=x'],
    ['PATCH', '/v2/subscriptions/abc/events/a%00b'],
    ['GET', '/v2/subscriptions/abc/events/a%00b/deliveries'],
    ['POST', '/v2/subscriptions/abc/events/a%00b/redeliver'],
    ['GET', "/v1/subscriptions/a'%20or%201=1"],
  ] as const) {
    test(`${method} ${path}`, async () => {
      const body =
        method === 'PATCH'
          ? { status: path.includes('/events/') ? 'PROCESSED' : 'ACTIVE' }
          : undefined
      expectError(await call(harness, token, method, path, body), 404, 'UNKNOWN_ENTITY')
    })
  }
})

describe('router errors answer in the error shape', () => {
  test('bad percent-encoding: 400', async () => {
    for (const path of ['/v2/customers/%E0%A4%A', '/v2/subscriptions/%zz']) {
      expectError(await call(harness, token, 'GET', path), 400, 'BAD_REQUEST')
    }
  })
  test('a path parameter longer than any id: 404', async () => {
    for (const path of [
      `/v2/customers/${'a'.repeat(300)}`,
      `/v2/subscriptions/${'b'.repeat(300)}`,
    ]) {
      expectError(await call(harness, token, 'GET', path), 404, 'UNKNOWN_ENTITY')
    }
  })
})

describe('multipart uploads', () => {
  const post = (payload: string | Buffer, contentType = 'multipart/form-data; boundary=XX') =>
    harness.app.inject({
      method: 'POST',
      url: `/v2/customers/${customerId}/analyses/files`,
      payload,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    })
  const part = (fileName: string, content: string) =>
    `--XX\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n\r\n${content}\r\n`

  test('a malformed body answers 400', async () => {
    for (const [payload, type] of [
      [`${part('a.csv', 'x').slice(0, -2)}`, undefined], // never closed
      ['garbage', undefined],
      ['garbage', 'multipart/form-data'], // no boundary
      ['--XX\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XX--\r\n', undefined], // no name
    ] as const) {
      expectError(await post(payload, type), 400, 'BAD_REQUEST')
    }
  })

  test('NUL in a file name, a file or a JSON export answers 400', async () => {
    expectError(
      await post(`${part('a\u0000.json', JSON.stringify(upload))}--XX--\r\n`),
      400,
      'BAD_REQUEST',
    )
    expectError(
      await post(`${part('a.csv', 'date;label;amount\r\n2024-01-01;A\u0000B;-10')}--XX--\r\n`),
      400,
      'BAD_REQUEST',
    )
    const escaped = JSON.stringify(withDescription('CARTE\u0000 X'))
    const message = expectError(
      await post(`${part('a.json', escaped)}--XX--\r\n`),
      400,
      'BAD_REQUEST',
    )
    assert.match(message, /NUL/)
  })
})

describe('a statement whose bad cell ends with a character outside the BMP', () => {
  // The warning quotes the cell's first 20 UTF-16 units: '😀' at units 19-20 was cut in two, and
  // PostgreSQL refused to store the warning (invalid JSON): the upload answered 500.
  const csv = [
    'date;label;amount',
    '2024-01-02;SALAIRE;2000,00',
    `2024-01-03;CARTE X;-123456789012345678😀,00`,
  ].join('\r\n')
  const multipart = (field: string) =>
    `--XX\r\nContent-Disposition: form-data; name="${field}"; filename="a.csv"\r\n\r\n${csv}\r\n--XX--\r\n`
  const headers = { 'content-type': 'multipart/form-data; boundary=XX' }

  test('is stored by the analyses API with its warning, the pair whole or dropped', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: `/v2/customers/${customerId}/analyses/files`,
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload: multipart('files'),
    })
    assert.equal(response.statusCode, 202, response.body)
  })

  test('is stored by the Report API with its warning', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/v2/report',
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload: multipart('input'),
    })
    assert.equal(response.statusCode, 202, response.body)
  })
})
