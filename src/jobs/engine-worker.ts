/**
 * The engine's worker thread (see engine-pool.ts): parse the stored transactions, run the
 * engine, shape and encode the result. Pure CPU work on plain data in, plain data out.
 */
import type { EncodedResult } from '../app/ports.ts'
import { computeAnalysis, type AnalysisInput } from '../app/run-analysis.ts'
import { analyse } from '../engine/analyse.ts'
import { encodeAnalysisResult } from '../store/analyses.ts'

export default (input: AnalysisInput): EncodedResult =>
  computeAnalysis(input, analyse, encodeAnalysisResult)
