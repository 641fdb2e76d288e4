import { parseConnections } from '../common/connections.ts'
import type { AdapterResult } from '../result.ts'
import { toModel } from './to-model.ts'

export { LINXO_FORMATS } from './schema.ts'

/**
 * Parses raw Linxo Connect direct account API v3 data (`{ format:
 * "OXLIN_DIRECT_ACCOUNT_API_V3", connections: [...] }`, already decoded from JSON) into
 * canonical accounts. Never throws: problems are issues.
 *
 * @example parseLinxoConnectV3(JSON.parse(text)).accounts
 */
export const parseLinxoConnectV3 = (input: unknown): AdapterResult =>
  parseConnections(input, toModel)
