/**
 * Runs a `creditlens` command line in this process (the real commands through `runCli`), with
 * stdout and stderr captured: a spawned process costs seconds of start-up per case.
 */
import { runCli } from '../../src/cli/program.ts'

export interface CliRun {
  status: number
  stdout: string
  stderr: string
}

export const runCommand = async (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CliRun> => {
  let stdout = ''
  let stderr = ''
  const status = await runCli(args, {
    out: (text) => {
      stdout += text
    },
    err: (text) => {
      stderr += text
    },
    env,
  })
  return { status, stdout, stderr }
}
