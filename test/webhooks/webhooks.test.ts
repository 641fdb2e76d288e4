/**
 * Webhooks end to end: the real runtime (database, queue, workers, HTTP app) delivering to real
 * HTTP receivers on loopback, driven over the API and through Algoan's Node SDK.
 */
import assert from 'node:assert/strict'
import { createHmac, randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { EventName, EventStatus, RequestBuilder, ServiceAccount, Subscription } from '@algoan/rest'
import { call, json, newProject, startHarness, type Harness } from '../http/harness.ts'
import { escapeLikeTheReference } from '../support/reference-escape.ts'
import { startReceiver, type Receiver, type Responder } from '../support/webhook-receiver.ts'
import { eventually, parseWebhook, WEBHOOK_TEST_ENV, type WebhookJson } from './support.ts'

let harness: Harness
let baseUrl: string
const receivers: Receiver[] = []

before(async () => {
  // a fast sweeper, for the test of a lost job
  harness = await startHarness(
    { ...WEBHOOK_TEST_ENV, WEBHOOK_SWEEP_INTERVAL_MS: '200' },
    { worker: true },
  )
  baseUrl = await harness.app.listen({ port: 0, host: '127.0.0.1' })
})
after(async () => {
  for (const receiver of receivers) await receiver.close()
  await harness.close()
})

const receiver = async (respond?: Responder): Promise<Receiver> => {
  const created = await startReceiver(respond)
  receivers.push(created)
  return created
}

type Project = Awaited<ReturnType<typeof newProject>>

interface SubscriptionJson {
  id: string
  eventName: string
  secret: string
  target: string
  status: string
  signatureEncoding: string
}

interface EventJson extends WebhookJson {
  statuses: { name: string; createdAt: string }[]
  deliveryStatus: 'PENDING' | 'DELIVERED' | 'FAILED'
}

interface DeliveryLogJson {
  eventId: string
  deliveryStatus: EventJson['deliveryStatus']
  attempts: {
    attempt: number
    time: string
    status: number | null
    durationMs: number
    error: string | null
  }[]
}

const subscribe = async (project: Project, body: Record<string, unknown>) => {
  const response = await call(harness, project.token, 'POST', '/v2/subscriptions', body)
  assert.equal(response.statusCode, 201, response.body)
  return json<SubscriptionJson>(response)
}

/** A customer in connector mode: its creation emits `aggregator_link_required`. */
const connectorCustomer = async (project: Project): Promise<string> => {
  const response = await call(harness, project.token, 'POST', '/v2/customers', {
    customIdentifier: `customer-${randomUUID()}`,
    aggregationDetails: { mode: 'REDIRECT', aggregatorName: 'OTHER' },
  })
  assert.equal(response.statusCode, 201, response.body)
  return json<{ id: string }>(response).id
}

const deliveryLog = async (project: Project, subscriptionId: string, eventId: string) => {
  const response = await call(
    harness,
    project.token,
    'GET',
    `/v2/subscriptions/${subscriptionId}/events/${eventId}/deliveries`,
  )
  assert.equal(response.statusCode, 200, response.body)
  return json<DeliveryLogJson>(response)
}

const events = async (project: Project, subscriptionId: string, customerId: string, query = '') => {
  const response = await call(
    harness,
    project.token,
    'GET',
    `/v2/subscriptions/${subscriptionId}/events?customerId=${customerId}${query}`,
  )
  assert.equal(response.statusCode, 200, response.body)
  return json<EventJson[]>(response)
}

/** The only event of a customer for a subscription, once its delivery has settled. */
const settledEvent = (project: Project, subscriptionId: string, customerId: string) =>
  eventually(async () => {
    const [event] = await events(project, subscriptionId, customerId)
    return event && event.deliveryStatus !== 'PENDING' ? event : undefined
  }, 'the event to settle')

test("Algoan's Node SDK gets tokens on /v1 and /v2, manages subscriptions and reports event statuses", async () => {
  const project = await newProject(harness, 'sdk')
  const hooks = await receiver()
  const credentials = { clientId: project.clientId, clientSecret: project.clientSecret }
  const v1 = new RequestBuilder(baseUrl, credentials)
  const v2 = new RequestBuilder(baseUrl, credentials, { version: 2 })

  assert.deepEqual(await Subscription.get(v1, [EventName.AGGREGATOR_LINK_REQUIRED]), [])
  const created = await Subscription.create(v1, {
    eventName: EventName.AGGREGATOR_LINK_REQUIRED,
    target: `${hooks.origin}/sdk`,
    secret: 'a-secret-from-the-sdk',
  })
  assert.equal(created.status, 'ACTIVE')
  const listed = await Subscription.get(v2, [
    EventName.AGGREGATOR_LINK_REQUIRED,
    EventName.BANK_DETAILS_REQUIRED,
  ])
  assert.deepEqual(
    listed.map((s) => [s.id, s.secret, s.target]),
    [[created.id, 'a-secret-from-the-sdk', `${hooks.origin}/sdk`]],
  )
  assert.deepEqual(await Subscription.get(v1, [EventName.BANK_DETAILS_REQUIRED]), [])

  await created.update({ status: 'INACTIVE' })
  const afterPatch = await call(harness, project.token, 'GET', `/v1/subscriptions/${created.id}`)
  assert.equal(json<SubscriptionJson>(afterPatch).status, 'INACTIVE')

  // What a connector does at start: list its subscriptions, re-activate those that are not ACTIVE.
  const account = new ServiceAccount(
    baseUrl,
    { id: 'service-account', createdAt: new Date().toISOString(), ...credentials },
    { apiVersion: 2 },
  )
  const [own] = await account.getOrCreateSubscriptions(
    [{ eventName: EventName.AGGREGATOR_LINK_REQUIRED, target: `${hooks.origin}/sdk` }],
    [EventName.AGGREGATOR_LINK_REQUIRED],
  )
  assert.ok(own)
  assert.equal(
    json<SubscriptionJson>(
      await call(harness, project.token, 'GET', `/v2/subscriptions/${created.id}`),
    ).status,
    'ACTIVE',
  )

  const customerId = await connectorCustomer(project)
  const [webhook] = await hooks.waitFor(1)
  assert.ok(webhook)
  const body = parseWebhook(webhook)
  assert.deepEqual(body.payload, { customerId })
  assert.equal(body.subscription.id, created.id)
  assert.equal(body.index, 1)
  const parsed = JSON.parse(webhook.raw.toString('utf8')) as Record<string, string> // the SDK's declared payload type
  assert.equal(own.validateSignature(String(webhook.headers['x-hub-signature']), parsed), true)

  const updated = await own.event(body.id).update({ status: EventStatus.PROCESSED })
  assert.deepEqual(
    (updated as unknown as EventJson).statuses.map((s) => s.name), // the SDK returns our body untyped
    ['IN_PROGRESS', 'PROCESSED'],
  )
  const [stored] = await events(project, created.id, customerId)
  assert.equal(stored?.id, body.id)
  assert.deepEqual(
    stored?.statuses.map((s) => s.name),
    ['IN_PROGRESS', 'PROCESSED'],
  )
})

test('an ESCAPED_UNICODE subscription sends and signs the escaped bytes; unicode and / < % @ arrive intact', async () => {
  const project = await newProject(harness, 'escaped')
  const hooks = await receiver()
  const target = `${hooks.origin}/hooks/réception/Zoë?next=%2Fhome&who=a@b<c>`
  const secret = 'the secret of an escaped subscription'
  const subscription = await subscribe(project, {
    eventName: 'aggregation_link_required',
    target,
    secret,
    signatureEncoding: 'ESCAPED_UNICODE',
  })
  assert.equal(subscription.target, target)
  const customerId = await connectorCustomer(project)
  const [webhook] = await hooks.waitFor(1)
  assert.ok(webhook)
  const text = webhook.raw.toString('latin1')
  assert.match(text, /^[\x20-\x7e]+$/)
  const body = parseWebhook(webhook)
  assert.equal(body.subscription.target, target)
  assert.equal(body.subscription.eventName, 'aggregation_link_required')
  assert.equal(body.payload.customerId, customerId)
  // the receiver of the reference: escape the decoded JSON, then HMAC it
  const escaped = escapeLikeTheReference(JSON.stringify(body))
  assert.equal(escaped, text)
  assert.equal(
    webhook.headers['x-hub-signature'],
    `sha256=${createHmac('sha256', secret).update(escaped).digest('hex')}`,
  )
})

test('retries after a time-out and a 500, logging every attempt, until a 2xx', async () => {
  const project = await newProject(harness, 'retries')
  const hooks = await receiver((_, n) => (n === 0 ? 'hang' : n === 1 ? 500 : 204))
  const subscription = await subscribe(project, {
    eventName: 'aggregator_link_required',
    target: `${hooks.origin}/flaky`,
  })
  const customerId = await connectorCustomer(project)
  const event = await settledEvent(project, subscription.id, customerId)
  assert.equal(event.deliveryStatus, 'DELIVERED')
  const log = await deliveryLog(project, subscription.id, event.id)
  assert.deepEqual(
    log.attempts.map((a) => [a.attempt, a.status, a.error?.split(':')[0] ?? null]),
    [
      [1, null, 'TIMEOUT'],
      [2, 500, null],
      [3, 204, null],
    ],
  )
  assert.ok((log.attempts[0]?.durationMs ?? 0) >= Number(WEBHOOK_TEST_ENV.WEBHOOK_TIMEOUT_MS) - 10)
  const received = hooks.received.map((w) => parseWebhook(w))
  assert.equal(new Set(received.map((b) => b.id)).size, 1, 'the same event each time')
  assert.equal(
    new Set(hooks.received.map((w) => w.raw.toString())).size,
    1,
    'the same bytes each time',
  )
})

test('FAILED after the last attempt, DISABLED after repeated failures, resumed by PATCH, replayed on demand', async () => {
  const project = await newProject(harness, 'failures')
  let up = false
  const hooks = await receiver(() => (up ? 200 : 503))
  const subscription = await subscribe(project, {
    eventName: 'aggregator_link_required',
    target: `${hooks.origin}/down`,
  })
  const first = await connectorCustomer(project)
  const second = await connectorCustomer(project)
  for (const customerId of [first, second]) {
    const event = await settledEvent(project, subscription.id, customerId)
    assert.equal(event.deliveryStatus, 'FAILED')
    assert.deepEqual(
      event.statuses.map((s) => s.name),
      ['IN_PROGRESS', 'ERROR'],
    )
    const log = await deliveryLog(project, subscription.id, event.id)
    assert.deepEqual(
      log.attempts.map((a) => a.status),
      [503, 503, 503],
    )
  }
  const disabled = await call(harness, project.token, 'GET', `/v2/subscriptions/${subscription.id}`)
  assert.equal(json<SubscriptionJson>(disabled).status, 'DISABLED')

  // a DISABLED subscription gets no event
  const whileDisabled = await connectorCustomer(project)
  assert.deepEqual(await events(project, subscription.id, whileDisabled), [])

  up = true
  const patched = await call(
    harness,
    project.token,
    'PATCH',
    `/v2/subscriptions/${subscription.id}`,
    { status: 'ACTIVE' },
  )
  assert.equal(json<SubscriptionJson>(patched).status, 'ACTIVE')
  const third = await connectorCustomer(project)
  assert.equal((await settledEvent(project, subscription.id, third)).deliveryStatus, 'DELIVERED')

  const [failed] = await events(project, subscription.id, first)
  assert.ok(failed)
  const replay = await call(
    harness,
    project.token,
    'POST',
    `/v2/subscriptions/${subscription.id}/events/${failed.id}/redeliver`,
  )
  assert.equal(replay.statusCode, 202, replay.body)
  const log = await eventually(async () => {
    const current = await deliveryLog(project, subscription.id, failed.id)
    return current.deliveryStatus === 'DELIVERED' ? current : undefined
  }, 'the replay')
  assert.deepEqual(
    log.attempts.map((a) => [a.attempt, a.status]),
    [
      [1, 503],
      [2, 503],
      [3, 503],
      [4, 200],
    ],
  )
})

test('delivers the events of one customer in order, without holding back other customers', async () => {
  const project = await newProject(harness, 'ordering')
  const slow = await connectorCustomer(project) // before the subscription: no event for it yet
  const other = await connectorCustomer(project)
  let failuresLeft = 2
  const hooks = await receiver((webhook) => {
    const body = parseWebhook(webhook)
    if (body.payload.customerId === slow && body.index === 1 && failuresLeft > 0) {
      failuresLeft--
      return 500
    }
    return 200
  })
  const subscription = await subscribe(project, {
    eventName: 'bank_details_required',
    target: `${hooks.origin}/ordered`,
  })
  // the publisher the use cases call, each event in its own transaction
  const { deps } = harness.runtime
  const publish = (customerId: string, analysisId: string) =>
    deps.inTransaction((tx) =>
      deps.events.publish(tx, {
        projectId: project.projectId,
        customerId,
        analysisId,
        name: 'bank_details_required',
      }),
    )
  await publish(slow, 'a1')
  await publish(slow, 'a2')
  await publish(other, 'b1')
  await publish(slow, 'a3')
  await hooks.waitFor(6)
  const slowOrder = hooks.received
    .map(parseWebhook)
    .filter((b) => b.payload.customerId === slow)
    .map((b) => b.payload.analysisId)
  assert.deepEqual(slowOrder, ['a1', 'a1', 'a1', 'a2', 'a3'])
  const delivered = await eventually(async () => {
    const listed = await events(project, subscription.id, slow)
    return listed.every((e) => e.deliveryStatus === 'DELIVERED') ? listed : undefined
  }, 'every event delivered')
  assert.deepEqual(
    delivered.map((e) => [e.index, e.deliveryStatus]),
    [
      [1, 'DELIVERED'],
      [2, 'DELIVERED'],
      [4, 'DELIVERED'],
    ],
  )
  assert.deepEqual(
    (await events(project, subscription.id, slow, '&lowIndex=2&highIndex=3')).map((e) => e.index),
    [2],
  )
})

test("no delivery to INACTIVE subscriptions nor of another project's customers", async () => {
  const mine = await newProject(harness, 'mine')
  const theirs = await newProject(harness, 'theirs')
  const active = await receiver()
  const inactive = await receiver()
  const activeSubscription = await subscribe(mine, {
    eventName: 'aggregator_link_required',
    target: `${active.origin}/a`,
  })
  const off = await subscribe(mine, {
    eventName: 'aggregator_link_required',
    target: `${inactive.origin}/i`,
  })
  const patched = await call(harness, mine.token, 'PATCH', `/v2/subscriptions/${off.id}`, {
    status: 'INACTIVE',
  })
  assert.equal(patched.statusCode, 200)

  const foreign = await connectorCustomer(theirs)
  const own = await connectorCustomer(mine)
  const [webhook] = await active.waitFor(1)
  assert.equal(webhook && parseWebhook(webhook).payload.customerId, own)
  await settledEvent(mine, activeSubscription.id, own)
  assert.deepEqual(await events(mine, activeSubscription.id, foreign), [])
  assert.equal(inactive.received.length, 0)
  assert.deepEqual(await events(mine, off.id, own), [])
  // and the other project cannot see this project's subscriptions
  const peek = await call(
    harness,
    theirs.token,
    'GET',
    `/v2/subscriptions/${activeSubscription.id}`,
  )
  assert.equal(peek.statusCode, 404)
})

test('the sweeper delivers an event whose job was lost', async () => {
  const project = await newProject(harness, 'sweeper')
  const hooks = await receiver()
  await subscribe(project, { eventName: 'analysis_completed', target: `${hooks.origin}/swept` })
  const created = await call(harness, project.token, 'POST', '/v2/customers', {
    customIdentifier: 'no connector',
  })
  const customerId = json<{ id: string }>(created).id
  // the event as the fan-out stores it, but without its delivery job
  const { webhooks } = harness.runtime
  await webhooks.inTransaction((tx) =>
    webhooks.webhooks.fanOut(
      tx,
      { projectId: project.projectId, customerId, analysisId: 'lost', name: 'analysis_completed' },
      new Date(),
    ),
  )
  const [webhook] = await hooks.waitFor(1)
  assert.equal(webhook && parseWebhook(webhook).payload.analysisId, 'lost')
})

test('refuses bad subscriptions with 400 and unknown ones with 404', async () => {
  const project = await newProject(harness, 'validation')
  const cases: [Record<string, unknown>, RegExp][] = [
    [
      { eventName: 'analysis_completed', target: 'http://10.1.2.3/hook' },
      /TARGET_ADDRESS_NOT_ALLOWED/,
    ],
    [
      { eventName: 'analysis_completed', target: 'http://169.254.169.254/latest' },
      /TARGET_ADDRESS_NOT_ALLOWED/,
    ],
    [{ eventName: 'analysis_completed', target: 'ftp://example.com/hook' }, /TARGET_INVALID_URL/],
    [{ eventName: 'analysis_completed', target: 'not a url' }, /TARGET_INVALID_URL/],
    [{ eventName: 'analysis_finished', target: 'http://127.0.0.1/hook' }, /eventName/],
    [
      { eventName: 'analysis_completed', target: 'http://127.0.0.1/hook', secret: 'short' },
      /secret/,
    ],
    [{ target: 'http://127.0.0.1/hook' }, /eventName/],
  ]
  for (const [body, message] of cases) {
    const response = await call(harness, project.token, 'POST', '/v2/subscriptions', body)
    assert.equal(response.statusCode, 400, JSON.stringify(body))
    assert.match(json<{ message: string }>(response).message, message)
  }
  const generated = await subscribe(project, {
    eventName: 'analysis_completed',
    target: 'http://127.0.0.1:9/hook',
  })
  assert.match(generated.secret, /^[0-9a-f]{32}$/)
  assert.equal(generated.signatureEncoding, 'JSON')

  const badFilter = await call(
    harness,
    project.token,
    'GET',
    `/v2/subscriptions?filter=${encodeURIComponent('{"eventName":{"$gt":1}}')}`,
  )
  assert.equal(badFilter.statusCode, 400)
  const missing = await call(harness, project.token, 'GET', '/v2/subscriptions/nope')
  assert.equal(missing.statusCode, 404)
  const noCustomer = await call(
    harness,
    project.token,
    'GET',
    `/v2/subscriptions/${generated.id}/events`,
  )
  assert.equal(noCustomer.statusCode, 400)
  const badStatus = await call(
    harness,
    project.token,
    'PATCH',
    `/v2/subscriptions/${generated.id}/events/nope`,
    { status: 'DONE' },
  )
  assert.equal(badStatus.statusCode, 400)
  const unknownEvent = await call(
    harness,
    project.token,
    'PATCH',
    `/v2/subscriptions/${generated.id}/events/nope`,
    { status: 'ACK' },
  )
  assert.equal(unknownEvent.statusCode, 404)

  const removed = await call(harness, project.token, 'DELETE', `/v1/subscriptions/${generated.id}`)
  assert.equal(removed.statusCode, 200)
  assert.equal(
    (await call(harness, project.token, 'GET', `/v2/subscriptions/${generated.id}`)).statusCode,
    404,
  )
})
