/**
 * The worker side of an analysis: load every account and transaction of the customer, run the
 * engine, store the result (COMPLETED, or ERROR with the refusal code) and publish
 * `analysis_completed`, all at most once per analysis whatever the retries. Accounts without a
 * named owner are given the customer's identity names for own-account detection, and the
 * metadata carries the input warnings (see analysis-notes.ts).
 */
import { customerHolderNames, restoreOwners, withHolderNames, withNotes } from './analysis-notes.ts'
import type { Analysis, AppDeps, EncodedResult } from './ports.ts'
import { engineRulesOf } from './project-rules.ts'
import { analysisToJson } from './wire.ts'

export type RunOutcome = 'completed' | 'refused' | 'skipped'

/**
 * Runs an analysis. `attempt` counts the earlier attempts of its job: above 0 the service is
 * relaunching it after an internal error (a failed or lost attempt), and its `source` becomes
 * INTERNAL, as the reference says of an analysis Algoan relaunches.
 */
export const runAnalysis = async (
  deps: AppDeps,
  analysisId: string,
  options: { attempt?: number } = {},
): Promise<RunOutcome> => {
  const found = await deps.analyses.findById(analysisId)
  // Idempotent: a retried job whose analysis is already finished (or gone) does nothing.
  if (!found || found.status !== 'IN_PROGRESS') return 'skipped'
  const analysis = (options.attempt ?? 0) > 0 ? await markRelaunched(deps, found) : found
  const project = await deps.credentials.findProject(analysis.projectId)
  const stored = await deps.analyses.loadAccounts(analysis.customerId)
  const customer = await deps.customers.find(analysis.projectId, analysis.customerId)
  const warnings = await deps.analyses.loadInputWarnings(analysisId)
  // The project's live rules, newest first; the analysis records exactly this set.
  const rules = deps.rules && engineRulesOf(await deps.rules.listLive(analysis.projectId))
  const given = stored.map((entry) => entry.account)
  const named = withHolderNames(given, [
    { source: 'CUSTOMER_IDENTITY', names: customerHolderNames(customer?.personalDetails) },
  ])
  const result = restoreOwners(
    deps.analyse(named.accounts, {
      ...(project && { supportedCurrencies: project.supportedCurrencies }),
      parameters: analysis.parameters,
      ...(rules && rules.length > 0 && { projectRules: rules }),
    }),
    given,
  )
  const datesById = new Map(stored.map((entry) => [entry.account.id, entry]))
  // The engine shapes each account for the wire; the store adds when it first saw it.
  const accounts = result.accounts.map((analysed) => {
    const dates = datesById.get(analysed.id)
    return {
      wire: {
        ...analysed.account,
        ...(dates && {
          createdAt: dates.createdAt.toISOString(),
          updatedAt: dates.updatedAt.toISOString(),
        }),
      },
      result: analysed,
    }
  })
  const encoded = deps.analyses.encodeResult(
    result.ok
      ? {
          status: 'COMPLETED',
          metadata: withNotes(result.metadata, warnings, named.ownAccountDetection),
          creditInsights: result.creditInsights ?? null,
          scores: result.scores ?? null,
          error: null,
          engineVersion: result.engineVersion,
          accounts,
        }
      : {
          status: 'ERROR',
          metadata: null,
          creditInsights: null,
          scores: null,
          error: result.refusal,
          engineVersion: result.engineVersion,
          accounts,
        },
  )
  const now = deps.clock.now()
  const version = await deps.inTransaction(async (tx) => {
    const stored = await deps.analyses.complete(tx, analysisId, encoded, now)
    if (stored !== undefined) await publishCompleted(deps, tx, analysis)
    if (stored !== undefined && deps.rules && rules)
      await deps.rules.saveRuleSet(tx, analysisId, rules)
    return stored
  })
  if (version === undefined) return 'skipped'
  primeWire(deps, analysis, encoded, now, version)
  return result.ok ? 'completed' : 'refused'
}

/** Records that the service relaunched the analysis (source INTERNAL), before it runs again. */
const markRelaunched = async (deps: AppDeps, analysis: Analysis): Promise<Analysis> => {
  if (analysis.source === 'INTERNAL') return analysis
  const now = deps.clock.now()
  await deps.inTransaction((tx) =>
    deps.analyses.setStatus(tx, analysis.id, { source: 'INTERNAL' }, now),
  )
  return { ...analysis, source: 'INTERNAL', updatedAt: now }
}

/**
 * Puts the completed analysis in this process's wire cache under its new version: the bytes a
 * read would build from the store, built from the same texts.
 */
const primeWire = (
  deps: AppDeps,
  analysis: Analysis,
  result: EncodedResult,
  now: Date,
  version: string,
): void => {
  if (!deps.analysisWire) return
  const completed: Analysis = {
    ...analysis,
    status: result.status,
    updatedAt: now,
    metadata: result.metadata,
    creditInsights: result.creditInsights,
    scores: result.scores,
    error: result.error,
  }
  deps.analysisWire.set(analysis.id, version, Buffer.from(analysisToJson(completed)))
}

/**
 * Ends an analysis whose job kept failing in ERROR `INTERNAL_ERROR`, so it is never stuck
 * IN_PROGRESS. Does nothing if it already finished.
 */
export const failAnalysis = async (deps: AppDeps, analysisId: string): Promise<boolean> => {
  const analysis = await deps.analyses.findById(analysisId)
  if (!analysis) return false
  const encoded = deps.analyses.encodeResult({
    status: 'ERROR',
    metadata: null,
    creditInsights: null,
    scores: null,
    error: {
      code: 'INTERNAL_ERROR',
      message: 'The analysis could not be computed; contact support with its id',
    },
    engineVersion: null,
    accounts: [],
  })
  return deps.inTransaction(async (tx) => {
    const version = await deps.analyses.complete(tx, analysisId, encoded, deps.clock.now())
    if (version !== undefined) await publishCompleted(deps, tx, analysis)
    return version !== undefined
  })
}

const publishCompleted = (
  deps: AppDeps,
  tx: Parameters<AppDeps['events']['publish']>[0],
  analysis: { projectId: string; customerId: string; id: string },
) =>
  deps.events.publish(tx, {
    projectId: analysis.projectId,
    customerId: analysis.customerId,
    analysisId: analysis.id,
    name: 'analysis_completed',
  })
