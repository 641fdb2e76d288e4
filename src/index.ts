/**
 * The public entry of the `creditlens` package, for code that talks to a creditlens server:
 * what a webhook receiver needs to check that a webhook comes from us.
 *
 * @example
 * import { verifyWebhookSignature } from 'creditlens'
 * const ok = verifyWebhookSignature(rawBody, request.headers['x-hub-signature'], secret)
 */
export {
  SIGNATURE_HEADER,
  TIMESTAMPED_SIGNATURE_HEADER,
  verifyTimestampedSignature,
  verifyWebhookSignature,
} from './webhooks/signature.ts'
export type {
  EventName,
  SignatureEncoding,
  SubscribableEventName,
  WebhookEventBody,
} from './app/webhook-vocabulary.ts'
