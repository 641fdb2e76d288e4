/**
 * Configuration read from the environment once, at start, into a typed `Config`. A bad value
 * stops the start with a message naming the variable; nothing else in src reads `process.env`.
 */
import { readFileSync } from 'node:fs'
import { ConfigError } from './error.ts'
import { loadWebhookConfig, type WebhookConfig } from './webhooks.ts'
import { loadScoringConfig, type ScoringConfig } from './scoring.ts'

export interface Config {
  port: number
  host: string
  /** PGlite data directory, used when `databaseUrl` is not set. */
  dataDir: string
  /** `postgres://…`: PostgreSQL instead of the embedded PGlite. */
  databaseUrl: string | undefined
  bootstrapClient: { id: string; secret: string } | undefined
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /**
   * HS256 signing key for tokens (`TOKEN_SIGNING_KEY`, `TOKEN_SIGNING_KEY_FILE`, or the older
   * `TOKEN_SECRET`); when unset one is generated and kept in the database.
   */
  tokenSecret: string | undefined
  accessTokenSeconds: number
  refreshTokenSeconds: number
  bodyLimitBytes: number
  /** Bytes a multipart upload (every file together) may carry; enforced while it streams. */
  uploadLimitBytes: number
  maxTransactionsPerAccount: number
  /** Transactions a customer may have stored, every account and upload together. */
  maxTransactionsPerCustomer: number
  /** Engine worker threads; 0: one less than the cores (at least one). */
  engineThreads: number
  /** Requests per client per minute; 0 disables the limit. */
  rateLimitPerMinute: number
  /** Seconds a running analysis job may take before it is considered lost and retried. */
  jobExpireSeconds: number
  /**
   * A running analysis job whose worker stopped refreshing it for this many seconds is retried
   * (pg-boss heartbeat, 10 at least); 0 leaves only the expiry.
   */
  jobHeartbeatSeconds: number
  /** Retries of an analysis job before the analysis ends in ERROR INTERNAL_ERROR. */
  jobRetryLimit: number
  /** Base delay between retries (exponential backoff), seconds. */
  jobRetryDelaySeconds: number
  /** Analysis jobs one worker runs at the same time. */
  workerConcurrency: number
  /**
   * On SIGTERM, how long a worker waits for the jobs it holds (its batch) before giving them
   * back as failed attempts; keep it below the orchestrator's grace period (Kubernetes: 30 s).
   */
  shutdownTimeoutSeconds: number
  /** `development` prints how to get a token at start. */
  environment: 'development' | 'production' | 'test'
  /** `WEBHOOK_*` variables: see config/webhooks.ts. */
  webhooks: WebhookConfig
  /**
   * The service's public base URL (`PUBLIC_URL`, e.g. `https://credit.example.com`), for the
   * absolute links of the Report API and the hosted page; when unset, links are built from the
   * address each request came to.
   */
  publicUrl: string | undefined
  /** Days a Report API report is kept before it answers 410 GONE (`REPORT_RETENTION_DAYS`). */
  reportRetentionDays: number
  /**
   * `CONNECTOR_MODE=true`: projects created while it is set (`clients create` without
   * `--no-connector`, the bootstrap and the development first client) use a connector.
   */
  connectorMode: boolean
  /** `SCORING_EXPIRY_HOURS`: see config/scoring.ts. */
  scoring: ScoringConfig
}

export { ConfigError }

type Env = Readonly<Record<string, string | undefined>>

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
const ENVIRONMENTS = ['development', 'production', 'test'] as const

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

const oneOf = <T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T => {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const found = values.find((value) => value === raw)
  if (found === undefined) {
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`)
  }
  return found
}

const optional = (env: Env, name: string): string | undefined => {
  const raw = env[name]
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim()
}

/** Shortest signing key: HS256 wants at least 256 bits. */
const MIN_SIGNING_KEY_LENGTH = 32

/**
 * The token signing key: `TOKEN_SIGNING_KEY` itself, or read from the file `TOKEN_SIGNING_KEY_FILE`
 * names (a mounted secret), or `TOKEN_SECRET` (its older name). One of them at most.
 */
const signingKey = (env: Env): string | undefined => {
  const values = {
    TOKEN_SIGNING_KEY: optional(env, 'TOKEN_SIGNING_KEY'),
    TOKEN_SIGNING_KEY_FILE: optional(env, 'TOKEN_SIGNING_KEY_FILE'),
    TOKEN_SECRET: optional(env, 'TOKEN_SECRET'),
  }
  const given = Object.entries(values).filter(([, value]) => value !== undefined)
  if (given.length > 1) {
    throw new ConfigError(`set only one of ${given.map(([name]) => name).join(', ')}`)
  }
  const [name, value] = given[0] ?? []
  if (name === undefined || value === undefined) return undefined
  let key = value
  if (name === 'TOKEN_SIGNING_KEY_FILE') {
    try {
      key = readFileSync(key, 'utf8').trim()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable' // fs errors carry a code
      throw new ConfigError(`TOKEN_SIGNING_KEY_FILE cannot be read (${code})`)
    }
  }
  if (key.length < MIN_SIGNING_KEY_LENGTH) {
    throw new ConfigError(`${name} must be at least ${MIN_SIGNING_KEY_LENGTH} characters`)
  }
  return key
}

/** pg-boss refuses a heartbeat under 10 seconds; 0 turns it off. */
const heartbeat = (env: Env): number => {
  const seconds = integer(env, 'JOB_HEARTBEAT_SECONDS', 10, 0, 3_600)
  if (seconds > 0 && seconds < 10) {
    throw new ConfigError(`JOB_HEARTBEAT_SECONDS must be 0 or at least 10, got "${seconds}"`)
  }
  return seconds
}

/** Reads and validates the configuration; throws `ConfigError` on the first bad value. */
export const loadConfig = (env: Env): Config => {
  const databaseUrl = optional(env, 'DATABASE_URL')
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://')
  }
  const clientId = optional(env, 'BOOTSTRAP_CLIENT_ID')
  const clientSecret = optional(env, 'BOOTSTRAP_CLIENT_SECRET')
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    throw new ConfigError('BOOTSTRAP_CLIENT_ID and BOOTSTRAP_CLIENT_SECRET must be set together')
  }
  if (clientSecret !== undefined && clientSecret.length < 16) {
    throw new ConfigError('BOOTSTRAP_CLIENT_SECRET must be at least 16 characters')
  }
  const tokenSecret = signingKey(env)
  const environment = oneOf(env, 'NODE_ENV', ENVIRONMENTS, 'development')
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    dataDir: optional(env, 'DATA_DIR') ?? './data',
    databaseUrl,
    bootstrapClient:
      clientId !== undefined && clientSecret !== undefined
        ? { id: clientId, secret: clientSecret }
        : undefined,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    tokenSecret,
    accessTokenSeconds: integer(env, 'ACCESS_TOKEN_SECONDS', 86_400, 60, 31_536_000),
    refreshTokenSeconds: integer(env, 'REFRESH_TOKEN_SECONDS', 864_000, 60, 31_536_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 1024 ** 3),
    uploadLimitBytes: integer(env, 'UPLOAD_LIMIT_BYTES', 50 * 1024 * 1024, 1024, 1024 ** 3),
    maxTransactionsPerAccount: integer(env, 'MAX_TRANSACTIONS_PER_ACCOUNT', 10_000, 1, 1_000_000),
    maxTransactionsPerCustomer: integer(env, 'MAX_TRANSACTIONS_PER_CUSTOMER', 100_000, 1, 1e7),
    engineThreads: integer(env, 'ENGINE_THREADS', 0, 0, 64),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 6_000, 0, 10_000_000),
    jobExpireSeconds: integer(env, 'JOB_EXPIRE_SECONDS', 300, 1, 86_400),
    jobHeartbeatSeconds: heartbeat(env),
    jobRetryLimit: integer(env, 'JOB_RETRY_LIMIT', 3, 0, 100),
    jobRetryDelaySeconds: integer(env, 'JOB_RETRY_DELAY_SECONDS', 2, 0, 3_600),
    workerConcurrency: integer(env, 'WORKER_CONCURRENCY', 2, 1, 64),
    shutdownTimeoutSeconds: integer(env, 'SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 3_600),
    environment,
    webhooks: loadWebhookConfig(env, environment === 'production'),
    publicUrl: publicUrl(env),
    reportRetentionDays: integer(env, 'REPORT_RETENTION_DAYS', 30, 1, 3_650),
    connectorMode: oneOf(env, 'CONNECTOR_MODE', ['true', 'false'], 'false') === 'true',
    scoring: loadScoringConfig(env),
  }
}

/** `PUBLIC_URL`: an http(s) URL without query or fragment; kept without its trailing slash. */
const publicUrl = (env: Env): string | undefined => {
  const raw = optional(env, 'PUBLIC_URL')
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError(
      `PUBLIC_URL must be an http(s) URL without query or fragment, got "${raw}"`,
    )
  }
  return raw.replace(/\/+$/, '')
}
