/**
 * pg-boss set-up: one instance per process, on the same database as the data (PGlite through
 * its adapter, or PostgreSQL), queues created from the job registry.
 */
import { PgBoss, type ConstructorOptions } from 'pg-boss'
import type { JobQueue, Tx } from '../app/ports.ts'
import type { JobDefinition } from './registry.ts'
import { ANALYSIS_QUEUE } from './analysis-job.ts'

export interface Logger {
  info(object: object, message: string): void
  warn(object: object, message: string): void
  error(object: object, message: string): void
}

/** Starts pg-boss (installing or migrating its schema) and creates the registry's queues. */
export const startBoss = async (
  connection: ConstructorOptions,
  definitions: readonly JobDefinition[],
  logger: Logger,
): Promise<PgBoss> => {
  const boss = new PgBoss({
    ...connection,
    // Expired jobs, and jobs whose heartbeat stopped (a killed worker's), are failed into retry
    // by the monitor pass, which runs when both intervals have passed (default 60 s each): every
    // 10 s, a killed worker's analysis is retried ~10–20 s after its last heartbeat rather than up
    // to a minute later. Each pass also refreshes the queues' counts (one indexed aggregate).
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 10,
  })
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'))
  await boss.start()
  for (const definition of definitions) {
    if (!(await boss.getQueue(definition.name))) {
      await boss.createQueue(definition.name, definition.queue)
    } else {
      await boss.updateQueue(definition.name, definition.queue)
    }
    // Warm pg-boss's queue cache now: a cold cache makes the first send() look the queue up on
    // pg-boss's own connection, which on PGlite (one connection) waits forever behind the
    // transaction that is sending. getJobById goes through that cache.
    await boss.getJobById(definition.name, '00000000-0000-0000-0000-000000000000')
  }
  return boss
}

/** Starts the workers of every job in the registry. */
export const startWorkers = async (
  boss: PgBoss,
  definitions: readonly JobDefinition[],
): Promise<void> => {
  const workers = localWorkers(boss)
  for (const definition of definitions) {
    const id = await boss.work(
      definition.name,
      { ...definition.work, includeMetadata: true, perJobResults: true },
      definition.handle,
    )
    workers.set(definition.name, [...(workers.get(definition.name) ?? []), id])
  }
}

/** Worker ids per queue of the workers running in this process, per pg-boss instance. */
const workersByBoss = new WeakMap<PgBoss, Map<string, string[]>>()
const localWorkers = (boss: PgBoss): Map<string, string[]> => {
  let workers = workersByBoss.get(boss)
  if (!workers) {
    workers = new Map()
    workersByBoss.set(boss, workers)
  }
  return workers
}

/**
 * Wakes this process's workers of `queue` now instead of at their next poll (PGlite has no
 * LISTEN/NOTIFY). Safe before the sending transaction commits: on PGlite the worker's fetch
 * waits for it (one connection), on PostgreSQL the commit's NOTIFY wakes the worker again.
 */
export const wakeLocalWorkers = (boss: PgBoss, queue: string): void => {
  for (const id of localWorkers(boss).get(queue) ?? []) boss.notifyWorker(id)
}

/**
 * Embedded database only: fails (into retry, as an expiry would) every job left `active` by a
 * process that died. One process at a time holds an embedded data directory (its lock), so at
 * start nothing else can be running them: they are this process's own orphans, and waiting for
 * their expiry (minutes) would only delay them. Run before the workers start; returns how many.
 */
export const requeueOrphanedJobs = async (
  boss: PgBoss,
  db: Tx,
  queues: readonly string[],
): Promise<number> => {
  const { rows } = await db.query<{ name: string; id: string }>(
    `select name, id::text as id from pgboss.job where state = 'active' and name = any($1::text[])`,
    [queues],
  )
  const byQueue = new Map<string, string[]>()
  for (const row of rows) byQueue.set(row.name, [...(byQueue.get(row.name) ?? []), row.id])
  for (const [name, ids] of byQueue) {
    await boss.fail(name, ids, { message: 'worker stopped before finishing: retried at restart' })
  }
  return rows.length
}

/** The JobQueue port: jobs are sent through the caller's transaction. */
export const pgBossJobQueue = (boss: PgBoss): JobQueue => ({
  enqueueAnalysis: async (tx: Tx, { analysisId }) => {
    await boss.send(
      ANALYSIS_QUEUE,
      { analysisId },
      { db: { executeSql: (text, values) => tx.query(text, values) } },
    )
    wakeLocalWorkers(boss, ANALYSIS_QUEUE)
  },
})
