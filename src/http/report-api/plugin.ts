/**
 * The Report API (docs/report-api.md): its own encapsulated plugin, with the vendor's envelopes
 * and error array on every failure (401, 404, 413 and 429 included). Routes are thin: parse,
 * call one use case in app/reports.ts, shape the envelope. Mounted at the root: `POST
 * /oauth/token` (same clients and tokens as the analyses API), `/v2/report…` and
 * `/v2/category-tree/{CC}`.
 */
import multipart from '@fastify/multipart'
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify'
import { AppError } from '../../app/errors.ts'
import { normaliseCountry, treeFor } from '../../app/report-api/category-tree.ts'
import type { Report, ReportDeps, ReportProblem } from '../../app/report-api/ports.ts'
import {
  AVAILABLE_OPERATIONS,
  getReport,
  purgeExpiredReports,
  ReportApiError,
  requestProcessing,
  uploadReport,
} from '../../app/reports.ts'
import type { TokenService } from '../../app/tokens.ts'
import type { UploadedFile } from '../../app/upload.ts'
import { projectOf } from '../plugins/auth.ts'
import {
  CountryParams,
  Envelope,
  ReportErrors,
  ReportProcessBody,
  ReportTokenBody,
  ReportTokenResponse,
  ReportUploadBody,
  RequestIdParams,
} from './schemas.ts'

export interface ReportApiOptions {
  deps: ReportDeps
  /** `PUBLIC_URL`; links use the request's host when unset. */
  publicUrl: string | undefined
}

/** The vendor's cap on an upload: 10 MB for the whole request. */
export const REPORT_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024
/** See routes/oauth: a client needs one token a day; 60 a minute stops secret guessing. */
const TOKEN_REQUESTS_PER_MINUTE = 60
const MAX_FILES = 20
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

const APP_CODES: Record<AppError['kind'], { status: number; code: string }> = {
  invalid_input: { status: 400, code: 'API_REQUIRED_PARAMS_MISSING' },
  unauthorized: { status: 401, code: 'UNAUTHORIZED' },
  forbidden: { status: 403, code: 'FORBIDDEN' },
  not_found: { status: 404, code: 'NOT_FOUND' },
  conflict: { status: 400, code: 'ANALYSIS_ALREADY_REQUESTED' },
  // Not raised by the Report API's own routes (a v2 result read in the wrong state).
  state: { status: 409, code: 'CONFLICT' },
  too_large: { status: 413, code: 'EXCEEDED_LIMIT' },
  too_many_requests: { status: 429, code: 'RATE_LIMIT' },
  unavailable: { status: 503, code: 'SERVICE_UNAVAILABLE' },
  internal: { status: 500, code: 'UNKNOWN_ERROR' },
}

/** Any failure as the vendor's error array. */
const toProblem = (error: unknown): { status: number; body: ReportProblem[] } => {
  if (error instanceof ReportApiError) {
    return {
      status: error.status,
      body: [
        {
          title: error.title,
          detail: error.message,
          'error-code': error.code,
          source: error.source,
        },
      ],
    }
  }
  let status = 500
  let code = 'UNKNOWN_ERROR'
  let detail = 'An internal error occurred'
  if (error instanceof AppError) {
    ;({ status, code } = APP_CODES[error.kind])
    detail = error.message
  } else {
    const fastifyError = error as Partial<FastifyError> // framework errors carry code and status
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413
      code = 'EXCEEDED_LIMIT'
      detail = 'Request body too large'
    } else if (
      fastifyError.statusCode !== undefined &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      status = 400
      code = 'API_REQUIRED_PARAMS_MISSING'
      detail = fastifyError.message ?? 'Invalid request'
    }
  }
  return {
    status,
    body: [{ title: TITLES[status] ?? 'Error', detail, 'error-code': code, source: [] }],
  }
}

const sendProblem = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
  const { status, body } = toProblem(error)
  if (status >= 500) request.log.error({ err: error }, 'report api request failed')
  if (status === 413) void reply.header('connection', 'close')
  return reply.status(status).send(body)
}

const baseUrl = (options: ReportApiOptions, request: FastifyRequest): string =>
  options.publicUrl ?? `${request.protocol}://${request.host}`

const checkRequestId = (id: string): void => {
  if (!UUID.test(id)) {
    throw new ReportApiError(404, 'NOT_FOUND', 'Not Found', 'No report has this request id')
  }
}

const tooLarge = () =>
  new ReportApiError(
    413,
    'EXCEEDED_LIMIT',
    'Payload Too Large',
    `the files of one upload may take ${REPORT_UPLOAD_LIMIT_BYTES / 1024 / 1024} MB together`,
    ['input'],
  )

const noInput = () =>
  new ReportApiError(
    400,
    'API_REQUIRED_PARAMS_MISSING',
    'Required parameters missing',
    'input is required: a multipart/form-data body with one or more files in the field "input"',
    ['input'],
  )

/** Reads the multipart body: the files of `input`, 10 MB together, counted as they arrive. */
const readInput = async (request: FastifyRequest): Promise<UploadedFile[]> => {
  if (!request.isMultipart()) throw noInput()
  const files: UploadedFile[] = []
  let left = REPORT_UPLOAD_LIMIT_BYTES
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue
      if (part.fieldname !== 'input' && part.fieldname !== 'input[]') {
        throw new ReportApiError(
          400,
          'API_REQUIRED_PARAMS_MISSING',
          'Required parameters missing',
          'files go in the field "input"',
          [part.fieldname.slice(0, 40)],
        )
      }
      const chunks: Buffer[] = []
      for await (const chunk of part.file) {
        left -= chunk.length
        if (left < 0) throw tooLarge()
        chunks.push(chunk)
      }
      if (part.file.truncated) throw tooLarge()
      files.push({
        content: Buffer.concat(chunks),
        fileName: part.filename || `file ${files.length + 1}`,
      })
    }
  } catch (error) {
    if (error instanceof ReportApiError) throw error
    const code = (error as Partial<FastifyError>).code // multipart errors are FastifyErrors
    if (
      code === 'FST_REQ_FILE_TOO_LARGE' ||
      code === 'FST_FILES_LIMIT' ||
      code === 'FST_PARTS_LIMIT'
    ) {
      throw tooLarge()
    }
    throw noInput()
  }
  if (files.length === 0) throw noInput()
  return files
}

/** The `report processing status` envelope for a report's state. */
const statusAttributes = (report: Report): Record<string, unknown> => {
  switch (report.status) {
    case 'completed':
      return { ...report.result, status: 'completed' }
    case 'failed':
      return { status: 'failed', errors: report.errors ?? [] }
    case 'uploaded':
      return { status: 'uploaded', 'available-operations': AVAILABLE_OPERATIONS }
    default:
      return { status: 'processing' }
  }
}

const routes =
  (options: ReportApiOptions, tokens: TokenService): FastifyPluginAsync =>
  async (app: FastifyInstance) => {
    const { deps } = options
    await app.register(multipart, {
      limits: {
        fileSize: REPORT_UPLOAD_LIMIT_BYTES,
        files: MAX_FILES,
        fields: 10,
        parts: MAX_FILES + 10,
      },
    })
    app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error))

    app.post(
      '/oauth/token',
      {
        config: {
          rateLimit: {
            max: TOKEN_REQUESTS_PER_MINUTE,
            hook: 'preValidation',
            keyGenerator: (request: FastifyRequest) => {
              const body = request.body as { client_id?: unknown } | undefined // not yet validated
              const id = typeof body?.client_id === 'string' ? body.client_id.slice(0, 128) : ''
              return `report-token:${id}:${request.ip}`
            },
          },
        },
        attachValidation: true,
        schema: {
          tags: ['Report API'],
          summary: 'Get an access token (JSON or form body; any audience)',
          body: ReportTokenBody,
          response: { 200: ReportTokenResponse, 400: ReportErrors, 401: ReportErrors },
        },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown> // checked field by field
        const absent = ['grant_type', 'client_id', 'client_secret'].filter(
          (name) => typeof body[name] !== 'string' || body[name] === '',
        )
        if (absent.length > 0) {
          throw new ReportApiError(
            400,
            'API_REQUIRED_PARAMS_MISSING',
            'Required parameters missing',
            `${absent.join(', ')} required`,
            absent,
          )
        }
        if (body.grant_type !== 'client_credentials') {
          throw new ReportApiError(
            400,
            'API_REQUIRED_PARAMS_MISSING',
            'Unsupported grant type',
            'grant_type must be client_credentials',
            ['grant_type'],
          )
        }
        const pair = await tokens.issue({
          clientId: String(body.client_id),
          clientSecret: String(body.client_secret),
        })
        return reply.status(200).send({
          access_token: pair.access_token,
          expires_in: pair.expires_in,
          token_type: 'Bearer',
        })
      },
    )

    await app.register(
      async (report) => {
        report.setNotFoundHandler((request, reply) =>
          sendProblem(
            request,
            reply,
            new ReportApiError(
              404,
              'NOT_FOUND',
              'Not Found',
              `Route ${request.method} does not exist`,
            ),
          ),
        )

        report.post(
          '/',
          {
            config: { auth: 'project' },
            attachValidation: true,
            schema: {
              tags: ['Report API'],
              summary: 'Upload a statement file (multipart field input)',
              consumes: ['multipart/form-data'],
              body: ReportUploadBody,
              response: {
                202: Envelope('report pre-processing record'),
                400: ReportErrors,
                401: ReportErrors,
                413: ReportErrors,
                429: ReportErrors,
              },
            },
          },
          async (request, reply) => {
            const projectId = projectOf(request)
            if (Number(request.headers['content-length']) > REPORT_UPLOAD_LIMIT_BYTES + 64 * 1024) {
              throw tooLarge()
            }
            const files = await readInput(request)
            await purgeExpiredReports(deps)
            const created = await uploadReport(deps, projectId, files)
            const base = baseUrl(options, request)
            return reply.status(202).send({
              data: {
                attributes: {
                  'available-operations': AVAILABLE_OPERATIONS,
                  'request-id': created.id,
                  status: 'completed',
                },
                relationships: {
                  operations: {
                    links: {
                      related: `${base}/v2/report/process/${created.id}`,
                      self: `${base}/v2/report`,
                    },
                  },
                },
                type: 'report pre-processing record',
              },
            })
          },
        )

        report.put<{ Params: { request_id: string } }>(
          '/process/:request_id',
          {
            config: { auth: 'project' },
            attachValidation: true,
            schema: {
              tags: ['Report API'],
              summary: 'Process an upload: operations for a country (queued)',
              params: RequestIdParams,
              body: ReportProcessBody,
              response: {
                202: Envelope('report processing record'),
                400: ReportErrors,
                401: ReportErrors,
                404: ReportErrors,
                410: ReportErrors,
              },
            },
          },
          async (request, reply) => {
            const projectId = projectOf(request)
            const id = request.params.request_id
            checkRequestId(id)
            const queued = await requestProcessing(deps, projectId, id, request.body)
            const base = baseUrl(options, request)
            return reply.status(202).send({
              data: {
                attributes: { 'request-id': queued.id, status: 'queued' },
                relationships: {
                  result: {
                    links: {
                      related: `${base}/v2/report/${queued.id}`,
                      self: `${base}/v2/report/process/${queued.id}`,
                    },
                  },
                },
                type: 'report processing record',
              },
            })
          },
        )

        report.get<{ Params: { request_id: string } }>(
          '/:request_id',
          {
            config: { auth: 'project' },
            schema: {
              tags: ['Report API'],
              summary: 'Get a report: processing until completed, then the results',
              params: RequestIdParams,
              response: {
                200: Envelope('report processing status'),
                401: ReportErrors,
                404: ReportErrors,
                410: ReportErrors,
              },
            },
          },
          async (request, reply) => {
            const projectId = projectOf(request)
            checkRequestId(request.params.request_id)
            const found = await getReport(deps, projectId, request.params.request_id)
            return reply.send({
              data: { attributes: statusAttributes(found), type: 'report processing status' },
            })
          },
        )
      },
      { prefix: '/v2/report' },
    )

    app.get<{ Params: { country: string } }>(
      '/v2/category-tree/:country',
      {
        config: { auth: 'project' },
        schema: {
          tags: ['Report API'],
          summary: 'The numbered category tree of a country',
          params: CountryParams,
          response: { 200: Envelope('category tree'), 400: ReportErrors, 401: ReportErrors },
        },
      },
      async (request, reply) => {
        projectOf(request)
        const country = normaliseCountry(request.params.country)
        if (country === undefined) {
          throw new ReportApiError(
            400,
            'UNSUPPORTED_COUNTRY_REQUESTED',
            'Unsupported country requested',
            'country must be one of fr, uk, gb, es, nl, be, de',
            ['country'],
          )
        }
        return reply.send({ data: { attributes: treeFor(country), type: 'category tree' } })
      },
    )
  }

/** The Report API plugin, for `buildApp` (mounted at the root, encapsulated). */
export const reportApiPlugin = (options: ReportApiOptions, tokens: TokenService) =>
  routes(options, tokens)
