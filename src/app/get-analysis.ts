/** Reading analyses and their results; results exist only once the analysis is computed. */
import { checkId, unknownEntity } from './errors.ts'
import type { Analysis, AppDeps, Page, PageRequest } from './ports.ts'

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
