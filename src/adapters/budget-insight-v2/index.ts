import { parseConnections } from '../common/connections.ts'
import type { AdapterResult } from '../result.ts'
import { toModel } from './to-model.ts'

export { BI_FORMATS } from './schema.ts'

/**
 * Parses raw Budget Insight v2.0 data (`{ format: "BUDGET_INSIGHT_V2_0", connections: [...] }`,
 * already decoded from JSON) into canonical accounts. Never throws: problems are issues.
 *
 * @example parseBudgetInsightV2(JSON.parse(text)).accounts
 */
export const parseBudgetInsightV2 = (input: unknown): AdapterResult =>
  parseConnections(input, toModel)
