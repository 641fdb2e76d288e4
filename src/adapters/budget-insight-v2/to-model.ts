import type {
  Account,
  AccountOwnership,
  AccountType,
  AccountUsage,
  LoanDetails,
  Transaction,
  TransactionType,
} from '../../engine/model/index.ts'
import { isCurrencyCode, numberToMinor } from '../common/amounts.ts'
import { readDateFields, toIsoDateTime } from '../common/dates.ts'
import { readUsage } from '../common/usage.ts'
import { accountPath, addTransactions, type ConnectionInput } from '../common/connections.ts'
import { conforms } from '../common/schema-check.ts'
import { describe } from '../validate.ts'
import { accountId, transactionId, type AdapterIssue } from '../result.ts'
import { BiAccount, BiConnection, BiTransaction } from './schema.ts'
import { excerpt } from '../common/excerpt.ts'

/**
 * Budget Insight v2.0 connections → canonical accounts.
 *
 * Dates, in this order: `date` (debit date) → `debitedAt`, falling back to `application_date`
 * (the date the bank accounts it) then `vdate` (value date); `rdate` (the day the operation was
 * made) → `bookedAt` when it differs from the debit date. The engine reasons on `debitedAt`,
 * else `bookedAt`: a card account's transactions, which carry only `rdate`, are dated by it. A
 * transaction is skipped (with a warning) only when it has none of the four. Budget Insight
 * writes local date-times without an offset (`2026-05-25 00:00:00`): they are read as UTC, which
 * keeps the calendar day; fractional seconds are kept.
 * Deleted accounts and transactions (`deleted` set) are skipped. Knowingly wrong: investment
 * accounts (market, PEA, life insurance…) become SAVINGS; their positions are ignored.
 */

/** Budget Insight account types → ours. Investment wrappers count as savings. */
const ACCOUNT_TYPES: Readonly<Record<string, AccountType>> = {
  checking: 'CHECKING',
  joint: 'CHECKING',
  savings: 'SAVINGS',
  deposit: 'SAVINGS',
  lifeinsurance: 'SAVINGS',
  market: 'SAVINGS',
  pea: 'SAVINGS',
  pee: 'SAVINGS',
  perco: 'SAVINGS',
  per: 'SAVINGS',
  perp: 'SAVINGS',
  madelin: 'SAVINGS',
  article83: 'SAVINGS',
  capitalisation: 'SAVINGS',
  crowdlending: 'SAVINGS',
  card: 'CREDIT_CARD',
  loan: 'LOAN',
  mortgage: 'LOAN',
  revolvingcredit: 'LOAN',
  consumercredit: 'LOAN',
}

/**
 * Budget Insight usages → ours (upper-cased before lookup). An association's account is not a
 * consumer's: refused like a company's. Any other value is read as UNKNOWN with a warning.
 */
const USAGES: Readonly<Record<string, AccountUsage>> = {
  PRIV: 'PERSONAL',
  ORGA: 'PROFESSIONAL',
  ASSO: 'PROFESSIONAL',
}

const OWNERSHIPS: Readonly<Record<string, AccountOwnership>> = {
  owner: 'HOLDER',
  'co-owner': 'CO_HOLDER',
  attorney: 'ATTORNEY',
}

/**
 * Budget Insight transaction types → our transaction types (carried in `aggregator.type`, a hint
 * the engine may use). The direction picks between the incoming and outgoing variant.
 */
const typeOf = (biType: string, amount: number): TransactionType | undefined => {
  const credit = amount > 0
  switch (biType) {
    case 'transfer':
      return credit ? 'INCOMING_TRANSFER' : 'OUTGOING_TRANSFER'
    case 'order':
      return credit ? 'INCOMING_TRANSFER' : 'DIRECT_DEBIT'
    case 'check':
      return credit ? 'CHECK_DEPOSIT' : 'CHECK'
    case 'deposit':
      return credit ? 'CASH_DEPOSIT' : undefined
    case 'withdrawal':
      return 'CASH_WITHDRAWAL'
    case 'card':
    case 'deferred_card':
    case 'summary_card':
      return credit ? 'CARD_REFUND' : 'CARD'
    case 'loan_repayment':
      return 'DIRECT_DEBIT'
    case 'payback':
      return credit ? 'CREDIT' : 'DEBIT'
    case 'bank':
      return credit ? 'CREDIT' : 'DEBIT'
    default:
      return undefined
  }
}

const currencyOf = (currency: BiAccount['currency']): string | undefined =>
  currency === null || currency === undefined
    ? undefined
    : typeof currency === 'string'
      ? currency.toUpperCase()
      : currency.id.toUpperCase()

export interface MappedBi {
  accounts: Account[]
  issues: AdapterIssue[]
}

/** Maps validated-on-the-way connections; problems land in `issues`, never thrown. */
export const toModel = (connections: readonly ConnectionInput[]): MappedBi => {
  const accounts: Account[] = []
  const issues: AdapterIssue[] = []
  connections.forEach(({ value: rawConnection, path: connectionPath }) => {
    if (!conforms(BiConnection, rawConnection, connectionPath || '$', 'error', issues)) return
    const bankName = rawConnection.connector?.name ?? rawConnection.bank?.name ?? undefined
    rawConnection.accounts.forEach((rawAccount, a) => {
      const path = accountPath(connectionPath, a)
      if (!conforms(BiAccount, rawAccount, path, 'error', issues)) return
      if (rawAccount.deleted) return
      const account = toAccount(rawAccount, accounts.length, path, bankName, issues)
      if (account) accounts.push(account)
    })
  })
  return { accounts, issues }
}

const toAccount = (
  raw: BiAccount,
  index: number,
  path: string,
  bankName: string | undefined,
  issues: AdapterIssue[],
): Account | undefined => {
  const currency = currencyOf(raw.currency) ?? 'EUR'
  if (!isCurrencyCode(currency)) {
    issues.push({
      path: `${path}.currency`,
      message: `expected an ISO 4217 currency code, got "${excerpt(currency, 10)}"`,
      severity: 'error',
    })
    return undefined
  }
  const type = ACCOUNT_TYPES[raw.type ?? ''] ?? 'UNKNOWN'
  if (type === 'UNKNOWN' && raw.type) {
    issues.push({
      path: `${path}.type`,
      message: `unknown account type "${excerpt(raw.type, 30)}", read as UNKNOWN`,
      severity: 'warning',
    })
  }
  const balanceDate = raw.last_update ? toIsoDateTime(raw.last_update) : undefined
  if (raw.last_update && !balanceDate) {
    issues.push({
      path: `${path}.last_update`,
      message: `expected an ISO 8601 date-time between 1970 and 2099, got ${describe(raw.last_update)}`,
      severity: 'error',
    })
    return undefined
  }
  const id = accountId(index)
  const account: Account = {
    id,
    type,
    usage: readUsage(raw.usage, USAGES, `${path}.usage`, issues),
    ownership: OWNERSHIPS[raw.ownership ?? ''] ?? 'UNKNOWN',
    currency,
    balance:
      raw.balance === null || raw.balance === undefined
        ? null
        : (numberToMinor(raw.balance, currency) ?? null),
    balanceDate: balanceDate ?? null,
    owners: raw.company_name ? [{ name: raw.company_name }] : [],
    transactions: [],
    aggregator: { id: String(raw.id) },
  }
  const name = raw.name ?? raw.original_name
  if (name) account.name = name
  if (raw.number) account.number = raw.number
  if (raw.iban) account.iban = raw.iban.replace(/\s+/g, '').toUpperCase()
  if (raw.bic) account.bic = raw.bic
  if (bankName) account.bank = { name: bankName }
  if (raw.coming !== null && raw.coming !== undefined) {
    const coming = numberToMinor(raw.coming, currency)
    if (coming !== undefined) account.coming = coming
  }
  if (raw.loan) account.details = { loan: toLoan(raw.loan, currency) }
  addTransactions(account, raw.transactions, index, path, issues, toTransaction)
  return account
}

const toLoan = (loan: NonNullable<BiAccount['loan']>, currency: string): LoanDetails => {
  const details: LoanDetails = {}
  const money = (value: number | null | undefined) =>
    value === null || value === undefined ? undefined : numberToMinor(value, currency)
  const amount = money(loan.total_amount)
  if (amount !== undefined) details.amount = amount
  const payment = money(loan.next_payment_amount)
  if (payment !== undefined) details.payment = payment
  const remaining = money(loan.remaining_capital)
  if (remaining !== undefined) details.remainingCapital = remaining
  const start = loan.subscription_date ? toIsoDateTime(loan.subscription_date) : undefined
  if (start) details.startDate = start
  const end = loan.maturity_date ? toIsoDateTime(loan.maturity_date) : undefined
  if (end) details.endDate = end
  if (typeof loan.duration === 'number') details.duration = loan.duration
  if (loan.insurance_label) details.insuranceLabel = loan.insurance_label
  // Budget Insight gives the rate in percent (3.5); the canonical model in a fraction (0.035).
  if (typeof loan.rate === 'number') details.interestRate = loan.rate / 100
  if (loan.type) details.type = loan.type
  return details
}

const toTransaction = (
  raw: unknown,
  account: Account,
  accountIndex: number,
  path: string,
  issues: AdapterIssue[],
): Transaction | undefined => {
  if (!conforms(BiTransaction, raw, path, 'warning', issues, SKIPPED)) return undefined
  if (raw.deleted) return undefined
  const amount = numberToMinor(raw.value, account.currency)
  if (amount === undefined) {
    issues.push({
      path: `${path}.value`,
      message: 'expected a finite amount; transaction skipped',
      severity: 'warning',
    })
    return undefined
  }
  const given = readDateFields(
    { date: raw.date, application_date: raw.application_date, vdate: raw.vdate, rdate: raw.rdate },
    path,
    issues,
  )
  if (given === undefined) return undefined
  const debitedAt = given.date ?? given.application_date ?? given.vdate
  const bookedAt = given.rdate
  const date = debitedAt ?? bookedAt
  if (date === undefined) {
    issues.push({
      path: `${path}.date`,
      message: `no date given (date, application_date, vdate or rdate)${SKIPPED}`,
      severity: 'warning',
    })
    return undefined
  }
  const transaction: Transaction = {
    id: transactionId(accountIndex, account.transactions.length),
    accountId: account.id,
    description: (raw.original_wording ?? raw.simplified_wording ?? raw.wording ?? '').trim(),
    amount,
    currency: account.currency,
    date: date.slice(0, 10),
    dates: {},
    isComing: raw.coming === true,
    aggregator: { id: String(raw.id) },
  }
  if (debitedAt) transaction.dates.debitedAt = debitedAt
  // An operation date equal to the debit date says nothing more: kept only when it differs, so
  // that the same transaction reads the same whichever format it came in.
  if (bookedAt && bookedAt !== debitedAt) transaction.dates.bookedAt = bookedAt
  const type = raw.type ? typeOf(raw.type, amount) : undefined
  if (type && transaction.aggregator) transaction.aggregator.type = type
  return transaction
}

const SKIPPED = '; transaction skipped'
