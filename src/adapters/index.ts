/**
 * The registry of input formats. Every surface (CLI, API, later ones) reads input through
 * `parseInput` (files: text or bytes, format detected from content unless given) or `parseBody`
 * (an already-parsed JSON body, e.g. an HTTP request). To add a format: write its folder
 * (schema.ts, to-model.ts, index.ts) and add one entry to `FORMATS` below.
 */
import { parseAlgoan } from './algoan/index.ts'
import type { AdapterResult } from './result.ts'
import { isObject } from './validate.ts'

export type { AdapterIssue, AdapterResult } from './result.ts'
export { formatIssue, hasErrors } from './result.ts'

/** What a parse returns: the result plus the format that was used. */
export type ParsedInput = AdapterResult & { format: string }

export interface InputFormat {
  /** Public id, as in the API's `format` field or the CLI's `--format` (upper-case). */
  id: string
  /** A JSON format reads a parsed body; a text format reads the file's text and bytes. */
  kind: 'json' | 'text'
  /** Whether this format recognises the content (JSON body already parsed for json formats). */
  detect: (input: { json?: unknown; text: string; fileName?: string }) => boolean
  parse: (input: {
    json?: unknown
    text: string
    bytes?: Uint8Array
    fileName?: string
  }) => AdapterResult
}

export const FORMATS: readonly InputFormat[] = [
  {
    id: 'ALGOAN',
    kind: 'json',
    detect: ({ json }) =>
      isObject(json) &&
      (json.format === 'ALGOAN' || (json.format === undefined && Array.isArray(json.accounts))),
    parse: ({ json }) => parseAlgoan(json),
  },
]

export const FORMAT_IDS: readonly string[] = FORMATS.map((format) => format.id)

const findFormat = (id: string): InputFormat | undefined => {
  const upper = id.toUpperCase()
  return FORMATS.find((format) => format.id === upper)
}

const failure = (format: string, path: string, message: string): ParsedInput => ({
  format,
  accounts: [],
  issues: [{ path, message, severity: 'error' }],
})

const unknownFormat = (format: string): ParsedInput =>
  failure(format, 'format', `unknown format "${format}"; accepted: ${FORMAT_IDS.join(', ')}`)

/**
 * Parses an already-parsed JSON body (e.g. `POST /v2/customers/{id}/analyses`). The format is the
 * given one, else the body's `format` field, else ALGOAN.
 */
export const parseBody = (body: unknown, format?: string): ParsedInput => {
  const declared =
    format ?? (isObject(body) && typeof body.format === 'string' ? body.format : 'ALGOAN')
  const found = findFormat(declared)
  if (found === undefined || found.kind !== 'json') return unknownFormat(declared)
  return { format: found.id, ...found.parse({ json: body, text: '' }) }
}

/**
 * Parses a file's content (CLI, file uploads). The format is the given one, else detected from
 * the content. Never throws: unreadable content comes back as an issue.
 *
 * @example parseInput(readFileSync('harry.json'), { fileName: 'harry.json' })
 */
export const parseInput = (
  input: string | Uint8Array,
  options: { format?: string; fileName?: string } = {},
): ParsedInput => {
  const bytes = typeof input === 'string' ? undefined : input
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input)
  const trimmed = text.trimStart()
  if (trimmed.length === 0) return failure(options.format ?? 'UNKNOWN', '$', 'the file is empty')

  let json: unknown
  let jsonError: string | undefined
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      json = JSON.parse(text)
    } catch (error) {
      jsonError = error instanceof Error ? error.message : String(error)
    }
  }
  const fileName = options.fileName
  const detectInput = {
    text,
    ...(json === undefined ? {} : { json }),
    ...(fileName === undefined ? {} : { fileName }),
  }
  const parseWith = (format: InputFormat): ParsedInput => {
    if (format.kind === 'json' && json === undefined) {
      return failure(
        format.id,
        '$',
        `not valid JSON${jsonError === undefined ? '' : `: ${jsonError}`}`,
      )
    }
    return {
      format: format.id,
      ...format.parse({ ...detectInput, ...(bytes === undefined ? {} : { bytes }) }),
    }
  }

  if (options.format !== undefined) {
    const found = findFormat(options.format)
    return found === undefined ? unknownFormat(options.format) : parseWith(found)
  }
  const detected = FORMATS.find(
    (format) => (format.kind === 'json') === (json !== undefined) && format.detect(detectInput),
  )
  if (detected !== undefined) return parseWith(detected)
  if (jsonError !== undefined) return failure('UNKNOWN', '$', `not valid JSON: ${jsonError}`)
  return failure(
    'UNKNOWN',
    '$',
    `cannot recognise the format of this file; give it with --format (${FORMAT_IDS.join(', ')})`,
  )
}
