/**
 * The `creditlens` command line. Each command lives in its own file and registers itself here;
 * commands parse flags, call a use case, print and set the exit code.
 */
import { Command } from 'commander'
import { ConfigError } from '../config/index.ts'
import { registerCategorise } from './categorise.ts'
import { registerClients } from './clients.ts'
import { registerAnalyze } from './analyze.ts'
import { registerGenerate } from './generate.ts'
import { registerServe } from './serve.ts'
import { registerWorker } from './worker.ts'

const program = new Command()
  .name('creditlens')
  .description('Credit decisioning from bank data: categorise, analyse, serve the API.')
  .showHelpAfterError()

// One command per line, so that adding one never conflicts with adding another.
const commands: ((program: Command) => void)[] = [
  registerServe,
  registerWorker,
  registerClients,
  registerGenerate,
  registerCategorise,
  registerAnalyze,
]
for (const register of commands) register(program)

// A reader that goes away (`creditlens analyze x --json | head`) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

try {
  await program.parseAsync(process.argv)
} catch (error) {
  // A bad setting is the user's to fix: name it, without a stack.
  if (!(error instanceof ConfigError)) throw error
  process.stderr.write(`creditlens: ${error.message}\n`)
  process.exitCode = 2
}
