/**
 * CAMT.053 / CAMT.052 statements (ISO 20022, versions 001.02 to 001.08). Several `<Stmt>` of one
 * account (daily statements) merge into one account; several accounts stay several. Never throws.
 */
import type { AdapterIssue, AdapterResult } from '../../result.ts'
import { checkSize, toAccounts, type StatementAccount } from '../shared/statement.ts'
import { decodeText } from '../shared/text.ts'
import { parseXml } from '../shared/xml.ts'
import { looksLikeCamt, readCamtDocument } from './schema.ts'
import { toStatement } from './to-model.ts'

export { looksLikeCamt } from './schema.ts'

/** @example parseCamt(readFileSync('statement.xml')).accounts */
export const parseCamt = (input: string | Uint8Array): AdapterResult => {
  const issues: AdapterIssue[] = []
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input, issues)
  const tooBig = checkSize(text)
  if (tooBig) return { accounts: [], issues: [tooBig] }
  const head = text.slice(0, 4096)
  if (!looksLikeCamt(head)) {
    issues.push({ path: '$', message: 'not a CAMT.052 or CAMT.053 document', severity: 'error' })
    return { accounts: [], issues }
  }
  const xml = parseXml(text, issues)
  const document = xml && readCamtDocument(xml, head, issues)
  if (!document) return { accounts: [], issues }
  const statements: StatementAccount[] = []
  const kind = document.message.startsWith('camt.052') ? 'Rpt' : 'Stmt'
  for (const [index, node] of document.statements.entries()) {
    const statement = toStatement(node, `${kind}[${index}]`, issues)
    if (statement) statements.push(statement)
  }
  return toAccounts(statements, issues)
}
