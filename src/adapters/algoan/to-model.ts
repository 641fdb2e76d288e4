/** Maps a validated ALGOAN upload to the canonical model: decimals to minor units, ids, dates. */
import { toMinor } from '../../engine/model/index.ts'
import type { Account, LoanDetails, SavingsDetails, Transaction } from '../../engine/model/index.ts'
import { accountId, transactionId } from '../result.ts'
import { utcDateOf } from '../validate.ts'
import type { AlgoanAccount, AlgoanUpload } from './schema.ts'

const MONEY_FIELDS = new Set(['amount', 'payment', 'remainingCapital', 'maximumAmount'])

/** Loan and savings details: money fields to minor units, the rest as given. */
const toDetails = (
  details: Record<string, string | number | undefined>,
  currency: string,
): Record<string, string | number> => {
  const out: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue
    out[key] = MONEY_FIELDS.has(key) && typeof value === 'number' ? toMinor(value, currency) : value
  }
  return out
}

const toAccount = (account: AlgoanAccount, index: number): Account => {
  const id = accountId(index)
  const transactions = account.transactions.map((transaction, j): Transaction => {
    const currency = transaction.currency ?? account.currency
    // debitedAt is when money moved; bookedAt is the fallback (validation ensures one exists).
    const when = transaction.dates.debitedAt ?? transaction.dates.bookedAt ?? ''
    return {
      id: transactionId(index, j),
      accountId: id,
      description: transaction.description,
      amount: toMinor(transaction.amount, currency),
      currency,
      date: utcDateOf(when),
      dates: { ...transaction.dates },
      isComing: transaction.isComing ?? false,
      ...(transaction.aggregator === undefined
        ? {}
        : { aggregator: { ...transaction.aggregator } }),
    }
  })
  const details: Account['details'] = {}
  if (account.details?.loan !== undefined) {
    details.loan = toDetails(account.details.loan, account.currency) as LoanDetails // same keys, money converted
  }
  if (account.details?.savings !== undefined) {
    details.savings = toDetails(account.details.savings, account.currency) as SavingsDetails // same keys, money converted
  }
  return {
    id,
    type: account.type,
    usage: account.usage,
    ownership: account.ownership,
    currency: account.currency,
    balance: account.balance === undefined ? null : toMinor(account.balance, account.currency),
    balanceDate: account.balanceDate ?? null,
    owners: account.owners.map((owner) => ({ ...owner })),
    ...(account.name === undefined ? {} : { name: account.name }),
    ...(account.number === undefined ? {} : { number: account.number }),
    ...(account.iban === undefined ? {} : { iban: account.iban }),
    ...(account.bic === undefined ? {} : { bic: account.bic }),
    ...(account.country === undefined ? {} : { country: account.country }),
    ...(account.bank === undefined ? {} : { bank: { ...account.bank } }),
    ...(account.coming === undefined ? {} : { coming: toMinor(account.coming, account.currency) }),
    ...(account.details === undefined ? {} : { details }),
    ...(account.aggregator === undefined ? {} : { aggregator: { ...account.aggregator } }),
    transactions,
  }
}

export const toModel = (upload: AlgoanUpload): Account[] => upload.accounts.map(toAccount)
