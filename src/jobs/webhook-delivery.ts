/**
 * The webhook delivery job: payload `{ eventId }`, one HTTP attempt per job. A failed attempt is
 * not a failed job: the use case schedules the next attempt as a new job on our retry schedule
 * and logs every attempt, so pg-boss only retries a handler that crashed (database unreachable).
 * A sweeper in each worker re-enqueues events a lost job left waiting.
 */
import type { JobResult, PgBoss } from 'pg-boss'
import { deliverWebhookEvents, sweepWebhookDeliveries } from '../app/deliver-webhook.ts'
import type { WebhookDeps, WebhookQueue } from '../app/webhook-ports.ts'
import type { JobDefinition } from './registry.ts'

export const WEBHOOK_QUEUE = 'webhook-delivery'

/**
 * How long a job goes on with the next events of the same customer. Its last attempt may start
 * just before and last a time-out: 30 s keeps the job within its expiry (time-out + 60 s).
 */
const CHAIN_BUDGET_MS = 30_000

export interface WebhookJobOptions {
  /** Time-out of one HTTP attempt. */
  timeoutMs: number
  logger: { error(object: object, message: string): void }
}

const eventIdOf = (data: object): string | undefined =>
  'eventId' in data && typeof data.eventId === 'string' ? data.eventId : undefined

export const webhookJobs = (deps: WebhookDeps, options: WebhookJobOptions): JobDefinition[] => [
  {
    name: WEBHOOK_QUEUE,
    queue: {
      retryLimit: 5,
      retryDelay: 5,
      retryBackoff: true,
      // One attempt's time-out plus two short transactions; a job past that is a dead worker's.
      expireInSeconds: Math.ceil(options.timeoutMs / 1000) + 60,
      // wake workers on PostgreSQL as soon as a delivery is enqueued, not at their next poll
      notify: true,
    },
    work: {
      // Attempts wait on the network, not the CPU: a batch runs its attempts side by side.
      batchSize: 8,
      burstWhenBatchFull: true,
      // The floor pg-boss accepts; on PostgreSQL LISTEN/NOTIFY wakes workers sooner.
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 5,
    },
    handle: (jobs) =>
      Promise.all(
        jobs.map(async (job): Promise<JobResult> => {
          const eventId = eventIdOf(job.data)
          try {
            if (eventId !== undefined) await deliverWebhookEvents(deps, eventId, CHAIN_BUDGET_MS)
            return { id: job.id, status: 'completed' }
          } catch (error) {
            options.logger.error({ err: error, eventId }, 'webhook job failed')
            const message = error instanceof Error ? error.message : 'unknown error'
            return { id: job.id, status: 'failed', output: { message } }
          }
        }),
      ),
  },
]

/** The `WebhookQueue` port: delivery jobs are inserted through the caller's transaction. */
export const pgBossWebhookQueue = (boss: PgBoss): WebhookQueue => ({
  enqueueDeliveries: async (tx, eventIds, startAfter) => {
    if (eventIds.length === 0) return
    await boss.insert(
      WEBHOOK_QUEUE,
      eventIds.map((eventId) => ({ data: { eventId }, ...(startAfter && { startAfter }) })),
      { db: { executeSql: (text, values) => tx.query(text, values) } },
    )
  },
})

/**
 * Runs `sweepWebhookDeliveries` every `intervalMs`, for events idle that long. Returns the stop
 * function. The timer does not keep the process alive.
 */
export const startWebhookSweeper = (
  deps: WebhookDeps,
  intervalMs: number,
  logger: WebhookJobOptions['logger'],
): (() => void) => {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sweepWebhookDeliveries(deps, intervalMs)
      .catch((error: unknown) => logger.error({ err: error }, 'webhook sweep failed'))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
