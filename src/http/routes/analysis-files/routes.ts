/**
 * `POST /v2/customers/{id}/analyses/files`: our extension of the analyses API. A lender uploads
 * the customer's bank statement files (or aggregator exports) as multipart/form-data; they are
 * read by the input-format registry and analysed like an uploaded body. The analysis says where
 * its data came from (`dataOrigin: BANK_STATEMENT` for statements).
 */
import multipart from '@fastify/multipart'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyError, FastifyRequest } from 'fastify'
import { createAnalysis } from '../../../app/create-analysis.ts'
import { AppError } from '../../../app/errors.ts'
import { describeUnsafeValue, findUnsafeValue } from '../../../app/text-check.ts'
import type { UploadedFile } from '../../../app/upload.ts'
import { analysisToJson } from '../../../app/wire.ts'
import { projectOf } from '../../plugins/auth.ts'
import { sendJsonText } from '../../plugins/json-text.ts'
import { CustomerParams, ErrorBody } from '../../schemas.ts'
import { AnalysisResponse } from '../analyses/schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { AnalysisFilesBody } from './schemas.ts'

/** A year of daily statements of a busy account fits in a few MB; 20 MB leaves room. */
const MAX_FILE_BYTES = 20 * 1024 * 1024
/** Twelve monthly statements for each of a few accounts. */
const MAX_FILES = 48
/** The whole request's default cap (`UPLOAD_LIMIT_BYTES`): every file together. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024

const LIMIT_CODES = new Set([
  'FST_REQ_FILE_TOO_LARGE',
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
])

interface FilesForm {
  files: UploadedFile[]
  format?: string
  disableScores?: boolean
  disableCreditInsights?: boolean
}

interface Limits {
  /** Bytes every file of the request may take together. */
  totalBytes: number
  fileBytes: number
}

const tooLarge = (limits: Limits, cause?: unknown): AppError =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `at most ${MAX_FILES} files of ${limits.fileBytes / 1024 / 1024} MB each and ${
      limits.totalBytes / 1024 / 1024
    } MB together`,
    cause === undefined ? undefined : { cause },
  )

const readBoolean = (name: string, value: string): boolean => {
  if (value === 'true') return true
  if (value === 'false') return false
  throw new AppError('BAD_REQUEST', `${name} must be true or false`)
}

/** Names and field values are text we may echo or keep: refused when they could not be stored. */
const checkText = (value: string, what: string): string => {
  const unsafe = findUnsafeValue(value)
  if (unsafe) throw new AppError('BAD_REQUEST', describeUnsafeValue(unsafe, what))
  return value
}

/**
 * Reads one file, counting its bytes against what is left of the request's budget while they
 * arrive: the upload stops at the first chunk over the cap, whatever the files' number or sizes.
 */
const readFile = async (
  file: AsyncIterable<Buffer> & { truncated?: boolean },
  budget: { left: number },
  limits: Limits,
): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of file) {
    budget.left -= chunk.length
    // Throwing here ends the iteration, which destroys the part's stream and stops the parser.
    if (budget.left < 0) throw tooLarge(limits)
    chunks.push(chunk)
  }
  if (file.truncated === true) throw tooLarge(limits)
  return Buffer.concat(chunks)
}

/** Reads every part of the form: files into memory (bounded in total), the few text fields. */
const readForm = async (request: FastifyRequest, limits: Limits): Promise<FilesForm> => {
  const form: FilesForm = { files: [] }
  const budget = { left: limits.totalBytes }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const fileName = checkText(part.filename || `file ${form.files.length + 1}`, 'file name')
        const content = await readFile(part.file, budget, limits)
        // No statement or export format we read is UTF-16: a NUL byte means a binary file.
        if (content.includes(0)) {
          throw new AppError(
            'BAD_REQUEST',
            `file "${fileName.slice(0, 100)}" contains a NUL byte: not a text statement or JSON export`,
          )
        }
        form.files.push({ content, fileName })
        continue
      }
      const value = checkText(
        typeof part.value === 'string' ? part.value.trim() : '',
        `form field ${part.fieldname.slice(0, 40)}`,
      )
      if (part.fieldname === 'format') form.format = value
      else if (part.fieldname === 'disableScores')
        form.disableScores = readBoolean(part.fieldname, value)
      else if (part.fieldname === 'disableCreditInsights')
        form.disableCreditInsights = readBoolean(part.fieldname, value)
      else
        throw new AppError(
          'BAD_REQUEST',
          `unknown form field "${checkText(part.fieldname, 'form field name').slice(0, 40)}"`,
        )
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as Partial<FastifyError>).code // multipart errors are FastifyErrors
    if (code !== undefined && LIMIT_CODES.has(code)) throw tooLarge(limits, error)
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new AppError(
        'BAD_REQUEST',
        'expected a multipart/form-data body with one or more files',
        { cause: error },
      )
    }
    // Everything else the parser throws is about the bytes it was sent (no boundary, a part cut
    // short, a malformed header): the client's fault, not ours.
    throw new AppError('BAD_REQUEST', 'malformed multipart/form-data body', { cause: error })
  }
  if (form.files.length === 0)
    throw new AppError('MISSING_PARAM', 'files is required: one or more files')
  const format = form.format
  if (format !== undefined && format !== '')
    form.files = form.files.map((file) => ({ ...file, format }))
  return form
}

export const analysisFileRoutes: RoutePlugin = async (app, { deps, uploadLimitBytes }) => {
  const totalBytes = uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES
  const limits: Limits = { totalBytes, fileBytes: Math.min(MAX_FILE_BYTES, totalBytes) }
  await app.register(multipart, {
    limits: { fileSize: limits.fileBytes, files: MAX_FILES, fields: 10, parts: MAX_FILES + 10 },
  })
  const api = app.withTypeProvider<TypeBoxTypeProvider>()

  api.post(
    '/customers/:id/analyses/files',
    {
      config: { auth: 'project' },
      // The body is multipart: the schema documents it, the handler reads and checks it.
      attachValidation: true,
      schema: {
        tags: ['Analysis'],
        summary: 'Create an analysis from files: bank statements or aggregator exports (extension)',
        description:
          'Formats are detected from each file’s content unless `format` is given. Bad files answer 400 naming the file and the line or path of the first error. The analysis `format` is the files’ format, or the formats joined with `+` (e.g. `OFX+CSV`) when they differ.',
        consumes: ['multipart/form-data'],
        params: CustomerParams,
        body: AnalysisFilesBody,
        response: {
          202: AnalysisResponse,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          413: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      // Only the body's validation is skipped (multipart has no JSON body to check).
      if (request.validationError && request.validationError.validationContext !== 'body') {
        throw request.validationError
      }
      // A declared length over the cap is refused before a byte is read.
      const declared = Number(request.headers['content-length'])
      let form: FilesForm
      try {
        if (declared > limits.totalBytes) throw tooLarge(limits)
        form = await readForm(request, limits)
      } catch (error) {
        // Stop receiving the rest of an oversized upload: close the connection after answering.
        if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') {
          void reply.header('connection', 'close')
        }
        throw error
      }
      const parameters = {
        ...(form.disableScores !== undefined && { disableScores: form.disableScores }),
        ...(form.disableCreditInsights !== undefined && {
          disableCreditInsights: form.disableCreditInsights,
        }),
      }
      const analysis = await createAnalysis(deps, projectOf(request), request.params.id, {
        files: form.files,
        parameters,
      })
      return sendJsonText(reply, analysisToJson(analysis), 202)
    },
  )
}
