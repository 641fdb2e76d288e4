/**
 * The webhooks store on PGlite (default) or PostgreSQL (when DATABASE_URL is set): fan-out,
 * indexes, ordering per customer, leases, retries, failure counting, requeue.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { randomUUID } from 'node:crypto'
import type { Tx } from '../../src/app/ports.ts'
import type { ClaimedEvent, Subscription, WebhookStore } from '../../src/app/webhook-ports.ts'
import type { SubscribableEventName } from '../../src/app/webhook-vocabulary.ts'
import { openPglite, openPostgres, type Database } from '../../src/store/db.ts'
import { migrate } from '../../src/store/migrate.ts'
import { webhookStore } from '../../src/store/webhooks.ts'

let db: Database
let store: WebhookStore
const t0 = new Date('2026-03-01T10:00:00.000Z')
const at = (ms: number): Date => new Date(t0.getTime() + ms)
const LEASE = 60_000

before(async () => {
  db = process.env.DATABASE_URL
    ? await openPostgres(process.env.DATABASE_URL)
    : await openPglite('memory://')
  await migrate(db)
  store = webhookStore(db)
})
after(() => db.close())

const id = (): string => randomUUID().replaceAll('-', '').slice(0, 24)

const newProject = async (customers = 1): Promise<{ projectId: string; customerIds: string[] }> => {
  const projectId = id()
  await db.query(`insert into projects (id, name) values ($1, 'webhooks store suite')`, [projectId])
  const customerIds: string[] = []
  for (let i = 0; i < customers; i++) {
    const customerId = id()
    await db.query(
      `insert into customers (id, project_id, custom_identifier, created_at, updated_at)
       values ($1, $2, $1, $3, $3)`,
      [customerId, projectId, t0],
    )
    customerIds.push(customerId)
  }
  return { projectId, customerIds }
}

const inTx = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(work)

const subscribe = async (
  projectId: string,
  eventName: SubscribableEventName,
  status: Subscription['status'] = 'ACTIVE',
): Promise<Subscription> => {
  const subscription: Subscription = {
    id: id(),
    projectId,
    eventName,
    target: 'https://hooks.example.com/creditlens',
    secret: 'a secret of the test',
    status,
    signatureEncoding: 'JSON',
    createdAt: t0,
    updatedAt: t0,
  }
  await inTx((tx) => store.insertSubscription(tx, subscription))
  return subscription
}

const emit = (
  projectId: string,
  customerId: string,
  name: 'aggregator_link_required' | 'analysis_completed' = 'analysis_completed',
  when = t0,
) => inTx((tx) => store.fanOut(tx, { projectId, customerId, name, analysisId: 'an1' }, when))

const claimed = async (eventId: string, now = t0): Promise<ClaimedEvent> => {
  const claim = await store.claim(eventId, now, LEASE)
  assert.ok(claim, `event ${eventId} should be claimable`)
  return claim
}

const attemptAt = (claim: ClaimedEvent, now: Date, status: number | null) => ({
  attempt: claim.totalAttempts + 1,
  startedAt: now,
  status,
  durationMs: 12,
  error: status === null ? 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1' : null,
})

test('fans an event out to the ACTIVE subscriptions of its project, either spelling, with increasing indexes', async () => {
  const { projectId, customerIds } = await newProject(2)
  const [c1 = '', c2 = ''] = customerIds
  const other = await newProject(1)
  const linkA = await subscribe(projectId, 'aggregator_link_required')
  const linkB = await subscribe(projectId, 'aggregation_link_required')
  await subscribe(projectId, 'aggregator_link_required', 'INACTIVE')
  await subscribe(projectId, 'analysis_completed')
  await subscribe(other.projectId, 'aggregator_link_required')

  const first = await emit(projectId, c1, 'aggregator_link_required')
  const second = await emit(projectId, c2, 'aggregator_link_required')
  assert.equal(first.length, 2)
  assert.equal(second.length, 2)

  for (const subscription of [linkA, linkB]) {
    const events1 = await store.listEvents(projectId, subscription.id, { customerId: c1 })
    const events2 = await store.listEvents(projectId, subscription.id, { customerId: c2 })
    assert.deepEqual(
      [...events1, ...events2].map((e) => [e.index, e.subscription.eventName, e.deliveryStatus]),
      [
        [1, subscription.eventName, 'PENDING'],
        [2, subscription.eventName, 'PENDING'],
      ],
    )
    assert.equal(events1[0]?.time, t0.getTime())
    assert.deepEqual(events1[0]?.statuses, [{ name: 'IN_PROGRESS', createdAt: t0 }])
    assert.equal(events1[0]?.analysisId, 'an1')
  }
  // another project's event reaches none of these subscriptions
  assert.deepEqual(
    await emit(other.projectId, other.customerIds[0] ?? '', 'analysis_completed'),
    [],
  )
})

test('lists subscriptions by event name, matching both spellings of the link event', async () => {
  const { projectId } = await newProject()
  const a = await subscribe(projectId, 'aggregator_link_required')
  const b = await subscribe(projectId, 'aggregation_link_required')
  const c = await subscribe(projectId, 'bank_details_required')
  const ids = async (names?: SubscribableEventName[]) =>
    (await store.listSubscriptions(projectId, names)).map((s) => s.id).sort()
  assert.deepEqual(await ids(), [a.id, b.id, c.id].sort())
  assert.deepEqual(await ids(['aggregation_link_required']), [a.id, b.id].sort())
  assert.deepEqual(await ids(['bank_details_required', 'analysis_completed']), [c.id])
  assert.equal(await store.findSubscription('another project', a.id), undefined)
})

test('delivers one customer in order and other customers independently', async () => {
  const { projectId, customerIds } = await newProject(2)
  const [c1 = '', c2 = ''] = customerIds
  await subscribe(projectId, 'analysis_completed')
  const [e1 = ''] = await emit(projectId, c1)
  const [e2 = ''] = await emit(projectId, c1)
  const [e3 = ''] = await emit(projectId, c2)

  assert.equal(await store.claim(e2, t0, LEASE), undefined, 'waits for the earlier event')
  const claim1 = await claimed(e1)
  assert.equal(await store.claim(e1, t0, LEASE), undefined, 'leased')
  await claimed(e3) // another customer is not held back

  const result = await inTx((tx) =>
    store.recordAttempt(tx, claim1, attemptAt(claim1, t0, 204), { kind: 'delivered' }),
  )
  assert.deepEqual(result, { applied: true, next: e2, disabled: false })
  await claimed(e2)
})

test('a retry waits for its time; the last failure marks the event FAILED and moves on', async () => {
  const { projectId, customerIds } = await newProject()
  const [customerId = ''] = customerIds
  const subscription = await subscribe(projectId, 'analysis_completed')
  const [e1 = ''] = await emit(projectId, customerId)
  const [e2 = ''] = await emit(projectId, customerId)

  const first = await claimed(e1)
  const retryAt = at(60_000)
  const retried = await inTx((tx) =>
    store.recordAttempt(tx, first, attemptAt(first, t0, 500), { kind: 'retry', at: retryAt }),
  )
  assert.deepEqual(retried, { applied: true, next: undefined, disabled: false })
  assert.equal(await store.claim(e1, at(30_000), LEASE), undefined, 'not due yet')
  const second = await claimed(e1, retryAt)
  assert.equal(second.roundAttempts, 1)
  const failed = await inTx((tx) =>
    store.recordAttempt(tx, second, attemptAt(second, retryAt, null), {
      kind: 'failed',
      disableAfter: 3,
    }),
  )
  assert.deepEqual(failed, { applied: true, next: e2, disabled: false })

  const event = await store.findEvent(projectId, subscription.id, e1)
  assert.equal(event?.deliveryStatus, 'FAILED')
  assert.deepEqual(
    event?.statuses.map((s) => s.name),
    ['IN_PROGRESS', 'ERROR'],
  )
  const log = await store.listAttempts(e1)
  assert.deepEqual(
    log.map((a) => [a.attempt, a.status, a.error !== null]),
    [
      [1, 500, false],
      [2, null, true],
    ],
  )
  assert.deepEqual(log[1]?.startedAt, retryAt)
})

test('disables the subscription after N consecutive FAILED events; a delivery resets the count', async () => {
  const { projectId, customerIds } = await newProject(4)
  const subscription = await subscribe(projectId, 'analysis_completed')
  const settle = async (customerId: string, kind: 'delivered' | 'failed') => {
    const [eventId = ''] = await emit(projectId, customerId)
    const claim = await claimed(eventId)
    return inTx((tx) =>
      store.recordAttempt(
        tx,
        claim,
        attemptAt(claim, t0, kind === 'delivered' ? 200 : 503),
        kind === 'delivered' ? { kind } : { kind, disableAfter: 2 },
      ),
    )
  }
  const [c1 = '', c2 = '', c3 = '', c4 = ''] = customerIds
  assert.equal((await settle(c1, 'failed')).disabled, false)
  assert.equal((await settle(c2, 'delivered')).disabled, false)
  assert.equal((await settle(c3, 'failed')).disabled, false)
  assert.equal((await settle(c4, 'failed')).disabled, true)
  assert.equal((await store.findSubscription(projectId, subscription.id))?.status, 'DISABLED')

  // no new events while DISABLED; nothing claimable either
  assert.deepEqual(await emit(projectId, c1), [])
  const reactivated = await inTx((tx) =>
    store.setSubscriptionStatus(tx, projectId, subscription.id, 'ACTIVE', at(1)),
  )
  assert.equal(reactivated?.status, 'ACTIVE')
  // the count starts again from zero: one more failure does not disable it
  assert.equal((await settle(c1, 'failed')).disabled, false)
})

test('an attempt whose lease was taken over is logged but changes nothing', async () => {
  const { projectId, customerIds } = await newProject()
  const subscription = await subscribe(projectId, 'analysis_completed')
  const [eventId = ''] = await emit(projectId, customerIds[0] ?? '')
  const stale = await claimed(eventId)
  const fresh = await claimed(eventId, at(LEASE + 1))
  assert.notEqual(stale.claimToken, fresh.claimToken)
  const late = await inTx((tx) =>
    store.recordAttempt(tx, stale, attemptAt(stale, t0, 200), { kind: 'delivered' }),
  )
  assert.equal(late.applied, false)
  assert.equal(
    (await store.findEvent(projectId, subscription.id, eventId))?.deliveryStatus,
    'PENDING',
  )
  assert.equal((await store.listAttempts(eventId)).length, 1)
})

test('appends statuses, filters by index, requeues, and finds events left waiting', async () => {
  const { projectId, customerIds } = await newProject()
  const [customerId = ''] = customerIds
  const subscription = await subscribe(projectId, 'analysis_completed')
  const ids = [...(await emit(projectId, customerId)), ...(await emit(projectId, customerId))]
  const [e1 = '', e2 = ''] = ids
  await emit(projectId, customerId)

  const updated = await inTx((tx) =>
    store.appendEventStatus(
      tx,
      { projectId, subscriptionId: subscription.id, eventId: e1 },
      'ACK',
      at(5),
    ),
  )
  assert.deepEqual(
    updated?.statuses.map((s) => [s.name, s.createdAt.toISOString()]),
    [
      ['IN_PROGRESS', t0.toISOString()],
      ['ACK', at(5).toISOString()],
    ],
  )
  const wrongProject = await inTx((tx) =>
    store.appendEventStatus(
      tx,
      { projectId: 'nope', subscriptionId: subscription.id, eventId: e1 },
      'ACK',
      t0,
    ),
  )
  assert.equal(wrongProject, undefined)

  const window = await store.listEvents(projectId, subscription.id, {
    customerId,
    lowIndex: 2,
    highIndex: 3,
  })
  assert.deepEqual(
    window.map((e) => e.index),
    [2, 3],
  )
  assert.deepEqual(await store.listEvents(projectId, subscription.id, { customerId: 'other' }), [])

  // only the head of the stream waits; idle time is measured from the last change
  assert.deepEqual(await store.dueStreamHeads(at(1_000), 60_000), [])
  assert.deepEqual(await store.dueStreamHeads(at(61_000), 60_000, subscription.id), [e1])

  const claim = await claimed(e1)
  await inTx((tx) =>
    store.recordAttempt(tx, claim, attemptAt(claim, t0, 200), { kind: 'delivered' }),
  )
  const requeued = await inTx((tx) =>
    store.requeueEvent(tx, { projectId, subscriptionId: subscription.id, eventId: e1 }, at(10)),
  )
  assert.equal(requeued?.deliveryStatus, 'PENDING')
  const again = await claimed(e1, at(10))
  assert.equal(again.roundAttempts, 0)
  assert.equal(again.totalAttempts, 1)
  assert.equal(await store.claim(e2, at(10), LEASE), undefined, 'the replayed event is first again')
})

test('deleting a subscription deletes its events and their logs', async () => {
  const { projectId, customerIds } = await newProject()
  const subscription = await subscribe(projectId, 'analysis_completed')
  const [eventId = ''] = await emit(projectId, customerIds[0] ?? '')
  const claim = await claimed(eventId)
  await inTx((tx) =>
    store.recordAttempt(tx, claim, attemptAt(claim, t0, 200), { kind: 'delivered' }),
  )
  assert.equal(await inTx((tx) => store.removeSubscription(tx, 'nope', subscription.id)), false)
  assert.equal(await inTx((tx) => store.removeSubscription(tx, projectId, subscription.id)), true)
  assert.equal(await store.findEvent(projectId, subscription.id, eventId), undefined)
  assert.deepEqual(await store.listAttempts(eventId), [])
})
