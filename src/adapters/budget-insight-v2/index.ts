import { connectionsOf } from '../common/connections.ts'
import type { AdapterIssue, AdapterResult } from '../result.ts'
import { toModel } from './to-model.ts'

export { BI_FORMATS } from './schema.ts'

/**
 * Parses raw Budget Insight v2.0 data (`{ format: "BUDGET_INSIGHT_V2_0", connections: [...] }`,
 * already decoded from JSON) into canonical accounts. Never throws: problems are issues.
 *
 * @example parseBudgetInsightV2(JSON.parse(text)).accounts
 */
export const parseBudgetInsightV2 = (input: unknown): AdapterResult => {
  const issues: AdapterIssue[] = []
  const connections = connectionsOf(input, issues)
  if (connections === undefined) return { accounts: [], issues }
  const mapped = toModel(connections)
  issues.push(...mapped.issues)
  return { accounts: issues.some((i) => i.severity === 'error') ? [] : mapped.accounts, issues }
}
