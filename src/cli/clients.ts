import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import { createClient } from '../app/clients.ts'
import { createScoringKeys } from '../app/scoring/keys.ts'
import { AppError } from '../app/errors.ts'
import { ConfigError, loadConfig } from '../config/index.ts'
import { withStore } from '../main.ts'
import { CliExit, type CliIo } from './io.ts'

const projectName = (value: string): string => {
  const name = value.trim()
  if (name === '') throw new InvalidArgumentError('expected a non-empty project name')
  return name
}

/** `EUR, gbp` → `['EUR', 'GBP']`; anything but three-letter codes is refused before any work. */
const currencyCodes = (value: string): string[] => {
  const codes = value.split(',').map((code) => code.trim().toUpperCase())
  if (!codes.every((code) => /^[A-Z]{3}$/.test(code))) {
    throw new InvalidArgumentError('expected ISO 4217 codes such as EUR,GBP')
  }
  return codes
}

/**
 * `creditlens clients create --name NAME [--live] [--project ID]`: a new project and its
 * client_id / client_secret, or one more client of an existing project; test mode unless --live.
 * A new project also gets its scoring API keys (`stest_…`, `sprod_…`); all are shown once.
 */
export const registerClients = (program: Command, io: CliIo): void => {
  const clients = program.command('clients').description('manage API clients (projects)')
  clients
    .command('create')
    .description('create a project and print its client_id and client_secret (shown once)')
    .requiredOption('--name <name>', 'project name', projectName)
    .option(
      '--currencies <codes>',
      'currencies its analyses accept, comma-separated',
      currencyCodes,
      ['EUR', 'GBP'],
    )
    .option(
      '--connector',
      'connector mode: customers connect their banks through an aggregator connector (default: CONNECTOR_MODE)',
    )
    .option('--no-connector', 'customers send their accounts themselves')
    .option('--live', 'live-mode credentials (default: test mode, which offers the sandbox bank)')
    .option('--project <id>', 'add the client to this existing project (e.g. a live client)')
    .action(
      async (options: {
        name: string
        currencies: string[]
        connector?: boolean
        live?: boolean
        project?: string
      }) => {
        const supportedCurrencies = options.currencies
        let client
        try {
          const config = loadConfig(io.env)
          const usesConnector = options.connector ?? config.connectorMode
          client = await withStore(config, async (store) => {
            const created = await createClient(store, {
              name: options.name,
              supportedCurrencies,
              usesConnector,
              liveMode: options.live === true,
              ...(options.project !== undefined && { projectId: options.project }),
            })
            if (options.project !== undefined) return { ...created, keys: undefined }
            // A new project's scoring API secret keys (test and live), shown once too.
            const keys = await store.inTransaction((tx) =>
              createScoringKeys(store, tx, created.projectId),
            )
            return { ...created, keys }
          })
        } catch (error) {
          if (!(error instanceof AppError || error instanceof ConfigError)) throw error
          io.err(`creditlens clients create: ${error.message}\n`)
          throw new CliExit(1)
        }
        io.out(
          `project_id=${client.projectId}\nclient_id=${client.clientId}\n` +
            `client_secret=${client.clientSecret}\nlive_mode=${client.liveMode}\n` +
            (client.keys === undefined
              ? ''
              : `scoring_test_key=${client.keys.testKey}\nscoring_live_key=${client.keys.liveKey}\n`),
        )
      },
    )
}
