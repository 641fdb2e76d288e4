/**
 * OFX statements, 1.x (SGML) and 2.x (XML), bank and credit-card. Both are normalised to XML
 * (`sgml.ts`) and read by the same XML parser. The header's character set decides how
 * bytes are decoded (most French OFX files are Windows-1252). Never throws.
 */
import type { AdapterIssue, AdapterResult } from '../../result.ts'
import { checkSize, toAccounts } from '../shared/statement.ts'
import { decodeText } from '../shared/text.ts'
import { parseXml } from '../shared/xml.ts'
import { declaredCharset, looksLikeOfx } from './schema.ts'
import { sgmlToXml } from './sgml.ts'
import { toStatements } from './to-model.ts'

export { looksLikeOfx } from './schema.ts'

/** @example parseOfx(readFileSync('releve.ofx')).accounts */
export const parseOfx = (input: string | Uint8Array): AdapterResult => {
  const issues: AdapterIssue[] = []
  const text =
    typeof input === 'string'
      ? input.replace(/^\uFEFF/, '')
      : decodeText(input, issues, declaredCharset(input))
  const tooBig = checkSize(text)
  if (tooBig) return { accounts: [], issues: [tooBig] }
  const head = text.slice(0, 4096)
  const start = text.search(/<OFX>/i)
  if (!looksLikeOfx(head) || start === -1) {
    issues.push({ path: '$', message: 'not an OFX file: no <OFX> element', severity: 'error' })
    return { accounts: [], issues }
  }
  const body = text.slice(start)
  // 2.x goes through the same pass: it is harmless on well-formed XML and repairs what banks
  // get wrong in it (a bare `&` in a payee name, an unclosed leaf).
  const xml = parseXml(sgmlToXml(body, text.slice(0, start).split('\n').length - 1), issues)
  if (!xml) return { accounts: [], issues }
  return toAccounts(toStatements(xml, issues), issues)
}
