/**
 * The one error handler: every failure answers `{ code, message, status }`. AppErrors keep their
 * code; request validation errors name the field; anything else is a 500 with a generic message,
 * logged once with the request id (never with the body).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type ErrorKind } from '../../app/errors.ts'

const STATUS: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 422,
  state: 409,
  too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
}

export const statusOf = (error: AppError): number => STATUS[error.kind]

interface ValidationIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message?: string
}

/** `/accounts/0/transactions/3/amount` → `accounts[0].transactions[3].amount` */
export const toFieldPath = (instancePath: string, missing?: string): string => {
  const parts = instancePath.split('/').filter((part) => part !== '')
  if (missing !== undefined) parts.push(missing)
  return parts
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
      '',
    )
}

const fromValidation = (
  issues: readonly ValidationIssue[],
  context: string | undefined,
): AppError => {
  const issue = issues[0]
  if (!issue) return new AppError('BAD_REQUEST', 'Invalid request')
  const missing = issue.keyword === 'required' ? String(issue.params.missingProperty) : undefined
  const field = toFieldPath(issue.instancePath, missing) || context || 'request'
  if (missing !== undefined) return new AppError('MISSING_PARAM', `${field} is required`)
  const allowed = Array.isArray(issue.params.allowedValues)
    ? ` (one of ${issue.params.allowedValues.join(', ')})`
    : ''
  const extra =
    issue.keyword === 'additionalProperties' ? ` (${String(issue.params.additionalProperty)})` : ''
  return new AppError('BAD_REQUEST', `${field} ${issue.message ?? 'is invalid'}${allowed}${extra}`)
}

const toAppError = (error: FastifyError): AppError => {
  if (error instanceof AppError) return error
  if (error.validation) return fromValidation(error.validation, error.validationContext)
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('PAYLOAD_TOO_LARGE', 'Request body too large')
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', error.message)
  }
  return new AppError('INTERNAL_SERVER_ERROR', 'An internal error occurred', { cause: error })
}

/**
 * Errors the router raises before any route runs, in the same shape: a path that is not valid
 * percent-encoding is a 400; a path parameter longer than the router accepts cannot be one of
 * our ids (64 characters at most), so it is unknown, as a malformed id is.
 */
export const onFrameworkError = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  const appError =
    error.code === 'FST_ERR_BAD_URL'
      ? new AppError('BAD_REQUEST', 'The URL is not valid percent-encoded UTF-8')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new AppError('UNKNOWN_ENTITY', 'No resource has an identifier this long')
        : toAppError(error)
  const status = statusOf(appError)
  if (status >= 500) request.log.error({ err: error }, 'request failed')
  return reply.status(status).send({ code: appError.code, message: appError.message, status })
}

export const registerErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error)
    const status = statusOf(appError)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    return reply.status(status).send({ code: appError.code, message: appError.message, status })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      code: 'NOT_FOUND',
      message: `Route ${request.method} ${request.url.split('?')[0] ?? ''} does not exist`,
      status: 404,
    }),
  )
}
