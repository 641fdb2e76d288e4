import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../../app/errors.ts'
import { ErrorBody } from '../../schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { TokenRequest, TokenResponse } from './schemas.ts'

/**
 * Token requests per client id and address per minute. A client needs one token a day (or one
 * per `ACCESS_TOKEN_SECONDS`); 60 leaves room for restarts and retries, and stops secret
 * guessing. Keyed by client id and address: a bad actor on a shared address (a proxy) cannot lock
 * a good client out, and one client's id cannot be locked from elsewhere.
 */
export const TOKEN_REQUESTS_PER_MINUTE = 60

const tokenRateKey = (request: FastifyRequest): string => {
  const body = request.body as { client_id?: unknown } | undefined // form body, not yet validated
  const clientId = typeof body?.client_id === 'string' ? body.client_id.slice(0, 128) : ''
  return `token:${clientId}:${request.ip}`
}

const required = (value: string | undefined, name: string): string => {
  if (value === undefined) throw new AppError('MISSING_PARAM', `${name} is required`)
  return value
}

export const oauthRoutes: RoutePlugin = async (app, { tokens }) => {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/oauth/token',
    {
      // Counted after the form is parsed (to read client_id) and before it is validated.
      config: {
        rateLimit: {
          max: TOKEN_REQUESTS_PER_MINUTE,
          hook: 'preValidation',
          keyGenerator: tokenRateKey,
        },
      },
      schema: {
        tags: ['Authentication'],
        summary: 'Create a new access token',
        // Form-encoded as the reference says; JSON is accepted too.
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: TokenRequest,
        response: { 201: TokenResponse, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const body = request.body
      const pair =
        body.grant_type === 'client_credentials'
          ? await tokens.issue({
              clientId: required(body.client_id, 'client_id'),
              clientSecret: required(body.client_secret, 'client_secret'),
            })
          : await tokens.refresh(required(body.refresh_token, 'refresh_token'))
      return reply.status(201).send(pair)
    },
  )
}
