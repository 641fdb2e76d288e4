/** Reading analyses and their results; results exist only once the analysis is computed. */
import { checkId, isId, unknownEntity } from './errors.ts'
import type { Analysis, AnalysisHead, AppDeps, PageRequest } from './ports.ts'
import type { WireCache } from './wire-cache.ts'
import { analysisJsonPieces } from './wire.ts'

export const getAnalysis = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  analysisId: string,
): Promise<Analysis> => {
  checkId(customerId, 'Customer')
  checkId(analysisId, 'Analysis')
  const analysis = await deps.analyses.find(projectId, customerId, analysisId)
  if (!analysis) throw unknownEntity('Analysis')
  return analysis
}

/** An analysis without its credit insights: what a result route needs to answer. */
export const getAnalysisHead = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  analysisId: string,
): Promise<AnalysisHead> => {
  checkId(customerId, 'Customer')
  checkId(analysisId, 'Analysis')
  const analysis = await deps.analyses.findHead(projectId, customerId, analysisId)
  if (!analysis) throw unknownEntity('Analysis')
  return analysis
}

/** A response body: bytes at hand, or JSON text written piece by piece as it is read. */
export type WireBody = Uint8Array | AsyncIterable<string>

/** Analyses whose JSON is larger than this are streamed and not kept in the wire cache. */
export const WIRE_CACHE_ENTRY_LIMIT = 8 * 1024 * 1024

/** The pieces of one analysis's JSON, its credit insights read one part at a time. */
const piecesOf = (deps: AppDeps, analysis: AnalysisHead, parts: readonly string[] | null) =>
  analysisJsonPieces(analysis, parts, async (name) => {
    const part = await deps.analyses.readInsightsPart(analysis.id, name)
    if (part === null) throw new Error(`analysis ${analysis.id}: credit insights part missing`)
    return part.json
  })

/** Passes `pieces` through, and caches their bytes once all are written if they were small. */
async function* caching(
  cache: WireCache,
  analysisId: string,
  version: string,
  pieces: AsyncIterable<string>,
): AsyncGenerator<string> {
  let kept: string[] | undefined = []
  let size = 0
  for await (const piece of pieces) {
    size += piece.length
    if (kept && size > WIRE_CACHE_ENTRY_LIMIT) kept = undefined
    kept?.push(piece)
    yield piece
  }
  if (kept) cache.set(analysisId, version, Buffer.from(kept.join('')))
}

/**
 * An analysis as `GET /analyses/{id}` serves it: the cached UTF-8 bytes while the stored
 * analysis is unchanged (one small query), else its JSON streamed from the store part by part
 * (cached on the way when small), so that a large analysis is never one string in memory.
 */
export const getAnalysisWire = async (
  deps: AppDeps,
  cache: WireCache,
  projectId: string,
  customerId: string,
  analysisId: string,
): Promise<WireBody> => {
  checkId(customerId, 'Customer')
  checkId(analysisId, 'Analysis')
  const version = await deps.analyses.version(projectId, customerId, analysisId)
  if (version === undefined) throw unknownEntity('Analysis')
  const cached = cache.get(analysisId, version)
  if (cached) return cached
  // Read after the version: if the analysis changed in between, these newer bytes sit under an
  // older version that no later read will ask for.
  const head = await getAnalysisHead(deps, projectId, customerId, analysisId)
  const parts = await deps.analyses.insightsPartNames(head.id)
  return caching(cache, analysisId, version, piecesOf(deps, head, parts))
}

/**
 * A page of the customer's analyses, each with its results as the reference lists them: the
 * JSON is written one analysis, and one credit-insights part, at a time.
 */
export const listAnalyses = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  page: PageRequest,
): Promise<{ total: number; resources: () => AsyncGenerator<string> }> => {
  checkId(customerId, 'Customer')
  // The customer must exist in this project; an empty list would hide a wrong id.
  if (!(await deps.customers.find(projectId, customerId))) throw unknownEntity('Customer')
  const { items, total } = await deps.analyses.list(projectId, customerId, page)
  return {
    total,
    resources: async function* () {
      for (const [index, analysis] of items.entries()) {
        if (index > 0) yield ','
        yield* piecesOf(deps, analysis, analysis.insightsParts)
      }
    },
  }
}

/**
 * A page of an analysis's enriched transactions (of one of its accounts), in one round trip:
 * the analysis's state comes with it, for the routes to answer 202 while it is not computed.
 */
export const getTransactionsPage = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  analysisId: string,
  accountId: string | undefined,
  page: PageRequest,
) => {
  checkId(customerId, 'Customer')
  checkId(analysisId, 'Analysis')
  // A malformed account id is looked up as one that no account has ('-'): the analysis's own
  // answer (202 while it is computed) comes first, then 404 for the account.
  const account = accountId === undefined || isId(accountId) ? accountId : '-'
  const found = await deps.analyses.pageTransactions(
    projectId,
    customerId,
    analysisId,
    account,
    page,
  )
  if (!found) throw unknownEntity('Analysis')
  return found
}

/** Checks that `accountId` is one of the accounts the analysis used. */
export const checkAnalysisAccount = async (
  deps: AppDeps,
  analysisId: string,
  accountId: string,
): Promise<void> => {
  checkId(accountId, 'Account')
  if (!(await deps.analyses.hasAccount(analysisId, accountId))) throw unknownEntity('Account')
}
