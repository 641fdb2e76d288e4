/**
 * Webhook subscriptions and their events, as the reference's "Subscription" and "Event"
 * sections describe them. Mounted under /v2 and /v1 (the reference's text and Algoan's Node SDK
 * use /v1). Lists are plain arrays here, as in the reference.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { badRequest } from '../../../app/errors.ts'
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  updateSubscriptionStatus,
} from '../../../app/subscriptions.ts'
import {
  getDeliveryLog,
  listEvents,
  redeliverEvent,
  updateEventStatus,
} from '../../../app/webhook-events.ts'
import type { Subscription, WebhookDeps, WebhookEvent } from '../../../app/webhook-ports.ts'
import { projectOf } from '../../plugins/auth.ts'
import { ErrorBody } from '../../schemas.ts'
import type { RoutePlugin } from '../types.ts'
import {
  DeliveryLogResponse,
  EventParams,
  EventPatch,
  EventQuery,
  EventResponse,
  SubscriptionBody,
  SubscriptionParams,
  SubscriptionPatch,
  SubscriptionQuery,
  SubscriptionResponse,
} from './schemas.ts'

const subscriptionToWire = (s: Subscription) => ({
  id: s.id,
  eventName: s.eventName,
  secret: s.secret,
  target: s.target,
  status: s.status,
  signatureEncoding: s.signatureEncoding,
})

const eventToWire = (e: WebhookEvent) => ({
  id: e.id,
  subscription: e.subscription,
  payload: {
    customerId: e.customerId,
    ...(e.analysisId !== null && { analysisId: e.analysisId }),
    ...(e.scoringId !== null && { scoringId: e.scoringId }),
  },
  time: e.time,
  index: e.index,
  statuses: e.statuses.map((s) => ({ name: s.name, createdAt: s.createdAt.toISOString() })),
  deliveryStatus: e.deliveryStatus,
})

const index = (raw: string | undefined, name: string): number | undefined => {
  if (raw === undefined) return undefined
  if (!/^\d{1,9}$/.test(raw)) throw badRequest(`${name} must be a non-negative integer`)
  return Number(raw)
}

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody }
const config = { auth: 'project' } as const
const tags = ['Subscription']
const eventTags = ['Event']

/** The routes, bound to the webhooks use-case dependencies. */
export const subscriptionRoutes =
  (deps: WebhookDeps): RoutePlugin =>
  async (app) => {
    const api = app.withTypeProvider<TypeBoxTypeProvider>()

    api.get(
      '/subscriptions',
      {
        config,
        schema: {
          tags,
          summary: 'Get the list of webhook subscriptions',
          querystring: SubscriptionQuery,
          response: { 200: Type.Array(SubscriptionResponse), ...errors },
        },
      },
      async (request) =>
        (await listSubscriptions(deps, projectOf(request), request.query.filter)).map(
          subscriptionToWire,
        ),
    )

    api.post(
      '/subscriptions',
      {
        config,
        schema: {
          tags,
          summary: 'Create a new webhook subscription',
          body: SubscriptionBody,
          response: { 201: SubscriptionResponse, ...errors },
        },
      },
      async (request, reply) => {
        const created = await createSubscription(deps, projectOf(request), request.body)
        return reply.status(201).send(subscriptionToWire(created))
      },
    )

    api.get(
      '/subscriptions/:subscriptionId',
      {
        config,
        schema: {
          tags,
          summary: 'Get a subscription',
          params: SubscriptionParams,
          response: { 200: SubscriptionResponse, ...errors },
        },
      },
      async (request) =>
        subscriptionToWire(
          await getSubscription(deps, projectOf(request), request.params.subscriptionId),
        ),
    )

    api.patch(
      '/subscriptions/:subscriptionId',
      {
        config,
        schema: {
          tags,
          summary: 'Update a subscription (ACTIVE re-enables a DISABLED one)',
          params: SubscriptionParams,
          body: SubscriptionPatch,
          response: { 200: SubscriptionResponse, ...errors },
        },
      },
      async (request) =>
        subscriptionToWire(
          await updateSubscriptionStatus(
            deps,
            projectOf(request),
            request.params.subscriptionId,
            request.body.status,
          ),
        ),
    )

    api.delete(
      '/subscriptions/:subscriptionId',
      {
        config,
        schema: {
          tags,
          summary: 'Delete the subscription with its events and delivery logs',
          params: SubscriptionParams,
          response: { 200: SubscriptionResponse, ...errors },
        },
      },
      async (request) =>
        subscriptionToWire(
          await deleteSubscription(deps, projectOf(request), request.params.subscriptionId),
        ),
    )

    api.get(
      '/subscriptions/:subscriptionId/events',
      {
        config,
        schema: {
          tags: eventTags,
          summary: 'Get the events of a customer for a subscription',
          params: SubscriptionParams,
          querystring: EventQuery,
          response: { 200: Type.Array(EventResponse), ...errors },
        },
      },
      async (request) => {
        const { customerId, lowIndex, highIndex } = request.query
        const events = await listEvents(deps, projectOf(request), request.params.subscriptionId, {
          customerId,
          lowIndex: index(lowIndex, 'lowIndex'),
          highIndex: index(highIndex, 'highIndex'),
        })
        return events.map(eventToWire)
      },
    )

    api.patch(
      '/subscriptions/:subscriptionId/events/:eventId',
      {
        config,
        schema: {
          tags: eventTags,
          summary: 'Append a status to an event',
          params: EventParams,
          body: EventPatch,
          response: { 200: EventResponse, ...errors },
        },
      },
      async (request) =>
        eventToWire(
          await updateEventStatus(
            deps,
            { projectId: projectOf(request), ...request.params },
            request.body.status,
          ),
        ),
    )

    api.get(
      '/subscriptions/:subscriptionId/events/:eventId/deliveries',
      {
        config,
        schema: {
          tags: eventTags,
          summary: 'Get the delivery log of an event: every attempt',
          params: EventParams,
          response: { 200: DeliveryLogResponse, ...errors },
        },
      },
      async (request) => {
        const { event, attempts } = await getDeliveryLog(deps, {
          projectId: projectOf(request),
          ...request.params,
        })
        return {
          eventId: event.id,
          deliveryStatus: event.deliveryStatus,
          attempts: attempts.map((a) => ({
            attempt: a.attempt,
            time: a.startedAt.toISOString(),
            status: a.status,
            durationMs: a.durationMs,
            error: a.error,
          })),
        }
      },
    )

    api.post(
      '/subscriptions/:subscriptionId/events/:eventId/redeliver',
      {
        config,
        schema: {
          tags: eventTags,
          summary: 'Send an event again (a new round of attempts, logged)',
          params: EventParams,
          response: { 202: EventResponse, ...errors },
        },
      },
      async (request, reply) => {
        const event = await redeliverEvent(deps, {
          projectId: projectOf(request),
          ...request.params,
        })
        return reply.status(202).send(eventToWire(event))
      },
    )
  }
