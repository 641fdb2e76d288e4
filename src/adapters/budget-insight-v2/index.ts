import type { AdapterResult } from '../result.ts'
import { conforms } from '../common/schema-check.ts'
import type { AdapterIssue } from '../result.ts'
import { BiInput } from './schema.ts'
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
  if (!conforms(BiInput, input, '', 'error', issues)) return { accounts: [], issues }
  const mapped = toModel(input.connections)
  issues.push(...mapped.issues)
  return { accounts: issues.some((i) => i.severity === 'error') ? [] : mapped.accounts, issues }
}
