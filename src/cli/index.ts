/**
 * The `creditlens` command line. Each command lives in its own file and registers itself here;
 * commands parse flags, call a use case, print and set the exit code.
 */
import { Command } from 'commander'
import { registerGenerate } from './generate.ts'

const program = new Command()
  .name('creditlens')
  .description('Credit decisioning from bank data: categorise, analyse, serve the API.')
  .showHelpAfterError()

const commands: ((program: Command) => void)[] = [registerGenerate]
for (const register of commands) register(program)

await program.parseAsync(process.argv)
