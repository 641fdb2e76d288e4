/**
 * Bearer-token authentication, registered once at the root. A route that needs a project states
 * `config: { auth: 'project' }` next to its schema; the principal lands on `request.principal`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../app/errors.ts'
import type { Principal, TokenService } from '../../app/tokens.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs: `project` = a valid access token of a project. */
    auth?: 'project'
  }
  interface FastifyRequest {
    principal: Principal | undefined
    /** Why authentication failed; thrown once the rate limiter has counted the request. */
    authError: unknown
  }
}

/**
 * The token is checked on request, but a failure is only recorded there and thrown at
 * `preParsing` (before the body is read): in between, the rate limiter (route-level `onRequest`
 * hooks run after this one) counts the request, keyed by the client when the token is valid and
 * by the address otherwise, so 401s are counted too.
 */
export const registerAuth = (app: FastifyInstance, tokens: TokenService): void => {
  app.decorateRequest('principal', undefined)
  app.decorateRequest('authError', undefined)
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.auth !== 'project') return
    const header = request.headers.authorization
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header)
    if (!match?.[1]) {
      request.authError = new AppError('UNAUTHORIZED', 'Missing or malformed Authorization header')
      return
    }
    try {
      request.principal = await tokens.verify(match[1])
    } catch (error) {
      request.authError = error
    }
  })
  app.addHook('preParsing', async (request) => {
    if (request.authError !== undefined) throw request.authError
  })
}

/** The project of an authenticated request (routes with `auth: 'project'` only). */
export const projectOf = (request: FastifyRequest): string => {
  if (!request.principal) throw new AppError('UNAUTHORIZED', 'Authentication required')
  return request.principal.projectId
}
