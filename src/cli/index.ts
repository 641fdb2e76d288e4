/** The `creditlens` executable: runs the command line of this process (see program.ts). */
import { runCli } from './program.ts'

// A reader that goes away (`creditlens analyze x --json | head`) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

process.exitCode = await runCli(process.argv.slice(2))
