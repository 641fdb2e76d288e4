/**
 * Completing scorings when their analysis ends: wraps the domain-event publisher so that the
 * `analysis_completed` of an analysis a scoring waits for also enqueues that scoring's
 * completion job, in the same transaction (no scoring is forgotten if the process dies).
 */
import type { EventPublisher } from '../ports.ts'
import type { ScoringQueue, ScoringStore } from './ports.ts'

export const withScoringFollowUp = (
  inner: EventPublisher,
  deps: { scorings: Pick<ScoringStore, 'waitingFor'>; scoringQueue: ScoringQueue },
): EventPublisher => ({
  publish: async (tx, event) => {
    await inner.publish(tx, event)
    if (event.name !== 'analysis_completed' || event.analysisId === undefined) return
    for (const scoringId of await deps.scorings.waitingFor(tx, event.analysisId)) {
      await deps.scoringQueue.enqueueCompletion(tx, { scoringId })
    }
  },
})
