/**
 * Use cases on the events of a subscription: list them, report a status (receivers and
 * connectors do), read the delivery log, replay one.
 */
import { badRequest, checkId, unknownEntity } from './errors.ts'
import type { DeliveryAttempt, EventQuery, WebhookDeps, WebhookEvent } from './webhook-ports.ts'
import { getSubscription } from './subscriptions.ts'
import { EVENT_STATUSES, type EventStatus } from './webhook-vocabulary.ts'

interface EventIds {
  projectId: string
  subscriptionId: string
  eventId: string
}

/** Ids that cannot be ours answer 404 before any query (as customer and analysis ids do). */
const checkEventIds = (ids: EventIds): void => {
  checkId(ids.subscriptionId, 'Subscription')
  checkId(ids.eventId, 'Event')
}

/** Events of one customer for a subscription, by index (`lowIndex`, `highIndex` inclusive). */
export const listEvents = async (
  deps: WebhookDeps,
  projectId: string,
  subscriptionId: string,
  query: EventQuery,
): Promise<WebhookEvent[]> => {
  await getSubscription(deps, projectId, subscriptionId)
  if (query.lowIndex !== undefined && query.highIndex !== undefined) {
    if (query.lowIndex > query.highIndex) throw badRequest('lowIndex must not exceed highIndex')
  }
  return deps.webhooks.listEvents(projectId, subscriptionId, query)
}

const findEvent = async (deps: WebhookDeps, ids: EventIds): Promise<WebhookEvent> => {
  checkEventIds(ids)
  const event = await deps.webhooks.findEvent(ids.projectId, ids.subscriptionId, ids.eventId)
  if (!event) throw unknownEntity('Event')
  return event
}

/** Appends a status (with its time) to the event's `statuses`; answers the updated event. */
export const updateEventStatus = async (
  deps: WebhookDeps,
  ids: EventIds,
  status: string,
): Promise<WebhookEvent> => {
  checkEventIds(ids)
  const known = EVENT_STATUSES.find((name) => name === status)
  if (known === undefined) throw badRequest(`status must be one of ${EVENT_STATUSES.join(', ')}`)
  const updated = await deps.inTransaction((tx) =>
    deps.webhooks.appendEventStatus(tx, ids, known satisfies EventStatus, deps.clock.now()),
  )
  if (!updated) throw unknownEntity('Event')
  return updated
}

/** Every delivery attempt of the event, oldest first. */
export const getDeliveryLog = async (
  deps: WebhookDeps,
  ids: EventIds,
): Promise<{ event: WebhookEvent; attempts: DeliveryAttempt[] }> => {
  const event = await findEvent(deps, ids)
  return { event, attempts: await deps.webhooks.listAttempts(event.id) }
}

/**
 * Sends the event again, whatever its state: back to PENDING with a fresh round of attempts,
 * delivered by a job (after any earlier PENDING event of the same customer, and once the
 * subscription is ACTIVE).
 */
export const redeliverEvent = async (deps: WebhookDeps, ids: EventIds): Promise<WebhookEvent> => {
  checkEventIds(ids)
  const requeued = await deps.inTransaction(async (tx) => {
    const event = await deps.webhooks.requeueEvent(tx, ids, deps.clock.now())
    if (event) await deps.queue.enqueueDeliveries(tx, [event.id])
    return event
  })
  if (!requeued) throw unknownEntity('Event')
  return requeued
}
