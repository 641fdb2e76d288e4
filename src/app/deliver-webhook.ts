/**
 * Delivering webhooks: the fan-out of domain events to subscriptions (inside the transaction
 * that caused them), one attempt per job, and the sweep that restarts what a lost job left.
 */
import type { EventPublisher } from './ports.ts'
import { retryDelayAfter } from './webhook-backoff.ts'
import type { AttemptOutcome, WebhookDeps, WebhookEvent } from './webhook-ports.ts'
import type { WebhookEventBody } from './webhook-vocabulary.ts'

/**
 * Wraps the domain-event publisher: besides recording the event, creates one webhook event per
 * matching ACTIVE subscription and enqueues their delivery jobs, all in the caller's transaction.
 * Nothing is sent inside the request: the jobs do that once the transaction has committed.
 */
export const withWebhookFanOut = (
  inner: EventPublisher,
  deps: Pick<WebhookDeps, 'webhooks' | 'queue' | 'clock'>,
): EventPublisher => ({
  publish: async (tx, event) => {
    await inner.publish(tx, event)
    const created = await deps.webhooks.fanOut(tx, event, deps.clock.now())
    if (created.length > 0) await deps.queue.enqueueDeliveries(tx, created)
  },
})

/** The body POSTed for a stored event. */
export const toWebhookBody = (event: WebhookEvent): WebhookEventBody => ({
  subscription: event.subscription,
  payload: {
    customerId: event.customerId,
    ...(event.analysisId !== null && { analysisId: event.analysisId }),
    ...(event.scoringId !== null && { scoringId: event.scoringId }),
  },
  time: event.time,
  index: event.index,
  id: event.id,
})

export interface DeliveryStep {
  /** What became of the event; `skipped` when it was not its turn (or not ours to take). */
  outcome: AttemptOutcome['kind'] | 'skipped'
  /** Once the event is settled: the next PENDING event of the same customer, if any. */
  next?: string
}

/**
 * One attempt: takes the event if it is its turn (see `WebhookStore.claim`), POSTs it once,
 * logs the attempt, then either marks it DELIVERED, schedules the next attempt, or marks it
 * FAILED (disabling the subscription after too many failed events in a row). Once the event is
 * settled, the next PENDING event of the same customer is enqueued, and returned.
 */
export const deliverWebhookEvent = async (
  deps: WebhookDeps,
  eventId: string,
): Promise<DeliveryStep> => {
  const startedAt = deps.clock.now()
  const claimed = await deps.webhooks.claim(eventId, startedAt, deps.settings.leaseMs)
  if (!claimed) return { outcome: 'skipped' }
  const result = await deps.sender.send(
    toWebhookBody(claimed.event),
    claimed.secret,
    claimed.signatureEncoding,
  )
  const delay = result.delivered
    ? null
    : retryDelayAfter(claimed.roundAttempts + 1, deps.settings.retry, deps.random)
  const outcome: AttemptOutcome = result.delivered
    ? { kind: 'delivered' }
    : delay === null
      ? { kind: 'failed', disableAfter: deps.settings.disableAfterFailedEvents }
      : { kind: 'retry', at: new Date(deps.clock.now().getTime() + delay) }
  const attempt = {
    attempt: claimed.totalAttempts + 1,
    startedAt,
    status: result.status,
    durationMs: result.durationMs,
    error: result.error,
  }
  return deps.inTransaction(async (tx): Promise<DeliveryStep> => {
    const recorded = await deps.webhooks.recordAttempt(tx, claimed, attempt, outcome)
    if (!recorded.applied) return { outcome: 'skipped' }
    if (outcome.kind === 'retry') await deps.queue.enqueueDeliveries(tx, [eventId], outcome.at)
    if (recorded.next === undefined) return { outcome: outcome.kind }
    await deps.queue.enqueueDeliveries(tx, [recorded.next])
    return { outcome: outcome.kind, next: recorded.next }
  })
}

/**
 * A delivery job: delivers the event, then goes on with the next events of the same customer
 * while they are due and `budgetMs` is not spent. Without this, each event of a busy customer
 * would wait for a worker to pick the job of the previous one up (up to a polling interval on
 * PGlite). The next event's job is still enqueued at each step, so a worker dying mid-chain loses
 * nothing; that job then finds its event already delivered.
 */
export const deliverWebhookEvents = async (
  deps: WebhookDeps,
  eventId: string,
  budgetMs: number,
): Promise<AttemptOutcome['kind'][]> => {
  const started = deps.clock.now().getTime()
  const outcomes: AttemptOutcome['kind'][] = []
  let current: string | undefined = eventId
  while (current !== undefined) {
    const step = await deliverWebhookEvent(deps, current)
    if (step.outcome === 'skipped') break
    outcomes.push(step.outcome)
    if (deps.clock.now().getTime() - started >= budgetMs) break
    current = step.next
  }
  return outcomes
}

/**
 * Enqueues the events that wait with no job to deliver them (a worker died mid-attempt, a
 * commit raced with the next event's job). Runs periodically in workers; harmless when nothing
 * waits, and a duplicate job only finds its event already taken.
 */
export const sweepWebhookDeliveries = async (
  deps: WebhookDeps,
  idleMs: number,
): Promise<number> => {
  const waiting = await deps.webhooks.dueStreamHeads(deps.clock.now(), idleMs)
  if (waiting.length > 0) {
    await deps.inTransaction((tx) => deps.queue.enqueueDeliveries(tx, waiting))
  }
  return waiting.length
}
