import { randomBytes } from 'node:crypto'
import type { Command } from 'commander'
import { createAnalyst } from '../app/analysts.ts'
import { AppError } from '../app/errors.ts'
import { ConfigError, loadConfig } from '../config/index.ts'
import { withStore } from '../main.ts'
import { CliExit, type CliIo } from './io.ts'

/**
 * `creditlens users create --project ID --email ADDRESS`: an analyst of the console, with a
 * one-time password printed once (replaced at the first sign-in at /console/login).
 */
export const registerUsers = (program: Command, io: CliIo): void => {
  const users = program.command('users').description('manage analysts of the console')
  users
    .command('create')
    .description('create an analyst of a project and print a one-time password (shown once)')
    .requiredOption('--project <id>', 'the project (project_id printed by `clients create`)')
    .requiredOption('--email <address>', "the analyst's e-mail, used to sign in")
    .action(async (options: { project: string; email: string }) => {
      let created
      try {
        created = await withStore(loadConfig(io.env), (store) =>
          createAnalyst(
            {
              inTransaction: store.inTransaction,
              credentials: store.credentials,
              console: store.console,
              clock: { now: () => new Date() },
              ids: { next: () => randomBytes(12).toString('hex') },
            },
            { projectId: options.project, email: options.email },
          ),
        )
      } catch (error) {
        if (!(error instanceof AppError || error instanceof ConfigError)) throw error
        io.err(`creditlens users create: ${error.message}\n`)
        throw new CliExit(1)
      }
      io.out(
        `email=${created.analyst.email}\none_time_password=${created.password}\n` +
          'Sign in at /console/login and choose a new password.\n',
      )
    })
}
