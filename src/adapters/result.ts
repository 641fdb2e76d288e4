import type { Account } from '../engine/model/index.ts'

/** One problem found in an input: where, what (for the user), and why (for us). */
export interface AdapterIssue {
  /**
   * Where: a JSON path such as `accounts[0].transactions[12].amount`, or `line 42` / `line 42,
   * column "Amount"` for text files.
   */
  path: string
  /** For the user: `expected a number, got "12,5"`. Never contains bank data beyond the bad value. */
  message: string
  /** For us: the internal reason, if it adds anything. */
  detail?: string
  /** `error` rejects the input (400 over the API); `warning` is reported and the item kept or skipped. */
  severity: 'error' | 'warning'
}

/** What every adapter's `parse` returns. Adapters never throw on bad input. */
export interface AdapterResult {
  /** Canonical accounts; empty when the input is rejected. */
  accounts: Account[]
  issues: AdapterIssue[]
  /** Transactions dropped as duplicates (e.g. two overlapping statements). */
  duplicatesRemoved?: number
}

export const hasErrors = (result: AdapterResult): boolean =>
  result.issues.some((issue) => issue.severity === 'error')

/** `accounts[0].transactions[12].amount: expected a number, got "12,5"` */
export const formatIssue = (issue: AdapterIssue): string => `${issue.path}: ${issue.message}`

/**
 * Deterministic ids for an input that has none: `a0`, `a0t12` (account 0, transaction 12).
 * The store replaces them with its own ids; the CLI keeps them.
 */
export const accountId = (accountIndex: number): string => `a${accountIndex}`
export const transactionId = (accountIndex: number, transactionIndex: number): string =>
  `a${accountIndex}t${transactionIndex}`
