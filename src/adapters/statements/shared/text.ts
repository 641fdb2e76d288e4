/**
 * Bytes of a statement file to text. Banks still export Windows-1252 (Latin-1) files, often
 * without saying so; reading them as UTF-8 would turn every accent into U+FFFD and break the
 * payee names the engine matches on.
 */
import type { AdapterIssue } from '../../result.ts'

const UTF8 = new TextDecoder('utf-8', { fatal: true })
// windows-1252 is a superset of ISO-8859-1's printable range; WHATWG maps "latin1" to it anyway.
const CP1252 = new TextDecoder('windows-1252')

/**
 * Decodes `bytes`: UTF-8 when valid (BOM dropped), else Windows-1252. `declared` is the charset
 * the file states, if any (`1252`, `ISO-8859-1`, `UTF-8`); a Windows-1252 fallback on a file that
 * declares nothing (or UTF-8) adds a warning, since the file said otherwise or nothing.
 */
export const decodeText = (
  bytes: Uint8Array,
  issues: AdapterIssue[],
  declared?: string,
): string => {
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    const isLatin = declared !== undefined && /1252|8859|latin|ansi/i.test(declared)
    if (!isLatin) {
      issues.push({
        path: '$',
        message: 'the file is not valid UTF-8; read as Windows-1252 (Latin-1)',
        severity: 'warning',
      })
    }
    return CP1252.decode(bytes)
  }
}

/** Splits text into lines (CRLF, LF or CR). */
export const linesOf = (text: string): string[] => text.split(/\r\n|\n|\r/)
