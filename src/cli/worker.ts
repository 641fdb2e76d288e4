import type { Command } from 'commander'
import { loadConfig } from '../config/index.ts'
import { createRuntime, startWorker } from '../main.ts'
import type { CliIo } from './io.ts'
import { runUntilSignal } from './process.ts'

/** `creditlens worker`: runs analysis jobs from the queue (PostgreSQL: as many as you like). */
export const registerWorker = (program: Command, io: CliIo): void => {
  program
    .command('worker')
    .description('run analysis jobs from the queue in the database')
    .action(async () => {
      const runtime = await createRuntime(loadConfig(io.env))
      await startWorker(runtime)
      runtime.logger.info({ database: runtime.db.kind }, 'creditlens worker started')
      await runUntilSignal(() => runtime.close())
    })
}
