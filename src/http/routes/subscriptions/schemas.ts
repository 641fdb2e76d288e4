import { Type } from 'typebox'
import {
  DELIVERY_STATUSES,
  EVENT_STATUSES,
  SIGNATURE_ENCODINGS,
  SUBSCRIBABLE_EVENT_NAMES,
  SUBSCRIPTION_STATUSES,
} from '../../../app/webhook-vocabulary.ts'

const EventName = Type.Enum(SUBSCRIBABLE_EVENT_NAMES, {
  description: 'Both spellings of the link event are accepted: see docs/decisions/webhooks-api.md',
})
const SubscriptionStatus = Type.Enum(SUBSCRIPTION_STATUSES)
const SignatureEncoding = Type.Enum(SIGNATURE_ENCODINGS, {
  description:
    "JSON (default): compact JSON.stringify bytes, what Algoan's Node SDK verifies. ESCAPED_UNICODE: non-ASCII as \\uXXXX, / as \\/, < % @ escaped, as the reference describes",
})

export const SubscriptionParams = Type.Object({ subscriptionId: Type.String() })
export const EventParams = Type.Object({ subscriptionId: Type.String(), eventId: Type.String() })

export const SubscriptionBody = Type.Object({
  eventName: EventName,
  target: Type.String({ minLength: 1, maxLength: 2048, description: 'URL webhooks are POSTed to' }),
  secret: Type.Optional(
    Type.String({ minLength: 8, maxLength: 256, description: 'HMAC key; generated when absent' }),
  ),
  signatureEncoding: Type.Optional(SignatureEncoding),
})

export const SubscriptionPatch = Type.Object({ status: SubscriptionStatus })

export const SubscriptionQuery = Type.Object({
  filter: Type.Optional(
    Type.String({
      description:
        'Stringified query: {"eventName":"analysis_completed"} or {"eventName":{"$in":[…]}}',
    }),
  ),
})

export const SubscriptionResponse = Type.Object({
  id: Type.String(),
  eventName: EventName,
  secret: Type.String(),
  target: Type.String(),
  status: SubscriptionStatus,
  signatureEncoding: SignatureEncoding,
})

export const EventQuery = Type.Object({
  customerId: Type.String({ description: 'The customer concerned by the events' }),
  lowIndex: Type.Optional(Type.String({ description: 'Lowest index returned (inclusive)' })),
  highIndex: Type.Optional(Type.String({ description: 'Highest index returned (inclusive)' })),
})

export const EventPatch = Type.Object({
  status: Type.Enum(EVENT_STATUSES),
})

export const EventResponse = Type.Object({
  id: Type.String({ description: 'What PATCH …/events/{eventId} takes' }),
  subscription: Type.Object({ id: Type.String(), target: Type.String(), eventName: EventName }),
  payload: Type.Object({
    customerId: Type.String(),
    analysisId: Type.Optional(Type.String()),
    scoringId: Type.Optional(Type.String({ description: 'scoring_completed: the scoring (v1)' })),
  }),
  time: Type.Number({ description: 'When the event was emitted, ms since the epoch' }),
  index: Type.Integer(),
  statuses: Type.Array(
    Type.Object({
      name: Type.Enum(EVENT_STATUSES),
      createdAt: Type.String(),
    }),
  ),
  deliveryStatus: Type.Enum(DELIVERY_STATUSES, {
    description: 'PENDING until a 2xx answer (DELIVERED) or the last attempt (FAILED)',
  }),
})

export const DeliveryLogResponse = Type.Object({
  eventId: Type.String(),
  deliveryStatus: Type.Enum(DELIVERY_STATUSES),
  attempts: Type.Array(
    Type.Object({
      attempt: Type.Integer(),
      time: Type.String({ description: 'When the attempt started' }),
      status: Type.Union([Type.Integer(), Type.Null()], { description: 'HTTP status' }),
      durationMs: Type.Integer(),
      error: Type.Union([Type.String(), Type.Null()], { description: 'Why no answer came' }),
    }),
  ),
})
