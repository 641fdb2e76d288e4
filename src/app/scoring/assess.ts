/**
 * Affordability, score and decision of a requested credit on a stored analysis: what a scoring
 * computes when its analysis ends, and what the v2 what-if answers for any other credit on the
 * same analysis (same code, same figures, no new data).
 */
import type {
  AnalyseResult,
  AccountType,
  CreditInsights,
  DailyBalance,
  LocalDate,
  Scores,
} from '../../engine/model/index.ts'
import { computeAffordability, type LoanRequest } from '../../engine/scoring/affordability.ts'
import {
  affordabilityInputOf,
  asOfOf,
  riskFactsOf,
  type AnalysisView,
} from '../../engine/scoring/affordability-input.ts'
import { decide, type DecisionPolicy } from '../../engine/scoring/decision-policy.ts'
import { AppError, checkId, unknownEntity } from '../errors.ts'
import type { Analysis, AppDeps } from '../ports.ts'
import type { ScoringResult } from './ports.ts'
import { getPolicy } from './policy.ts'
import type { ScoringStore } from './ports.ts'

/** Every balance of an account in one page: a history is a few hundred days. */
const ALL = { limit: 100_000, page: 1 }

const parse = <T>(text: { json: string } | null): T | null =>
  // Our own stored JSON, written from these types.
  text === null ? null : (JSON.parse(text.json) as T)

/** The parts of a COMPLETED analysis affordability reads, from the store. */
export const loadAnalysisView = async (
  deps: Pick<AppDeps, 'analyses'>,
  analysis: Analysis,
): Promise<AnalysisView> => {
  const accounts = (await deps.analyses.listAccounts(analysis.id, { limit: 1000, page: 1 })).items
    // Our own stored JSON: the wire account.
    .map((text) => JSON.parse(text.json) as { id: string; type: AccountType; currency: string })
  return {
    creditInsights: parse<CreditInsights>(analysis.creditInsights),
    scores: parse<Scores>(analysis.scores),
    accounts: await Promise.all(
      accounts.map(async (account) => ({
        type: account.type,
        currency: account.currency,
        dailyBalances:
          account.type === 'CHECKING'
            ? ((await deps.analyses.listBalances(analysis.id, account.id, ALL))
                .items satisfies DailyBalance[])
            : [],
      })),
    ),
  }
}

/**
 * The analysis date: the last daily balance; without balances, the day the analysis was
 * created (the data cannot be later).
 */
const asOfFor = (view: AnalysisView, analysis: Analysis): LocalDate =>
  asOfOf(view) ?? analysis.createdAt.toISOString().slice(0, 10)

export const assess = (
  view: AnalysisView,
  asOf: LocalDate,
  request: LoanRequest,
  policy: DecisionPolicy,
  engineVersion: string | null,
): ScoringResult => {
  const affordability = computeAffordability(affordabilityInputOf(view), request, {
    asOf,
    annualRatePercent: policy.annualRatePercent,
  })
  return {
    affordability,
    decision: decide(policy, affordability, riskFactsOf(view, asOf)),
    engineVersion,
  }
}

/**
 * Assesses `request` on an analysis just computed (not stored): what `creditlens analyze
 * --loan-amount` prints. Undefined for a refused analysis.
 */
export const assessResult = (
  result: AnalyseResult,
  request: LoanRequest,
  policy: DecisionPolicy,
  asOf?: LocalDate,
): ScoringResult | undefined => {
  if (!result.ok) return undefined
  const view: AnalysisView = {
    creditInsights: result.creditInsights ?? null,
    scores: result.scores ?? null,
    accounts: result.accounts.map((a) => ({
      type: a.account.type,
      currency: a.account.currency,
      dailyBalances: a.dailyBalances,
    })),
  }
  const date = asOf ?? asOfOf(view) ?? result.metadata.firstTransactionDate?.slice(0, 10)
  if (date === undefined) return undefined
  return assess(view, date, request, policy, result.engineVersion)
}

/** Assesses `request` on a stored COMPLETED analysis with the project's policy. */
export const assessAnalysis = async (
  deps: Pick<AppDeps, 'analyses' | 'inTransaction' | 'clock'> & {
    scorings: Pick<ScoringStore, 'findPolicy' | 'savePolicy'>
  },
  analysis: Analysis,
  request: LoanRequest,
): Promise<ScoringResult> => {
  const view = await loadAnalysisView(deps, analysis)
  const policy = await getPolicy(deps, analysis.projectId)
  return assess(view, asOfFor(view, analysis), request, policy, null)
}

/**
 * The v2 what-if: affordability, score and decision of another credit on an analysis already
 * computed. 403 while the analysis is not COMPLETED (nothing to assess yet, or a refusal).
 */
export const whatIf = async (
  deps: AppDeps & { scorings: ScoringStore },
  projectId: string,
  customerId: string,
  analysisId: string,
  request: LoanRequest,
): Promise<ScoringResult> => {
  checkId(customerId, 'Customer')
  checkId(analysisId, 'Analysis')
  const analysis = await deps.analyses.find(projectId, customerId, analysisId)
  if (!analysis) throw unknownEntity('Analysis')
  if (analysis.status !== 'COMPLETED') {
    throw new AppError(
      'FORBIDDEN',
      `The analysis is ${analysis.status}: affordability needs a COMPLETED analysis`,
    )
  }
  if (analysis.scores === null || analysis.creditInsights === null) {
    throw new AppError(
      'FORBIDDEN',
      'The analysis was computed without scores or credit insights: affordability needs both',
    )
  }
  return assessAnalysis(deps, analysis, request)
}
