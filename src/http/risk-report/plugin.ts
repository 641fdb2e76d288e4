/**
 * The risk report API (docs/risk-report.md): widget links, the token endpoint and the report, in
 * the vendor's paths and error shape `{"error":{code, group, description, data}}`. Its own
 * encapsulated plugin with its own error handler: the analyses API's shape is untouched.
 *
 * POST /onetime/risk-report, POST /ongoing/risk-report   HTTP Basic client id / secret → 201
 * POST /auth/token                                       HTTP Basic; authorization_code | refresh_token
 * GET  /rest/risk-reports/:id                            Bearer access token
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import { AppError } from '../../app/errors.ts'
import { RiskReportError } from '../../app/risk-report/errors.ts'
import {
  authenticateClient,
  createLink,
  getReport,
  purgeExpired,
  type RiskReportDeps,
} from '../../app/risk-report/flows.ts'
import type { RiskReportAccess } from '../../app/risk-report/ports.ts'
import { exchangeToken } from '../../app/risk-report/tokens.ts'
import { statusOf } from '../plugins/errors.ts'

/** Why a minute: one-time data must be gone soon after its hour, and the query is one index scan. */
const PURGE_INTERVAL_MS = 60_000

export interface RiskReportPluginOptions {
  deps: RiskReportDeps
  /** `PUBLIC_URL`; the request's own origin when unset. */
  publicUrl: string | undefined
}

const APP_CODES: Record<AppError['kind'], number> = {
  invalid_input: 1000,
  unauthorized: 1003,
  forbidden: 1007,
  not_found: 1002,
  conflict: 1001,
  too_large: 1000,
  too_many_requests: 1008,
  unavailable: 1008,
  internal: 1006,
}

const bearer = (request: FastifyRequest): string | undefined => {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1]
}

export const riskReportPlugin: FastifyPluginAsync<RiskReportPluginOptions> = async (
  app: FastifyInstance,
  options,
) => {
  const { deps } = options

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof RiskReportError) {
      if (error.status === 401) reply.header('www-authenticate', 'Basic realm="risk-report"')
      return reply.code(error.status).send(error.toJSON())
    }
    if (error instanceof AppError) {
      return reply.code(statusOf(error)).send({
        error: { code: APP_CODES[error.kind], group: 'client', description: error.message },
      })
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500
    if (status < 500) {
      return reply.code(status).send({
        error: {
          code: 1000,
          group: 'client',
          description: "Request body doesn't match input schema.",
        },
      })
    }
    request.log.error({ err: error }, 'risk report request failed')
    return reply.code(500).send({
      error: {
        code: 1006,
        group: 'server',
        description: 'Internal error; contact support with the flow id.',
      },
    })
  })

  let timer: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      purgeExpired(deps).catch((error: unknown) =>
        app.log.error({ err: error }, 'risk report purge failed'),
      )
    }, PURGE_INTERVAL_MS)
    timer.unref()
  })
  app.addHook('onClose', async () => clearInterval(timer))

  const baseUrl = (request: FastifyRequest) =>
    options.publicUrl ?? `${request.protocol}://${request.host}`

  for (const access of ['onetime', 'ongoing'] as const satisfies readonly RiskReportAccess[]) {
    app.post(`/${access}/risk-report`, async (request, reply) => {
      const client = await authenticateClient(deps, request.headers.authorization)
      const created = await createLink(deps, client, access, request.body, baseUrl(request))
      return reply.code(201).header('cache-control', 'no-store').send(created)
    })
  }

  app.post('/auth/token', async (request, reply) => {
    const client = await authenticateClient(deps, request.headers.authorization)
    const tokens = await exchangeToken(deps, client, request.body)
    return reply.header('cache-control', 'no-store').send(tokens)
  })

  app.get<{ Params: { id: string } }>('/rest/risk-reports/:id', async (request, reply) => {
    const report = await getReport(deps, bearer(request), request.params.id)
    return reply.header('cache-control', 'no-store').send(report)
  })
}
