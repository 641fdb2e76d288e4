/**
 * The `creditlens` command line, built on a `CliIo`. Each command lives in its own file and
 * registers itself here; commands parse flags, call a use case, print and end with an exit code.
 * `runCli` runs one command line and returns its exit code without ending the process, so that
 * tests run commands in-process.
 */
import { Command, CommanderError } from 'commander'
import { ConfigError } from '../config/index.ts'
import { DatabaseInUseError } from '../main.ts'
import { registerAnalyze } from './analyze.ts'
import { registerCategorise } from './categorise.ts'
import { registerClients } from './clients.ts'
import { registerGenerate } from './generate.ts'
import { registerMigrate } from './migrate.ts'
import { CliExit, processIo, type CliIo } from './io.ts'
import { registerServe } from './serve.ts'
import { registerUsers } from './users.ts'
import { registerWorker } from './worker.ts'

// One command per line, so that adding one never conflicts with adding another.
const COMMANDS: ((program: Command, io: CliIo) => void)[] = [
  registerServe,
  registerWorker,
  registerClients,
  registerGenerate,
  registerCategorise,
  registerAnalyze,
  registerUsers,
  registerMigrate,
]

const buildProgram = (io: CliIo): Command => {
  const program = new Command()
    .name('creditlens')
    .description('Credit decisioning from bank data: categorise, analyse, serve the API.')
    .showHelpAfterError()
    // Set before the commands are added: subcommands inherit both.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
  for (const register of COMMANDS) register(program, io)
  return program
}

/**
 * Runs one command line (`['analyze', 'file.json', '--json']`, without `node` and the script)
 * and resolves with its exit code.
 *
 * @example const code = await runCli(['analyze', 'harry.json', '--json'], io)
 */
export const runCli = async (args: readonly string[], io: CliIo = processIo): Promise<number> => {
  try {
    await buildProgram(io).parseAsync([...args], { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CliExit) return error.code
    if (error instanceof CommanderError) return error.exitCode
    // A bad setting is the user's to fix: name it, without a stack.
    if (error instanceof ConfigError) {
      io.err(`creditlens: ${error.message}\n`)
      return 2
    }
    // Another process holds the embedded database: say which and what to do, without a stack.
    if (error instanceof DatabaseInUseError) {
      io.err(`creditlens: ${error.message}\n`)
      return 1
    }
    throw error
  }
}
