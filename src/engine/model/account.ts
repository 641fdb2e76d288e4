import type { AccountOwnership, AccountType, AccountUsage } from './vocabulary.ts'
import type { Minor } from './money.ts'
import type { LocalDate } from './dates.ts'

export interface Owner {
  name?: string
}

export interface Bank {
  id?: string
  name?: string
  logoUrl?: string
  country?: string
}

export interface LoanDetails {
  type?: string
  amount?: Minor
  startDate?: string
  endDate?: string
  /** Months. */
  duration?: number
  insuranceLabel?: string
  payment?: Minor
  remainingCapital?: Minor
  interestRate?: number
}

export interface SavingsDetails {
  type?: string
  openedAt?: string
  maximumAmount?: Minor
  interestRate?: number
}

/**
 * A bank account in the canonical model. Every adapter produces this shape; the engine reads
 * nothing else.
 */
export interface Account {
  /** Opaque id, unique within one analysis input (assigned by the adapter or the store). */
  id: string
  type: AccountType
  usage: AccountUsage
  ownership: AccountOwnership
  /** ISO 4217 code, upper-case. */
  currency: string
  /** Balance at `balanceDate`, minor units; null when the source gives none. */
  balance: Minor | null
  /** ISO date-time of the balance as given by the source; null when unknown. */
  balanceDate: string | null
  owners: Owner[]
  name?: string
  number?: string
  iban?: string
  bic?: string
  bank?: Bank
  country?: string
  /** Sum of upcoming (not yet booked) operations, minor units. */
  coming?: Minor
  details?: { loan?: LoanDetails; savings?: SavingsDetails }
  aggregator?: { id?: string }
  transactions: Transaction[]
}

/** A bank transaction in the canonical model. */
export interface Transaction {
  /** Opaque id, unique within one analysis input. */
  id: string
  accountId: string
  description: string
  /** Signed minor units: negative = money out. */
  amount: Minor
  currency: string
  /** The date the engine reasons on: debitedAt, else bookedAt (UTC calendar date). */
  date: LocalDate
  /** Dates as given by the source (ISO date-times). */
  dates: { debitedAt?: string; bookedAt?: string }
  isComing: boolean
  aggregator?: { id?: string; category?: string; type?: string }
}
