/**
 * Counts every row written to the application's tables (and every job enqueued), with a trigger
 * on each table that bumps one counter row. A request that answers 4xx must leave the counter
 * where it was: a write rolled back with its transaction rolls the counter back too, so only a
 * committed (partial) write moves it. One read of one row per request: cheap enough for
 * 100,000 requests, and stricter than comparing contents (rewriting a row with the same values
 * counts as a write).
 */
import type { Database } from '../../../src/store/index.ts'

export interface WriteCounter {
  /** Rows written to the watched tables so far. */
  read(): Promise<number>
  /** The tables watched. */
  tables: string[]
  /** Removes the triggers, the function and the counter (the database may be shared). */
  uninstall(): Promise<void>
}

/** Installs the counter on every table of the public schema and on the job table. */
export const installWriteCounter = async (db: Database): Promise<WriteCounter> => {
  await db.query(
    'create table if not exists reliability_writes (id integer primary key, n bigint not null)',
  )
  await db.query('insert into reliability_writes values (1, 0) on conflict do nothing')
  await db.query(`
    create or replace function reliability_count_write() returns trigger language plpgsql as $$
    begin
      update reliability_writes set n = n + 1 where id = 1;
      return null;
    end $$`)
  const tables = (
    await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not in ('reliability_writes', 'schema_migrations')
        order by table_name`,
    )
  ).rows.map((row) => row.name)
  for (const table of tables) {
    await db.query(`drop trigger if exists reliability_writes on "${table}"`)
    await db.query(
      `create trigger reliability_writes after insert or update or delete on "${table}"
         for each row execute function reliability_count_write()`,
    )
  }
  // pg-boss updates its own rows in the background (supervision): only a new job counts there.
  await db.query(`drop trigger if exists reliability_writes on pgboss.job`)
  await db.query(
    `create trigger reliability_writes after insert on pgboss.job
       for each row execute function reliability_count_write()`,
  )
  return {
    tables: [...tables, 'pgboss.job (inserts)'],
    uninstall: async () => {
      for (const table of tables)
        await db.query(`drop trigger if exists reliability_writes on "${table}"`)
      await db.query('drop trigger if exists reliability_writes on pgboss.job')
      await db.query('drop function if exists reliability_count_write()')
      await db.query('drop table if exists reliability_writes')
    },
    read: async () =>
      Number(
        (await db.query<{ n: string }>('select n::text as n from reliability_writes where id = 1'))
          .rows[0]?.n ?? 0,
      ),
  }
}
