/**
 * The scoring API v1 (seed 001, Stancer's "scoring" resource): `POST /v1/scoring/` and
 * `GET /v1/scoring/{id}`, with and without the trailing slash. Its own encapsulated plugin with
 * the vendor's authentication (HTTP Basic, the `stest_…`/`sprod_…` secret key as user name and an
 * empty password) and error shape (`{"error":{"message":…,"type":"invalid_request_error"}}`); the
 * v2 error handler is not used here.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type ErrorKind } from '../../app/errors.ts'
import { hostedPageUrl } from '../../app/hosted-flow.ts'
import { authenticateScoringKey } from '../../app/scoring/keys.ts'
import type { ScoringDeps } from '../../app/scoring/ports.ts'
import {
  createScoring,
  getScoring,
  ScoringFieldError,
  type ScoringPrincipal,
} from '../../app/scoring/scorings.ts'
import type { RoutePlugin } from '../routes/types.ts'
import { FieldError, readCreateBody } from './validate.ts'
import { scoringToWire } from './wire.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The project and mode of the scoring API's secret key (v1 scoring routes only). */
    scoringPrincipal: ScoringPrincipal | undefined
  }
}

const STATUS: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  state: 409,
  too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
}

/** The vendor's error body: a message, or for a field `{ error, id }`. */
const errorBody = (message: string | { error: string; id: string }, status: number) => ({
  error: { message, type: status >= 500 ? 'api_error' : 'invalid_request_error' },
})

const send = (
  reply: FastifyReply,
  status: number,
  message: string | { error: string; id: string },
) => reply.status(status).send(errorBody(message, status))

const onError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  if (error instanceof FieldError) {
    return error.field === ''
      ? send(reply, 400, error.message)
      : send(reply, 400, { error: error.message, id: error.field })
  }
  if (error instanceof ScoringFieldError) {
    return send(reply, STATUS[error.kind], { error: error.message, id: error.field })
  }
  if (error instanceof AppError) {
    const status = STATUS[error.kind]
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    return send(
      reply,
      status,
      error.kind === 'internal' ? 'An internal error occurred' : error.message,
    )
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, 413, 'Request body too large')
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // JSON that does not parse, an unsupported content type: the framework's message says which.
    return send(reply, 400, error.message)
  }
  request.log.error({ err: error }, 'request failed')
  return send(reply, 500, 'An internal error occurred')
}

/** `Basic base64(key:)`: the key as user name, an empty password. */
const keyOf = (header: string | undefined): string | undefined => {
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const user = colon === -1 ? decoded : decoded.slice(0, colon)
  const password = colon === -1 ? '' : decoded.slice(colon + 1)
  return password === '' && user !== '' ? user : undefined
}

const principalOf = (request: FastifyRequest): ScoringPrincipal => {
  if (!request.scoringPrincipal) throw new AppError('UNAUTHORIZED', 'Authentication required')
  return request.scoringPrincipal
}

const scoringRoutes =
  (deps: ScoringDeps, publicUrl: string | undefined) =>
  async (app: FastifyInstance): Promise<void> => {
    app.decorateRequest('scoringPrincipal', undefined)
    app.setErrorHandler(onError)
    app.setNotFoundHandler((request, reply) =>
      send(
        reply,
        404,
        `Unrecognized request URL (${request.method} ${request.url.split('?')[0] ?? ''})`,
      ),
    )
    app.addHook('onRequest', async (request) => {
      if (request.is404) return
      const key = keyOf(request.headers.authorization)
      const principal = key === undefined ? undefined : await authenticateScoringKey(deps, key)
      if (!principal) {
        throw new AppError(
          'UNAUTHORIZED',
          'Invalid API key: use HTTP Basic with your stest_ or sprod_ secret key and an empty password',
        )
      }
      request.scoringPrincipal = principal
    })

    // The page's public address: PUBLIC_URL, else the address the request came to.
    const wire = (request: FastifyRequest, scoring: Parameters<typeof scoringToWire>[0]) =>
      scoringToWire(
        scoring,
        hostedPageUrl(publicUrl ?? `${request.protocol}://${request.host}`, scoring.redirectPath),
      )

    // '/' answers with and without the trailing slash (the prefix's default).
    app.post('/', async (request, reply) => {
      const who = principalOf(request)
      const input = readCreateBody(request.body, who.liveMode)
      return reply.status(200).send(wire(request, await createScoring(deps, who, input)))
    })
    for (const url of ['/:id', '/:id/']) {
      app.get<{ Params: { id: string } }>(url, async (request) =>
        wire(request, await getScoring(deps, principalOf(request), request.params.id)),
      )
    }
    const notAllowed = async (request: FastifyRequest, reply: FastifyReply) =>
      send(reply, 405, `Method ${request.method} not allowed on ${request.url.split('?')[0] ?? ''}`)
    app.route({ method: ['GET', 'PUT', 'PATCH', 'DELETE'], url: '/', handler: notAllowed })
    for (const url of ['/:id', '/:id/']) {
      app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url, handler: notAllowed })
    }
  }

/** The v1 scoring routes, mounted under /v1 (with the other v1 routes) at /v1/scoring. */
export const scoringV1Routes =
  (deps: ScoringDeps, publicUrl: string | undefined): RoutePlugin =>
  async (app) => {
    await app.register(scoringRoutes(deps, publicUrl), { prefix: '/scoring' })
  }
