/**
 * What an error may carry into a log line: its name, code and message, never the values it was
 * about. Database errors are the dangerous ones: PGlite attaches the SQL and every parameter
 * (`query`, `params`), `pg` and PGlite both the offending row or value (`detail`, `where`,
 * `internalQuery`), and PostgreSQL quotes values in messages (`invalid input syntax for type
 * integer: "…"`). pino's standard serializer copies every enumerable property, so one NUL byte
 * in a description once wrote the whole upload to the log.
 */

export interface SafeError {
  type: string
  message: string
  code?: string
  /** Schema names only (never values): where a database error happened. */
  table?: string
  column?: string
  constraint?: string
  routine?: string
  stack?: string
  cause?: SafeError
}

/** Properties that only database errors have; any one of them marks an error as one. */
const DATABASE_MARKERS = [
  'severity',
  'routine',
  'internalQuery',
  'query',
  'params',
  'parameters',
] as const

/** Nested causes followed at most this deep (a cycle must not loop). */
const MAX_CAUSES = 5
/** Longest message kept: a message is a sentence, not a payload. */
const MAX_MESSAGE = 300

const stringField = (value: object, key: string): string | undefined => {
  const field: unknown = (value as Record<string, unknown>)[key]
  return typeof field === 'string' && field !== '' ? field : undefined
}

/** True for the error objects of `pg` and PGlite (they share pg-protocol's fields). */
export const isDatabaseError = (error: unknown): error is Error =>
  typeof error === 'object' && error !== null && DATABASE_MARKERS.some((key) => key in error)

/**
 * The message of a database error without values: quoted parts blanked, and whatever follows
 * the first colon dropped (`invalid byte sequence for encoding "…"`, `invalid input syntax for
 * type integer`). Enough to know what failed; the values stay in the request, not in the log.
 */
export const databaseMessage = (message: string): string =>
  `database error: ${message.replace(/"[^"]*"/g, '"…"').replace(/:.*$/s, '')}`.slice(0, MAX_MESSAGE)

/** A message safe to log or to keep (e.g. as a failed job's output) for any thrown value. */
export const safeErrorMessage = (error: unknown): string => {
  if (isDatabaseError(error)) return databaseMessage(error.message)
  if (error instanceof Error) return error.message.slice(0, MAX_MESSAGE)
  return typeof error === 'string' ? error.slice(0, MAX_MESSAGE) : 'non-error thrown'
}

/** The pino `err` serializer: a whitelist of fields, database errors stripped of values. */
export const serializeError = (error: unknown, depth = 0): SafeError => {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error, message: safeErrorMessage(error) }
  }
  const isDatabase = isDatabaseError(error)
  const name = error instanceof Error ? error.constructor.name || error.name : 'Object'
  const safe: SafeError = { type: isDatabase ? 'DatabaseError' : name, message: '' }
  safe.message = safeErrorMessage(error)
  const code = stringField(error, 'code')
  if (code !== undefined) safe.code = code.slice(0, 64)
  if (isDatabase) {
    for (const key of ['table', 'column', 'constraint', 'routine'] as const) {
      const value = stringField(error, key)
      if (value !== undefined) safe[key] = value.slice(0, 64)
    }
  } else if (error instanceof Error && typeof error.stack === 'string') {
    // The first line of a stack repeats the message; the frames say where.
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line))
    safe.stack = [`${safe.type}: ${safe.message}`, ...frames].join('\n')
  }
  const cause: unknown = (error as { cause?: unknown }).cause
  if (cause !== undefined && depth < MAX_CAUSES) safe.cause = serializeError(cause, depth + 1)
  return safe
}
