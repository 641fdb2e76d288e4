import { Type } from 'typebox'
import { AppError } from '../../../app/errors.ts'
import type { RoutePlugin } from '../types.ts'

const Status = Type.Object({ status: Type.String() })

/** Liveness and readiness probes, outside /v2 and without authentication. */
export const healthRoutes: RoutePlugin = async (app, { isReady }) => {
  app.get(
    '/health',
    { schema: { tags: ['Health'], summary: 'Liveness', response: { 200: Status } } },
    async () => ({ status: 'ok' }),
  )
  app.get(
    '/ready',
    {
      schema: {
        tags: ['Health'],
        summary: 'Readiness: the database answers',
        response: { 200: Status },
      },
    },
    async () => {
      if (!(await isReady())) throw new AppError('SERVICE_UNAVAILABLE', 'Database unreachable')
      return { status: 'ready' }
    },
  )
}
