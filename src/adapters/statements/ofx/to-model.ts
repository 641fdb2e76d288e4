/**
 * OFX statements → statement accounts. Each `STMTTRN` is one transaction: `DTPOSTED` is the
 * booking date, `DTUSER` (when different) the operation date, `NAME` and `MEMO` the description.
 * The ledger balance (`LEDGERBAL`) is the account's balance, else the available one. Dates are
 * read as the calendar day the bank wrote (`20260131120000[-5:EST]` → 2026-01-31).
 * Knowingly wrong: OFX carries no holder name; investment statements are ignored.
 */
import type { LocalDate } from '../../../engine/model/index.ts'
import { decimalToMinor, isCurrencyCode } from '../../common/amounts.ts'
import { toLocalDate } from '../../common/dates.ts'
import type { AdapterIssue } from '../../result.ts'
import type { StatementAccount, StatementEntry } from '../shared/statement.ts'
import { child, children, text, textAt, type XmlNode } from '../shared/xml.ts'
import { ACCOUNT_TYPES, STATEMENT_PATHS } from './schema.ts'
import { excerpt } from '../../common/excerpt.ts'

const readOfxDate = (value: string | undefined): LocalDate | undefined => {
  const match = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})/.exec(value)
  return match ? toLocalDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/

/** Every bank and credit-card statement of an OFX document. */
export const toStatements = (ofx: XmlNode, issues: AdapterIssue[]): StatementAccount[] => {
  const root = child(ofx, 'OFX')
  if (root === undefined) {
    issues.push({ path: 'OFX', message: 'no <OFX> element', severity: 'error' })
    return []
  }
  const bankName = textAt(root, 'SIGNONMSGSRSV1', 'SONRS', 'FI', 'ORG')
  const statements: StatementAccount[] = []
  for (const paths of STATEMENT_PATHS) {
    for (const [w, wrapper] of children(child(root, paths.set), paths.wrapper).entries()) {
      for (const [s, statement] of children(wrapper, paths.statement).entries()) {
        const path = `${paths.set}.${paths.wrapper}[${w}].${paths.statement}[${s}]`
        const read = toStatement(statement, paths, path, issues)
        if (read === undefined) continue
        if (bankName) read.bankName = bankName
        statements.push(read)
      }
    }
  }
  return statements
}

const toStatement = (
  statement: unknown,
  paths: (typeof STATEMENT_PATHS)[number],
  path: string,
  issues: AdapterIssue[],
): StatementAccount | undefined => {
  const currency = (text(statement, 'CURDEF') ?? '').toUpperCase()
  if (!isCurrencyCode(currency)) {
    issues.push({
      path: `${path}.CURDEF`,
      message: 'expected the statement currency (CURDEF), such as EUR',
      severity: 'error',
    })
    return undefined
  }
  const account = child(statement, paths.account)
  const accountId = text(account, 'ACCTID')?.replace(/\s+/g, '')
  if (accountId === undefined) {
    issues.push({
      path: `${path}.${paths.account}.ACCTID`,
      message: 'is required',
      severity: 'error',
    })
    return undefined
  }
  const type =
    paths.statement === 'CCSTMTRS'
      ? 'CREDIT_CARD'
      : (ACCOUNT_TYPES[text(account, 'ACCTTYPE') ?? ''] ?? 'CHECKING')
  const result: StatementAccount = { source: path, currency, type, entries: [] }
  if (IBAN.test(accountId.toUpperCase())) result.iban = accountId.toUpperCase()
  else result.number = accountId
  for (const name of ['LEDGERBAL', 'AVAILBAL']) {
    const balance = child(statement, name)
    const amount = decimalToMinor(text(balance, 'BALAMT') ?? '', currency)
    const date = readOfxDate(text(balance, 'DTASOF'))
    if (amount !== undefined && date !== undefined) {
      result.balance = { amount, date }
      break
    }
  }
  const list = child(statement, 'BANKTRANLIST')
  for (const [index, transaction] of children(list, 'STMTTRN').entries()) {
    const entry = toEntry(transaction, currency, `${path}.BANKTRANLIST.STMTTRN[${index}]`, issues)
    if (entry) result.entries.push(entry)
  }
  return result
}

const toEntry = (
  transaction: unknown,
  currency: string,
  path: string,
  issues: AdapterIssue[],
): StatementEntry | undefined => {
  const rawAmount = text(transaction, 'TRNAMT') ?? ''
  // Some French banks write the amount with a decimal comma: let the reader guess per value.
  const amount = decimalToMinor(rawAmount, currency)
  if (amount === undefined) {
    issues.push({
      path: `${path}.TRNAMT`,
      message: `expected an amount, got "${excerpt(rawAmount, 20)}"; transaction skipped`,
      severity: 'warning',
    })
    return undefined
  }
  const rawDate = text(transaction, 'DTPOSTED')
  const date = readOfxDate(rawDate)
  if (date === undefined) {
    issues.push({
      path: `${path}.DTPOSTED`,
      message: `expected a date YYYYMMDD between 1970 and 2099, got "${excerpt(rawDate ?? '', 20)}"; transaction skipped`,
      severity: 'warning',
    })
    return undefined
  }
  const name = text(transaction, 'NAME') ?? textAt(transaction, 'PAYEE', 'NAME')
  const memo = text(transaction, 'MEMO')
  const description = [name, memo && name?.includes(memo) ? undefined : memo]
    .filter((p) => p !== undefined)
    .join(' ')
  const entry: StatementEntry = {
    date,
    amount,
    description: description.replace(/\s+/g, ' ').trim(),
  }
  const operationDate = readOfxDate(text(transaction, 'DTUSER'))
  if (operationDate && operationDate !== date) entry.operationDate = operationDate
  const type = text(transaction, 'TRNTYPE')
  if (type) entry.bankType = type
  return entry
}
