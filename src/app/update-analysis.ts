import { dataOriginOf } from './create-analysis.ts'
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
 * Whether a client may move an analysis to `status` by PATCH. The worker alone completes an
 * analysis (with its results) and uploading accounts alone starts one (with its job), so a client
 * may only report on an analysis still waiting for its accounts (CREATED, or ERROR without
 * accounts: a connector that failed): ERROR with an `error`, or back to CREATED to wait again.
 * Asking for the status an analysis already has changes nothing and is accepted.
 * Throws INVALID_STATUS_TRANSITION (or BAD_REQUEST for ERROR without an error) otherwise.
 */
export const checkTransition = (
  analysis: Pick<Analysis, 'status' | 'hasAccounts'>,
  status: AnalysisStatus,
  hasError: boolean,
): void => {
  if (status === 'ERROR' && !hasError && analysis.status !== 'ERROR') {
    throw new AppError('BAD_REQUEST', 'status ERROR needs an error { code, message }')
  }
  if (status === analysis.status && !hasError) return
  const isWaiting =
    !analysis.hasAccounts && (analysis.status === 'CREATED' || analysis.status === 'ERROR')
  if (isWaiting && (status === 'ERROR' || status === 'CREATED')) return
  throw new AppError(
    'INVALID_STATUS_TRANSITION',
    `an analysis ${analysis.status}${analysis.hasAccounts ? ' with accounts' : ''} cannot be set to ${status}: ` +
      'COMPLETED comes from the analysis itself, IN_PROGRESS from uploading accounts, and a client ' +
      'may set ERROR or CREATED only while the analysis waits for its accounts',
  )
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
      checkTransition(analysis, input.status ?? 'ERROR', true)
      await deps.analyses.setStatus(tx, analysisId, { status: 'ERROR', error: input.error }, now)
      return
    }
    if (uploaded) {
      // Uploading accounts is what starts an analysis: IN_PROGRESS is the only status it goes with.
      if (input.status !== undefined && input.status !== 'IN_PROGRESS') {
        checkTransition(analysis, input.status, false)
      }
    } else if (input.status !== undefined && input.status !== analysis.status) {
      checkTransition(analysis, input.status, false)
      // Back to CREATED: waiting for accounts again, without the failure reported earlier.
      const error = input.status === 'CREATED' ? { error: null } : {}
      await deps.analyses.setStatus(tx, analysisId, { status: input.status, ...error }, now)
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
        {
          status: 'IN_PROGRESS',
          hasAccounts: true,
          error: null,
          format: uploaded.format,
          dataOrigin: dataOriginOf(analysis.dataOrigin, uploaded.dataOrigin),
        },
        now,
      )
      await launchWithAccounts(deps, tx, analysis, uploaded)
    }
  })
  const updated = await deps.analyses.find(projectId, customerId, analysisId)
  if (!updated) throw unknownEntity('Analysis')
  return updated
}
