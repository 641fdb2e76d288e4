import { AppError } from './errors.ts'
import { getCustomer } from './customers.ts'
import type { Analysis, AnalysisParameters, AppDeps } from './ports.ts'
import { launchWithAccounts, readAccounts, readFiles, type UploadedFile } from './upload.ts'

export interface CreateAnalysisInput {
  format?: string
  parameters?: AnalysisParameters
  dataOrigin?: string
  accounts?: readonly unknown[]
  /** Raw aggregator connections (Budget Insight, Linxo), instead of `accounts`. */
  connections?: readonly unknown[]
  /** Uploaded files (statements, aggregator exports), instead of `accounts`. */
  files?: readonly UploadedFile[]
}

/**
 * Creates an analysis. With accounts, they are stored with the customer's earlier ones and the
 * analysis starts (IN_PROGRESS, job enqueued in the same transaction). Without accounts, a
 * customer set up for a connector gets an empty analysis (CREATED) and a
 * `bank_details_required` event; any other customer gets 403.
 */
export const createAnalysis = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  input: CreateAnalysisInput,
): Promise<Analysis> => {
  const parameters = input.parameters ?? {}
  if (parameters.disableScores === true && parameters.disableCreditInsights === true) {
    throw new AppError(
      'BAD_REQUEST',
      'parameters: disableScores and disableCreditInsights cannot both be true',
    )
  }
  const customer = await getCustomer(deps, projectId, customerId)
  const hasBody = (input.accounts?.length ?? 0) > 0 || (input.connections?.length ?? 0) > 0
  const uploaded =
    input.files !== undefined && input.files.length > 0
      ? readFiles(deps, input.files)
      : hasBody
        ? readAccounts(deps, input.accounts, input.format, input.connections)
        : undefined
  if (!uploaded && !customer.aggregationDetails) {
    throw new AppError(
      'FORBIDDEN',
      'accounts are required: this customer has no aggregator connector (aggregationDetails)',
    )
  }
  const now = deps.clock.now()
  const analysis: Analysis = {
    id: deps.ids.next(),
    projectId,
    customerId,
    status: uploaded ? 'IN_PROGRESS' : 'CREATED',
    format: uploaded?.format ?? input.format ?? 'ALGOAN',
    parameters,
    source: 'CLIENT',
    // Files say where their data came from; a JSON body does not unless the client says so.
    dataOrigin: input.dataOrigin ?? uploaded?.dataOrigin ?? 'UNKNOWN',
    createdAt: now,
    updatedAt: now,
    metadata: null,
    creditInsights: null,
    scores: null,
    error: null,
    hasAccounts: uploaded !== undefined,
  }
  await deps.inTransaction(async (tx) => {
    await deps.analyses.insert(tx, analysis)
    if (uploaded) {
      await launchWithAccounts(deps, tx, analysis, uploaded)
    } else {
      await deps.events.publish(tx, {
        projectId,
        customerId,
        analysisId: analysis.id,
        name: 'bank_details_required',
      })
    }
  })
  return analysis
}
