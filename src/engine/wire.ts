/**
 * Canonical model → wire shape of the reference (major units, ISO date-times). Every wire
 * transaction is built once per analysis and shared by reference between the groups that list
 * it, so shaping the output stays linear in the number of transactions.
 */
import type {
  Account,
  EnrichedTransaction,
  Minor,
  WireAccount,
  WireTransaction,
} from './model/index.ts'
import { toMajor } from './model/index.ts'

export const toWireTransaction = (
  transaction: EnrichedTransaction,
  isNonAnalysed: boolean,
): WireTransaction => {
  const { enrichments } = transaction
  return {
    id: transaction.id,
    accountId: transaction.accountId,
    description: transaction.description,
    dates: {
      debitedAt: transaction.dates.debitedAt ?? null,
      bookedAt: transaction.dates.bookedAt ?? null,
    },
    amount: toMajor(transaction.amount, transaction.currency),
    currency: transaction.currency,
    enrichments: {
      category: enrichments.category,
      type: enrichments.type,
      isInternationalTransfer: enrichments.isInternationalTransfer,
      isRejected: enrichments.isRejected,
      counterPartId: enrichments.counterPartId,
      counterparty: enrichments.counterparty,
      ruleId: enrichments.ruleId,
    },
    isComing: transaction.isComing,
    // Shared, not copied: outputs are never mutated, and this runs once per transaction.
    aggregator: transaction.aggregator ?? {},
    isNonAnalysed,
  }
}

const major = (minor: Minor | undefined, currency: string): number | undefined =>
  minor === undefined ? undefined : toMajor(minor, currency)

/** The account fields of the reference's Account resource (no transactions), amounts in major units. */
export const toWireAccount = (account: Account): WireAccount => {
  const { currency } = account
  const loan = account.details?.loan
  const savings = account.details?.savings
  const wire: WireAccount = {
    id: account.id,
    type: account.type,
    usage: account.usage,
    ownership: account.ownership,
    balance: account.balance === null ? null : toMajor(account.balance, currency),
    balanceDate: account.balanceDate,
    currency,
    owners: account.owners.map((o) => ({ ...o })),
  }
  if (account.name !== undefined) wire.name = account.name
  if (account.number !== undefined) wire.number = account.number
  if (account.iban !== undefined) wire.iban = account.iban
  if (account.bic !== undefined) wire.bic = account.bic
  if (account.bank !== undefined) wire.bank = { ...account.bank }
  if (account.country !== undefined) wire.country = account.country
  if (account.coming !== undefined) wire.coming = toMajor(account.coming, currency)
  if (loan !== undefined || savings !== undefined) {
    wire.details = {}
    if (loan !== undefined) {
      wire.details.loan = dropUndefined({
        ...loan,
        amount: major(loan.amount, currency),
        payment: major(loan.payment, currency),
        remainingCapital: major(loan.remainingCapital, currency),
      })
    }
    if (savings !== undefined) {
      wire.details.savings = dropUndefined({
        ...savings,
        maximumAmount: major(savings.maximumAmount, currency),
      })
    }
  }
  if (account.aggregator !== undefined) wire.aggregator = { ...account.aggregator }
  return wire
}

/** JSON has no `undefined`: remove such keys so the output compares equal after a round trip. */
const dropUndefined = <T extends object>(value: T): T =>
  // Object.fromEntries loses the key types; the entries are the value's own, minus undefined ones.
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
