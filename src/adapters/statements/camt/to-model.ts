/**
 * CAMT statements → statement accounts. Each `<Ntry>` is one transaction (a batch entry is kept
 * as one booking, as the account saw it); its description joins the entry's additional
 * information, the counterparty's name and the unstructured remittance lines. Pending entries
 * (`PDNG`) are kept as coming; information-only entries (`INFO`) are skipped.
 */
import { addDays, type LocalDate } from '../../../engine/model/index.ts'
import { decimalToMinor, isCurrencyCode } from '../../common/amounts.ts'
import type { AdapterIssue } from '../../result.ts'
import { toLocalDate } from '../../common/dates.ts'
import type { StatementAccount, StatementEntry } from '../shared/statement.ts'
import { attribute, child, children, text, textAt, type XmlNode } from '../shared/xml.ts'
import { ACCOUNT_TYPES, BALANCE_RANK, bicOf, OPENING_CODES, partyName, statusOf } from './schema.ts'
import { excerpt } from '../../common/excerpt.ts'

/** `2026-01-31` or `2026-01-31T23:59:59+01:00` → the calendar day as written. */
const readIsoDay = (value: string | undefined): LocalDate | undefined => {
  const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  return match ? toLocalDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined
}

/** `<BookgDt><Dt>…</Dt></BookgDt>` or `<BookgDt><DtTm>…</DtTm></BookgDt>`. */
const dateOf = (node: XmlNode | undefined): LocalDate | undefined =>
  readIsoDay(text(node, 'Dt') ?? text(node, 'DtTm'))

/** A signed amount in minor units from `<Amt Ccy="EUR">12.50</Amt>` and `<CdtDbtInd>`. */
const signedAmount = (node: XmlNode, currency: string): number | undefined => {
  const amount = decimalToMinor(text(node, 'Amt') ?? '', currency, '.')
  if (amount === undefined) return undefined
  return text(node, 'CdtDbtInd') === 'DBIT' ? -Math.abs(amount) : Math.abs(amount)
}

export const toStatement = (
  statement: XmlNode,
  path: string,
  issues: AdapterIssue[],
): StatementAccount | undefined => {
  const account = child(statement, 'Acct')
  const firstAmount =
    child(child(statement, 'Ntry'), 'Amt') ?? child(child(statement, 'Bal'), 'Amt')
  const currency = (text(account, 'Ccy') ?? attribute(firstAmount, 'Ccy') ?? '').toUpperCase()
  if (!isCurrencyCode(currency)) {
    issues.push({
      path: `${path}.Acct.Ccy`,
      message: 'the account has no ISO 4217 currency',
      severity: 'error',
    })
    return undefined
  }
  const result: StatementAccount = {
    source: path,
    currency,
    type: ACCOUNT_TYPES[textAt(account, 'Tp', 'Cd') ?? ''] ?? 'CHECKING',
    entries: [],
  }
  const iban = textAt(account, 'Id', 'IBAN')
  const other = textAt(account, 'Id', 'Othr', 'Id')
  if (iban) result.iban = iban
  else if (other) result.number = other
  else {
    issues.push({
      path: `${path}.Acct.Id`,
      message: 'the account has no IBAN or other identifier',
      severity: 'error',
    })
    return undefined
  }
  const name = text(account, 'Nm')
  if (name) result.name = name
  const holder = partyName(child(account, 'Ownr'))
  if (holder) result.holderName = holder
  const servicer = child(child(account, 'Svcr'), 'FinInstnId')
  const bic = bicOf(servicer)
  if (bic) result.bic = bic
  const bankName = text(servicer, 'Nm')
  if (bankName) result.bankName = bankName
  const balance = pickBalance(statement, currency)
  if (balance) result.balance = balance
  for (const [index, entry] of children(statement, 'Ntry').entries()) {
    const read = toEntry(entry, currency, `${path}.Ntry[${index}]`, issues)
    if (read) result.entries.push(read)
  }
  return result
}

const pickBalance = (statement: XmlNode, currency: string): StatementAccount['balance'] => {
  let best: { amount: number; date: LocalDate; rank: number } | undefined
  for (const node of children(statement, 'Bal')) {
    if (typeof node !== 'object' || node === null) continue
    const balance = node as XmlNode // filtered to objects just above
    const code =
      textAt(balance, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(balance, 'Tp', 'CdOrPrtry', 'Prtry') ?? ''
    const rank = BALANCE_RANK[code]
    const amount = signedAmount(balance, currency)
    const day = dateOf(child(balance, 'Dt'))
    if (rank === undefined || amount === undefined || day === undefined) continue
    const date = OPENING_CODES.has(code) ? addDays(day, -1) : day
    if (best === undefined || rank < best.rank || (rank === best.rank && date > best.date)) {
      best = { amount, date, rank }
    }
  }
  return best && { amount: best.amount, date: best.date }
}

const toEntry = (
  value: unknown,
  currency: string,
  path: string,
  issues: AdapterIssue[],
): StatementEntry | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  const entry = value as XmlNode // filtered to objects just above
  const status = statusOf(entry)
  if (status === 'INFO') return undefined
  const entryCurrency = (attribute(child(entry, 'Amt'), 'Ccy') ?? currency).toUpperCase()
  const amount = signedAmount(entry, entryCurrency)
  if (amount === undefined) {
    issues.push({
      path: `${path}.Amt`,
      message: `expected a decimal amount, got "${excerpt(text(entry, 'Amt') ?? '', 20)}"; entry skipped`,
      severity: 'warning',
    })
    return undefined
  }
  if (entryCurrency !== currency) {
    issues.push({
      path: `${path}.Amt`,
      message: `amount in ${excerpt(entryCurrency, 3)} on a ${currency} account; entry skipped`,
      severity: 'warning',
    })
    return undefined
  }
  // A booking date that is present but unreadable is not replaced by the value date: a bad
  // date means a bad file, and guessing would hide it.
  const bookingNode = child(entry, 'BookgDt')
  const date = bookingNode ? dateOf(bookingNode) : dateOf(child(entry, 'ValDt'))
  if (date === undefined) {
    issues.push({
      path: `${path}.BookgDt`,
      message: 'expected a booking date between 1970 and 2099; entry skipped',
      severity: 'warning',
    })
    return undefined
  }
  const result: StatementEntry = { date, amount, description: descriptionOf(entry, amount) }
  if (status === 'PDNG') result.isComing = true
  const domain =
    textAt(entry, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd') ?? textAt(entry, 'BkTxCd', 'Prtry', 'Cd')
  if (domain) result.bankType = domain
  return result
}

/** Additional information, counterparty and remittance lines, each part once. */
const descriptionOf = (entry: XmlNode, amount: number): string => {
  const parts: string[] = []
  const add = (part: string | undefined) => {
    const clean = part?.replace(/\s+/g, ' ').trim()
    if (clean && !parts.some((p) => p.includes(clean))) parts.push(clean)
  }
  add(text(entry, 'AddtlNtryInf'))
  for (const details of children(child(entry, 'NtryDtls'), 'TxDtls').slice(0, 10)) {
    const parties = child(details, 'RltdPties')
    // The counterparty: who was paid on a debit, who paid on a credit.
    add(partyName(child(parties, amount < 0 ? 'Cdtr' : 'Dbtr')))
    for (const line of children(child(details, 'RmtInf'), 'Ustrd')) add(text(line))
    add(text(details, 'AddtlTxInf'))
  }
  return parts.join(' ')
}
