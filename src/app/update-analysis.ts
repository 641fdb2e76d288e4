import { AppError, checkId, unknownEntity } from './errors.ts'
import type { Analysis, AnalysisError, AnalysisStatus, AppDeps } from './ports.ts'
import { launchWithAccounts, readAccounts } from './upload.ts'

export interface UpdateAnalysisInput {
  format?: string
  status?: AnalysisStatus
  error?: AnalysisError
  accounts?: readonly unknown[]
  /** Raw aggregator connections (Budget Insight, Linxo), instead of `accounts`. */
  connections?: readonly unknown[]
}

/**
 * PATCH semantics of the reference: `status` and `error` update the analysis (with `error` the
 * update stops there); `accounts` are accepted only while the analysis has none, and then launch it.
 */
export const updateAnalysis = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  analysisId: string,
  input: UpdateAnalysisInput,
): Promise<Analysis> => {
  checkId(customerId, 'Customer')
  checkId(analysisId, 'Analysis')
  const existing = await deps.analyses.find(projectId, customerId, analysisId)
  if (!existing) throw unknownEntity('Analysis')
  const uploaded =
    input.error === undefined &&
    ((input.accounts?.length ?? 0) > 0 || (input.connections?.length ?? 0) > 0)
      ? readAccounts(deps, input.accounts, input.format, input.connections)
      : undefined
  await deps.inTransaction(async (tx) => {
    // Locked: two concurrent uploads cannot both launch the analysis.
    const analysis = await deps.analyses.findForUpdate(tx, analysisId)
    if (!analysis) throw unknownEntity('Analysis')
    const now = deps.clock.now()
    if (input.error !== undefined) {
      await deps.analyses.setStatus(
        tx,
        analysisId,
        { status: input.status ?? 'ERROR', error: input.error },
        now,
      )
      return
    }
    if (input.status !== undefined) {
      await deps.analyses.setStatus(tx, analysisId, { status: input.status }, now)
    }
    if (uploaded) {
      if (analysis.hasAccounts) {
        throw new AppError(
          'FORBIDDEN',
          'accounts can only be added to an analysis that has none; create a new analysis',
        )
      }
      await deps.analyses.setStatus(
        tx,
        analysisId,
        { status: 'IN_PROGRESS', hasAccounts: true, error: null, format: uploaded.format },
        now,
      )
      await launchWithAccounts(deps, tx, analysis, uploaded)
    }
  })
  const updated = await deps.analyses.find(projectId, customerId, analysisId)
  if (!updated) throw unknownEntity('Analysis')
  return updated
}
