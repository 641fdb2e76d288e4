/**
 * The upload shape of `POST /v2/customers/{id}/analyses` with `format: "ALGOAN"` (see the API
 * reference, "Create a new analysis"), and its validation. Amounts are JSON numbers in major
 * units; a string such as "12,5" is refused with its path, never guessed.
 */
import { ACCOUNT_OWNERSHIPS, ACCOUNT_TYPES, ACCOUNT_USAGES } from '../../engine/model/index.ts'
import type { AccountOwnership, AccountType, AccountUsage } from '../../engine/model/index.ts'
import { describe, isObject } from '../validate.ts'
import type { JsonObject, IssueList } from '../validate.ts'

export interface AlgoanTransaction {
  description: string
  amount: number
  currency?: string
  dates: { debitedAt?: string; bookedAt?: string }
  isComing?: boolean
  aggregator?: { id?: string; category?: string; type?: string }
}

export interface AlgoanAccount {
  type: AccountType
  usage: AccountUsage
  ownership: AccountOwnership
  currency: string
  balance?: number
  balanceDate?: string
  owners: { name?: string }[]
  name?: string
  number?: string
  iban?: string
  bic?: string
  country?: string
  coming?: number
  bank?: { id?: string; name?: string; logoUrl?: string; country?: string }
  details?: {
    loan?: Record<string, string | number | undefined>
    savings?: Record<string, string | number | undefined>
  }
  aggregator?: { id?: string }
  transactions: AlgoanTransaction[]
}

export interface AlgoanUpload {
  accounts: AlgoanAccount[]
}

const CURRENCY = /^[A-Z]{3}$/

const readCurrency = (
  issues: IssueList,
  object: JsonObject,
  path: string,
  required: boolean,
): string | undefined => {
  const value = issues.optionalString(object, 'currency', path)
  if (value === undefined) {
    if (required) issues.error(`${path}.currency`, 'is required (an ISO 4217 code such as "EUR")')
    return undefined
  }
  const upper = value.trim().toUpperCase()
  if (!CURRENCY.test(upper)) {
    issues.error(
      `${path}.currency`,
      `expected an ISO 4217 code such as "EUR", got ${describe(value)}`,
    )
    return undefined
  }
  return upper
}

const readTransaction = (
  issues: IssueList,
  value: unknown,
  path: string,
): AlgoanTransaction | undefined => {
  if (!isObject(value)) {
    issues.error(path, `expected a transaction object, got ${describe(value)}`)
    return undefined
  }
  const description = value.description
  if (typeof description !== 'string') {
    issues.error(
      `${path}.description`,
      description === undefined ? 'is required' : `expected a string, got ${describe(description)}`,
    )
  }
  const amount = issues.optionalNumber(value, 'amount', path)
  if (amount === undefined && (value.amount === undefined || value.amount === null)) {
    issues.error(`${path}.amount`, 'is required')
  }
  const currency = readCurrency(issues, value, path, false)
  const dates: AlgoanTransaction['dates'] = {}
  if (isObject(value.dates)) {
    const debitedAt = issues.optionalDateTime(value.dates, 'debitedAt', `${path}.dates`)
    const bookedAt = issues.optionalDateTime(value.dates, 'bookedAt', `${path}.dates`)
    if (debitedAt !== undefined) dates.debitedAt = debitedAt
    if (bookedAt !== undefined) dates.bookedAt = bookedAt
    if (value.dates.debitedAt == null && value.dates.bookedAt == null) {
      issues.error(`${path}.dates`, 'needs debitedAt or bookedAt')
    }
  } else {
    issues.error(
      `${path}.dates`,
      value.dates === undefined
        ? 'is required ({ debitedAt, bookedAt })'
        : `expected an object, got ${describe(value.dates)}`,
    )
  }
  const isComing = issues.optionalBoolean(value, 'isComing', path)
  let aggregator: AlgoanTransaction['aggregator']
  if (isObject(value.aggregator)) {
    const id = issues.optionalString(value.aggregator, 'id', `${path}.aggregator`)
    const category = issues.optionalString(value.aggregator, 'category', `${path}.aggregator`)
    const type = issues.optionalString(value.aggregator, 'type', `${path}.aggregator`)
    aggregator = {
      ...(id === undefined ? {} : { id }),
      ...(category === undefined ? {} : { category }),
      ...(type === undefined ? {} : { type }),
    }
  }
  if (typeof description !== 'string' || amount === undefined) return undefined
  return {
    description,
    amount,
    dates,
    ...(currency === undefined ? {} : { currency }),
    ...(isComing === undefined ? {} : { isComing }),
    ...(aggregator === undefined ? {} : { aggregator }),
  }
}

const readDetails = (
  issues: IssueList,
  value: unknown,
  path: string,
): Record<string, string | number | undefined> | undefined => {
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) {
    issues.error(path, `expected an object, got ${describe(value)}`)
    return undefined
  }
  const out: Record<string, string | number | undefined> = {}
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' || (typeof field === 'number' && Number.isFinite(field))) {
      out[key] = field
    } else if (field !== null && field !== undefined) {
      issues.error(`${path}.${key}`, `expected a number or a string, got ${describe(field)}`)
    }
  }
  return out
}

const readAccount = (
  issues: IssueList,
  value: unknown,
  path: string,
): AlgoanAccount | undefined => {
  if (!isObject(value)) {
    issues.error(path, `expected an account object, got ${describe(value)}`)
    return undefined
  }
  const currency = readCurrency(issues, value, path, true)
  const type = issues.optionalEnum(value, 'type', path, ACCOUNT_TYPES, 'UNKNOWN')
  const usage = issues.optionalEnum(value, 'usage', path, ACCOUNT_USAGES, 'UNKNOWN')
  const ownership = issues.optionalEnum(value, 'ownership', path, ACCOUNT_OWNERSHIPS, 'UNKNOWN')
  const balance = issues.optionalNumber(value, 'balance', path)
  const balanceDate = issues.optionalDateTime(value, 'balanceDate', path)
  const coming = issues.optionalNumber(value, 'coming', path)

  const owners: { name?: string }[] = []
  if (Array.isArray(value.owners)) {
    value.owners.forEach((owner, index) => {
      if (!isObject(owner)) {
        issues.error(`${path}.owners[${index}]`, `expected an object, got ${describe(owner)}`)
        return
      }
      const name = issues.optionalString(owner, 'name', `${path}.owners[${index}]`)
      owners.push(name === undefined ? {} : { name })
    })
  } else if (value.owners !== undefined && value.owners !== null) {
    issues.error(`${path}.owners`, `expected an array, got ${describe(value.owners)}`)
  }

  let bank: AlgoanAccount['bank']
  if (isObject(value.bank)) {
    const bankPath = `${path}.bank`
    const fields = ['id', 'name', 'logoUrl', 'country'] as const
    bank = {}
    for (const field of fields) {
      const text = issues.optionalString(value.bank, field, bankPath)
      if (text !== undefined) bank[field] = text
    }
  }

  let details: AlgoanAccount['details']
  if (isObject(value.details)) {
    const loan = readDetails(issues, value.details.loan, `${path}.details.loan`)
    const savings = readDetails(issues, value.details.savings, `${path}.details.savings`)
    details = {
      ...(loan === undefined ? {} : { loan }),
      ...(savings === undefined ? {} : { savings }),
    }
  }

  let aggregator: AlgoanAccount['aggregator']
  if (isObject(value.aggregator)) {
    const id = issues.optionalString(value.aggregator, 'id', `${path}.aggregator`)
    aggregator = id === undefined ? {} : { id }
  }

  const transactions: AlgoanTransaction[] = []
  if (Array.isArray(value.transactions)) {
    value.transactions.forEach((transaction, index) => {
      const read = readTransaction(issues, transaction, `${path}.transactions[${index}]`)
      if (read !== undefined) transactions.push(read)
    })
  } else if (value.transactions !== undefined && value.transactions !== null) {
    issues.error(`${path}.transactions`, `expected an array, got ${describe(value.transactions)}`)
  }

  const strings: Partial<Record<'name' | 'number' | 'iban' | 'bic' | 'country', string>> = {}
  for (const field of ['name', 'number', 'iban', 'bic', 'country'] as const) {
    const text = issues.optionalString(value, field, path)
    if (text !== undefined) strings[field] = text
  }

  if (currency === undefined) return undefined
  return {
    type,
    usage,
    ownership,
    currency,
    owners,
    transactions,
    ...strings,
    ...(balance === undefined ? {} : { balance }),
    ...(balanceDate === undefined ? {} : { balanceDate }),
    ...(coming === undefined ? {} : { coming }),
    ...(bank === undefined ? {} : { bank }),
    ...(details === undefined ? {} : { details }),
    ...(aggregator === undefined ? {} : { aggregator }),
  }
}

/** Validates an ALGOAN upload body; every problem is an issue with its JSON path. */
export const readAlgoanUpload = (body: unknown, issues: IssueList): AlgoanUpload => {
  if (!isObject(body)) {
    issues.error('$', `expected a JSON object with "accounts", got ${describe(body)}`)
    return { accounts: [] }
  }
  if (body.accounts === undefined || body.accounts === null) return { accounts: [] }
  if (!Array.isArray(body.accounts)) {
    issues.error('accounts', `expected an array, got ${describe(body.accounts)}`)
    return { accounts: [] }
  }
  const accounts: AlgoanAccount[] = []
  body.accounts.forEach((account, index) => {
    const read = readAccount(issues, account, `accounts[${index}]`)
    if (read !== undefined) accounts.push(read)
  })
  return { accounts }
}
