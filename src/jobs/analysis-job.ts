/**
 * The analysis job: payload `{ analysisId }` only (the data is in the database). Retried with
 * exponential backoff when it throws or its worker dies (expiry); after the last retry pg-boss
 * moves it to the dead-letter queue, whose handler ends the analysis in ERROR INTERNAL_ERROR.
 */
import type { JobResult } from 'pg-boss'
import { failAnalysis, runAnalysis } from '../app/run-analysis.ts'
import type { AppDeps } from '../app/ports.ts'
import { safeErrorMessage } from '../logging/safe-error.ts'
import type { JobDefinition } from './registry.ts'

export const ANALYSIS_QUEUE = 'analysis'
export const ANALYSIS_FAILED_QUEUE = 'analysis-failed'

export interface AnalysisJobOptions {
  expireSeconds: number
  /** A running job not refreshed for this long counts as lost (its worker died); 0: none. */
  heartbeatSeconds: number
  retryLimit: number
  retryDelaySeconds: number
  concurrency: number
  logger: {
    info(object: object, message: string): void
    error(object: object, message: string): void
  }
}

const analysisIdOf = (data: object): string | undefined =>
  'analysisId' in data && typeof data.analysisId === 'string' ? data.analysisId : undefined

const work = {
  // Batches of 4 with burst: a backlog drains continuously instead of one job per poll.
  batchSize: 4,
  burstWhenBatchFull: true,
  // Half a second: the floor pg-boss accepts; on PostgreSQL LISTEN/NOTIFY wakes workers sooner.
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 5,
}

export const analysisJobs = (deps: AppDeps, options: AnalysisJobOptions): JobDefinition[] => [
  {
    name: ANALYSIS_FAILED_QUEUE,
    queue: { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 60, notify: true },
    work: { ...work, localConcurrency: 1 },
    handle: async (jobs) =>
      Promise.all(
        jobs.map(async (job): Promise<JobResult> => {
          const analysisId = analysisIdOf(job.data)
          if (analysisId !== undefined) await failAnalysis(deps, analysisId)
          return { id: job.id, status: 'completed' }
        }),
      ),
  },
  {
    name: ANALYSIS_QUEUE,
    queue: {
      expireInSeconds: options.expireSeconds,
      // A killed worker's job is retried once its heartbeat is this old, not after the expiry.
      ...(options.heartbeatSeconds > 0 && { heartbeatSeconds: options.heartbeatSeconds }),
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: ANALYSIS_FAILED_QUEUE,
      // PostgreSQL: a NOTIFY at commit wakes workers at once (pg-boss's LISTEN/NOTIFY).
      notify: true,
    },
    work: { ...work, localConcurrency: options.concurrency },
    handle: async (jobs) => {
      const results: JobResult[] = []
      // One at a time within a batch: the engine is CPU-bound, parallelism comes from workers.
      for (const job of jobs) {
        const analysisId = analysisIdOf(job.data)
        try {
          options.logger.info({ analysisId, attempt: job.retryCount }, 'analysis job started')
          if (analysisId !== undefined) {
            await runAnalysis(deps, analysisId, { attempt: job.retryCount })
          }
          results.push({ id: job.id, status: 'completed' })
        } catch (error) {
          // Logged with the analysis id only, never with bank data.
          options.logger.error(
            { err: error, analysisId, attempt: job.retryCount },
            'analysis job failed',
          )
          results.push({
            id: job.id,
            status: 'failed',
            output: { message: safeErrorMessage(error) },
          })
        }
      }
      return results
    },
  },
]
