/**
 * Where a command writes and what environment it reads: the process's own when run from the
 * shell, captured ones when a test runs the command in-process (`runCli`).
 */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  env: Readonly<Record<string, string | undefined>>
}

/** Ends a command with an exit code, once its message is written. Caught by `runCli`. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`)
  }
}

export const processIo: CliIo = {
  out: (text) => {
    process.stdout.write(text)
  },
  err: (text) => {
    process.stderr.write(text)
  },
  env: process.env,
}
