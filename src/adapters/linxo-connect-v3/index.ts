import { connectionsOf } from '../common/connections.ts'
import type { AdapterIssue, AdapterResult } from '../result.ts'
import { toModel } from './to-model.ts'

export { LINXO_FORMATS } from './schema.ts'

/**
 * Parses raw Linxo Connect direct account API v3 data (`{ format:
 * "OXLIN_DIRECT_ACCOUNT_API_V3", connections: [...] }`, already decoded from JSON) into
 * canonical accounts. Never throws: problems are issues.
 *
 * @example parseLinxoConnectV3(JSON.parse(text)).accounts
 */
export const parseLinxoConnectV3 = (input: unknown): AdapterResult => {
  const issues: AdapterIssue[] = []
  const connections = connectionsOf(input, issues)
  if (connections === undefined) return { accounts: [], issues }
  const mapped = toModel(connections)
  issues.push(...mapped.issues)
  return { accounts: issues.some((i) => i.severity === 'error') ? [] : mapped.accounts, issues }
}
