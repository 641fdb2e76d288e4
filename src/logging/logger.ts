/**
 * The one logger of a process, shared by the HTTP server and the job workers. Log lines carry
 * ids, codes and timings, never bank data, personal details or secrets (STYLE.md §6):
 *
 * - errors go through `serializeError` (name, code, message without values);
 * - requests are logged as method, path (no query string: it can hold a customer id or a
 *   filter), request id and address; never headers or bodies;
 * - anything else a caller passes under a name that usually holds data (`query`, `params`,
 *   `body`, `secret`, `authorization` …) is replaced by `[redacted]` as a last line of defence.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino'
import { serializeError } from './safe-error.ts'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

const SENSITIVE_KEYS = [
  'query',
  'params',
  'parameters',
  'body',
  'payload',
  'detail',
  'where',
  'internalQuery',
  'secret',
  'password',
  'token',
  'authorization',
  'headers',
]

/** A request without its query string. */
export const pathOf = (url: string | undefined): string => (url ?? '').split('?')[0] ?? ''

interface RequestLike {
  method?: string
  url?: string
  id?: string
  ip?: string
}

/** Options of every logger we create; exported for tests that capture the output. */
export const loggerOptions = (level: LogLevel): LoggerOptions => ({
  level,
  serializers: {
    err: serializeError,
    error: serializeError,
    req: (request: RequestLike) => ({
      method: request.method,
      url: pathOf(request.url),
      remoteAddress: request.ip,
    }),
    res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
  },
  redact: {
    paths: SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`]),
    censor: '[redacted]',
  },
})

/** The process logger; `destination` defaults to stdout. */
export const createLogger = (level: LogLevel, destination?: DestinationStream): Logger =>
  destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level))
