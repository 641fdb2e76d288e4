/**
 * Reading uploaded accounts through the input-format registry, and storing them with the job
 * that analyses them: shared by creating and by updating an analysis.
 */
import { formatIssue, parseBody } from '../adapters/index.ts'
import type { Account } from '../engine/model/index.ts'
import { AppError } from './errors.ts'
import type { Analysis, AppDeps, Tx } from './ports.ts'

/**
 * Validates and maps the uploaded `accounts` with the adapter of `format` (default ALGOAN).
 * The first error issue becomes a 400 naming its field.
 */
export const readAccounts = (
  deps: Pick<AppDeps, 'limits'>,
  accounts: readonly unknown[],
  format: string | undefined,
): { accounts: Account[]; format: string } => {
  const parsed = parseBody({ ...(format !== undefined && { format }), accounts }, format)
  const error = parsed.issues.find((issue) => issue.severity === 'error')
  if (error) {
    const code = /is required/.test(error.message) ? 'MISSING_PARAM' : 'BAD_REQUEST'
    throw new AppError(code, formatIssue(error))
  }
  parsed.accounts.forEach((account, index) => {
    if (account.transactions.length > deps.limits.maxTransactionsPerAccount) {
      throw new AppError(
        'BAD_REQUEST',
        `accounts[${index}].transactions: at most ${deps.limits.maxTransactionsPerAccount} transactions per account per upload`,
      )
    }
  })
  return { accounts: parsed.accounts, format: parsed.format }
}

/** Stores the accounts, launches the analysis and enqueues its job, in the caller's transaction. */
export const launchWithAccounts = async (
  deps: AppDeps,
  tx: Tx,
  analysis: Pick<Analysis, 'id' | 'projectId' | 'customerId'>,
  accounts: readonly Account[],
): Promise<void> => {
  const { projectId, customerId } = analysis
  await deps.analyses.saveAccounts(tx, { projectId, customerId, accounts }, deps.clock.now())
  await deps.events.publish(tx, {
    projectId,
    customerId,
    analysisId: analysis.id,
    name: 'bank_details_fetched',
  })
  await deps.jobs.enqueueAnalysis(tx, { analysisId: analysis.id })
}
