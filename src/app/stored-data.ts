/**
 * What the result routes of an analysis serve, by status (docs/error-codes.md): the computed
 * results once the analysis has them, the data stored for it while it runs (accounts and
 * transactions with empty enrichments), 202 while nothing is there yet, and ANALYSIS_IN_ERROR
 * for an analysis in ERROR without the asked result.
 */
import { toMajor } from '../engine/model/index.ts'
import type { Account, Transaction } from '../engine/model/index.ts'
import { toWireAccount } from '../engine/wire.ts'
import { AppError, checkId, unknownEntity } from './errors.ts'
import type { AnalysisHead, AppDeps, JsonText, Page, PageRequest } from './ports.ts'

/** Where a result route reads: the analysis' results, the stored data, or nowhere yet. */
export type ResultSource = 'computed' | 'stored' | 'not_ready'

/** An analysis in ERROR after its job kept failing: it stored no results of its own. */
/** What deciding where a result comes from needs of an analysis. */
export type AnalysisState = Pick<AnalysisHead, 'id' | 'status' | 'error' | 'hasAccounts'>

const failedInternally = (analysis: AnalysisState): boolean =>
  analysis.status === 'ERROR' && analysis.error?.code === 'INTERNAL_ERROR'

export const analysisInError = (analysis: AnalysisState, what: string): AppError =>
  new AppError(
    'ANALYSIS_IN_ERROR',
    `The analysis ended in error (${analysis.error?.code ?? 'ERROR'}): it has no ${what}`,
  )

/**
 * Where the scores and credit insights come from: COMPLETED has them; CREATED and IN_PROGRESS
 * are not ready (202); ERROR has none (ANALYSIS_IN_ERROR).
 */
export const insightsSource = (analysis: AnalysisHead, what: string): ResultSource => {
  if (analysis.status === 'COMPLETED') return 'computed'
  if (analysis.status === 'ERROR') throw analysisInError(analysis, what)
  return 'not_ready'
}

/**
 * Where accounts and transactions come from: the computed results (COMPLETED, or ERROR refused
 * by the engine, which still enriches them); the stored data as soon as it is stored
 * (IN_PROGRESS, or ERROR after an internal failure); not ready while CREATED.
 */
export const dataSource = (analysis: AnalysisState, what: string): ResultSource => {
  if (!analysis.hasAccounts) {
    if (analysis.status === 'ERROR') throw analysisInError(analysis, what)
    return 'not_ready'
  }
  if (analysis.status === 'IN_PROGRESS' || failedInternally(analysis)) return 'stored'
  return analysis.status === 'CREATED' ? 'not_ready' : 'computed'
}

/** Daily balances exist once computed: 202 while running, ANALYSIS_IN_ERROR when never computed. */
export const balancesSource = (analysis: AnalysisHead): ResultSource => {
  const source = dataSource(analysis, 'daily balances')
  if (source !== 'stored') return source
  if (analysis.status === 'ERROR') throw analysisInError(analysis, 'daily balances')
  return 'not_ready'
}

/** A stored transaction in the wire shape, its enrichments not computed yet. */
const pendingTransaction = (transaction: Transaction) => ({
  id: transaction.id,
  accountId: transaction.accountId,
  description: transaction.description,
  dates: {
    debitedAt: transaction.dates.debitedAt ?? null,
    bookedAt: transaction.dates.bookedAt ?? null,
  },
  amount: toMajor(transaction.amount, transaction.currency),
  currency: transaction.currency,
  enrichments: {},
  isComing: transaction.isComing,
  aggregator: transaction.aggregator ?? {},
  isNonAnalysed: false,
})

const pageOf = <T>(items: readonly T[], { limit, page }: PageRequest): Page<JsonText> => ({
  items: items
    .slice((page - 1) * limit, page * limit)
    .map((item) => ({ json: JSON.stringify(item) })),
  total: items.length,
})

/** Every account the analysis will use: the customer's, in upload order. */
const storedAccounts = async (deps: AppDeps, analysis: AnalysisHead) =>
  deps.analyses.loadAccounts(analysis.customerId)

/** The accounts stored for an analysis not computed yet, as its accounts route serves them. */
export const listStoredAccounts = async (
  deps: AppDeps,
  analysis: AnalysisHead,
  page: PageRequest,
): Promise<Page<JsonText>> => {
  const stored = await storedAccounts(deps, analysis)
  return pageOf(
    stored.map(({ account, createdAt, updatedAt }) => ({
      ...toWireAccount(account),
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
    page,
  )
}

/** The stored transactions (of one account, or all), in account order, enrichments empty. */
export const listStoredTransactions = async (
  deps: AppDeps,
  analysis: AnalysisHead,
  accountId: string | undefined,
  page: PageRequest,
): Promise<Page<JsonText>> => {
  const stored = await storedAccounts(deps, analysis)
  let accounts: Account[] = stored.map((entry) => entry.account)
  if (accountId !== undefined) {
    checkId(accountId, 'Account')
    accounts = accounts.filter((account) => account.id === accountId)
    if (accounts.length === 0) throw unknownEntity('Account')
  }
  return pageOf(
    accounts.flatMap((account) => account.transactions.map(pendingTransaction)),
    page,
  )
}
