import { AppError } from './errors.ts'
import { getCustomer, usesConnector } from './customers.ts'
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
 * Where the data came from: what the client says, unless it says nothing or UNKNOWN and the
 * data says more (files and aggregator formats do: BANK_STATEMENT or OPEN_BANKING).
 */
export const dataOriginOf = (given: string | undefined, read: string | undefined): string =>
  given !== undefined && given !== 'UNKNOWN' ? given : (read ?? given ?? 'UNKNOWN')

/**
 * Creates an analysis. With accounts, they are stored with the customer's earlier ones and the
 * analysis starts (IN_PROGRESS, job enqueued in the same transaction). Without accounts, a
 * customer of a project in connector mode (or given aggregationDetails) gets an empty analysis
 * (CREATED) and a `bank_details_required` event; any other customer gets 403.
 */
export const createAnalysis = async (
  deps: AppDeps,
  projectId: string,
  customerId: string,
  input: CreateAnalysisInput,
): Promise<Analysis> => {
  // Both flags are always stored and answered, false unless the client set them.
  const parameters = {
    disableScores: input.parameters?.disableScores ?? false,
    disableCreditInsights: input.parameters?.disableCreditInsights ?? false,
    ...(input.parameters?.windowMonths !== undefined && {
      windowMonths: input.parameters.windowMonths,
    }),
  }
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
  if (!uploaded && !(await usesConnector(deps, customer))) {
    throw new AppError(
      'FORBIDDEN',
      'accounts are required: neither the project (connector mode) nor this customer (aggregationDetails) uses an aggregator connector',
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
    dataOrigin: dataOriginOf(input.dataOrigin, uploaded?.dataOrigin),
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
