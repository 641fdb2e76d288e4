/**
 * The registry of input formats. Every surface (CLI, API, later ones) reads input through
 * `parseInput` (files: text or bytes, format detected from content unless given) or `parseBody`
 * (an already-parsed JSON body, e.g. an HTTP request). To add a format: write its folder
 * (schema.ts, to-model.ts, index.ts) and add one entry to `FORMATS` below.
 */
import { parseAlgoan } from './algoan/index.ts'
import { BI_FORMATS, parseBudgetInsightV2 } from './budget-insight-v2/index.ts'
import { LINXO_FORMATS, parseLinxoConnectV3 } from './linxo-connect-v3/index.ts'
import { mergeAccounts } from './merge.ts'
import { looksLikeCamt, parseCamt } from './statements/camt/index.ts'
import { looksLikeCsv, parseCsv } from './statements/csv/index.ts'
import { looksLikeMt940, parseMt940 } from './statements/mt940/index.ts'
import { looksLikeOfx, parseOfx } from './statements/ofx/index.ts'
import type { AdapterResult } from './result.ts'
import { isObject } from './validate.ts'

export type { AdapterIssue, AdapterResult } from './result.ts'
export { formatIssue, hasErrors } from './result.ts'

/** What a parse returns: the result plus the format that was used. */
export type ParsedInput = AdapterResult & { format: string }

export interface InputFormat {
  /** Public id, as in the API's `format` field or the CLI's `--format` (upper-case). */
  id: string
  /** Other names accepted for `id` (older or vendor spellings), upper-case. */
  aliases?: readonly string[]
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
  {
    id: 'BUDGET_INSIGHT_V2_0',
    aliases: BI_FORMATS,
    kind: 'json',
    detect: ({ json }) => declares(json, BI_FORMATS) || hasConnections(json, 'original_wording'),
    parse: ({ json }) => parseBudgetInsightV2(json),
  },
  {
    id: 'OXLIN_DIRECT_ACCOUNT_API_V3',
    aliases: LINXO_FORMATS,
    kind: 'json',
    detect: ({ json }) =>
      declares(json, LINXO_FORMATS) || hasConnections(json, 'transaction_amount'),
    parse: ({ json }) => parseLinxoConnectV3(json),
  },
  // Statement files. CSV comes last: its detection (a recognisable header row) is the loosest.
  {
    id: 'CAMT',
    aliases: ['CAMT053', 'CAMT_053', 'CAMT052', 'CAMT_052', 'ISO20022'],
    kind: 'text',
    detect: ({ text }) => looksLikeCamt(text.slice(0, 4096)),
    parse: ({ text, bytes }) => parseCamt(bytes ?? text),
  },
  {
    id: 'OFX',
    aliases: ['QFX'],
    kind: 'text',
    detect: ({ text }) => looksLikeOfx(text.slice(0, 4096)),
    parse: ({ text, bytes }) => parseOfx(bytes ?? text),
  },
  {
    id: 'MT940',
    aliases: ['MT-940', 'SWIFT_MT940', 'STA'],
    kind: 'text',
    detect: ({ text }) => looksLikeMt940(text.slice(0, 8192)),
    parse: ({ text, bytes }) => parseMt940(bytes ?? text),
  },
  {
    id: 'CSV',
    kind: 'text',
    detect: ({ text }) => looksLikeCsv(text),
    parse: ({ text, bytes }) => parseCsv(bytes ?? text),
  },
]

export const FORMAT_IDS: readonly string[] = FORMATS.map((format) => format.id)

/** Bank statement file formats (as opposed to aggregator exports). */
export const STATEMENT_FORMATS: readonly string[] = ['CAMT', 'OFX', 'MT940', 'CSV']

/** Whether a body names one of `formats` in its `format` field. */
const declares = (json: unknown, formats: readonly string[]): boolean =>
  isObject(json) && typeof json.format === 'string' && formats.includes(json.format.toUpperCase())

/**
 * Aggregator files saved without their `format` field: `{ connections: [{ accounts: [{
 * transactions: [...] }] }] }` whose first transaction has the format's tell-tale `field`.
 */
const hasConnections = (json: unknown, field: string): boolean => {
  if (!isObject(json) || json.format !== undefined || !Array.isArray(json.connections)) return false
  for (const connection of json.connections) {
    if (!isObject(connection) || !Array.isArray(connection.accounts)) continue
    for (const account of connection.accounts) {
      if (!isObject(account) || !Array.isArray(account.transactions)) continue
      const first: unknown = account.transactions[0]
      if (isObject(first)) return field in first
    }
  }
  return false
}

const findFormat = (id: string): InputFormat | undefined => {
  const upper = id.toUpperCase()
  return FORMATS.find((format) => format.id === upper || format.aliases?.includes(upper))
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

/**
 * Parses several files of one customer (e.g. monthly statements) into one set of accounts: each
 * file as `parseInput` would, then the same account across files merged and the transactions
 * that overlapping files repeat counted once (`duplicatesRemoved`). Issue paths are prefixed with
 * the file name. Any error in any file rejects the whole set: nothing is half-read.
 */
export const parseFiles = (
  files: readonly { content: string | Uint8Array; fileName?: string; format?: string }[],
): ParsedInput & { formats: string[] } => {
  const parsed = files.map((file, index) => {
    const options = {
      ...(file.format === undefined ? {} : { format: file.format }),
      ...(file.fileName === undefined ? {} : { fileName: file.fileName }),
    }
    const result = parseInput(file.content, options)
    const label = file.fileName ?? `file ${index + 1}`
    return {
      ...result,
      issues: result.issues.map((issue) => ({ ...issue, path: `${label}: ${issue.path}` })),
    }
  })
  const issues = parsed.flatMap((result) => result.issues)
  const formats = [...new Set(parsed.map((result) => result.format))]
  const format = formats.join('+')
  if (files.length === 0) return { ...failure('UNKNOWN', '$', 'no file given'), formats }
  if (issues.some((issue) => issue.severity === 'error')) {
    return { format, formats, accounts: [], issues }
  }
  const merged = mergeAccounts(parsed.map((result) => result.accounts))
  const duplicatesRemoved =
    merged.duplicatesRemoved +
    parsed.reduce((sum, result) => sum + (result.duplicatesRemoved ?? 0), 0)
  if (merged.duplicatesRemoved > 0) {
    issues.push({
      path: '$',
      message: `${merged.duplicatesRemoved} transaction(s) repeated by overlapping files were counted once`,
      severity: 'warning',
    })
  }
  return { format, formats, accounts: merged.accounts, issues, duplicatesRemoved }
}
