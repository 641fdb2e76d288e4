/**
 * The engine off the event loop: a pool of worker threads (piscina) that run the engine step of
 * analyses (`computeAnalysis`), so that one large analysis never stalls the HTTP requests of
 * every tenant (docs/decisions/engine-worker-threads.md). Its queue is bounded: a task past it
 * is refused, and the job is retried later.
 */
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type { EncodedResult } from '../app/ports.ts'
import type { AnalysisInput } from '../app/run-analysis.ts'

export interface EnginePool {
  readonly threads: number
  /** Starts the threads now (a worker process does, at start); `run` starts them otherwise. */
  start(): void
  run(input: AnalysisInput): Promise<EncodedResult>
  close(): Promise<void>
}

/** `0`: one thread less than the machine's cores (the event loop keeps one), at least one. */
export const engineThreadCount = (configured: number): number =>
  configured > 0 ? configured : Math.max(1, availableParallelism() - 1)

const WARM_UP: AnalysisInput = {
  stored: { accounts: [], transactionTexts: [] },
  customerNames: [],
  warnings: [],
  context: {},
}

export const createEnginePool = (options: { threads: number; maxQueue: number }): EnginePool => {
  // Under tsx (sources) the thread needs its own loader; built code loads the worker directly.
  const compiled = import.meta.url.endsWith('.js')
  const filename = new URL(
    compiled ? './engine-worker.js' : './engine-worker-tsx.mjs',
    import.meta.url,
  ).href
  // Created on first use: an API-only process (serve --no-worker) never starts threads.
  let pool: Piscina<AnalysisInput, EncodedResult> | undefined
  const started = () =>
    (pool ??= new Piscina<AnalysisInput, EncodedResult>({
      filename,
      minThreads: options.threads,
      maxThreads: options.threads,
      maxQueue: options.maxQueue,
      // Threads stay up: starting one (and, from sources, compiling the engine) takes seconds.
      idleTimeout: Number.POSITIVE_INFINITY,
    }))
  return {
    threads: options.threads,
    start: () => {
      // A first task loads (and, from sources, compiles) the engine in each thread now, not
      // during the first analysis: an empty input, refused at once.
      const pool = started()
      for (let i = 0; i < options.threads; i++) pool.run(WARM_UP).catch(() => undefined)
    },
    run: (input) => started().run(input),
    close: async () => {
      await pool?.destroy()
    },
  }
}
