/**
 * Maps the Report API's input to canonical accounts: one CHECKING account per account and
 * currency (the engine reasons on one currency per account), and the envelope the output
 * mirrors (account number, bank, holders, period, balances and turnovers as given, partners).
 * Turnovers and balances that do not reconcile with each other or with the transactions are
 * kept and reported as warnings (our integrity check), never refused.
 *
 * What it knowingly gets wrong: the vendor's file has no account type, so an account is a
 * personal checking account unless our extension `account_type` says otherwise (a savings
 * account read as checking can make transfers into it look like income); the partner is appended to the description the engine reads when the
 * bank's text does not already name it (it is the best counterparty evidence the file has).
 */
import { toMajor, toMinor, type Account, type Transaction } from '../../engine/model/index.ts'
import type { IssueList } from '../validate.ts'
import type { ReportAccountInput, ReportCurrencyInput } from './schema.ts'

/** What the output mirrors of one account and currency, keyed by the account's aggregator id. */
export interface ReportAccountMeta {
  key: string
  accountNumber: string | null
  bank: string | null
  country: string | null
  holders: { name: string }[]
  periodStart: string | null
  periodEnd: string | null
  isJointOwnership: boolean
  isSharedOwnership: boolean
  code: string
  /** As given in the file; null when absent. */
  startBalance: number | null
  endBalance: number | null
  creditTurnover: number | null
  debitTurnover: number | null
  /** Partner per transaction id (the aggregator id of the canonical transaction). */
  partners: Record<string, string>
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/

const mentions = (info: string, partner: string): boolean =>
  info.toUpperCase().includes(partner.toUpperCase())

/** Minor units of the whole account: compare in integers, never in floats. */
const reconcile = (
  issues: IssueList,
  currency: ReportCurrencyInput,
  minors: readonly number[],
  path: string,
): void => {
  const code = currency.code
  const credits = minors.filter((amount) => amount > 0).reduce((sum, amount) => sum + amount, 0)
  const debits = -minors.filter((amount) => amount < 0).reduce((sum, amount) => sum + amount, 0)
  const given = (value: number | undefined) =>
    value === undefined ? undefined : toMinor(value, code)
  const start = given(currency.startBalance)
  const end = given(currency.endBalance)
  const creditTurnover = given(currency.creditTurnover)
  const debitTurnover = given(currency.debitTurnover)
  const money = (minor: number) => toMajor(minor, code).toFixed(2)
  if (creditTurnover !== undefined && creditTurnover !== credits) {
    issues.warn(
      `${path}.credit_turnover`,
      `credit_turnover ${money(creditTurnover)} differs from the sum of the credits ${money(credits)}`,
    )
  }
  if (debitTurnover !== undefined && debitTurnover !== debits) {
    issues.warn(
      `${path}.debit_turnover`,
      `debit_turnover ${money(debitTurnover)} differs from the sum of the debits ${money(debits)}`,
    )
  }
  if (start !== undefined && end !== undefined) {
    if (creditTurnover !== undefined && debitTurnover !== undefined) {
      const expected = start + creditTurnover - debitTurnover
      if (expected !== end) {
        issues.warn(
          `${path}.end_balance`,
          `end_balance ${money(end)} differs from start_balance + credit_turnover − debit_turnover = ${money(expected)}`,
        )
      }
    }
    const fromTransactions = start + credits - debits
    if (fromTransactions !== end) {
      issues.warn(
        `${path}.end_balance`,
        `end_balance ${money(end)} differs from start_balance plus the transactions = ${money(fromTransactions)}`,
      )
    }
  }
}

/** The accounts and their envelopes; ids are positional (`a0`, `a0t3`), the store replaces them. */
export const toModel = (
  issues: IssueList,
  inputs: readonly ReportAccountInput[],
): { accounts: Account[]; meta: ReportAccountMeta[] } => {
  const accounts: Account[] = []
  const meta: ReportAccountMeta[] = []
  inputs.forEach((input, accountIndex) => {
    input.currencies.forEach((currency, currencyIndex) => {
      const index = accounts.length
      const id = `a${index}`
      const path = `accounts[${accountIndex}].currencies[${currencyIndex}]`
      const key = `${input.accountNumber ?? `account-${accountIndex + 1}`}:${currency.code}`
      const partners: Record<string, string> = {}
      const minors: number[] = []
      const seen = new Set<string>()
      const transactions = currency.transactions.map((transaction, j): Transaction => {
        let transactionId =
          transaction.transactionId ?? `${accountIndex + 1}-${currencyIndex + 1}-${j + 1}`
        if (seen.has(transactionId)) {
          issues.warn(
            `${path}.transactions[${j}].transaction_id`,
            `transaction_id repeated: kept as a distinct transaction`,
          )
          transactionId = `${transactionId}#${j + 1}`
        }
        seen.add(transactionId)
        const amount = toMinor(transaction.amount, currency.code)
        minors.push(amount)
        const partner = transaction.partner
        if (partner !== undefined) partners[transactionId] = partner
        const description =
          partner === undefined || mentions(transaction.info, partner)
            ? transaction.info
            : `${transaction.info} ${partner}`.trim()
        return {
          id: `${id}t${j}`,
          accountId: id,
          description,
          amount,
          currency: currency.code,
          date: transaction.date,
          dates: { bookedAt: `${transaction.date}T00:00:00.000Z` },
          isComing: false,
          aggregator: { id: transactionId },
        }
      })
      reconcile(issues, currency, minors, path)
      const dates = transactions.map((transaction) => transaction.date).sort()
      const periodEnd = input.periodEnd ?? dates[dates.length - 1] ?? null
      const total = minors.reduce((sum, amount) => sum + amount, 0)
      // Either balance gives the account's balance at the end of the period.
      const balance =
        currency.endBalance !== undefined
          ? toMinor(currency.endBalance, currency.code)
          : currency.startBalance !== undefined
            ? toMinor(currency.startBalance, currency.code) + total
            : null
      const number = input.accountNumber?.replace(/\s/g, '')
      accounts.push({
        id,
        type: input.accountType,
        usage: 'PERSONAL',
        ownership: input.holders.length > 0 ? 'HOLDER' : 'UNKNOWN',
        currency: currency.code,
        balance,
        balanceDate: balance === null || periodEnd === null ? null : `${periodEnd}T23:59:59.000Z`,
        owners: input.holders.map((holder) => ({ name: holder.name })),
        ...(number !== undefined &&
          (IBAN.test(number.toUpperCase()) ? { iban: number.toUpperCase() } : { number })),
        ...((input.bank !== undefined || input.country !== undefined) && {
          bank: {
            ...(input.bank !== undefined && { name: input.bank }),
            ...(input.country !== undefined && { country: input.country.toUpperCase() }),
          },
        }),
        ...(input.country !== undefined && { country: input.country.toUpperCase() }),
        aggregator: { id: key },
        transactions,
      })
      meta.push({
        key,
        accountNumber: input.accountNumber ?? null,
        bank: input.bank ?? null,
        country: input.country ?? null,
        holders: input.holders,
        periodStart: input.periodStart ?? dates[0] ?? null,
        periodEnd,
        isJointOwnership: input.isJointOwnership ?? input.holders.length > 1,
        isSharedOwnership: input.isSharedOwnership ?? false,
        code: currency.code,
        startBalance: currency.startBalance ?? null,
        endBalance: currency.endBalance ?? null,
        creditTurnover: currency.creditTurnover ?? null,
        debitTurnover: currency.debitTurnover ?? null,
        partners,
      })
    })
  })
  return { accounts, meta }
}
