import type { Command } from 'commander'
import { loadConfig } from '../config/index.ts'
import { createFirstClient, type NewClient } from '../app/clients.ts'
import { createRuntime, serve, startWorker } from '../main.ts'
import type { CliIo } from './io.ts'
import { runUntilSignal } from './process.ts'

/**
 * `creditlens serve`: the HTTP API, plus the analysis worker in-process on the embedded database.
 * In development (`NODE_ENV` unset or `development`), a database without any client gets a first
 * one, whose id and secret are printed once, so that `npm start` alone is enough to get a token.
 */
export const registerServe = (program: Command, io: CliIo): void => {
  program
    .command('serve')
    .description(
      'serve the analyses API (embedded PGlite in DATA_DIR, or PostgreSQL with DATABASE_URL)',
    )
    .option('--no-worker', 'do not run the analysis worker in this process')
    .action(async (options: { worker: boolean }) => {
      const config = loadConfig(io.env)
      const runtime = await createRuntime(config)
      const isDevelopment = config.environment === 'development'
      const first = isDevelopment
        ? await createFirstClient(runtime.deps, { usesConnector: config.connectorMode })
        : undefined
      // Listen first: a job picked up at once (a long analysis left by a crash) runs the engine
      // on this thread and would hold the HTTP plugins past their start-up time limit.
      const { app, url } = await serve(runtime)
      // With PostgreSQL, run `creditlens worker` processes beside it, or keep the in-process one.
      if (options.worker) await startWorker(runtime)
      runtime.logger.info(
        { url, database: runtime.db.kind, worker: options.worker },
        'creditlens API listening',
      )
      if (isDevelopment) io.out(howToGetAToken(url, first, config.bootstrapClient?.id))
      await runUntilSignal(async () => {
        await app.close()
        await runtime.close()
      })
    })
}

/** What a development start prints: the client to use and the token request. */
export const howToGetAToken = (
  url: string,
  first: NewClient | undefined,
  bootstrapId: string | undefined,
): string => {
  const id = first?.clientId ?? bootstrapId ?? 'CLIENT_ID'
  const secret = first?.clientSecret ?? (bootstrapId ? '$BOOTSTRAP_CLIENT_SECRET' : 'CLIENT_SECRET')
  const credentials = first
    ? 'First client created (the secret is shown only this once; keep it):\n' +
      `  client_id=${first.clientId}\n  client_secret=${first.clientSecret}\n`
    : bootstrapId
      ? `Bootstrap client: ${bootstrapId} (secret from BOOTSTRAP_CLIENT_SECRET)\n`
      : 'Use a client of this database (another one: stop the server, then ' +
        'npx creditlens clients create --name my-project):\n'
  return (
    `\n${credentials}Get a token:\n  curl -s -X POST ${url}/v2/oauth/token ` +
    `-d grant_type=client_credentials -d client_id=${id} -d client_secret=${secret}\n` +
    `API docs: ${url}/docs\n\n`
  )
}
