import type { Account, AccountType, AccountUsage, Transaction } from '../../engine/model/index.ts'
import { decimalToMinor, isCurrencyCode, numberToMinor } from '../common/amounts.ts'
import { readDateFields, toIsoDateTime } from '../common/dates.ts'
import { readUsage } from '../common/usage.ts'
import { accountPath, addTransactions, type ConnectionInput } from '../common/connections.ts'
import { conforms } from '../common/schema-check.ts'
import { accountId, transactionId, type AdapterIssue } from '../result.ts'
import {
  LinxoAccount,
  LinxoBalance,
  LinxoConnection,
  LinxoTransaction,
  type LinxoAccount as Raw,
} from './schema.ts'
import { excerpt } from '../common/excerpt.ts'

/**
 * Linxo Connect v3 connections → canonical accounts.
 *
 * Dates: `booking_date` → `debitedAt` (falling back to `value_date`), `transaction_date` →
 * `bookedAt`. Pending transactions (`status: PENDING`) are kept with `isComing: true`.
 * Balance: among several, the booked ones win (they agree with the booked transactions the engine
 * rebuilds daily balances from), then the latest reference date. Knowingly wrong: an account whose
 * only balance is "available" includes the overdraft allowance in some banks.
 */

const ACCOUNT_TYPES: Readonly<Record<string, AccountType>> = {
  CASH_ACCOUNT: 'CHECKING',
  CHECKING: 'CHECKING',
  CHECKINGS: 'CHECKING',
  CURRENT: 'CHECKING',
  SAVINGS: 'SAVINGS',
  SAVING: 'SAVINGS',
  DEPOSIT: 'SAVINGS',
  LIFE_INSURANCE: 'SAVINGS',
  INVESTMENT: 'SAVINGS',
  SHARE: 'SAVINGS',
  MARKET: 'SAVINGS',
  CARD: 'CREDIT_CARD',
  CREDIT_CARD: 'CREDIT_CARD',
  DEFERRED_CARD: 'CREDIT_CARD',
  LOAN: 'LOAN',
  MORTGAGE: 'LOAN',
  CONSUMER_LOAN: 'LOAN',
}

/**
 * Linxo usages → ours, after `constant()`. Linxo sends `PRIVATE` / `PERSONAL` for a person's
 * account and `ORGANISATION` / `PROFESSIONAL` for a company's; the Berlin Group codes it follows
 * (`PRIV`, `ORGA`) and Budget Insight's `ASSO` are read too. Any other value is read as UNKNOWN
 * with a warning, as for account types.
 */
const USAGES: Readonly<Record<string, AccountUsage>> = {
  PRIVATE: 'PERSONAL',
  PERSONAL: 'PERSONAL',
  PRIV: 'PERSONAL',
  PROFESSIONAL: 'PROFESSIONAL',
  BUSINESS: 'PROFESSIONAL',
  ORGANISATION: 'PROFESSIONAL',
  ORGANIZATION: 'PROFESSIONAL',
  ORGA: 'PROFESSIONAL',
  ASSOCIATION: 'PROFESSIONAL',
  ASSO: 'PROFESSIONAL',
}

/** Lower rank wins. Booked balances first: they match the booked transactions. */
const BALANCE_RANK: Readonly<Record<string, number>> = {
  CLOSING_BOOKED: 0,
  INTERIM_BOOKED: 1,
  EXPECTED: 2,
  FORWARD_AVAILABLE: 3,
  INTERIM_AVAILABLE: 3,
  CLOSING_AVAILABLE: 3,
  OPENING_BOOKED: 4,
}
/** A balance without a type ranks like an interim booked one: it is what most banks send. */
const UNTYPED_RANK = 1
const UNKNOWN_TYPE_RANK = 5

const SKIPPED = '; transaction skipped'

export const toModel = (
  connections: readonly ConnectionInput[],
): { accounts: Account[]; issues: AdapterIssue[] } => {
  const accounts: Account[] = []
  const issues: AdapterIssue[] = []
  connections.forEach(({ value: connection, path: connectionPath }) => {
    if (!conforms(LinxoConnection, connection, connectionPath || '$', 'error', issues)) return
    connection.accounts.forEach((raw, a) => {
      const path = accountPath(connectionPath, a)
      if (!conforms(LinxoAccount, raw, path, 'error', issues)) return
      const account = toAccount(raw, accounts.length, path, issues)
      if (account) accounts.push(account)
    })
  })
  return { accounts, issues }
}

/** Normalises `closingBooked`, `closing_booked` and `CLOSING_BOOKED` to the last form. */
const constant = (value: string): string =>
  value
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toUpperCase()

const toAccount = (
  raw: Raw,
  index: number,
  path: string,
  issues: AdapterIssue[],
): Account | undefined => {
  const balances: { balance: LinxoBalance; path: string }[] = []
  for (const [b, balance] of (raw.balances ?? []).entries()) {
    const balancePath = `${path}.balances[${b}]`
    if (conforms(LinxoBalance, balance, balancePath, 'warning', issues, '; balance ignored')) {
      balances.push({ balance, path: balancePath })
    }
  }
  const currency = (
    raw.currency ??
    balances[0]?.balance.balance_amount.currency ??
    'EUR'
  ).toUpperCase()
  if (!isCurrencyCode(currency)) {
    issues.push({
      path: `${path}.currency`,
      message: `expected an ISO 4217 currency code, got "${excerpt(currency, 10)}"`,
      severity: 'error',
    })
    return undefined
  }
  const type = ACCOUNT_TYPES[constant(raw.type ?? '')] ?? 'UNKNOWN'
  if (type === 'UNKNOWN' && raw.type) {
    issues.push({
      path: `${path}.type`,
      message: `unknown account type "${excerpt(raw.type, 30)}", read as UNKNOWN`,
      severity: 'warning',
    })
  }
  const id = accountId(index)
  const chosen = pickBalance(balances, currency, issues)
  const account: Account = {
    id,
    type,
    usage: readUsage(raw.usage && constant(raw.usage), USAGES, `${path}.usage`, issues),
    ownership: 'UNKNOWN',
    currency,
    balance: chosen?.amount ?? null,
    balanceDate: chosen?.date ?? null,
    owners: [],
    transactions: [],
    aggregator: { id: String(raw.account_id) },
  }
  if (raw.name) account.name = raw.name
  if (raw.iban) account.iban = raw.iban.replace(/\s+/g, '').toUpperCase()
  if (raw.bic) account.bic = raw.bic
  addTransactions(account, raw.transactions, index, path, issues, toTransaction)
  return account
}

const amountOf = (value: string | number, currency: string): number | undefined =>
  typeof value === 'number' ? numberToMinor(value, currency) : decimalToMinor(value, currency, '.')

const pickBalance = (
  balances: readonly { balance: LinxoBalance; path: string }[],
  currency: string,
  issues: AdapterIssue[],
): { amount: number; date: string | null } | undefined => {
  let best: { amount: number; date: string | null; rank: number } | undefined
  for (const { balance, path } of balances) {
    const amount = amountOf(balance.balance_amount.amount, currency)
    if (amount === undefined || balance.balance_amount.currency.toUpperCase() !== currency) {
      issues.push({
        path: `${path}.balance_amount`,
        message: `expected a decimal amount in ${currency}; balance ignored`,
        severity: 'warning',
      })
      continue
    }
    const when = balance.reference_date ?? balance.last_change_date_time
    const date = when ? (toIsoDateTime(when) ?? null) : null
    const rank = balance.balance_type
      ? (BALANCE_RANK[constant(balance.balance_type)] ?? UNKNOWN_TYPE_RANK)
      : UNTYPED_RANK
    const isBetter =
      best === undefined ||
      rank < best.rank ||
      (rank === best.rank && (date ?? '') > (best.date ?? ''))
    if (isBetter) best = { amount, date, rank }
  }
  return best && { amount: best.amount, date: best.date }
}

const toTransaction = (
  raw: unknown,
  account: Account,
  accountIndex: number,
  path: string,
  issues: AdapterIssue[],
): Transaction | undefined => {
  if (!conforms(LinxoTransaction, raw, path, 'warning', issues, SKIPPED)) return undefined
  const currency = raw.transaction_amount.currency.toUpperCase()
  let amount = amountOf(raw.transaction_amount.amount, currency)
  if (amount === undefined) {
    issues.push({
      path: `${path}.transaction_amount.amount`,
      message: `expected a decimal amount${SKIPPED}`,
      severity: 'warning',
    })
    return undefined
  }
  // Berlin Group style: unsigned amount plus an indicator.
  if (raw.credit_debit_indicator?.toUpperCase() === 'DBIT' && amount > 0) amount = -amount
  const given = readDateFields(
    {
      booking_date: raw.booking_date,
      value_date: raw.value_date,
      transaction_date: raw.transaction_date,
    },
    path,
    issues,
  )
  if (given === undefined) return undefined
  const debitedAt = given.booking_date ?? given.value_date
  const bookedAt = given.transaction_date
  const date = debitedAt ?? bookedAt
  if (date === undefined) {
    issues.push({
      path: `${path}.booking_date`,
      message: `is required${SKIPPED}`,
      severity: 'warning',
    })
    return undefined
  }
  const info = raw.remittance_information
  const transaction: Transaction = {
    id: transactionId(accountIndex, account.transactions.length),
    accountId: account.id,
    description: (Array.isArray(info) ? info.join(' ') : (info ?? '')).trim(),
    amount,
    currency,
    date: date.slice(0, 10),
    dates: {},
    isComing: raw.status?.toUpperCase() === 'PENDING',
  }
  if (debitedAt) transaction.dates.debitedAt = debitedAt
  // An operation date equal to the debit date says nothing more: kept only when it differs, so
  // that the same transaction reads the same whichever format it came in.
  if (bookedAt && bookedAt !== debitedAt) transaction.dates.bookedAt = bookedAt
  if (raw.id !== null && raw.id !== undefined) transaction.aggregator = { id: String(raw.id) }
  return transaction
}
