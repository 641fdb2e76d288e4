/**
 * The webhook wire shape of the Analyses API reference ("Webhook notifications", "Webhook"):
 * what a lender's receiver gets in the body of each POST.
 */

/** Events a subscription can listen to, as the reference names them. */
export const EVENT_NAMES = [
  'aggregator_link_required',
  'bank_details_required',
  'bank_details_fetched',
  'analysis_completed',
  // The Report API's event (docs/report-api.md): sent when a report asked with use_webhook ends.
  'report_completed',
  // our extension: a scoring of the v1 scoring API reached a final status
  'scoring_completed',
] as const
export type EventName = (typeof EVENT_NAMES)[number]

/**
 * The reference spells the first event two ways: `aggregator_link_required` in its event table and
 * `aggregation_link_required` in the subscription schemas. Both are accepted on input; a
 * subscription keeps the spelling it was created with, and its webhooks carry that spelling.
 */
export const SUBSCRIBABLE_EVENT_NAMES = [...EVENT_NAMES, 'aggregation_link_required'] as const
export type SubscribableEventName = (typeof SUBSCRIBABLE_EVENT_NAMES)[number]

/** The canonical event a (possibly aliased) subscribed name listens to. */
export const canonicalEventName = (name: SubscribableEventName): EventName =>
  name === 'aggregation_link_required' ? 'aggregator_link_required' : name

export const isSubscribableEventName = (name: string): name is SubscribableEventName =>
  (SUBSCRIBABLE_EVENT_NAMES as readonly string[]).includes(name)

/**
 * How a subscription's webhooks are encoded and signed.
 * - `JSON` (default): the compact `JSON.stringify` of the event. Receivers that re-serialise the
 *   parsed body with `JSON.stringify` (Algoan's Node SDK, `@algoan/rest`) verify it.
 * - `ESCAPED_UNICODE`: the same JSON with non-ASCII as `\uXXXX` (lower-case hex), `/` as `\/`,
 *   `<` as `\u003C`, `%` as `\u0025` and `@` as `\u0040`: the form the reference's "Signature
 *   validation" paragraph describes. It parses to the same value.
 */
export const SIGNATURE_ENCODINGS = ['JSON', 'ESCAPED_UNICODE'] as const
export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number]

/** The body of one webhook POST. */
export interface WebhookEventBody {
  subscription: { id: string; target: string; eventName: SubscribableEventName }
  /** Only model identifiers, never bank data. */
  payload: { customerId: string; analysisId?: string; scoringId?: string }
  /** When the event was emitted, in milliseconds since the Unix epoch. */
  time: number
  /** Position of the event among all the events of this subscription, from 1. */
  index: number
  /**
   * The event id, the one `PATCH /v2/subscriptions/{subscriptionId}/events/{eventId}` takes. Not in
   * the reference's sample body; connectors need it to report the event's status.
   */
  id: string
}

/** A subscription's state: only ACTIVE ones get events; DISABLED is set after repeated failures. */
export const SUBSCRIPTION_STATUSES = ['ACTIVE', 'INACTIVE', 'DISABLED'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/**
 * The statuses of the reference's event (appended to `statuses`, never replaced). We append
 * `IN_PROGRESS` when the event is created and `ERROR` ("the API did not acknowledge the request")
 * when every delivery attempt failed; receivers report the others through PATCH.
 */
export const EVENT_STATUSES = [
  'IN_PROGRESS',
  'ACK',
  'PROCESSED',
  'FAILED',
  'ERROR',
  'WARNING',
  'CRITICAL',
] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

/** Where the delivery of an event stands (ours, next to the reference's `statuses`). */
export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
