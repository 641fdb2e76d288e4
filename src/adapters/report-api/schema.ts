/**
 * The Report API's input file (docs/report-api.md, "Input file"): accounts → currencies →
 * transactions, signed decimal amounts in major units, dates `YYYY-MM-DD`, the bank's text in
 * `info` and the counterparty in `partner`, balances and turnovers per currency. Read by hand
 * with paths, as the other adapters do; an error names the field, a warning keeps the item.
 */
import { ACCOUNT_TYPES, type AccountType } from '../../engine/model/index.ts'
import { describe, isObject, isIsoDateTime, type IssueList, type JsonObject } from '../validate.ts'

export interface ReportTransactionInput {
  transactionId?: string
  date: string
  amount: number
  info: string
  partner?: string
}

export interface ReportCurrencyInput {
  code: string
  startBalance?: number
  endBalance?: number
  creditTurnover?: number
  debitTurnover?: number
  transactions: ReportTransactionInput[]
}

export interface ReportAccountInput {
  /** Our extension (`account_type`): the vendor's file has no account type. */
  accountType: AccountType
  accountNumber?: string
  bank?: string
  country?: string
  holders: { name: string }[]
  periodStart?: string
  periodEnd?: string
  isJointOwnership?: boolean
  isSharedOwnership?: boolean
  currencies: ReportCurrencyInput[]
}

/** Whether a parsed JSON file is in this shape: accounts whose entries have `currencies`. */
export const looksLikeReportInput = (json: unknown): boolean =>
  isObject(json) &&
  Array.isArray(json.accounts) &&
  json.accounts.some((account) => isObject(account) && Array.isArray(account.currencies))

const DATE = /^\d{4}-\d{2}-\d{2}$/
const CURRENCY = /^[A-Za-z]{3}$/

const readDate = (
  issues: IssueList,
  object: JsonObject,
  key: string,
  path: string,
  required: boolean,
): string | undefined => {
  const value = object[key]
  if (value === undefined || value === null) {
    if (required) issues.error(`${path}.${key}`, 'is required')
    return undefined
  }
  if (typeof value !== 'string' || !DATE.test(value) || !isIsoDateTime(value)) {
    issues.error(`${path}.${key}`, `expected a date YYYY-MM-DD, got ${describe(value)}`)
    return undefined
  }
  return value
}

const readTransaction = (
  issues: IssueList,
  value: unknown,
  path: string,
): ReportTransactionInput | undefined => {
  if (!isObject(value)) {
    issues.error(path, `expected an object, got ${describe(value)}`)
    return undefined
  }
  const date = readDate(issues, value, 'date', path, true)
  const amount = issues.optionalNumber(value, 'amount', path)
  if (amount === undefined && value.amount === undefined)
    issues.error(`${path}.amount`, 'is required')
  const info = issues.optionalString(value, 'info', path)
  const partner = issues.optionalString(value, 'partner', path)
  const transactionId = issues.optionalString(value, 'transaction_id', path)
  if (date === undefined || amount === undefined) return undefined
  return {
    date,
    amount,
    info: info ?? '',
    ...(partner !== undefined && partner.trim() !== '' && { partner: partner.trim() }),
    ...(transactionId !== undefined && transactionId !== '' && { transactionId }),
  }
}

const readCurrency = (
  issues: IssueList,
  value: unknown,
  path: string,
): ReportCurrencyInput | undefined => {
  if (!isObject(value)) {
    issues.error(path, `expected an object, got ${describe(value)}`)
    return undefined
  }
  const code = issues.optionalString(value, 'code', path)
  if (code === undefined) {
    if (value.code === undefined || value.code === null) issues.error(`${path}.code`, 'is required')
    return undefined
  }
  if (!CURRENCY.test(code)) {
    issues.error(`${path}.code`, `expected an ISO 4217 code, got ${describe(code)}`)
    return undefined
  }
  if (!Array.isArray(value.transactions)) {
    issues.error(`${path}.transactions`, 'is required: an array of transactions')
    return undefined
  }
  const transactions = value.transactions.flatMap((transaction, index) => {
    const read = readTransaction(issues, transaction, `${path}.transactions[${index}]`)
    return read === undefined ? [] : [read]
  })
  const startBalance = issues.optionalNumber(value, 'start_balance', path)
  const endBalance = issues.optionalNumber(value, 'end_balance', path)
  const creditTurnover = issues.optionalNumber(value, 'credit_turnover', path)
  const debitTurnover = issues.optionalNumber(value, 'debit_turnover', path)
  return {
    code: code.toUpperCase(),
    transactions,
    ...(startBalance !== undefined && { startBalance }),
    ...(endBalance !== undefined && { endBalance }),
    ...(creditTurnover !== undefined && { creditTurnover }),
    ...(debitTurnover !== undefined && { debitTurnover }),
  }
}

const readHolders = (issues: IssueList, value: unknown, path: string): { name: string }[] => {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    issues.error(path, `expected an array, got ${describe(value)}`)
    return []
  }
  return value.flatMap((holder, index) => {
    if (!isObject(holder)) {
      issues.error(`${path}[${index}]`, `expected an object, got ${describe(holder)}`)
      return []
    }
    const name = issues.optionalString(holder, 'name', `${path}[${index}]`)
    return name === undefined || name.trim() === '' ? [] : [{ name: name.trim() }]
  })
}

const readAccount = (
  issues: IssueList,
  value: unknown,
  path: string,
): ReportAccountInput | undefined => {
  if (!isObject(value)) {
    issues.error(path, `expected an object, got ${describe(value)}`)
    return undefined
  }
  if (!Array.isArray(value.currencies)) {
    issues.error(`${path}.currencies`, 'is required: an array of currencies')
    return undefined
  }
  const currencies = value.currencies.flatMap((currency, index) => {
    const read = readCurrency(issues, currency, `${path}.currencies[${index}]`)
    return read === undefined ? [] : [read]
  })
  const accountNumber = issues.optionalString(value, 'account_number', path)
  const bank = issues.optionalString(value, 'bank', path)
  const country = issues.optionalString(value, 'country', path)
  const periodStart = readDate(issues, value, 'period_start', path, false)
  const periodEnd = readDate(issues, value, 'period_end', path, false)
  if (periodStart !== undefined && periodEnd !== undefined && periodStart > periodEnd) {
    issues.error(`${path}.period_end`, 'must not be before period_start')
  }
  const accountType = issues.optionalEnum(value, 'account_type', path, ACCOUNT_TYPES, 'CHECKING')
  const isJointOwnership = issues.optionalBoolean(value, 'is_joint_ownership', path)
  const isSharedOwnership = issues.optionalBoolean(value, 'is_shared_ownership', path)
  return {
    accountType,
    holders: readHolders(issues, value.holders, `${path}.holders`),
    currencies,
    ...(accountNumber !== undefined && accountNumber !== '' && { accountNumber }),
    ...(bank !== undefined && { bank }),
    ...(country !== undefined && { country }),
    ...(periodStart !== undefined && { periodStart }),
    ...(periodEnd !== undefined && { periodEnd }),
    ...(isJointOwnership !== undefined && { isJointOwnership }),
    ...(isSharedOwnership !== undefined && { isSharedOwnership }),
  }
}

/** Reads the file's accounts; errors and warnings go to `issues`. */
export const readReportInput = (issues: IssueList, json: unknown): ReportAccountInput[] => {
  if (!isObject(json) || !Array.isArray(json.accounts)) {
    issues.error('accounts', 'is required: an array of accounts')
    return []
  }
  if (json.accounts.length === 0) issues.error('accounts', 'must contain at least one account')
  return json.accounts.flatMap((account, index) => {
    const read = readAccount(issues, account, `accounts[${index}]`)
    return read === undefined ? [] : [read]
  })
}
