/**
 * The worker side of an analysis: load the customer's accounts and the transactions of the
 * analysis window (default the last 12 months before the latest date of the data), run the
 * engine off the event loop, store the result (COMPLETED, or ERROR with the refusal code) and publish
 * `analysis_completed`, all at most once per analysis whatever the retries. Accounts without a
 * named owner are given the customer's identity names for own-account detection, and the
 * metadata carries the input warnings (see analysis-notes.ts).
 */
import type { Account, EngineContext, Transaction } from '../engine/model/index.ts'
import {
  customerHolderNames,
  restoreOwners,
  withHolderNames,
  withNotes,
  type InputWarning,
} from './analysis-notes.ts'
import type {
  Analyser,
  Analysis,
  AnalysisStore,
  AppDeps,
  EncodedResult,
  StoredAnalysisInput,
} from './ports.ts'
import { engineRulesOf } from './project-rules.ts'
import { analysisToJson } from './wire.ts'

export type RunOutcome = 'completed' | 'refused' | 'skipped'

/** Months of history an analysis covers when its parameters do not say (docs/decisions/bounded-customer-data.md). */
export const DEFAULT_WINDOW_MONTHS = 12

/**
 * The exclusive lower bound of a window of `months` ending on `asOf`: transactions dated after
 * it are analysed. 2026-08-21 and 12 months → 2025-08-21; a day missing in the target month
 * is clamped (2026-03-31 and 1 month → 2026-02-28).
 */
export const windowStart = (asOf: string, months: number): string => {
  const year = Number(asOf.slice(0, 4))
  const month = Number(asOf.slice(5, 7)) - 1 - months
  const target = new Date(Date.UTC(year, month, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  const day = Math.min(Number(asOf.slice(8, 10)), lastDay)
  return `${target.toISOString().slice(0, 8)}${String(day).padStart(2, '0')}`
}

const byDateThenId = (a: Transaction, b: Transaction): number => {
  const left = a.date ?? '\uffff'
  const right = b.date ?? '\uffff'
  if (left !== right) return left < right ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Everything the engine step needs, as plain data: it crosses to a worker thread as it is. */
export interface AnalysisInput {
  stored: StoredAnalysisInput
  /** The customer's identity names, for own-account detection on accounts without an owner. */
  customerNames: string[]
  warnings: InputWarning[]
  context: EngineContext
}

/**
 * The engine step of an analysis, pure and synchronous: parse the stored transactions, run the
 * engine, shape and encode the result. It runs on a worker thread (src/jobs/engine-pool.ts) so
 * that the HTTP thread never waits for it, or inline when no pool is configured.
 */
export const computeAnalysis = (
  input: AnalysisInput,
  analyse: Analyser,
  encode: AnalysisStore['encodeResult'],
): EncodedResult => {
  const byAccount = new Map<string, Transaction[]>()
  for (const text of input.stored.transactionTexts) {
    // Written by the store's loadAnalysisInput: an array of { id, account_id, data }.
    const rows = JSON.parse(text) as {
      id: string
      account_id: string
      data: Omit<Transaction, 'id' | 'accountId'>
    }[]
    for (const row of rows) {
      const list = byAccount.get(row.account_id) ?? []
      list.push({ ...row.data, id: row.id, accountId: row.account_id })
      byAccount.set(row.account_id, list)
    }
  }
  // Each account's transactions by date, then id: the order its enriched transactions are
  // listed in (a transaction without a date last).
  const given: Account[] = input.stored.accounts.map(({ account }) => ({
    ...account,
    transactions: (byAccount.get(account.id) ?? []).sort(byDateThenId),
  }))
  const named = withHolderNames(given, [
    { source: 'CUSTOMER_IDENTITY', names: input.customerNames },
  ])
  const result = restoreOwners(analyse(named.accounts, input.context), given)
  const datesById = new Map(input.stored.accounts.map((entry) => [entry.account.id, entry]))
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
  return encode(
    result.ok
      ? {
          status: 'COMPLETED',
          metadata: withNotes(result.metadata, input.warnings, named.ownAccountDetection),
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
}

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
  const customer = await deps.customers.find(analysis.projectId, analysis.customerId)
  const warnings = await deps.analyses.loadInputWarnings(analysisId)
  // The project's live rules, newest first (plain data: they cross to the engine's thread);
  // the analysis records exactly this set.
  const rules = deps.rules && engineRulesOf(await deps.rules.listLive(analysis.projectId))
  // The window ends on the latest date of the data, the date the engine analyses as of.
  const asOf = await deps.analyses.latestDate(analysis.customerId)
  const months = analysis.parameters.windowMonths ?? DEFAULT_WINDOW_MONTHS
  const after = asOf === undefined ? undefined : windowStart(asOf, months)
  const input: AnalysisInput = {
    stored: await deps.analyses.loadAnalysisInput(analysis.customerId, after),
    customerNames: customerHolderNames(customer?.personalDetails),
    warnings,
    context: {
      ...(project && { supportedCurrencies: project.supportedCurrencies }),
      parameters: analysis.parameters,
      ...(rules && rules.length > 0 && { projectRules: rules }),
    },
  }
  const encoded = deps.compute
    ? await deps.compute(input)
    : computeAnalysis(input, deps.analyse, deps.analyses.encodeResult)
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
  return encoded.status === 'COMPLETED' ? 'completed' : 'refused'
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
  // Too large to have been handed back whole: the first read builds it from the store.
  if (!deps.analysisWire || result.creditInsights === undefined) return
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
