/**
 * The ports of the webhooks use cases: subscriptions and their events (the store), delivery jobs
 * (the queue), one HTTP attempt (the sender) and the target URL policy. main.ts plugs them in.
 */
import type { Clock, DomainEvent, IdGenerator, TransactionRunner, Tx } from './ports.ts'
import type { RetrySchedule } from './webhook-backoff.ts'
import type {
  DeliveryStatus,
  EventStatus,
  SignatureEncoding,
  SubscribableEventName,
  SubscriptionStatus,
  WebhookEventBody,
} from './webhook-vocabulary.ts'

export interface Subscription {
  id: string
  projectId: string
  /** As the client spelled it (see `SUBSCRIBABLE_EVENT_NAMES`). */
  eventName: SubscribableEventName
  target: string
  secret: string
  status: SubscriptionStatus
  signatureEncoding: SignatureEncoding
  createdAt: Date
  updatedAt: Date
}

/** One event of one subscription: what was (or will be) sent, and what happened to it. */
export interface WebhookEvent {
  id: string
  subscription: { id: string; target: string; eventName: SubscribableEventName }
  customerId: string
  analysisId: string | null
  /** The scoring of a `scoring_completed` event. */
  scoringId: string | null
  /** Position among the subscription's events, from 1. */
  index: number
  /** When the domain event happened, ms since the epoch. */
  time: number
  statuses: { name: EventStatus; createdAt: Date }[]
  deliveryStatus: DeliveryStatus
}

/** One line of an event's delivery log. */
export interface DeliveryAttempt {
  /** 1 for the first attempt of the event, counting across redeliveries. */
  attempt: number
  startedAt: Date
  /** HTTP status, or null when no answer came. */
  status: number | null
  durationMs: number
  /** `CODE: message` when no answer came. */
  error: string | null
}

/** What one HTTP attempt gave (see webhooks/delivery.ts). */
export interface AttemptResult {
  delivered: boolean
  status: number | null
  durationMs: number
  error: string | null
}

/** An event taken for one attempt, with what sending it needs. */
export interface ClaimedEvent {
  event: WebhookEvent
  secret: string
  signatureEncoding: SignatureEncoding
  /** Attempts already made in this round (a redelivery starts a new round). */
  roundAttempts: number
  /** Attempts already made in total (for the log's numbering). */
  totalAttempts: number
  /** Proves the lease is still ours when the attempt is recorded. */
  claimToken: string
}

/** What to do with an event after an attempt. */
export type AttemptOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; at: Date }
  /** No attempt left: FAILED; the subscription is DISABLED at `disableAfter` consecutive failed events. */
  | { kind: 'failed'; disableAfter: number }

export interface EventQuery {
  customerId: string
  lowIndex?: number
  highIndex?: number
}

export interface WebhookStore {
  insertSubscription(tx: Tx, subscription: Subscription): Promise<void>
  /** The project's subscriptions, oldest first; only those to `eventNames` when given. */
  listSubscriptions(
    projectId: string,
    eventNames?: readonly SubscribableEventName[],
  ): Promise<Subscription[]>
  findSubscription(projectId: string, id: string): Promise<Subscription | undefined>
  /** Back to ACTIVE also forgets earlier consecutive failures. */
  setSubscriptionStatus(
    tx: Tx,
    projectId: string,
    id: string,
    status: SubscriptionStatus,
    now: Date,
  ): Promise<Subscription | undefined>
  /** Deletes the subscription with its events and their delivery logs. */
  removeSubscription(tx: Tx, projectId: string, id: string): Promise<boolean>

  /** Events of one customer, by index, within [lowIndex, highIndex] when given. */
  listEvents(projectId: string, subscriptionId: string, query: EventQuery): Promise<WebhookEvent[]>
  findEvent(
    projectId: string,
    subscriptionId: string,
    eventId: string,
  ): Promise<WebhookEvent | undefined>
  appendEventStatus(
    tx: Tx,
    ids: { projectId: string; subscriptionId: string; eventId: string },
    status: EventStatus,
    now: Date,
  ): Promise<WebhookEvent | undefined>
  listAttempts(eventId: string): Promise<DeliveryAttempt[]>

  /**
   * Creates one event per ACTIVE subscription of the project listening to `event.name`, each with
   * the next index of its subscription; returns the new event ids.
   */
  fanOut(tx: Tx, event: DomainEvent, now: Date): Promise<string[]>
  /**
   * Leases an event for one attempt when it is PENDING and due, its subscription is ACTIVE, no
   * other attempt holds it, and no earlier event of the same subscription and customer is still
   * PENDING (delivery order per customer). Undefined otherwise.
   */
  claim(eventId: string, now: Date, leaseMs: number): Promise<ClaimedEvent | undefined>
  /**
   * Logs the attempt and, if the lease is still ours (`applied`), applies its outcome. Returns
   * the next PENDING event of the same subscription and customer once this one is DELIVERED or
   * FAILED, and whether the subscription was just DISABLED.
   */
  recordAttempt(
    tx: Tx,
    claimed: ClaimedEvent,
    attempt: DeliveryAttempt,
    outcome: AttemptOutcome,
  ): Promise<{ applied: boolean; next: string | undefined; disabled: boolean }>
  /** Puts an event back to PENDING, due now, with a fresh round of attempts. */
  requeueEvent(
    tx: Tx,
    ids: { projectId: string; subscriptionId: string; eventId: string },
    now: Date,
  ): Promise<WebhookEvent | undefined>
  /**
   * Events that are due, unleased and first in their stream but were last touched more than
   * `idleMs` ago: what a lost job or a re-activated subscription leaves waiting.
   */
  dueStreamHeads(now: Date, idleMs: number, subscriptionId?: string): Promise<string[]>
}

export interface WebhookQueue {
  /** Enqueues one delivery job per event, in the caller's transaction. */
  enqueueDeliveries(tx: Tx, eventIds: readonly string[], startAfter?: Date): Promise<void>
}

export interface WebhookSender {
  /** One signed POST of the event to its subscription's target. Never throws. */
  send(body: WebhookEventBody, secret: string, encoding: SignatureEncoding): Promise<AttemptResult>
}

/** Refuses target URLs outside the configured policy (scheme, address ranges). */
export type TargetChecker = (
  target: string,
) => Promise<{ ok: true } | { ok: false; code: string; message: string }>

export interface WebhookSettings {
  retry: RetrySchedule
  /** Consecutive FAILED events after which a subscription is DISABLED. */
  disableAfterFailedEvents: number
  /** How long an attempt holds its event; longer than the HTTP time-out. */
  leaseMs: number
}

/** Everything the webhooks use cases need, assembled by main.ts. */
export interface WebhookDeps extends TransactionRunner {
  webhooks: WebhookStore
  queue: WebhookQueue
  sender: WebhookSender
  checkTarget: TargetChecker
  clock: Clock
  ids: IdGenerator
  /** Uniform in [0, 1): the retry jitter. */
  random: () => number
  settings: WebhookSettings
}
