import Type, { type Static } from 'typebox'
import { Nullable } from '../common/schema-check.ts'

/**
 * The raw Budget Insight API v2.0 shape (`format: "BUDGET_INSIGHT_V2_0"`): the user's
 * connections with their accounts and transactions, as returned by `GET /users/me/connections
 * ?expand=accounts[transactions]`. Only the fields the mapping reads are checked; Budget Insight
 * adds fields over time, so unknown ones are allowed.
 */

/** Budget Insight sends the currency as an object (`{ id: "EUR", … }`); older exports as a code. */
export const BiCurrency = Type.Union([Type.Object({ id: Type.String() }), Type.String()])

export const BiTransaction = Type.Object({
  id: Type.Union([Type.Number(), Type.String()]),
  /**
   * Debit date: the day the bank debited or credited the account. Absent on some card accounts,
   * whose transactions carry only `rdate`.
   */
  date: Nullable(Type.String()),
  /** Real date: when the operation was made (card payment day). */
  rdate: Nullable(Type.String()),
  /** Value date. */
  vdate: Nullable(Type.String()),
  /** Date the bank takes into account (deferred card: settlement date). */
  application_date: Nullable(Type.String()),
  value: Type.Number(),
  original_wording: Nullable(Type.String()),
  simplified_wording: Nullable(Type.String()),
  wording: Nullable(Type.String()),
  type: Nullable(Type.String()),
  coming: Nullable(Type.Boolean()),
  /** Set when the bank removed the transaction: such a transaction is skipped. */
  deleted: Nullable(Type.String()),
  currency: Nullable(BiCurrency),
})
export type BiTransaction = Static<typeof BiTransaction>

export const BiLoan = Type.Object({
  total_amount: Nullable(Type.Number()),
  subscription_date: Nullable(Type.String()),
  maturity_date: Nullable(Type.String()),
  duration: Nullable(Type.Number()),
  insurance_label: Nullable(Type.String()),
  next_payment_amount: Nullable(Type.Number()),
  remaining_capital: Nullable(Type.Number()),
  rate: Nullable(Type.Number()),
  type: Nullable(Type.String()),
})

export const BiAccount = Type.Object({
  id: Type.Union([Type.Number(), Type.String()]),
  name: Nullable(Type.String()),
  original_name: Nullable(Type.String()),
  number: Nullable(Type.String()),
  type: Nullable(Type.String()),
  /** `PRIV` private, `ORGA` company, `ASSO` association (see USAGES in to-model.ts). */
  usage: Nullable(Type.String()),
  /** `owner`, `co-owner`, `attorney`. */
  ownership: Nullable(Type.String()),
  iban: Nullable(Type.String()),
  bic: Nullable(Type.String()),
  currency: Nullable(BiCurrency),
  balance: Nullable(Type.Number()),
  last_update: Nullable(Type.String()),
  coming: Nullable(Type.Number()),
  deleted: Nullable(Type.String()),
  company_name: Nullable(Type.String()),
  loan: Nullable(BiLoan),
  /** Checked one by one, so that one bad transaction does not reject the account. */
  transactions: Nullable(Type.Array(Type.Unknown())),
})
export type BiAccount = Static<typeof BiAccount>

export const BiConnection = Type.Object({
  id: Type.Optional(Type.Union([Type.Number(), Type.String()])),
  connector: Nullable(
    Type.Object({ name: Nullable(Type.String()), uuid: Nullable(Type.String()) }),
  ),
  bank: Nullable(Type.Object({ name: Nullable(Type.String()) })),
  /** Checked one by one. */
  accounts: Type.Array(Type.Unknown()),
})
export type BiConnection = Static<typeof BiConnection>

/** The `format` values that name this format. */
export const BI_FORMATS = ['BUDGET_INSIGHT_V2_0', 'BUDGET_INSIGHT_V2'] as const
