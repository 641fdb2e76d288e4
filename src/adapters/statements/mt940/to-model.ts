/**
 * MT940 statements → statement accounts. `:61:` lines are the transactions (booking date = the
 * entry date when given, else the value date), each described by the `:86:` that follows it, or
 * by the `:61:` supplementary details when there is none. The closing balance `:62F:` is the
 * account's balance. Account: `:25:`, an IBAN (with a trailing currency code at ING) or a
 * `bank code/account number`.
 */
import { addDays, type LocalDate } from '../../../engine/model/index.ts'
import { decimalToMinor, isCurrencyCode } from '../../common/amounts.ts'
import { toLocalDate } from '../../common/dates.ts'
import type { AdapterIssue } from '../../result.ts'
import type { StatementAccount, StatementEntry } from '../shared/statement.ts'
import { describeField86 } from './field-86.ts'
import { BALANCE, BALANCE_RANK, OPENING_TAGS, STATEMENT_LINE, type Mt940Field } from './schema.ts'
import { excerpt } from '../../common/excerpt.ts'

const readYymmdd = (text: string): LocalDate | undefined =>
  toLocalDate(2000 + Number(text.slice(0, 2)), Number(text.slice(2, 4)), Number(text.slice(4, 6)))

const IBAN = /^([A-Z]{2}\d{2}[A-Z0-9]{10,30}?)([A-Z]{3})?$/

export const toStatement = (
  fields: readonly Mt940Field[],
  issues: AdapterIssue[],
): StatementAccount | undefined => {
  const accountField = fields.find((field) => field.tag === '25')
  const first = fields[0]
  const where = `line ${first?.line ?? 1}`
  if (accountField === undefined) {
    issues.push({ path: where, message: 'statement without an account (:25:)', severity: 'error' })
    return undefined
  }
  const balances = fields.flatMap((field) => {
    if (BALANCE_RANK[field.tag] === undefined) return []
    const match = BALANCE.exec((field.lines[0] ?? '').trim())
    if (!match) {
      issues.push({
        path: `line ${field.line}`,
        message: `unreadable balance :${field.tag}:`,
        severity: 'warning',
      })
      return []
    }
    const [, mark, date = '', currency = '', amount = ''] = match
    const minor = decimalToMinor(amount, currency, ',')
    const day = readYymmdd(date)
    if (minor === undefined || day === undefined) return []
    return [{ tag: field.tag, currency, amount: mark === 'D' ? -minor : minor, day }]
  })
  const currency = balances[0]?.currency ?? ''
  if (!isCurrencyCode(currency)) {
    issues.push({
      path: where,
      message: 'statement without a readable opening balance (:60F:) giving its currency',
      severity: 'error',
    })
    return undefined
  }
  const accountText = (accountField.lines[0] ?? '').replace(/\s+/g, '')
  const statement: StatementAccount = {
    source: where,
    currency,
    type: 'CHECKING',
    entries: [],
  }
  const iban = IBAN.exec(accountText.toUpperCase())
  if (iban) statement.iban = iban[1] ?? accountText
  else statement.number = accountText
  let best: (typeof balances)[number] | undefined
  for (const balance of balances) {
    const rank = BALANCE_RANK[balance.tag] ?? 9
    if (best === undefined || rank < (BALANCE_RANK[best.tag] ?? 9)) best = balance
  }
  if (best)
    statement.balance = {
      amount: best.amount,
      date: OPENING_TAGS.has(best.tag) ? addDays(best.day, -1) : best.day,
    }
  fields.forEach((field, index) => {
    if (field.tag !== '61') return
    const next = fields[index + 1]
    const entry = toEntry(field, next?.tag === '86' ? next : undefined, currency, issues)
    if (entry) statement.entries.push(entry)
  })
  return statement
}

const toEntry = (
  field: Mt940Field,
  info: Mt940Field | undefined,
  currency: string,
  issues: AdapterIssue[],
): StatementEntry | undefined => {
  const line = (field.lines[0] ?? '').trim()
  const match = STATEMENT_LINE.exec(line)
  if (!match) {
    issues.push({
      path: `line ${field.line}`,
      message: `unreadable statement line :61:${excerpt(line, 30)}; transaction skipped`,
      severity: 'warning',
    })
    return undefined
  }
  const [, valueText = '', entryText, mark = '', , amountText = '', type] = match
  const valueDate = readYymmdd(valueText)
  const amount = decimalToMinor(amountText, currency, ',')
  if (valueDate === undefined || amount === undefined) {
    issues.push({
      path: `line ${field.line}`,
      message: `bad date or amount in :61:${excerpt(line, 30)}; transaction skipped`,
      severity: 'warning',
    })
    return undefined
  }
  const date = entryText === undefined ? valueDate : entryDate(valueDate, entryText)
  if (date === undefined) {
    issues.push({
      path: `line ${field.line}`,
      message: `bad entry date "${entryText ?? ''}" in :61:; transaction skipped`,
      severity: 'warning',
    })
    return undefined
  }
  // D and RC (reversal of a credit) take money out; C and RD put it back.
  const isDebit = mark === 'D' || mark === 'RC'
  const supplementary = field.lines.slice(1).join(' ')
  const entry: StatementEntry = {
    date,
    amount: isDebit ? -amount : amount,
    description: info ? describeField86(info.lines) : supplementary.replace(/\s+/g, ' ').trim(),
  }
  if (type) entry.bankType = type
  return entry
}

/** The entry date MMDD takes the value date's year, or the next/previous one across new year. */
const entryDate = (valueDate: LocalDate, mmdd: string): LocalDate | undefined => {
  const year = Number(valueDate.slice(0, 4))
  const month = Number(mmdd.slice(0, 2))
  const valueMonth = Number(valueDate.slice(5, 7))
  const shifted =
    valueMonth === 12 && month === 1 ? year + 1 : valueMonth === 1 && month === 12 ? year - 1 : year
  return toLocalDate(shifted, month, Number(mmdd.slice(2, 4)))
}
