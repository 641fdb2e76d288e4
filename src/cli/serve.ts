import type { Command } from 'commander'
import { loadConfig } from '../config/index.ts'
import { createRuntime, serve, startWorker } from '../main.ts'
import { runUntilSignal } from './process.ts'

/** `creditlens serve`: the HTTP API, plus the analysis worker in-process on the embedded database. */
export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description(
      'serve the analyses API (embedded PGlite in DATA_DIR, or PostgreSQL with DATABASE_URL)',
    )
    .option('--no-worker', 'do not run the analysis worker in this process')
    .action(async (options: { worker: boolean }) => {
      const config = loadConfig(process.env)
      const runtime = await createRuntime(config)
      // With PostgreSQL, run `creditlens worker` processes beside it, or keep the in-process one.
      if (options.worker) await startWorker(runtime)
      const { app, url } = await serve(runtime)
      runtime.logger.info(
        { url, database: runtime.db.kind, worker: options.worker },
        'creditlens API listening',
      )
      if (config.environment === 'development') printHowToGetAToken(url, config.bootstrapClient?.id)
      await runUntilSignal(async () => {
        await app.close()
        await runtime.close()
      })
    })
}

const printHowToGetAToken = (url: string, clientId: string | undefined): void => {
  const credentials =
    clientId === undefined
      ? 'Create a client first: npx creditlens clients create --name my-project\n' +
        '(or set BOOTSTRAP_CLIENT_ID / BOOTSTRAP_CLIENT_SECRET), then:\n'
      : `Bootstrap client: ${clientId} (secret from BOOTSTRAP_CLIENT_SECRET)\n`
  process.stdout.write(
    `\n${credentials}  curl -X POST ${url}/v2/oauth/token -d grant_type=client_credentials ` +
      `-d client_id=CLIENT_ID -d client_secret=CLIENT_SECRET\nAPI docs: ${url}/docs\n\n`,
  )
}
