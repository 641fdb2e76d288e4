import type { EventPublisher } from '../app/ports.ts'

/**
 * Writes domain events to `outbox_events` in the caller's transaction. The webhooks module reads
 * the outbox and fans each event out to the project's subscriptions.
 */
export const outboxEventPublisher = (): EventPublisher => ({
  publish: async (tx, event) => {
    await tx.query(
      `insert into outbox_events (project_id, customer_id, analysis_id, name, scoring_id)
       values ($1, $2, $3, $4, $5)`,
      [
        event.projectId,
        event.customerId,
        event.analysisId ?? null,
        event.name,
        event.scoringId ?? null,
      ],
    )
  },
})
