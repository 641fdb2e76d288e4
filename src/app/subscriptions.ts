/** Webhook subscription use cases: create, list, read, change status, delete, within a project. */
import { randomBytes } from 'node:crypto'
import { badRequest, checkId, unknownEntity } from './errors.ts'
import type { Subscription, WebhookDeps } from './webhook-ports.ts'
import {
  canonicalEventName,
  isSubscribableEventName,
  SIGNATURE_ENCODINGS,
  SUBSCRIBABLE_EVENT_NAMES,
  type SignatureEncoding,
  type SubscribableEventName,
  type SubscriptionStatus,
} from './webhook-vocabulary.ts'

export interface SubscriptionInput {
  eventName: string
  target: string
  secret?: string
  signatureEncoding?: SignatureEncoding
}

/** Shortest secret we accept: shorter keys make the HMAC guessable. */
const MIN_SECRET_LENGTH = 8

/** 128 random bits, hex: the secret of a subscription created without one. */
const generateSecret = (): string => randomBytes(16).toString('hex')

const eventNameOf = (name: string): SubscribableEventName => {
  if (!isSubscribableEventName(name)) {
    throw badRequest(`eventName must be one of ${SUBSCRIBABLE_EVENT_NAMES.join(', ')}`)
  }
  return name
}

/** The network class a refused address belongs to, as the target policy's message names it. */
const REFUSED_NETWORK = /resolves to a (loopback|private|link-local) address/

/**
 * What to do about a refused target: a receiver on this machine or the local network is refused
 * unless the server allows its network, which a developer trying webhooks needs to know.
 */
const hintOf = (check: { code: string; message: string }): string => {
  const network = REFUSED_NETWORK.exec(check.message)?.[1]
  if (check.code !== 'TARGET_ADDRESS_NOT_ALLOWED' || network === undefined) return ''
  return (
    `; to deliver to ${network} receivers (development, tests), start the server with ` +
    `WEBHOOK_ALLOW_NETWORKS=${network} (comma list of loopback, private, link-local)`
  )
}

/** Subscribes a target URL to an event; the target must pass the configured URL policy. */
export const createSubscription = async (
  deps: WebhookDeps,
  projectId: string,
  input: SubscriptionInput,
): Promise<Subscription> => {
  const eventName = eventNameOf(input.eventName)
  const encoding = input.signatureEncoding ?? 'JSON'
  if (!SIGNATURE_ENCODINGS.includes(encoding)) {
    throw badRequest(`signatureEncoding must be one of ${SIGNATURE_ENCODINGS.join(', ')}`)
  }
  if (input.secret !== undefined && input.secret.length < MIN_SECRET_LENGTH) {
    throw badRequest(`secret must be at least ${MIN_SECRET_LENGTH} characters`)
  }
  const target = input.target.trim()
  const check = await deps.checkTarget(target)
  if (!check.ok)
    throw badRequest(`target refused (${check.code}): ${check.message}${hintOf(check)}`)
  const now = deps.clock.now()
  const subscription: Subscription = {
    id: deps.ids.next(),
    projectId,
    eventName,
    target,
    secret: input.secret ?? generateSecret(),
    status: 'ACTIVE',
    signatureEncoding: encoding,
    createdAt: now,
    updatedAt: now,
  }
  await deps.inTransaction((tx) => deps.webhooks.insertSubscription(tx, subscription))
  return subscription
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item): item is string => typeof item === 'string')
    ? value
    : undefined

/**
 * Reads the `filter` query parameter of the subscription list: `{"eventName":"…"}` (the
 * reference) or `{"eventName":{"$in":[…]}}` (what Algoan's Node SDK sends). Either spelling of
 * the link event matches subscriptions made with the other. Returns undefined for no filter.
 */
export const parseSubscriptionFilter = (
  raw: string | undefined,
): SubscribableEventName[] | undefined => {
  if (raw === undefined || raw.trim() === '') return undefined
  let filter: unknown
  try {
    filter = JSON.parse(raw)
  } catch {
    throw badRequest('filter must be a JSON object')
  }
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw badRequest('filter must be a JSON object')
  }
  const unknownKeys = Object.keys(filter).filter((key) => key !== 'eventName')
  if (unknownKeys.length > 0) throw badRequest(`filter cannot use ${unknownKeys.join(', ')}`)
  if (!('eventName' in filter)) return undefined
  const condition = filter.eventName
  const names =
    typeof condition === 'string'
      ? [condition]
      : typeof condition === 'object' && condition !== null && '$in' in condition
        ? strings(condition.$in)
        : undefined
  if (names === undefined) {
    throw badRequest('filter.eventName must be a string or {"$in": [strings]}')
  }
  // A name we do not know matches no subscription rather than failing the whole list.
  const known = names.filter(isSubscribableEventName)
  const canonical = new Set(known.map(canonicalEventName))
  return SUBSCRIBABLE_EVENT_NAMES.filter((name) => canonical.has(canonicalEventName(name)))
}

export const listSubscriptions = (
  deps: WebhookDeps,
  projectId: string,
  filter: string | undefined,
): Promise<Subscription[]> =>
  deps.webhooks.listSubscriptions(projectId, parseSubscriptionFilter(filter))

export const getSubscription = async (
  deps: WebhookDeps,
  projectId: string,
  id: string,
): Promise<Subscription> => {
  checkId(id, 'Subscription')
  const subscription = await deps.webhooks.findSubscription(projectId, id)
  if (!subscription) throw unknownEntity('Subscription')
  return subscription
}

/**
 * Sets ACTIVE, INACTIVE or DISABLED. Re-activating resumes the events left PENDING while the
 * subscription was off (ordered per customer, as always).
 */
export const updateSubscriptionStatus = async (
  deps: WebhookDeps,
  projectId: string,
  id: string,
  status: SubscriptionStatus,
): Promise<Subscription> => {
  checkId(id, 'Subscription')
  const updated = await deps.inTransaction((tx) =>
    deps.webhooks.setSubscriptionStatus(tx, projectId, id, status, deps.clock.now()),
  )
  if (!updated) throw unknownEntity('Subscription')
  if (status === 'ACTIVE') {
    const waiting = await deps.webhooks.dueStreamHeads(deps.clock.now(), 0, id)
    if (waiting.length > 0) {
      await deps.inTransaction((tx) => deps.queue.enqueueDeliveries(tx, waiting))
    }
  }
  return updated
}

/** Deletes the subscription, its events and their delivery logs. */
export const deleteSubscription = async (
  deps: WebhookDeps,
  projectId: string,
  id: string,
): Promise<Subscription> => {
  const subscription = await getSubscription(deps, projectId, id)
  const removed = await deps.inTransaction((tx) =>
    deps.webhooks.removeSubscription(tx, projectId, id),
  )
  if (!removed) throw unknownEntity('Subscription')
  return subscription
}
