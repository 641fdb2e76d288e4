/** Waits for SIGINT or SIGTERM, then runs `shutdown` once and exits. */
export const runUntilSignal = (shutdown: () => Promise<void>): Promise<void> =>
  new Promise((resolve) => {
    let stopping = false
    const stop = () => {
      if (stopping) return
      stopping = true
      shutdown()
        .catch((error: unknown) => {
          process.stderr.write(`shutdown failed: ${String(error)}\n`)
          process.exitCode = 1
        })
        .finally(resolve)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
