// Entry of the engine's worker thread when creditlens runs from its TypeScript sources (npm
// start, tests, dev): Node 20 does not hand the main thread's tsx loader to worker threads, so
// this thread registers its own before loading the worker. Built code (dist/) loads
// engine-worker.js directly.
import { register } from 'tsx/esm/api'

register()
const { default: run } = await import('./engine-worker.ts')
export default run
