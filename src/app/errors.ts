/**
 * The one error class of the application layer and the catalogue of every public error code.
 * The HTTP error plugin maps `kind` to a status; `docs/error-codes.md` lists every code (a test
 * keeps the two in sync).
 */

export type ErrorKind =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'state'
  | 'too_large'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal'

/** Every public error code, with its kind and what it means. Never rename a shipped code. */
export const ERROR_CODES = {
  MISSING_PARAM: { kind: 'invalid_input', meaning: 'A required parameter is missing' },
  BAD_REQUEST: { kind: 'invalid_input', meaning: 'A parameter does not respect the format' },
  UNAUTHORIZED: { kind: 'unauthorized', meaning: 'The Authorization header is wrong or missing' },
  FORBIDDEN: { kind: 'forbidden', meaning: 'You cannot do this with this resource' },
  NOT_FOUND: { kind: 'not_found', meaning: 'The called API does not exist' },
  UNKNOWN_ENTITY: { kind: 'not_found', meaning: 'The provided identifier has not been found' },
  ALREADY_EXISTS: { kind: 'conflict', meaning: 'The entity you are creating already exists' },
  INVALID_STATUS_TRANSITION: {
    kind: 'forbidden',
    meaning: 'The resource cannot move from its current status to the one asked',
  },
  PRODUCT_DISABLED: {
    kind: 'not_found',
    meaning: 'The result was not computed: its product was disabled in the analysis parameters',
  },
  ANALYSIS_IN_ERROR: {
    kind: 'state',
    meaning: 'The analysis ended in status ERROR: it has no such result',
  },
  TRANSACTION_LIMIT_REACHED: {
    kind: 'conflict',
    meaning: 'The upload would take the customer past the transactions it may have stored',
  },
  PAYLOAD_TOO_LARGE: { kind: 'too_large', meaning: 'The request body exceeds the size limit' },
  TOO_MANY_REQUESTS: { kind: 'too_many_requests', meaning: 'Rate limit of the client exceeded' },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', meaning: 'The database cannot be reached' },
  INTERNAL_SERVER_ERROR: { kind: 'internal', meaning: 'An internal error occurred' },
} as const satisfies Record<string, { kind: ErrorKind; meaning: string }>

export type ErrorCode = keyof typeof ERROR_CODES

/** An expected failure of a use case: a stable `code`, a user-facing `message`. */
export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly kind: ErrorKind

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.kind = ERROR_CODES[code].kind
  }
}

export const unknownEntity = (what: string): AppError =>
  new AppError('UNKNOWN_ENTITY', `${what} not found`)

export const badRequest = (message: string): AppError => new AppError('BAD_REQUEST', message)

/** Our ids are short url-safe strings; anything else cannot exist (and must not reach SQL). */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Whether `id` can be one of ours (anything else must not reach SQL). */
export const isId = (id: string): boolean => ID_PATTERN.test(id)

/** Throws UNKNOWN_ENTITY for an id that cannot be one of ours (malformed ids answer 404). */
export const checkId = (id: string, what: string): void => {
  if (!ID_PATTERN.test(id)) throw unknownEntity(what)
}
