/**
 * Builds the configured HTTP app without listening (main.ts listens; tests inject). Shared
 * capabilities are registered once at the root; each resource lives in routes/<resource>/ and
 * is listed once in `routes` below.
 */
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { AppError } from '../app/errors.ts'
import { registerAuth } from './plugins/auth.ts'
import { onFrameworkError, registerErrorHandling } from './plugins/errors.ts'
import { registerInputCheck } from './plugins/input-check.ts'
import { analysisRoutes } from './routes/analyses/routes.ts'
import { analysisFileRoutes } from './routes/analysis-files/routes.ts'
import { analysisResultRoutes } from './routes/analysis-results/routes.ts'
import { customerRoutes } from './routes/customers/routes.ts'
import { healthRoutes } from './routes/health/routes.ts'
import { oauthRoutes } from './routes/oauth/routes.ts'
import type { RouteContext, RoutePlugin } from './routes/types.ts'

/** Every resource of the API, mounted under /v2. Add a resource by adding it here. */
export const routes: RoutePlugin[] = [
  oauthRoutes,
  customerRoutes,
  analysisRoutes,
  analysisResultRoutes,
  analysisFileRoutes,
]

export interface BuildAppOptions extends RouteContext {
  bodyLimitBytes: number
  /** Requests per client per minute; 0 disables the limit. */
  rateLimitPerMinute: number
  /**
   * The process logger (src/logging/logger.ts: no query strings, bodies or error values);
   * none by default.
   */
  logger?: FastifyBaseLogger
  /** Extra route plugins mounted under /v2 (other modules' resources). */
  extraRoutes?: RoutePlugin[]
  /** Route plugins also mounted under /v1, where the reference's text and Algoan's SDK call. */
  v1Routes?: RoutePlugin[]
  /**
   * Other surfaces (hosted page, risk report, …), each registered at the root as its own
   * encapsulated plugin with its own error shape and plugins.
   */
  surfaces?: ((app: FastifyInstance) => Promise<void>)[]
}

export const buildApp = async (options: BuildAppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    ajv: { customOptions: { allErrors: false, coerceTypes: false } },
    frameworkErrors: onFrameworkError,
  })
  const context: RouteContext = {
    deps: options.deps,
    tokens: options.tokens,
    isReady: options.isReady,
    ...(options.uploadLimitBytes !== undefined && { uploadLimitBytes: options.uploadLimitBytes }),
  }

  registerErrorHandling(app)
  registerInputCheck(app)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'creditlens analyses API',
        version: '2.0.0',
        description: 'Scores and credit insights from bank accounts and transactions.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: ({ schema, url, route }) => ({
      schema: route.config?.auth === 'project' ? { ...schema, security: [{ bearer: [] }] } : schema,
      url,
    }),
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  await app.register(formbody)
  registerAuth(app, options.tokens)
  if (options.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      // Every request is counted before its body is read or validated, 401s and 400s included:
      // per client when its token is valid (many clients of a lender may share one gateway
      // address), per address otherwise (see plugins/auth.ts). The token endpoint has its own
      // limit (routes/oauth).
      hook: 'onRequest',
      keyGenerator: (request) =>
        request.principal ? `client:${request.principal.clientId}` : `ip:${request.ip}`,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'TOO_MANY_REQUESTS',
          `Rate limit of ${context.max} requests per minute exceeded`,
        ),
    })
  }
  await app.register(healthRoutes, context)
  for (const route of [...routes, ...(options.extraRoutes ?? [])]) {
    await app.register(route, { ...context, prefix: '/v2' })
  }
  for (const route of options.v1Routes ?? []) {
    await app.register(route, { ...context, prefix: '/v1' })
  }
  for (const surface of options.surfaces ?? []) await surface(app)
  return app
}
