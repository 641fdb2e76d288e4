/**
 * CSV bank statements: delimiter, header, decimal separator, date layout and bank preset
 * detected (or given), rows read into one account per account column value. Never throws.
 */
import type { AdapterIssue, AdapterResult } from '../../result.ts'
import { checkSize, toAccounts } from '../shared/statement.ts'
import { decodeText } from '../shared/text.ts'
import { detectLayout, toStatements, type CsvOptions } from './to-model.ts'

export { PRESETS } from './presets.ts'
export type { CsvOptions } from './to-model.ts'

/**
 * @example parseCsv(readFileSync('ing.csv')).accounts
 */
export const parseCsv = (input: string | Uint8Array, options: CsvOptions = {}): AdapterResult => {
  const issues: AdapterIssue[] = []
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input, issues)
  const tooBig = checkSize(text)
  if (tooBig) return { accounts: [], issues: [tooBig] }
  const found = detectLayout(text, options, issues)
  if (!found) return { accounts: [], issues }
  return toAccounts(toStatements(text, found, issues), issues)
}

/** Whether text looks like a CSV statement: a recognisable header row. */
export const looksLikeCsv = (text: string): boolean =>
  detectLayout(text.slice(0, 64_000), {}, []) !== undefined
