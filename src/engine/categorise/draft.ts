import type { Account, Category, Transaction, TransactionType } from '../model/index.ts'

/** A transaction being enriched: what the single-transaction pass found, then the links. */
export interface Draft {
  readonly transaction: Transaction
  readonly account: Account
  readonly labelRoot: string
  /** `transaction.date` as days since 1970-01-01, computed once. */
  readonly day: number
  /** The normalised words, for checks that need the account's context (owner names). */
  readonly words: readonly string[]
  type: TransactionType
  category: Category
  ruleId: string
  counterparty: string | null
  isRejected: boolean
  counterPartId: string | null
  readonly isInternational: boolean
  /** The description says the payment came back unpaid. */
  readonly rejectWording: boolean
  /** The description says the transfer is between the customer's own accounts. */
  readonly internalWording: boolean
  /** The description names a company form (SAS, LTD, GMBH …). */
  readonly companyName: boolean
}

/** Sort key that does not depend on input order: date, amount, then the text, then the id. */
export const compareDrafts = (a: Draft, b: Draft): number =>
  a.day - b.day ||
  a.transaction.amount - b.transaction.amount ||
  (a.labelRoot < b.labelRoot ? -1 : a.labelRoot > b.labelRoot ? 1 : 0) ||
  (a.transaction.description < b.transaction.description
    ? -1
    : a.transaction.description > b.transaction.description
      ? 1
      : 0) ||
  (a.transaction.id < b.transaction.id ? -1 : a.transaction.id > b.transaction.id ? 1 : 0)
