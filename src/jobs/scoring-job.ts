/**
 * The scoring completion job: payload `{ scoringId }`, enqueued when the analysis a scoring
 * waits for ends (app/scoring/follow-up.ts). Completing is idempotent, so retries are safe; a
 * scoring whose job kept failing is still completed by the next read of it.
 */
import type { JobResult } from 'pg-boss'
import type { PgBoss } from 'pg-boss'
import type { ScoringDeps, ScoringQueue } from '../app/scoring/ports.ts'
import { completeScoring } from '../app/scoring/scorings.ts'
import { safeErrorMessage } from '../logging/safe-error.ts'
import { wakeLocalWorkers } from './boss.ts'
import type { JobDefinition } from './registry.ts'

export const SCORING_QUEUE = 'scoring-completion'

const scoringIdOf = (data: object): string | undefined =>
  'scoringId' in data && typeof data.scoringId === 'string' ? data.scoringId : undefined

export const scoringJobs = (
  deps: ScoringDeps,
  logger: { error(object: object, message: string): void },
): JobDefinition[] => [
  {
    name: SCORING_QUEUE,
    queue: { retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 120, notify: true },
    work: {
      batchSize: 4,
      burstWhenBatchFull: true,
      // The floor pg-boss accepts: a customer waits on the hosted page for this.
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 5,
      localConcurrency: 1,
    },
    handle: async (jobs) => {
      const results: JobResult[] = []
      for (const job of jobs) {
        const scoringId = scoringIdOf(job.data)
        try {
          if (scoringId !== undefined) await completeScoring(deps, scoringId)
          results.push({ id: job.id, status: 'completed' })
        } catch (error) {
          logger.error({ err: error, scoringId }, 'scoring job failed')
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

export const pgBossScoringQueue = (boss: PgBoss): ScoringQueue => ({
  enqueueCompletion: async (tx, { scoringId }) => {
    await boss.send(
      SCORING_QUEUE,
      { scoringId },
      { db: { executeSql: (text, values) => tx.query(text, values) } },
    )
    wakeLocalWorkers(boss, SCORING_QUEUE)
  },
})
