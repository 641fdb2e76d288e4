import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AppError } from '../../../app/errors.ts'
import { ErrorBody } from '../../schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { TokenRequest, TokenResponse } from './schemas.ts'

const required = (value: string | undefined, name: string): string => {
  if (value === undefined) throw new AppError('MISSING_PARAM', `${name} is required`)
  return value
}

export const oauthRoutes: RoutePlugin = async (app, { tokens }) => {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/oauth/token',
    {
      schema: {
        tags: ['Authentication'],
        summary: 'Create a new access token',
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
