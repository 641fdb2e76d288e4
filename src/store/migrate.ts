/**
 * Applies the numbered plain-SQL migrations of `sql/` in order, each once, each in its own
 * transaction. Several processes may start at once: an advisory lock lets one migrate at a time.
 * Numbers 0001–0099 belong to the core store, 0100+ to the webhooks module.
 */
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Database } from './db.ts'

const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url))
/** Arbitrary constant shared by every creditlens process for the migration lock. */
const LOCK_KEY = 7_271_000_001

export const migrationFiles = async (): Promise<string[]> =>
  (await readdir(SQL_DIR)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort()

/**
 * Applies pending migrations; returns the names applied. `through` stops after the migration of
 * that name (to test a migration on data written by the ones before it).
 */
export const migrate = async (
  db: Database,
  options: { through?: string } = {},
): Promise<string[]> => {
  await db.query(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  )
  const applied: string[] = []
  for (const name of await migrationFiles()) {
    const sql = await readFile(SQL_DIR + name, 'utf8')
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY])
      const seen = await tx.query('select 1 from schema_migrations where name = $1', [name])
      if (seen.rows.length > 0) return false
      for (const statement of splitStatements(sql)) await tx.query(statement)
      await tx.query('insert into schema_migrations (name) values ($1)', [name])
      return true
    })
    if (done) applied.push(name)
    if (name === options.through) break
  }
  return applied
}

/** Splits a migration on the `;` that end lines (our migrations keep one statement per `;`). */
const splitStatements = (sql: string): string[] =>
  sql
    .split(/;\s*$/m)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0)
