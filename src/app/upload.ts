/**
 * Reading uploaded accounts through the input-format registry, and storing them with the job
 * that analyses them: shared by creating and by updating an analysis.
 */
import { formatIssue, parseBody, parseFiles, STATEMENT_FORMATS } from '../adapters/index.ts'
import { ACCOUNT_TYPES, ACCOUNT_USAGES, type Account } from '../engine/model/index.ts'
import { capWarnings, warningsOf, type InputWarning } from './analysis-notes.ts'
import { AppError } from './errors.ts'
import { describeUnsafeValue, findUnsafeValue } from './text-check.ts'
import type { Analysis, AppDeps, Tx } from './ports.ts'

/** Formats an aggregator produces: their data is OPEN_BANKING whatever the client says. */
const AGGREGATOR_FORMATS: readonly string[] = ['BUDGET_INSIGHT_V2_0', 'OXLIN_DIRECT_ACCOUNT_API_V3']

/** The enumerations of the reference's ALGOAN account, checked to the letter over the API. */
const STRICT_ACCOUNT_ENUMS = { type: ACCOUNT_TYPES, usage: ACCOUNT_USAGES } as const

/**
 * Over the API an ALGOAN account's `type` and `usage` must be one of the reference's values
 * (exact case): anything else is a 400 naming the field, where the lenient adapter (CLI, files)
 * would read it as UNKNOWN with a warning.
 */
const checkStrictEnums = (accounts: readonly unknown[] | undefined): void => {
  accounts?.forEach((account, index) => {
    if (typeof account !== 'object' || account === null) return
    for (const [field, values] of Object.entries(STRICT_ACCOUNT_ENUMS)) {
      const value = (account as Record<string, unknown>)[field]
      if (value === undefined || (values as readonly unknown[]).includes(value)) continue
      throw new AppError(
        'BAD_REQUEST',
        `accounts[${index}].${field} must be equal to one of the allowed values (one of ${values.join(', ')})`,
      )
    }
  })
}

/**
 * Validates and maps the uploaded `accounts` with the adapter of `format` (default ALGOAN).
 * The first error issue becomes a 400 naming its field; ALGOAN accounts' `type` and `usage`
 * are checked strictly. Aggregator formats' data is OPEN_BANKING.
 */
export const readAccounts = (
  deps: Pick<AppDeps, 'limits'>,
  accounts: readonly unknown[] | undefined,
  format: string | undefined,
  connections?: readonly unknown[],
): { accounts: Account[]; format: string; warnings: InputWarning[]; dataOrigin?: string } => {
  // Aggregator formats send `connections` (Budget Insight, Linxo); the others `accounts`.
  const body = {
    ...(format !== undefined && { format }),
    ...(accounts !== undefined && { accounts }),
    ...(connections !== undefined && { connections }),
  }
  const parsed = parseBody(body, format)
  if (parsed.format === 'ALGOAN') checkStrictEnums(accounts)
  const read = checked(deps, parsed)
  return AGGREGATOR_FORMATS.includes(read.format) ? { ...read, dataOrigin: 'OPEN_BANKING' } : read
}

/** An uploaded file: its bytes, its name, and its format when the client gives it. */
export interface UploadedFile {
  content: Uint8Array
  fileName?: string
  format?: string
}

/**
 * Reads uploaded files (bank statements or aggregator exports) through the registry: formats
 * detected unless given, the same account across files merged, repeated transactions counted
 * once. `dataOrigin` says where the data came from: statement files are `BANK_STATEMENT` (our
 * extension of the reference's enumeration), aggregator exports `OPEN_BANKING`.
 */
export const readFiles = (
  deps: Pick<AppDeps, 'limits'>,
  files: readonly UploadedFile[],
): { accounts: Account[]; format: string; warnings: InputWarning[]; dataOrigin: string } => {
  const parsed = parseFiles(files)
  const read = checked(deps, parsed)
  const isStatement = parsed.formats.every((format) => STATEMENT_FORMATS.includes(format))
  return { ...read, dataOrigin: isStatement ? 'BANK_STATEMENT' : 'OPEN_BANKING' }
}

/**
 * The first error issue becomes a 400 naming its field; then the per-account limit. Warnings are
 * kept for the analysis metadata.
 */
const checked = (
  deps: Pick<AppDeps, 'limits'>,
  parsed: ReturnType<typeof parseBody>,
): { accounts: Account[]; format: string; warnings: InputWarning[] } => {
  const error = parsed.issues.find((issue) => issue.severity === 'error')
  if (error) {
    const code = /is required/.test(error.message) ? 'MISSING_PARAM' : 'BAD_REQUEST'
    throw new AppError(code, formatIssue(error))
  }
  // Files (JSON exports) reach here without the HTTP body check: their text is checked as read.
  const unsafe = findUnsafeValue(parsed.accounts)
  if (unsafe)
    throw new AppError(
      'BAD_REQUEST',
      describeUnsafeValue({ ...unsafe, path: `accounts${unsafe.path}` }, 'accounts'),
    )
  parsed.accounts.forEach((account, index) => {
    if (account.transactions.length > deps.limits.maxTransactionsPerAccount) {
      throw new AppError(
        'BAD_REQUEST',
        `accounts[${index}].transactions: at most ${deps.limits.maxTransactionsPerAccount} transactions per account per upload`,
      )
    }
  })
  return { accounts: parsed.accounts, format: parsed.format, warnings: warningsOf(parsed.issues) }
}

/**
 * Stores the accounts and the warnings their reading raised, launches the analysis and enqueues
 * its job, in the caller's transaction.
 */
export const launchWithAccounts = async (
  deps: AppDeps,
  tx: Tx,
  analysis: Pick<Analysis, 'id' | 'projectId' | 'customerId'>,
  uploaded: { accounts: readonly Account[]; warnings: readonly InputWarning[] },
): Promise<void> => {
  const { projectId, customerId } = analysis
  const { accounts } = uploaded
  await deps.analyses.saveAccounts(tx, { projectId, customerId, accounts }, deps.clock.now())
  // Counted after the merge (a re-uploaded transaction is stored once); thrown inside the
  // transaction, so nothing of this upload is kept.
  const stored = await deps.analyses.countTransactions(tx, customerId)
  const limit = deps.limits.maxTransactionsPerCustomer
  if (stored > limit) {
    throw new AppError(
      'TRANSACTION_LIMIT_REACHED',
      `accounts: this upload would take the customer to ${stored} stored transactions; at most ${limit} per customer`,
    )
  }
  await deps.analyses.saveInputWarnings(tx, analysis.id, capWarnings(uploaded.warnings))
  await deps.events.publish(tx, {
    projectId,
    customerId,
    analysisId: analysis.id,
    name: 'bank_details_fetched',
  })
  await deps.jobs.enqueueAnalysis(tx, { analysisId: analysis.id })
}
