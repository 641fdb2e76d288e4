/**
 * The engine's entry point: canonical accounts + context → the analysis, or a refusal. Pure and
 * deterministic; the API's worker stores its output as it is.
 *
 * @example
 * const result = analyse(parseInput(text).accounts, { supportedCurrencies: ['EUR'] })
 * if (!result.ok) console.log(result.refusal.code)
 */
import { enrichAccounts } from './categorise/index.ts'
import type { Account, AnalyseResult, EngineContext } from './model/index.ts'
import { analyseEnriched } from './pipeline.ts'
import { applyProjectRules } from './project-rules.ts'
import { resolveContext } from './resolve-context.ts'

export { ENGINE_VERSION } from './version.ts'

export const analyse = (accounts: readonly Account[], ctx: EngineContext = {}): AnalyseResult => {
  // Resolve asOf once from the data, so categorisation and insights see the same date.
  const resolved = { ...ctx, asOf: resolveContext(accounts, ctx).asOf }
  // The project's rules take precedence over every built-in rule and structural pass.
  const enriched = applyProjectRules(enrichAccounts(accounts, resolved), ctx.projectRules)
  return analyseEnriched(accounts, enriched, resolved)
}
