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

const readBoolean = (name: string, value: string): boolean => {
  if (value === 'true') return true
  if (value === 'false') return false
  throw new AppError('BAD_REQUEST', `${name} must be true or false`)
}

/** Reads every part of the form: files into memory (bounded), the few text fields as given. */
const readForm = async (request: FastifyRequest): Promise<FilesForm> => {
  const form: FilesForm = { files: [] }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        form.files.push({
          content: await part.toBuffer(),
          fileName: part.filename || `file ${form.files.length + 1}`,
        })
        continue
      }
      const value = typeof part.value === 'string' ? part.value.trim() : ''
      if (part.fieldname === 'format') form.format = value
      else if (part.fieldname === 'disableScores')
        form.disableScores = readBoolean(part.fieldname, value)
      else if (part.fieldname === 'disableCreditInsights')
        form.disableCreditInsights = readBoolean(part.fieldname, value)
      else throw new AppError('BAD_REQUEST', `unknown form field "${part.fieldname.slice(0, 40)}"`)
    }
  } catch (error) {
    const code = (error as Partial<FastifyError>).code // multipart errors are FastifyErrors
    if (code !== undefined && LIMIT_CODES.has(code)) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `at most ${MAX_FILES} files of ${MAX_FILE_BYTES / 1024 / 1024} MB each`,
        { cause: error },
      )
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new AppError(
        'BAD_REQUEST',
        'expected a multipart/form-data body with one or more files',
        { cause: error },
      )
    }
    throw error
  }
  if (form.files.length === 0)
    throw new AppError('MISSING_PARAM', 'files is required: one or more files')
  const format = form.format
  if (format !== undefined && format !== '')
    form.files = form.files.map((file) => ({ ...file, format }))
  return form
}

export const analysisFileRoutes: RoutePlugin = async (app, { deps }) => {
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 10, parts: MAX_FILES + 10 },
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
      const form = await readForm(request)
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
