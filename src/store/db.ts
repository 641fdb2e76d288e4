/**
 * One database handle over PGlite (embedded) or PostgreSQL (`pg` pool): the same SQL runs on
 * both. The few backend differences live in the `Database` object each opener returns.
 */
import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { fromPglite, type ConstructorOptions } from 'pg-boss'
import type { Tx } from '../app/ports.ts'
import { lockDataDir } from './data-dir-lock.ts'

export interface Database extends Tx {
  readonly kind: 'pglite' | 'postgres'
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /** How pg-boss connects to this database (the queue lives in the same database). */
  boss: ConstructorOptions
  close(): Promise<void>
}

/**
 * Lets sockets and timers run before a PGlite statement. PGlite executes each statement on this
 * thread, and statements queued behind one another (50 uploads arriving at once) resolve as a
 * chain of microtasks: without a turn of the event loop between them, `/health` waited 2.5 s.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Runs PGlite's statements and transactions one after another, each after a turn of the event
 * loop. Yielding at call time is not enough: 100 statements called together would all wake in
 * the same turn and chain again.
 */
const turnTaking = () => {
  let last: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(turn).then(work)
    last = run.catch(() => undefined)
    return run
  }
}

/**
 * Opens (and creates when missing) an embedded PGlite database in `dataDir`; `memory://` for
 * tests. A directory is locked for this process until `close` (see data-dir-lock.ts).
 */
export const openPglite = async (dataDir: string): Promise<Database> => {
  let unlock = (): void => undefined
  if (!dataDir.startsWith('memory://')) {
    await mkdir(dataDir, { recursive: true })
    unlock = lockDataDir(dataDir)
  }
  let pglite: PGlite
  try {
    pglite = await PGlite.create(dataDir)
  } catch (error) {
    unlock()
    throw error
  }
  const inTurn = turnTaking()
  return {
    kind: 'pglite',
    query: async <R>(text: string, params?: readonly unknown[]) => {
      const result = await inTurn(() => pglite.query<R>(text, params ? [...params] : undefined))
      return { rows: result.rows }
    },
    transaction: (work) =>
      inTurn(() =>
        pglite.transaction((tx) =>
          work({
            // One statement after another within a transaction: a turn before each.
            query: async <R>(text: string, params?: readonly unknown[]) => {
              await turn()
              const result = await tx.query<R>(text, params ? [...params] : undefined)
              return { rows: result.rows }
            },
          }),
        ),
      ),
    boss: { backend: 'pglite', db: fromPglite(pglite) },
    close: async () => {
      try {
        await pglite.close()
      } finally {
        unlock()
      }
    },
  }
}

/** Opens a pool on a PostgreSQL server. */
export const openPostgres = async (
  connectionString: string,
  options: { max?: number } = {},
): Promise<Database> => {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // Our statements are short lookups by index; JIT compiling them costs 50–200 ms each when
    // stale statistics overestimate their cost (seen at 3 million transactions).
    options: '-c jit=off',
  })
  // Fail at start, not on the first request, when the server cannot be reached.
  const probe = await pool.connect()
  probe.release()
  const run = async <R>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    params?: readonly unknown[],
  ) => {
    // `pg` types rows loosely; the SQL of each query states the row shape R.
    const result = await client.query(text, params ? [...params] : undefined)
    return { rows: result.rows as R[] }
  }
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    transaction: async (work) => {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await work({ query: (text, params) => run(client, text, params) })
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    // LISTEN/NOTIFY wakes workers ~3 ms after a job is sent instead of at the next poll.
    boss: { backend: 'postgres', connectionString, useListenNotify: true, max: 4 },
    close: () => pool.end(),
  }
}
