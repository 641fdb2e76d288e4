/**
 * Composition root: the only place that picks the concrete database, queue and server.
 * `createRuntime` opens and migrates the database, starts the queue and assembles the use-case
 * dependencies; `serve` listens; `startWorker` runs the jobs.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { PgBoss } from 'pg-boss'
import { ensureClient } from './app/clients.ts'
import type { Analyser, AppDeps } from './app/ports.ts'
import { withWebhookFanOut } from './app/deliver-webhook.ts'
import type { WebhookDeps } from './app/webhook-ports.ts'
import { createTokenService, type TokenService } from './app/tokens.ts'
import { ANALYSIS_WIRE_CACHE_BYTES, createWireCache } from './app/wire-cache.ts'
import type { Config } from './config/index.ts'
import { createLogger } from './logging/logger.ts'
import { analyse } from './engine/analyse.ts'
import { buildApp } from './http/build-app.ts'
import { analysisJobs } from './jobs/analysis-job.ts'
import { createEnginePool, engineThreadCount, type EnginePool } from './jobs/engine-pool.ts'
import { pgBossJobQueue, requeueOrphanedJobs, startBoss, startWorkers } from './jobs/boss.ts'
import type { JobDefinition } from './jobs/registry.ts'
import type { RoutePlugin } from './http/routes/types.ts'
import { pgBossWebhookQueue, startWebhookSweeper, webhookJobs } from './jobs/webhook-delivery.ts'
import { withScoringFollowUp } from './app/scoring/follow-up.ts'
import type { ScoringDeps } from './app/scoring/ports.ts'
import { scoringCaller } from './app/scoring/hosted-caller.ts'
import { policyRoutes } from './http/routes/policy/routes.ts'
import { scoringV1Routes } from './http/scoring-v1/routes.ts'
import { pgBossScoringQueue, scoringJobs } from './jobs/scoring-job.ts'
import { oauthRoutes } from './http/routes/oauth/routes.ts'
import { subscriptionRoutes } from './http/routes/subscriptions/routes.ts'
import { reportPdfRoutes } from './http/routes/report-pdf/routes.ts'
import { consolePlugin } from './console/plugin.ts'
import { webhookStore } from './store/webhooks.ts'
import type { ReportDeps } from './app/report-api/ports.ts'
import { pgBossReportQueue, reportJobs } from './jobs/report-job.ts'
import { reportStore } from './store/reports.ts'
import { createHostedService, type HostedService } from './hosted/flows.ts'
import { hostedPagePlugin } from './hosted/plugin.ts'
import { riskReportCaller, type RiskReportDeps } from './app/risk-report/flows.ts'
import { riskReportPlugin } from './http/risk-report/plugin.ts'
import { createTargetChecker, createWebhookSender } from './webhooks/delivery.ts'
import {
  createStore,
  migrate,
  openPglite,
  openPostgres,
  type Database,
  type Store,
} from './store/index.ts'

export { DatabaseInUseError } from './store/index.ts'

/**
 * Opens and migrates the configured database, runs `work` on its store, closes it: for
 * one-shot commands that need no queue and no server.
 */
export const withStore = async <T>(
  config: Config,
  work: (store: Store) => Promise<T>,
): Promise<T> => {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl, { max: 1 })
    : await openPglite(config.dataDir)
  try {
    await migrate(db)
    return await work(createStore(db))
  } finally {
    await db.close()
  }
}

export interface Runtime {
  config: Config
  logger: Logger
  db: Database
  store: Store
  boss: PgBoss
  deps: AppDeps
  webhooks: WebhookDeps
  /** The scoring API's use-case dependencies (the same object as `deps`, extended). */
  scoring: ScoringDeps
  /** Re-enqueues webhook events a lost job left waiting; started with the workers. */
  webhookSweeper: { start(): void; stop(): void }
  /** The engine's worker threads; absent when a test runs its own analyser inline. */
  engine: EnginePool | undefined
  tokens: TokenService
  /** The hosted data-sharing page: callers create sessions and plug their hooks in here. */
  hosted: HostedService
  riskReports: RiskReportDeps
  jobs: JobDefinition[]
  /** The Report API's dependencies: `deps` plus its store, queue and retention. */
  reportDeps: ReportDeps
  close(): Promise<void>
}

export const createRuntime = async (
  config: Config,
  options: { logger?: Logger; analyse?: Analyser } = {},
): Promise<Runtime> => {
  const logger = options.logger ?? createLogger(config.logLevel)
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir)
  const applied = await migrate(db)
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated')
  const store = createStore(db)
  // The engine runs on worker threads unless a test hands its own analyser (run inline).
  const engine = options.analyse
    ? undefined
    : createEnginePool({
        threads: engineThreadCount(config.engineThreads),
        // Each worker process runs at most WORKER_CONCURRENCY analyses at once.
        maxQueue: Math.max(4, config.workerConcurrency * 2),
      })
  // The queue port needs the started boss, and the job handlers need the deps: tie the knot
  // with a deps object whose `jobs` is set once the boss is up.
  const deps: AppDeps = {
    inTransaction: store.inTransaction,
    credentials: store.credentials,
    customers: store.customers,
    analyses: store.analyses,
    events: store.events,
    rules: store.rules,
    jobs: {
      enqueueAnalysis: () => Promise.reject(new Error('job queue not started')),
    },
    analyse: options.analyse ?? analyse,
    ...(engine && { compute: engine.run }),
    clock: { now: () => new Date() },
    ids: { next: () => randomBytes(12).toString('hex') },
    limits: {
      maxTransactionsPerAccount: config.maxTransactionsPerAccount,
      maxTransactionsPerCustomer: config.maxTransactionsPerCustomer,
    },
  }
  const sender = createWebhookSender(config.webhooks)
  const webhooks: WebhookDeps = {
    inTransaction: store.inTransaction,
    webhooks: webhookStore(db),
    queue: { enqueueDeliveries: () => Promise.reject(new Error('job queue not started')) },
    sender,
    checkTarget: createTargetChecker(config.webhooks.policy),
    clock: deps.clock,
    ids: deps.ids,
    random: Math.random,
    settings: {
      retry: config.webhooks.retry,
      disableAfterFailedEvents: config.webhooks.disableAfterFailedEvents,
      // an attempt holds its event for its time-out plus the time to record it
      leaseMs: config.webhooks.timeoutMs + 30_000,
    },
  }
  const scoring: ScoringDeps = Object.assign(deps, {
    scorings: store.scorings,
    scoringQueue: {
      enqueueCompletion: () => Promise.reject(new Error('job queue not started')),
    },
    scoringSettings: {
      expiryHours: config.scoring.expiryHours,
      // Ten seconds: a 12-month analysis takes about one; past that the lender reads the status.
      returnWaitMs: 10_000,
    },
    hosted: {
      createSession: () => Promise.reject(new Error('hosted page not started')),
      registerCaller: () => undefined,
      forgetSession: () => Promise.reject(new Error('hosted page not started')),
    },
  })
  // Every domain event is also fanned out to the project's webhook subscriptions, and an ended
  // analysis a scoring waits for completes that scoring.
  deps.events = withScoringFollowUp(withWebhookFanOut(store.events, webhooks), scoring)
  // The same object as `deps` (so it sees the queue set below), plus the Report API's ports.
  const reportDeps: ReportDeps = Object.assign(deps, {
    reports: reportStore(db),
    reportQueue: {
      enqueueReport: () => Promise.reject(new Error('job queue not started')),
    },
    retentionDays: config.reportRetentionDays,
  })
  const jobOptions = {
    expireSeconds: config.jobExpireSeconds,
    heartbeatSeconds: config.jobHeartbeatSeconds,
    retryLimit: config.jobRetryLimit,
    retryDelaySeconds: config.jobRetryDelaySeconds,
    concurrency: config.workerConcurrency,
    logger,
  }
  const jobs = [
    ...analysisJobs(deps, jobOptions),
    ...webhookJobs(webhooks, { timeoutMs: config.webhooks.timeoutMs, logger }),
    ...reportJobs(reportDeps, jobOptions),
    ...scoringJobs(scoring, logger),
  ]
  const boss = await startBoss(db.boss, jobs, logger)
  if (db.kind === 'pglite') {
    // One process per data directory: jobs still active were this process's, before it died.
    const requeued = await requeueOrphanedJobs(
      boss,
      db,
      jobs.map((job) => job.name),
    )
    if (requeued > 0) logger.warn({ jobs: requeued }, 'jobs of a stopped process requeued')
  }
  deps.jobs = pgBossJobQueue(boss)
  reportDeps.reportQueue = pgBossReportQueue(boss)
  webhooks.queue = pgBossWebhookQueue(boss)
  scoring.scoringQueue = pgBossScoringQueue(boss)
  // A configured key is never written to the database, and a key generated there before is
  // removed: tokens it signed stop working (docs/token-keys.md).
  if (config.tokenSecret !== undefined) await store.credentials.forgetSigningSecret()
  const signingSecret = config.tokenSecret ?? (await store.credentials.signingSecret())
  const tokens = createTokenService({
    credentials: store.credentials,
    clock: deps.clock,
    secret: signingSecret,
    accessSeconds: config.accessTokenSeconds,
    refreshSeconds: config.refreshTokenSeconds,
  })
  // The hosted page's links are signed with a key of their own, derived from the token key:
  // an API token can never pass for a link, nor the reverse.
  const hosted = createHostedService({
    store: store.hostedFlows,
    clock: deps.clock,
    key: createHmac('sha256', signingSecret).update('creditlens hosted page links').digest(),
  })
  const riskReports: RiskReportDeps = { app: deps, store: store.riskReports, hosted }
  hosted.registerCaller(riskReportCaller(riskReports))
  scoring.hosted = hosted
  hosted.registerCaller(scoringCaller(scoring))
  if (config.bootstrapClient) {
    const created = await ensureClient(deps, {
      clientId: config.bootstrapClient.id,
      clientSecret: config.bootstrapClient.secret,
      name: 'bootstrap',
      usesConnector: config.connectorMode,
    })
    if (created) logger.info({ clientId: config.bootstrapClient.id }, 'bootstrap client created')
  }
  let stopSweeper = (): void => undefined
  const webhookSweeper = {
    start: () => {
      stopSweeper = startWebhookSweeper(webhooks, config.webhooks.sweepIntervalMs, logger)
    },
    stop: () => stopSweeper(),
  }
  let closed = false
  return {
    config,
    logger,
    db,
    store,
    boss,
    deps,
    webhooks,
    scoring,
    webhookSweeper,
    engine,
    tokens,
    hosted,
    riskReports,
    jobs,
    reportDeps,
    close: async () => {
      if (closed) return
      closed = true
      webhookSweeper.stop()
      // Graceful: running batches finish (a job failed here would spend one of its retries).
      await boss.stop({ graceful: true, timeout: config.shutdownTimeoutSeconds * 1000 })
      await engine?.close()
      await sender.close()
      await db.close()
    },
  }
}

/**
 * Webhook resources: under /v2, and under /v1 with the token endpoint (Algoan's Node SDK); the
 * decision policy and affordability what-if under /v2; the scoring API at /v1/scoring.
 */
const webhookRoutes = (runtime: Runtime) => {
  const subscriptions = subscriptionRoutes(runtime.webhooks)
  return {
    extraRoutes: [subscriptions, policyRoutes(runtime.scoring)],
    v1Routes: [
      oauthRoutes,
      subscriptions,
      scoringV1Routes(runtime.scoring, runtime.config.publicUrl),
    ],
    reportApi: { deps: runtime.reportDeps, publicUrl: runtime.config.publicUrl },
  }
}

/** The analyst console at /console, and the decision file PDF over the API. */
const consoleParts = (runtime: Runtime) => ({
  pages: [
    {
      prefix: '/console',
      plugin: consolePlugin({
        ...runtime.deps,
        console: runtime.store.console,
        rules: runtime.store.rules,
      }),
    },
  ],
  extraRoutes: [reportPdfRoutes(runtime.store.console)],
})

/** Merges the extra route lists of several modules. */
const withExtraRoutes = (
  ...parts: { extraRoutes?: RoutePlugin[]; v1Routes?: RoutePlugin[] }[]
) => ({
  extraRoutes: parts.flatMap((part) => part.extraRoutes ?? []),
  v1Routes: parts.flatMap((part) => part.v1Routes ?? []),
})
/** Surfaces with their own error shape and plugins: the hosted page (and its callers' APIs). */
const surfaces = (runtime: Runtime) => [
  async (app: FastifyInstance) => {
    await app.register(hostedPagePlugin, {
      service: runtime.hosted,
      secureCookies: runtime.config.publicUrl?.startsWith('https://') ?? false,
    })
  },
  async (app: FastifyInstance) => {
    await app.register(riskReportPlugin, {
      deps: runtime.riskReports,
      publicUrl: runtime.config.publicUrl,
    })
  },
]

/** Builds the HTTP app on a runtime (without listening). */
export const createHttpApp = (runtime: Runtime): Promise<FastifyInstance> => {
  runtime.deps.analysisWire ??= createWireCache(ANALYSIS_WIRE_CACHE_BYTES)
  return buildApp({
    deps: runtime.deps,
    tokens: runtime.tokens,
    isReady: runtime.store.isReady,
    bodyLimitBytes: runtime.config.bodyLimitBytes,
    uploadLimitBytes: runtime.config.uploadLimitBytes,
    rateLimitPerMinute: runtime.config.rateLimitPerMinute,
    logger: runtime.logger,
    ...withExtraRoutes(webhookRoutes(runtime), consoleParts(runtime)),
    reportApi: webhookRoutes(runtime).reportApi,
    pages: consoleParts(runtime).pages,
    surfaces: surfaces(runtime),
  })
}

/** Starts the job workers of this process, and the webhooks sweeper. */
export const startWorker = async (runtime: Runtime): Promise<void> => {
  runtime.engine?.start()
  await startWorkers(runtime.boss, runtime.jobs)
  runtime.webhookSweeper.start()
}

/** Listens on the configured host and port; returns the app and its address. */
export const serve = async (runtime: Runtime): Promise<{ app: FastifyInstance; url: string }> => {
  // One wire cache for the routes and this process's worker, which primes what it completes.
  runtime.deps.analysisWire ??= createWireCache(ANALYSIS_WIRE_CACHE_BYTES)
  const app = await buildApp({
    deps: runtime.deps,
    tokens: runtime.tokens,
    isReady: runtime.store.isReady,
    bodyLimitBytes: runtime.config.bodyLimitBytes,
    uploadLimitBytes: runtime.config.uploadLimitBytes,
    rateLimitPerMinute: runtime.config.rateLimitPerMinute,
    logger: runtime.logger,
    ...withExtraRoutes(webhookRoutes(runtime), consoleParts(runtime)),
    reportApi: webhookRoutes(runtime).reportApi,
    pages: consoleParts(runtime).pages,
    surfaces: surfaces(runtime),
  })
  const url = await app.listen({ port: runtime.config.port, host: runtime.config.host })
  return { app, url }
}

/**
 * `creditlens migrate`: applies the pending migrations and installs or upgrades the job queue's
 * schema, then closes. Run it once per upgrade before starting the new API and worker processes
 * (they also migrate at start, one at a time under an advisory lock, so it is a safeguard).
 */
export const migrateDatabase = async (config: Config): Promise<{ applied: string[] }> => {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl, { max: 1 })
    : await openPglite(config.dataDir)
  try {
    const applied = await migrate(db)
    const boss = await startBoss(db.boss, [], createLogger(config.logLevel))
    await boss.stop({ graceful: false, timeout: 1_000 })
    return { applied }
  } finally {
    await db.close()
  }
}
