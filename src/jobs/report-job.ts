/**
 * The Report API's processing job: payload `{ reportId }` only. Retried like the analysis job;
 * after the last retry the dead-letter handler ends the report `failed` (TIMEOUT_PROCESSING).
 */
import type { JobResult, PgBoss } from 'pg-boss'
import type { ReportDeps, ReportQueue } from '../app/report-api/ports.ts'
import { failReport, runReport } from '../app/reports.ts'
import type { Tx } from '../app/ports.ts'
import { safeErrorMessage } from '../logging/safe-error.ts'
import type { AnalysisJobOptions } from './analysis-job.ts'
import { wakeLocalWorkers } from './boss.ts'
import type { JobDefinition } from './registry.ts'

export const REPORT_QUEUE = 'report'
export const REPORT_FAILED_QUEUE = 'report-failed'

const reportIdOf = (data: object): string | undefined =>
  'reportId' in data && typeof data.reportId === 'string' ? data.reportId : undefined

const work = { batchSize: 4, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5 }

export const reportJobs = (deps: ReportDeps, options: AnalysisJobOptions): JobDefinition[] => [
  {
    name: REPORT_FAILED_QUEUE,
    queue: { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 60, notify: true },
    work: { ...work, localConcurrency: 1 },
    handle: async (jobs) =>
      Promise.all(
        jobs.map(async (job): Promise<JobResult> => {
          const reportId = reportIdOf(job.data)
          if (reportId !== undefined) await failReport(deps, reportId)
          return { id: job.id, status: 'completed' }
        }),
      ),
  },
  {
    name: REPORT_QUEUE,
    queue: {
      expireInSeconds: options.expireSeconds,
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: REPORT_FAILED_QUEUE,
      notify: true,
    },
    work: { ...work, localConcurrency: options.concurrency },
    handle: async (jobs) => {
      const results: JobResult[] = []
      for (const job of jobs) {
        const reportId = reportIdOf(job.data)
        try {
          if (reportId !== undefined) await runReport(deps, reportId)
          results.push({ id: job.id, status: 'completed' })
        } catch (error) {
          // Logged with the report id only, never with bank data.
          options.logger.error(
            { err: error, reportId, attempt: job.retryCount },
            'report job failed',
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

/** The ReportQueue port: jobs are sent through the caller's transaction. */
export const pgBossReportQueue = (boss: PgBoss): ReportQueue => ({
  enqueueReport: async (tx: Tx, { reportId }) => {
    await boss.send(
      REPORT_QUEUE,
      { reportId },
      { db: { executeSql: (text, values) => tx.query(text, values) } },
    )
    wakeLocalWorkers(boss, REPORT_QUEUE)
  },
})
