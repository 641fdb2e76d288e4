/**
 * The shape of ISO 20022 cash-management statements: CAMT.053 (bank-to-customer statement,
 * versions 001.02 to 001.08) and CAMT.052 (intraday account report). The versions differ in a few
 * places this module hides: status `<Sts>BOOK</Sts>` (02–04) vs `<Sts><Cd>BOOK</Cd></Sts>` (05+),
 * `<BIC>` vs `<BICFI>`, and party names under `<Pty>` from version 05 on.
 */
import type { AccountType } from '../../../engine/model/index.ts'
import type { AdapterIssue } from '../../result.ts'
import { child, children, text, type XmlNode } from '../shared/xml.ts'

/** The namespace that identifies the message and its version: `camt.053.001.02`. */
const NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:(camt\.05[23]\.001\.\d{2})/

export interface CamtDocument {
  /** `camt.053.001.08`, or the root element's name when the namespace is missing. */
  message: string
  /** `Stmt` (053) or `Rpt` (052) elements. */
  statements: XmlNode[]
}

/** Whether the text looks like a CAMT.052/053 document (checked on its first few KB). */
export const looksLikeCamt = (head: string): boolean =>
  /<(\w+:)?(BkToCstmrStmt|BkToCstmrAcctRpt)\b/.test(head) || NAMESPACE.test(head)

/** Finds the statements of a parsed CAMT document, or records why there are none. */
export const readCamtDocument = (
  xml: XmlNode,
  head: string,
  issues: AdapterIssue[],
): CamtDocument | undefined => {
  const document = child(xml, 'Document')
  const statementRoot = child(document, 'BkToCstmrStmt')
  const reportRoot = child(document, 'BkToCstmrAcctRpt')
  const message = NAMESPACE.exec(head)?.[1] ?? (statementRoot ? 'camt.053' : 'camt.052')
  if (statementRoot) return { message, statements: nodes(children(statementRoot, 'Stmt')) }
  if (reportRoot) return { message, statements: nodes(children(reportRoot, 'Rpt')) }
  issues.push({
    path: 'Document',
    message: 'expected a CAMT.053 <BkToCstmrStmt> or CAMT.052 <BkToCstmrAcctRpt> document',
    severity: 'error',
  })
  return undefined
}

const nodes = (values: readonly unknown[]): XmlNode[] =>
  values.filter((value): value is XmlNode => typeof value === 'object' && value !== null)

/** `<Sts>BOOK</Sts>` (001.02–04) or `<Sts><Cd>BOOK</Cd></Sts>` (001.05+). */
export const statusOf = (entry: XmlNode): string | undefined =>
  text(entry, 'Sts') ?? text(child(entry, 'Sts'), 'Cd') ?? text(child(entry, 'Sts'), 'Prtry')

/** `<Nm>` of a party: directly under it (001.02–04) or under `<Pty>` (001.05+). */
export const partyName = (party: XmlNode | undefined): string | undefined =>
  text(party, 'Nm') ?? text(child(party, 'Pty'), 'Nm')

/** `<BIC>` (001.02–04) or `<BICFI>` (001.05+) of a financial institution. */
export const bicOf = (institution: XmlNode | undefined): string | undefined =>
  text(institution, 'BICFI') ?? text(institution, 'BIC')

/**
 * Balance type codes, best first: closing booked, interim booked (CAMT.052), closing available,
 * interim available, then the opening ones (which state the balance of the day before).
 */
export const BALANCE_RANK: Readonly<Record<string, number>> = {
  CLBD: 0,
  ITBD: 1,
  CLAV: 2,
  ITAV: 3,
  OPBD: 4,
  PRCD: 4,
}
/** Opening balances are the previous day's closing. */
export const OPENING_CODES: ReadonlySet<string> = new Set(['OPBD', 'PRCD'])

/** ISO 20022 external cash account type codes → ours. */
export const ACCOUNT_TYPES: Readonly<Record<string, AccountType>> = {
  CACC: 'CHECKING',
  CASH: 'CHECKING',
  TRAN: 'CHECKING',
  SVGS: 'SAVINGS',
  MOMA: 'SAVINGS',
  CARD: 'CREDIT_CARD',
  LOAN: 'LOAN',
  MGLD: 'LOAN',
}
