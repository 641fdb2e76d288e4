/** Helpers of the Report API suites: multipart uploads, the quick start's calls, polling. */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import type { LightMyRequestResponse } from 'fastify'
import type { Harness } from './harness.ts'

export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/report-api/${name}`, import.meta.url))

/** A multipart body with `files` under `field` (default `input`, as the vendor's curl sends). */
export const multipart = (
  files: readonly { name: string; content: Buffer | string }[],
  field = 'input',
): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = '----creditlensReportBoundary'
  const parts = files.map((file) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    ]),
  )
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** `POST /oauth/token` as the vendor's quick start sends it (JSON, with its audience). */
export const reportToken = async (
  harness: Harness,
  client: { clientId: string; clientSecret: string },
): Promise<string> => {
  const response = await harness.app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      audience: 'https://nordigen/api',
    },
  })
  assert.equal(response.statusCode, 200, response.body)
  return (response.json() as { access_token: string }).access_token
}

export const upload = (
  harness: Harness,
  token: string,
  files: readonly { name: string; content: Buffer | string }[],
): Promise<LightMyRequestResponse> => {
  const body = multipart(files)
  return harness.app.inject({
    method: 'POST',
    url: '/v2/report',
    payload: body.payload,
    headers: { ...body.headers, authorization: `Bearer ${token}` },
  })
}

export const requestIdOf = (response: LightMyRequestResponse): string => {
  assert.equal(response.statusCode, 202, response.body)
  return (response.json() as { data: { attributes: { 'request-id': string } } }).data.attributes[
    'request-id'
  ]
}

export const processReport = (
  harness: Harness,
  token: string,
  id: string,
  body: unknown,
): Promise<LightMyRequestResponse> =>
  harness.app.inject({
    method: 'PUT',
    url: `/v2/report/process/${id}`,
    payload: body as object,
    headers: { authorization: `Bearer ${token}` },
  })

export const getReport = (harness: Harness, token: string, id: string) =>
  harness.app.inject({
    method: 'GET',
    url: `/v2/report/${id}`,
    headers: { authorization: `Bearer ${token}` },
  })

// Test helper: the report's attributes, as the suites read them.
export type Attributes = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- deep JSON read by assertions

/** Polls `GET /v2/report/{id}` until it is no longer processing. */
export const waitForReport = async (
  harness: Harness,
  token: string,
  id: string,
  timeoutMs = 30_000,
): Promise<Attributes> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await getReport(harness, token, id)
    assert.equal(response.statusCode, 200, response.body)
    const attributes = (response.json() as { data: { attributes: Attributes } }).data.attributes
    if (attributes.status !== 'processing') return attributes
    if (Date.now() > deadline) assert.fail(`report ${id} still processing`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export const ALL_OPERATIONS = [
  'categorisation',
  'insights-income',
  'insights-loans',
  'insights-risk',
  'simple-score',
]

/** Upload, process with every operation, wait: the completed attributes. */
export const fullReport = async (
  harness: Harness,
  token: string,
  files: readonly { name: string; content: Buffer | string }[],
  body: Record<string, unknown> = {},
): Promise<{ id: string; attributes: Attributes }> => {
  const id = requestIdOf(await upload(harness, token, files))
  const queued = await processReport(harness, token, id, {
    country: 'uk',
    operations: ALL_OPERATIONS,
    ...body,
  })
  assert.equal(queued.statusCode, 202, queued.body)
  return { id, attributes: await waitForReport(harness, token, id) }
}

/** The vendor's error array, with one error of `code`. */
export const assertProblem = (
  response: LightMyRequestResponse,
  status: number,
  code: string,
  source?: string[],
): void => {
  assert.equal(response.statusCode, status, response.body)
  const body = response.json() as {
    title: string
    detail: string
    'error-code': string
    source: string[]
  }[]
  assert.ok(Array.isArray(body), `an error array: ${response.body}`)
  assert.equal(body.length, 1)
  assert.equal(body[0]?.['error-code'], code)
  assert.equal(typeof body[0]?.title, 'string')
  assert.equal(typeof body[0]?.detail, 'string')
  assert.ok(Array.isArray(body[0]?.source))
  if (source) assert.deepEqual(body[0]?.source, source)
}
