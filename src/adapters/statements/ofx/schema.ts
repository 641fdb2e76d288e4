/**
 * The shape of OFX statements (1.x SGML and 2.x XML): the header that names the version and the
 * character set, and the bank (`STMTRS`) and credit-card (`CCSTMTRS`) statement aggregates.
 */
import type { AccountType } from '../../../engine/model/index.ts'

export interface OfxHeader {
  /** `1` (SGML) or `2` (XML). */
  major: 1 | 2
  /** Declared character set, e.g. `1252`, `ISO-8859-1`, `UTF-8`. */
  charset?: string
}

/** Whether the text looks like OFX (checked on its first few KB). */
export const looksLikeOfx = (head: string): boolean => /OFXHEADER|<OFX>/i.test(head)

/**
 * Reads the header. 1.x: `OFXHEADER:100` lines with `ENCODING:` and `CHARSET:`; 2.x: an XML
 * declaration and `<?OFX OFXHEADER="200" …?>`.
 */
export const readHeader = (head: string): OfxHeader => {
  if (/<\?OFX\b|<\?xml\b/i.test(head)) {
    const encoding = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]
    return encoding === undefined ? { major: 2 } : { major: 2, charset: encoding }
  }
  const charset = /^CHARSET:\s*(\S+)/im.exec(head)?.[1]
  const encoding = /^ENCODING:\s*(\S+)/im.exec(head)?.[1]
  const declared = encoding?.toUpperCase() === 'UTF-8' ? 'UTF-8' : charset
  return declared === undefined || declared.toUpperCase() === 'NONE'
    ? { major: 1 }
    : { major: 1, charset: declared }
}

/** Reads the declared charset from raw bytes (the header is ASCII in every OFX version). */
export const declaredCharset = (bytes: Uint8Array): string | undefined =>
  readHeader(new TextDecoder('latin1').decode(bytes.subarray(0, 1024))).charset

/** OFX `ACCTTYPE` → ours. A credit card statement (`CCSTMTRS`) is always CREDIT_CARD. */
export const ACCOUNT_TYPES: Readonly<Record<string, AccountType>> = {
  CHECKING: 'CHECKING',
  SAVINGS: 'SAVINGS',
  MONEYMRKT: 'SAVINGS',
  CD: 'SAVINGS',
  CREDITLINE: 'LOAN',
}

/** Where statements live: message set, transaction wrapper, statement, account aggregate. */
export const STATEMENT_PATHS = [
  { set: 'BANKMSGSRSV1', wrapper: 'STMTTRNRS', statement: 'STMTRS', account: 'BANKACCTFROM' },
  {
    set: 'CREDITCARDMSGSRSV1',
    wrapper: 'CCSTMTTRNRS',
    statement: 'CCSTMTRS',
    account: 'CCACCTFROM',
  },
] as const
