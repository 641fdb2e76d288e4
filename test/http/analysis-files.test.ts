import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { buildApp } from '../../src/http/build-app.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

let harness: Harness
let token: string
before(async () => {
  harness = await startHarness()
  token = (await newProject(harness)).token
})
after(() => harness.close())

const statement = (path: string): Buffer =>
  readFileSync(new URL(`../fixtures/statements/${path}`, import.meta.url))

/** A multipart/form-data body: files as [name, bytes], fields as [name, value]. */
const multipart = (files: [string, Buffer][], fields: [string, string][] = []) => {
  const boundary = '----creditlens-test-boundary'
  const chunks: Buffer[] = []
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    )
  }
  for (const [fileName, bytes] of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

const newCustomer = async (id: string): Promise<string> => {
  const created = await call(harness, token, 'POST', '/v2/customers', { customIdentifier: id })
  return json<{ id: string }>(created).id
}

const upload = (customerId: string, body: ReturnType<typeof multipart>) =>
  harness.app.inject({
    method: 'POST',
    url: `/v2/customers/${customerId}/analyses/files`,
    payload: body.payload,
    headers: { ...body.headers, authorization: `Bearer ${token}` },
  })

describe('POST /v2/customers/{id}/analyses/files', () => {
  test('creates an analysis from two overlapping statement files, dataOrigin BANK_STATEMENT', async () => {
    const customerId = await newCustomer('files-1')
    const response = await upload(
      customerId,
      multipart([
        ['jan-mar.xml', statement('camt/camt053-v04-overlap-1.xml')],
        ['mar-apr.xml', statement('camt/camt053-v04-overlap-2.xml')],
      ]),
    )
    assert.equal(response.statusCode, 202, response.body)
    const analysis = json(response)
    assert.equal(analysis.status, 'IN_PROGRESS')
    assert.equal(analysis.format, 'CAMT')
    assert.equal(analysis.dataOrigin, 'BANK_STATEMENT')
    const read = await call(
      harness,
      token,
      'GET',
      `/v2/customers/${customerId}/analyses/${String(analysis.id)}`,
    )
    assert.equal(json(read).dataOrigin, 'BANK_STATEMENT')
  })

  test('reads files of different formats together, and the format field forces one', async () => {
    const customerId = await newCustomer('files-2')
    const mixed = await upload(
      customerId,
      multipart([
        ['a.ofx', statement('ofx/ofx2-uk.ofx')],
        ['b.csv', statement('csv/monzo-uk.csv')],
      ]),
    )
    assert.equal(mixed.statusCode, 202, mixed.body)
    assert.equal(json(mixed).format, 'OFX+CSV')
    const forced = await upload(
      await newCustomer('files-3'),
      multipart([['x.txt', statement('ofx/ofx2-uk.ofx')]], [['format', 'CSV']]),
    )
    assert.equal(forced.statusCode, 400)
    assert.match(String(json(forced).message), /^x\.txt: /)
  })

  test('answers 400 naming the file and where a truncated file stops', async () => {
    const customerId = await newCustomer('files-4')
    const text = statement('camt/camt053-v08-de.xml')
    const cut = text.subarray(0, text.lastIndexOf('\n', 3000))
    const response = await upload(customerId, multipart([['cut.xml', cut]]))
    assert.equal(response.statusCode, 400)
    assert.equal(json(response).code, 'BAD_REQUEST')
    assert.match(
      String(json(response).message),
      /^cut\.xml: end of file: the file ends before <\w+> is closed: is it truncated\?$/,
    )
  })

  test('answers 400 without files, with a JSON body, or with an unknown field', async () => {
    const customerId = await newCustomer('files-5')
    const none = await upload(customerId, multipart([], [['format', 'CSV']]))
    assert.equal(none.statusCode, 400)
    assert.equal(json(none).code, 'MISSING_PARAM')
    const asJson = await call(
      harness,
      token,
      'POST',
      `/v2/customers/${customerId}/analyses/files`,
      { accounts: [] },
    )
    assert.equal(asJson.statusCode, 400)
    const odd = await upload(
      customerId,
      multipart([['a.ofx', statement('ofx/ofx2-uk.ofx')]], [['colour', 'blue']]),
    )
    assert.equal(odd.statusCode, 400)
    assert.match(String(json(odd).message), /unknown form field "colour"/)
  })

  test('needs a token and an existing customer', async () => {
    const body = multipart([['a.ofx', statement('ofx/ofx2-uk.ofx')]])
    const anonymous = await harness.app.inject({
      method: 'POST',
      url: '/v2/customers/x/analyses/files',
      payload: body.payload,
      headers: body.headers,
    })
    assert.equal(anonymous.statusCode, 401)
    assert.equal((await upload('unknown-customer', body)).statusCode, 404)
  })

  test('is documented in the OpenAPI as multipart/form-data', async () => {
    const openapi = json<{
      paths: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }>
    }>(await harness.app.inject({ url: '/docs/json' }))
    const post = openapi.paths['/v2/customers/{id}/analyses/files']?.post
    assert.ok(post?.requestBody?.content?.['multipart/form-data'])
  })
})

describe('POST /v2/customers/{id}/analyses with aggregator formats', () => {
  test('accepts Budget Insight connections and Linxo accounts', async () => {
    const bi = JSON.parse(
      readFileSync(
        new URL('../fixtures/budget-insight-v2.0/lara_croft.json', import.meta.url),
        'utf8',
      ),
    ) as object // the fixture's shape
    const created = await call(
      harness,
      token,
      'POST',
      `/v2/customers/${await newCustomer('bi-1')}/analyses`,
      bi,
    )
    assert.equal(created.statusCode, 202, created.body)
    assert.equal(json(created).format, 'BUDGET_INSIGHT_V2_0')
    const linxo = JSON.parse(
      readFileSync(
        new URL('../fixtures/linxo-connect-v3/lara_croft.json', import.meta.url),
        'utf8',
      ),
    ) as { connections: { accounts: unknown[] }[] } // the fixture's shape
    const body = { format: 'OXLIN_DIRECT_ACCOUNT_API_V3', accounts: linxo.connections[0]?.accounts }
    const viaAccounts = await call(
      harness,
      token,
      'POST',
      `/v2/customers/${await newCustomer('linxo-1')}/analyses`,
      body,
    )
    assert.equal(viaAccounts.statusCode, 202, viaAccounts.body)
    assert.equal(json(viaAccounts).format, 'OXLIN_DIRECT_ACCOUNT_API_V3')
  })
})

describe('PATCH /v2/customers/{id}/analyses/{analysisId} with aggregator formats', () => {
  test('launches a connector analysis with Budget Insight connections', async () => {
    const created = await call(harness, token, 'POST', '/v2/customers', {
      customIdentifier: 'bi-patch',
      aggregationDetails: { callbackUrl: 'https://lender.example/cb' },
    })
    const customerId = json<{ id: string }>(created).id
    const empty = json<{ id: string; status: string }>(
      await call(harness, token, 'POST', `/v2/customers/${customerId}/analyses`, {}),
    )
    assert.equal(empty.status, 'CREATED')
    const bi = JSON.parse(
      readFileSync(
        new URL('../fixtures/budget-insight-v2.0/harry_potter.json', import.meta.url),
        'utf8',
      ),
    ) as { format: string; connections: unknown[] } // the fixture's shape
    const url = `/v2/customers/${customerId}/analyses/${empty.id}`
    const patched = await call(harness, token, 'PATCH', url, bi)
    assert.equal(patched.statusCode, 200, patched.body)
    assert.equal(json(patched).status, 'IN_PROGRESS')
    // The analysis says which format its accounts came in.
    assert.equal(json(patched).format, 'BUDGET_INSIGHT_V2_0')
  })
})

describe('the upload cap (UPLOAD_LIMIT_BYTES) covers every file of a request together', () => {
  const capped = () =>
    buildApp({
      deps: harness.runtime.deps,
      tokens: harness.runtime.tokens,
      isReady: harness.runtime.store.isReady,
      bodyLimitBytes: 1024 * 1024,
      uploadLimitBytes: 64 * 1024,
      rateLimitPerMinute: 0,
    })
  // Three files of 30 KB: each under the cap, together over it.
  const files: [string, Buffer][] = [1, 2, 3].map((n) => [
    `part-${n}.csv`,
    Buffer.from(`date;label;amount\n${'2024-01-01;CARTE X;-1\n'.repeat(1400)}`),
  ])

  const expectTooLarge = (response: { statusCode: number; body: string; headers: object }) => {
    assert.equal(response.statusCode, 413)
    assert.deepEqual(Object.keys(JSON.parse(response.body) as object).sort(), [
      'code',
      'message',
      'status',
    ])
    assert.equal((JSON.parse(response.body) as { code: string }).code, 'PAYLOAD_TOO_LARGE')
    assert.equal((response.headers as Record<string, string>).connection, 'close')
  }

  test('a declared length over the cap answers 413 before reading', async () => {
    const app = await capped()
    const customerId = await newCustomer('files-cap-1')
    const body = multipart(files)
    const response = await app.inject({
      method: 'POST',
      url: `/v2/customers/${customerId}/analyses/files`,
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${token}` },
    })
    expectTooLarge(response)
    await app.close()
  })

  test('a streamed body without a length stops at the first byte over the cap', async () => {
    const app = await capped()
    const customerId = await newCustomer('files-cap-2')
    const body = multipart(files)
    let sent = 0
    // Sent in 8 KB chunks without Content-Length, as a client streaming a large upload does.
    const stream = Readable.from(
      (function* () {
        for (let at = 0; at < body.payload.length; at += 8192) {
          const chunk = body.payload.subarray(at, at + 8192)
          sent += chunk.length
          yield chunk
        }
      })(),
    )
    const response = await app.inject({
      method: 'POST',
      url: `/v2/customers/${customerId}/analyses/files`,
      payload: stream,
      headers: { ...body.headers, authorization: `Bearer ${token}` },
    })
    expectTooLarge(response)
    assert.ok(sent > 64 * 1024)
    const analyses = await call(harness, token, 'GET', `/v2/customers/${customerId}/analyses`)
    assert.equal(json<{ resources: unknown[] }>(analyses).resources.length, 0)
    await app.close()
  })

  test('files under the cap together are read as before', async () => {
    const app = await capped()
    const customerId = await newCustomer('files-cap-3')
    const body = multipart(files.slice(0, 1))
    const response = await app.inject({
      method: 'POST',
      url: `/v2/customers/${customerId}/analyses/files`,
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${token}` },
    })
    assert.notEqual(response.statusCode, 413, response.body)
    assert.ok(response.statusCode < 500, response.body)
    await app.close()
  })
})
