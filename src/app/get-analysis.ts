/** Reading analyses and their results; results exist only once the analysis is computed. */
import { checkId, unknownEntity } from './errors.ts'
import type { Analysis, AnalysisHead, AppDeps, Page, PageRequest } from './ports.ts'
import type { WireCache } from './wire-cache.ts'
import { analysisToJson } from './wire.ts'

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

/**
 * An analysis as `GET /analyses/{id}` serves it, in UTF-8: from `cache` while the stored
 * analysis is unchanged (one small query), else read, built and cached.
 */
export const getAnalysisWire = async (
  deps: AppDeps,
  cache: WireCache,
  projectId: string,
  customerId: string,
  analysisId: string,
): Promise<Uint8Array> => {
  checkId(customerId, 'Customer')
  checkId(analysisId, 'Analysis')
  const version = await deps.analyses.version(projectId, customerId, analysisId)
  if (version === undefined) throw unknownEntity('Analysis')
  const cached = cache.get(analysisId, version)
  if (cached) return cached
  // Read after the version: if the analysis changed in between, these newer bytes sit under an
  // older version that no later read will ask for.
  const bytes = Buffer.from(
    analysisToJson(await getAnalysis(deps, projectId, customerId, analysisId)),
  )
  cache.set(analysisId, version, bytes)
  return bytes
}

export const listAnalyses = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  page: PageRequest,
): Promise<Page<Analysis>> => {
  checkId(customerId, 'Customer')
  // The customer must exist in this project; an empty list would hide a wrong id.
  if (!(await deps.customers.find(projectId, customerId))) throw unknownEntity('Customer')
  return deps.analyses.list(projectId, customerId, page)
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
