/**
 * SWIFT MT940 statements, with the German, Dutch/Belgian and free-text dialects of field 86.
 * Consecutive statements of one account (daily or monthly) merge into one account. Never throws.
 */
import type { AdapterIssue, AdapterResult } from '../../result.ts'
import { checkSize, toAccounts, type StatementAccount } from '../shared/statement.ts'
import { decodeText, linesOf } from '../shared/text.ts'
import { readStatements } from './schema.ts'
import { toStatement } from './to-model.ts'

export { looksLikeMt940 } from './schema.ts'

/** @example parseMt940(readFileSync('statement.sta')).accounts */
export const parseMt940 = (input: string | Uint8Array): AdapterResult => {
  const issues: AdapterIssue[] = []
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input, issues)
  const tooBig = checkSize(text)
  if (tooBig) return { accounts: [], issues: [tooBig] }
  const statements: StatementAccount[] = []
  for (const fields of readStatements(linesOf(text))) {
    const statement = toStatement(fields, issues)
    if (statement) statements.push(statement)
  }
  return toAccounts(statements, issues)
}
