/**
 * "Re-analyse" in the console: a new analysis of the same customer's stored data, run with the
 * project's rules as they are now; the new analysis remembers which one it started from, so that
 * the console can show what changed (categories, income, scores).
 */
import { AppError } from './errors.ts'
import type { ConsoleStore } from './console-ports.ts'
import { findProjectAnalysis } from './decision-file.ts'
import type { Analysis, AppDeps } from './ports.ts'

export const reanalyse = async (
  deps: AppDeps & { console: ConsoleStore },
  projectId: string,
  analysisId: string,
): Promise<Analysis> => {
  const previous = await findProjectAnalysis(deps, projectId, analysisId)
  if (!previous.hasAccounts) {
    throw new AppError('FORBIDDEN', 'This analysis has no bank data to analyse again')
  }
  const now = deps.clock.now()
  const analysis: Analysis = {
    ...previous,
    id: deps.ids.next(),
    status: 'IN_PROGRESS',
    createdAt: now,
    updatedAt: now,
    metadata: null,
    creditInsights: null,
    scores: null,
    error: null,
  }
  const warnings = await deps.analyses.loadInputWarnings(previous.id)
  await deps.inTransaction(async (tx) => {
    await deps.analyses.insert(tx, analysis)
    await deps.analyses.saveInputWarnings(tx, analysis.id, warnings)
    await deps.console.recordRerun(tx, analysis.id, previous.id)
    await deps.jobs.enqueueAnalysis(tx, { analysisId: analysis.id })
  })
  return analysis
}
