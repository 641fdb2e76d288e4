import Type, { type Static } from 'typebox'
import { Nullable } from '../common/schema-check.ts'

/**
 * The raw Linxo Connect (Oxlin) direct account API v3 shape (`format:
 * "OXLIN_DIRECT_ACCOUNT_API_V3"`): connections holding the accounts returned by `GET /accounts`,
 * each with its `balances` and the transactions of `GET /accounts/{id}/transactions`. Amounts are
 * decimal strings (`"-101.67"`), as in the Berlin Group model the API follows. Unknown fields are
 * allowed.
 */

export const LinxoAmount = Type.Object({
  amount: Type.Union([Type.String(), Type.Number()]),
  currency: Type.String(),
})

export const LinxoBalance = Type.Object({
  /** `CLOSING_BOOKED`, `INTERIM_BOOKED`, `EXPECTED`, `INTERIM_AVAILABLE`, `OPENING_BOOKED` … */
  balance_type: Nullable(Type.String()),
  balance_amount: LinxoAmount,
  reference_date: Nullable(Type.String()),
  last_change_date_time: Nullable(Type.String()),
})
export type LinxoBalance = Static<typeof LinxoBalance>

export const LinxoTransaction = Type.Object({
  id: Nullable(Type.Union([Type.String(), Type.Number()])),
  transaction_amount: LinxoAmount,
  /** `CRDT` / `DBIT`: applied when the amount comes unsigned. */
  credit_debit_indicator: Nullable(Type.String()),
  booking_date: Nullable(Type.String()),
  value_date: Nullable(Type.String()),
  transaction_date: Nullable(Type.String()),
  /** `BOOKED` or `PENDING`. */
  status: Nullable(Type.String()),
  remittance_information: Nullable(Type.Union([Type.Array(Type.String()), Type.String()])),
  bank_transaction_code: Nullable(Type.String()),
})
export type LinxoTransaction = Static<typeof LinxoTransaction>

export const LinxoAccount = Type.Object({
  account_id: Type.Union([Type.String(), Type.Number()]),
  name: Nullable(Type.String()),
  /** `CASH_ACCOUNT`, `SAVINGS`, `CARD`, `LOAN` … */
  type: Nullable(Type.String()),
  /** `PRIVATE` or `PROFESSIONAL`. */
  usage: Nullable(Type.String()),
  iban: Nullable(Type.String()),
  bic: Nullable(Type.String()),
  currency: Nullable(Type.String()),
  balances: Nullable(Type.Array(Type.Unknown())),
  /** Checked one by one. */
  transactions: Nullable(Type.Array(Type.Unknown())),
})
export type LinxoAccount = Static<typeof LinxoAccount>

export const LinxoConnection = Type.Object({
  accounts: Type.Array(Type.Unknown()),
})

/** The `format` values that name this format (the API's name, then the file's own). */
export const LINXO_FORMATS = [
  'OXLIN_DIRECT_ACCOUNT_API_V3',
  'LINXO_CONNECT_DIRECT_ACCOUNT_API_V3',
] as const
