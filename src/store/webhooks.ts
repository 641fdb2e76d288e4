/**
 * The webhooks store: subscriptions, their events and delivery attempts, on the same SQL for
 * PGlite and PostgreSQL. Times compared in SQL come from the caller's clock, never `now()`.
 */
import { randomUUID } from 'node:crypto'
import type { Tx } from '../app/ports.ts'
import type {
  ClaimedEvent,
  DeliveryAttempt,
  Subscription,
  WebhookEvent,
  WebhookStore,
} from '../app/webhook-ports.ts'
import {
  canonicalEventName,
  SUBSCRIBABLE_EVENT_NAMES,
  type DeliveryStatus,
  type EventStatus,
  type SignatureEncoding,
  type SubscribableEventName,
  type SubscriptionStatus,
} from '../app/webhook-vocabulary.ts'

interface SubscriptionRow {
  id: string
  project_id: string
  event_name: SubscribableEventName
  target: string
  secret: string
  status: SubscriptionStatus
  signature_encoding: SignatureEncoding
  created_at: Date
  updated_at: Date
}

interface EventRow {
  id: string
  subscription_id: string
  target: string
  event_name: SubscribableEventName
  customer_id: string
  analysis_id: string | null
  scoring_id: string | null
  idx: number
  emitted_at: Date
  statuses: { name: EventStatus; createdAt: string }[]
  delivery_status: DeliveryStatus
}

interface ClaimRow extends EventRow {
  secret: string
  signature_encoding: SignatureEncoding
  round_attempts: number
  total_attempts: number
}

const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  projectId: row.project_id,
  eventName: row.event_name,
  target: row.target,
  secret: row.secret,
  status: row.status,
  signatureEncoding: row.signature_encoding,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const toEvent = (row: EventRow): WebhookEvent => ({
  id: row.id,
  subscription: { id: row.subscription_id, target: row.target, eventName: row.event_name },
  customerId: row.customer_id,
  analysisId: row.analysis_id,
  scoringId: row.scoring_id,
  index: row.idx,
  time: row.emitted_at.getTime(),
  statuses: row.statuses.map((status) => ({
    name: status.name,
    createdAt: new Date(status.createdAt),
  })),
  deliveryStatus: row.delivery_status,
})

/** Event columns joined with their subscription, for `toEvent`. */
const EVENT_COLUMNS = `e.id, e.subscription_id, s.target, s.event_name, e.customer_id, e.analysis_id,
  e.scoring_id, e.idx, e.emitted_at, e.statuses, e.delivery_status`

/** Every spelling of the event names a subscription may listen to for `name`. */
const spellingsOf = (names: readonly SubscribableEventName[]): string[] => {
  const canonical = new Set(names.map(canonicalEventName))
  return SUBSCRIBABLE_EVENT_NAMES.filter((name) => canonical.has(canonicalEventName(name)))
}

/** Appends `{ name, createdAt }` to a statuses column. */
const appendStatus = (column: string, name: string, at: string): string =>
  `${column} || jsonb_build_array(jsonb_build_object('name', ${name}::text, 'createdAt', ${at}::text))`

/**
 * An event id made by the database, because the fan-out creates a number of events only the
 * query knows: 24 hex characters like the other ids (92 random bits of a v4 UUID).
 */
const NEW_ID = `substr(replace(gen_random_uuid()::text, '-', ''), 1, 24)`

/**
 * How late a job may find its event's due time compared with the clock of the process that
 * scheduled it (the queue starts jobs on the database's clock, we compare with ours).
 */
const DUE_TOLERANCE_MS = 5_000

export const webhookStore = (db: Tx): WebhookStore => ({
  insertSubscription: async (tx, s) => {
    await tx.query(
      `insert into webhook_subscriptions
         (id, project_id, event_name, target, secret, status, signature_encoding, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        s.id,
        s.projectId,
        s.eventName,
        s.target,
        s.secret,
        s.status,
        s.signatureEncoding,
        s.createdAt,
        s.updatedAt,
      ],
    )
  },

  listSubscriptions: async (projectId, eventNames) => {
    const { rows } = await db.query<SubscriptionRow>(
      `select * from webhook_subscriptions
       where project_id = $1 and ($2::text[] is null or event_name = any($2::text[]))
       order by created_at, id`,
      [projectId, eventNames === undefined ? null : spellingsOf(eventNames)],
    )
    return rows.map(toSubscription)
  },

  findSubscription: async (projectId, id) => {
    const { rows } = await db.query<SubscriptionRow>(
      `select * from webhook_subscriptions where project_id = $1 and id = $2`,
      [projectId, id],
    )
    return rows[0] && toSubscription(rows[0])
  },

  setSubscriptionStatus: async (tx, projectId, id, status, now) => {
    const { rows } = await tx.query<SubscriptionRow>(
      `update webhook_subscriptions
       set status = $3, updated_at = $4,
           consecutive_failures = case when $3 = 'ACTIVE' then 0 else consecutive_failures end
       where project_id = $1 and id = $2
       returning *`,
      [projectId, id, status, now],
    )
    return rows[0] && toSubscription(rows[0])
  },

  removeSubscription: async (tx, projectId, id) => {
    const { rows } = await tx.query(
      `delete from webhook_subscriptions where project_id = $1 and id = $2 returning id`,
      [projectId, id],
    )
    return rows.length > 0
  },

  listEvents: async (projectId, subscriptionId, query) => {
    const { rows } = await db.query<EventRow>(
      `select ${EVENT_COLUMNS}
       from webhook_events e join webhook_subscriptions s on s.id = e.subscription_id
       where e.project_id = $1 and e.subscription_id = $2 and e.customer_id = $3
         and ($4::integer is null or e.idx >= $4::integer)
         and ($5::integer is null or e.idx <= $5::integer)
       order by e.idx`,
      [
        projectId,
        subscriptionId,
        query.customerId,
        query.lowIndex ?? null,
        query.highIndex ?? null,
      ],
    )
    return rows.map(toEvent)
  },

  findEvent: async (projectId, subscriptionId, eventId) => {
    const { rows } = await db.query<EventRow>(
      `select ${EVENT_COLUMNS}
       from webhook_events e join webhook_subscriptions s on s.id = e.subscription_id
       where e.project_id = $1 and e.subscription_id = $2 and e.id = $3`,
      [projectId, subscriptionId, eventId],
    )
    return rows[0] && toEvent(rows[0])
  },

  appendEventStatus: async (tx, ids, status, now) => {
    const { rows } = await tx.query<EventRow>(
      `with e as (
         update webhook_events set statuses = ${appendStatus('statuses', '$4', '$5')}
         where project_id = $1 and subscription_id = $2 and id = $3
         returning *
       )
       select ${EVENT_COLUMNS} from e join webhook_subscriptions s on s.id = e.subscription_id`,
      [ids.projectId, ids.subscriptionId, ids.eventId, status, now.toISOString()],
    )
    return rows[0] && toEvent(rows[0])
  },

  listAttempts: async (eventId) => {
    const { rows } = await db.query<{
      attempt: number
      started_at: Date
      http_status: number | null
      duration_ms: number
      error: string | null
    }>(
      `select attempt, started_at, http_status, duration_ms, error
       from webhook_attempts where event_id = $1 order by id`,
      [eventId],
    )
    return rows.map((row): DeliveryAttempt => ({
      attempt: row.attempt,
      startedAt: row.started_at,
      status: row.http_status,
      durationMs: row.duration_ms,
      error: row.error,
    }))
  },

  fanOut: async (tx, event, now) => {
    // The row lock taken by the update orders concurrent fan-outs: indexes follow commit order.
    const { rows } = await tx.query<{ id: string }>(
      `with subs as (
         update webhook_subscriptions set last_index = last_index + 1
         where project_id = $1 and status = 'ACTIVE' and event_name = any($2::text[])
         returning id, last_index
       )
       insert into webhook_events (id, subscription_id, project_id, customer_id, analysis_id, idx,
         emitted_at, statuses, delivery_status, next_attempt_at, updated_at, scoring_id)
       select ${NEW_ID}, subs.id, $1, $3, $4, subs.last_index, $5,
         ${appendStatus(`'[]'::jsonb`, `'IN_PROGRESS'`, '$6')}, 'PENDING', $5, $5, $7
       from subs
       returning id`,
      [
        event.projectId,
        spellingsOf([event.name]),
        event.customerId,
        event.analysisId ?? null,
        now,
        now.toISOString(),
        event.scoringId ?? null,
      ],
    )
    return rows.map((row) => row.id)
  },

  claim: async (eventId, now, leaseMs) => {
    const token = randomUUID()
    const { rows } = await db.query<ClaimRow>(
      `with e as (
         update webhook_events e
         set claim_token = $2, claimed_until = $4
         from webhook_subscriptions s
         where e.id = $1 and s.id = e.subscription_id and s.status = 'ACTIVE'
           and e.delivery_status = 'PENDING' and e.next_attempt_at <= $5
           and (e.claimed_until is null or e.claimed_until < $3)
           and not exists (
             select 1 from webhook_events p
             where p.subscription_id = e.subscription_id and p.customer_id = e.customer_id
               and p.idx < e.idx and p.delivery_status = 'PENDING')
         returning e.*
       )
       select ${EVENT_COLUMNS}, s.secret, s.signature_encoding, e.round_attempts, e.total_attempts
       from e join webhook_subscriptions s on s.id = e.subscription_id`,
      [
        eventId,
        token,
        now,
        new Date(now.getTime() + leaseMs),
        new Date(now.getTime() + DUE_TOLERANCE_MS),
      ],
    )
    const row = rows[0]
    if (!row) return undefined
    return {
      event: toEvent(row),
      secret: row.secret,
      signatureEncoding: row.signature_encoding,
      roundAttempts: row.round_attempts,
      totalAttempts: row.total_attempts,
      claimToken: token,
    } satisfies ClaimedEvent
  },

  recordAttempt: async (tx, claimed, attempt, outcome) => {
    const event = claimed.event
    const at = new Date(attempt.startedAt.getTime() + attempt.durationMs)
    await tx.query(
      `insert into webhook_attempts (event_id, attempt, started_at, http_status, duration_ms, error)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        event.id,
        attempt.attempt,
        attempt.startedAt,
        attempt.status,
        attempt.durationMs,
        attempt.error,
      ],
    )
    const status = { delivered: 'DELIVERED', retry: 'PENDING', failed: 'FAILED' }[outcome.kind]
    const { rows } = await tx.query(
      `update webhook_events
       set delivery_status = $4::text,
           next_attempt_at = coalesce($5::timestamptz, next_attempt_at),
           statuses = case when $4::text = 'FAILED'
                           then ${appendStatus('statuses', `'ERROR'`, '$6')} else statuses end,
           round_attempts = round_attempts + 1, total_attempts = total_attempts + 1,
           claim_token = null, claimed_until = null, updated_at = $3
       where id = $1 and claim_token = $2
       returning id`,
      [
        event.id,
        claimed.claimToken,
        at,
        status,
        outcome.kind === 'retry' ? outcome.at : null,
        at.toISOString(),
      ],
    )
    if (rows.length === 0) return { applied: false, next: undefined, disabled: false }
    if (outcome.kind === 'retry') return { applied: true, next: undefined, disabled: false }

    let disabled = false
    if (outcome.kind === 'delivered') {
      await tx.query(
        `update webhook_subscriptions set consecutive_failures = 0
         where id = $1 and consecutive_failures <> 0`,
        [event.subscription.id],
      )
    } else {
      const { rows: subscription } = await tx.query<{ disabled: boolean }>(
        `update webhook_subscriptions
         set consecutive_failures = consecutive_failures + 1,
             status = case when status = 'ACTIVE' and consecutive_failures + 1 >= $2
                           then 'DISABLED' else status end,
             updated_at = $3
         where id = $1
         returning status = 'DISABLED' and consecutive_failures = $2 as disabled`,
        [event.subscription.id, outcome.disableAfter, at],
      )
      disabled = subscription[0]?.disabled ?? false
    }
    const { rows: next } = await tx.query<{ id: string }>(
      `select id from webhook_events
       where subscription_id = $1 and customer_id = $2 and delivery_status = 'PENDING'
       order by idx limit 1`,
      [event.subscription.id, event.customerId],
    )
    return { applied: true, next: next[0]?.id, disabled }
  },

  requeueEvent: async (tx, ids, now) => {
    const { rows } = await tx.query<EventRow>(
      `with e as (
         update webhook_events
         set delivery_status = 'PENDING', round_attempts = 0, next_attempt_at = $4,
             claim_token = null, claimed_until = null, updated_at = $4
         where project_id = $1 and subscription_id = $2 and id = $3
         returning *
       )
       select ${EVENT_COLUMNS} from e join webhook_subscriptions s on s.id = e.subscription_id`,
      [ids.projectId, ids.subscriptionId, ids.eventId, now],
    )
    return rows[0] && toEvent(rows[0])
  },

  dueStreamHeads: async (now, idleMs, subscriptionId) => {
    const cutoff = new Date(now.getTime() - idleMs)
    const { rows } = await db.query<{ id: string }>(
      `select e.id from webhook_events e join webhook_subscriptions s on s.id = e.subscription_id
       where s.status = 'ACTIVE' and e.delivery_status = 'PENDING'
         and e.next_attempt_at <= $2 and e.updated_at <= $2
         and (e.claimed_until is null or e.claimed_until < $1)
         and ($3::text is null or e.subscription_id = $3)
         and not exists (
           select 1 from webhook_events p
           where p.subscription_id = e.subscription_id and p.customer_id = e.customer_id
             and p.idx < e.idx and p.delivery_status = 'PENDING')
       order by e.next_attempt_at
       limit 1000`,
      [now, cutoff, subscriptionId ?? null],
    )
    return rows.map((row) => row.id)
  },
})
