import type { JobWithMetadata, JobResult, Queue, WorkOptions } from 'pg-boss'

/**
 * One job type: its queue options, how workers fetch it, and its handler. Every job type is
 * listed in `jobDefinitions` (jobs/index.ts); the webhooks module adds its own there.
 */
export interface JobDefinition {
  name: string
  queue: Omit<Queue, 'name'>
  work: Omit<WorkOptions, 'includeMetadata' | 'perJobResults'>
  /** Settles each job of the batch on its own: one failing job does not retry the others. */
  handle(jobs: JobWithMetadata<object>[]): Promise<JobResult[]>
}
