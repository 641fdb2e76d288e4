import type { Command } from 'commander'
import { loadConfig } from '../config/index.ts'
import { migrateDatabase } from '../main.ts'
import type { CliIo } from './io.ts'

/** `creditlens migrate`: brings the database (tables and job queue) up to this version, once. */
export const registerMigrate = (program: Command, io: CliIo): void => {
  program
    .command('migrate')
    .description('apply pending database migrations and install the job queue schema, then exit')
    .action(async () => {
      const { applied } = await migrateDatabase(loadConfig(io.env))
      io.out(
        applied.length === 0
          ? 'database up to date\n'
          : `applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}\n`).join('')}`,
      )
    })
}
