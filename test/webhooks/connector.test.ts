/**
 * The reference's "Using a connector" process, end to end over real HTTP on loopback: a small
 * aggregator connector, written here, reacts to webhooks by setting the customer's redirect URL
 * and uploading the accounts into the empty analysis; the lender is told by `analysis_completed`.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import { request } from 'undici'
import { verifyWebhookSignature } from '../../src/index.ts'
import { json, newProject, startHarness, type Harness } from '../http/harness.ts'
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts'
import { eventually, parseWebhook, WEBHOOK_TEST_ENV, type WebhookJson } from './support.ts'

let harness: Harness
let api: string

before(async () => {
  // a failing analysis job is not retried: the test fails at once instead of after the retries
  harness = await startHarness({ ...WEBHOOK_TEST_ENV, JOB_RETRY_LIMIT: '0' }, { worker: true })
  api = await harness.app.listen({ port: 0, host: '127.0.0.1' })
})
after(() => harness.close())

interface Connector {
  origin: string
  /** What the connector did, in order, for the test to check. */
  log: string[]
  close(): Promise<void>
}

/**
 * An aggregator connector as an integrator would write it: verifies each webhook, acknowledges
 * it, does the work through the public API with its own token, then reports PROCESSED.
 */
const startConnector = async (options: {
  token: string
  secret: () => string
  accounts: unknown[]
}): Promise<Connector> => {
  const log: string[] = []
  const callApi = async (method: 'GET' | 'PATCH', path: string, body?: unknown) => {
    const response = await request(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    const text = await response.body.text()
    if (response.statusCode >= 300)
      throw new Error(`${method} ${path}: ${response.statusCode} ${text}`)
    return JSON.parse(text) as Record<string, unknown> // the API's JSON; this connector reads a few fields
  }
  const setStatus = (event: WebhookJson, status: string) =>
    callApi('PATCH', `/v2/subscriptions/${event.subscription.id}/events/${event.id}`, { status })

  const handle = async (event: WebhookJson): Promise<void> => {
    await setStatus(event, 'ACK')
    const { customerId, analysisId } = event.payload
    if (event.subscription.eventName === 'aggregator_link_required') {
      const customer = await callApi('GET', `/v2/customers/${customerId}`)
      const details = customer.aggregationDetails as Record<string, unknown> // set at creation in connector mode
      await callApi('PATCH', `/v2/customers/${customerId}`, {
        aggregationDetails: {
          ...details,
          redirectUrl: `https://bank.example/connect/${customerId}`,
        },
      })
      log.push(`redirectUrl set for ${customerId}`)
    } else if (event.subscription.eventName === 'bank_details_required') {
      await callApi('PATCH', `/v2/customers/${customerId}/analyses/${analysisId}`, {
        accounts: options.accounts,
      })
      log.push(`accounts uploaded for ${analysisId}`)
    }
    await setStatus(event, 'PROCESSED')
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      if (!verifyWebhookSignature(raw, req.headers['x-hub-signature'], options.secret())) {
        log.push('refused an unsigned webhook')
        res.statusCode = 401
        res.end()
        return
      }
      // answer at once, work afterwards: a webhook is not the place for slow calls
      res.statusCode = 204
      res.end()
      const event = JSON.parse(raw.toString('utf8')) as WebhookJson // signed by the API, shape known
      handle(event).catch((error: unknown) => log.push(`failed: ${String(error)}`))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo // listen() on a TCP port gives an AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let lender: Receiver
let connector: Connector
after(async () => {
  await lender.close()
  await connector.close()
})

test('a connector driven by webhooks takes a customer from creation to a finished analysis', async () => {
  const project = await newProject(harness, 'connector mode')
  const fixture = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  ) as { accounts: unknown[] } // the ALGOAN upload format
  const secret = 'connector shared secret'
  connector = await startConnector({
    token: project.token,
    secret: () => secret,
    accounts: fixture.accounts,
  })
  lender = await startReceiver()

  const apiCall = async <T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const response = await harness.app.inject({
      method,
      url: path,
      headers: { authorization: `Bearer ${project.token}` },
      ...(body !== undefined && { payload: body as object }),
    })
    assert.ok(
      response.statusCode < 300,
      `${method} ${path}: ${response.statusCode} ${response.body}`,
    )
    return json<T>(response)
  }
  for (const eventName of ['aggregator_link_required', 'bank_details_required']) {
    await apiCall('POST', '/v2/subscriptions', {
      eventName,
      target: `${connector.origin}/webhooks`,
      secret,
    })
  }
  await apiCall('POST', '/v2/subscriptions', {
    eventName: 'analysis_completed',
    target: `${lender.origin}/done`,
  })

  // 2. the lender creates the customer in connector mode…
  const customer = await apiCall('POST', '/v2/customers', {
    customIdentifier: 'connector-loop-1',
    aggregationDetails: { mode: 'REDIRECT', aggregatorName: 'OTHER' },
  })
  const customerId = String(customer.id)
  // 3. …and polls it until the connector has set the redirect URL
  const redirectUrl = await eventually(async () => {
    const current = await apiCall('GET', `/v2/customers/${customerId}`)
    const details = current.aggregationDetails as { redirectUrl?: string } | undefined // API shape
    return details?.redirectUrl
  }, 'the redirect URL')
  assert.equal(redirectUrl, `https://bank.example/connect/${customerId}`)

  // 5. the user has connected their bank: an empty analysis asks the connector for the data
  const analysis = await apiCall('POST', `/v2/customers/${customerId}/analyses`, {})
  const analysisId = String(analysis.id)
  const [completed] = await lender.waitFor(1, 30_000)
  assert.ok(completed)
  const body = parseWebhook(completed)
  assert.equal(body.subscription.eventName, 'analysis_completed')
  assert.deepEqual(body.payload, { customerId, analysisId })

  const finished = await apiCall('GET', `/v2/customers/${customerId}/analyses/${analysisId}`)
  assert.equal(finished.status, 'COMPLETED', JSON.stringify(finished.error))
  assert.deepEqual(connector.log, [
    `redirectUrl set for ${customerId}`,
    `accounts uploaded for ${analysisId}`,
  ])

  // the connector's reports are on the events
  const filter = encodeURIComponent('{"eventName":"bank_details_required"}')
  const [bankDetails] = await apiCall<{ id: string }[]>('GET', `/v2/subscriptions?filter=${filter}`)
  assert.ok(bankDetails)
  const statuses = await eventually(async () => {
    const [event] = await apiCall<{ statuses: { name: string }[] }[]>(
      'GET',
      `/v2/subscriptions/${bankDetails.id}/events?customerId=${customerId}`,
    )
    const names = event?.statuses.map((s) => s.name) ?? []
    return names.includes('PROCESSED') ? names : undefined
  }, 'the PROCESSED status')
  assert.deepEqual(statuses, ['IN_PROGRESS', 'ACK', 'PROCESSED'])
})
