import type { Command } from 'commander'
import { createClient } from '../app/clients.ts'
import { loadConfig } from '../config/index.ts'
import { createStore, migrate, openPglite, openPostgres } from '../store/index.ts'

/** `creditlens clients create --name NAME`: a new project and its client_id / client_secret. */
export const registerClients = (program: Command): void => {
  const clients = program.command('clients').description('manage API clients (projects)')
  clients
    .command('create')
    .description('create a project and print its client_id and client_secret (shown once)')
    .requiredOption('--name <name>', 'project name')
    .action(async (options: { name: string }) => {
      const config = loadConfig(process.env)
      const db = config.databaseUrl
        ? await openPostgres(config.databaseUrl, { max: 1 })
        : await openPglite(config.dataDir)
      try {
        await migrate(db)
        const client = await createClient(createStore(db), { name: options.name })
        process.stdout.write(
          `project_id=${client.projectId}\nclient_id=${client.clientId}\n` +
            `client_secret=${client.clientSecret}\n`,
        )
      } finally {
        await db.close()
      }
    })
}
