import type { Account, Transaction } from '../../engine/model/index.ts'
import type { AdapterIssue, AdapterResult } from '../result.ts'
import { describe, isObject } from '../validate.ts'

/** One aggregator connection to map, with the JSON path its accounts are reported under. */
export interface ConnectionInput {
  /** `{ accounts: [...] }` (plus the aggregator's own connection fields). */
  value: unknown
  /** `connections[0]`, `accounts[2]`, or '' when the accounts sit at the root. */
  path: string
}

/**
 * The connections of an aggregator body. Accepted shapes, so that a lender can send what its
 * aggregator gave it: `{ connections: [{ accounts: [...] }] }` (the files' shape), `{ accounts:
 * [{ accounts: [...] }] }` (connections under the API's `accounts` field), or `{ accounts:
 * [account, ...] }` (the accounts themselves).
 */
export const connectionsOf = (
  input: unknown,
  issues: AdapterIssue[],
): ConnectionInput[] | undefined => {
  if (!isObject(input)) {
    issues.push({
      path: '$',
      message: `expected an object, got ${describe(input)}`,
      severity: 'error',
    })
    return undefined
  }
  const { connections, accounts } = input
  if (Array.isArray(connections)) {
    return connections.map((value, index) => ({ value, path: `connections[${index}]` }))
  }
  if (Array.isArray(accounts)) {
    const areConnections =
      accounts.length > 0 && accounts.every((a) => isObject(a) && Array.isArray(a.accounts))
    return areConnections
      ? accounts.map((value, index) => ({ value, path: `accounts[${index}]` }))
      : [{ value: { accounts }, path: '' }]
  }
  issues.push({
    path: 'connections',
    message:
      connections === undefined
        ? 'is required (the aggregator connections, each with its accounts)'
        : `expected an array, got ${describe(connections)}`,
    severity: 'error',
  })
  return undefined
}

/** The path of account `index` of a connection at `connectionPath`. */
export const accountPath = (connectionPath: string, index: number): string =>
  connectionPath === '' ? `accounts[${index}]` : `${connectionPath}.accounts[${index}]`

/**
 * Parses an aggregator body with the format's own `toModel`: its connections found as
 * `connectionsOf` accepts them, then mapped; no account is returned when any issue is an error.
 */
export const parseConnections = (
  input: unknown,
  toModel: (connections: readonly ConnectionInput[]) => {
    accounts: Account[]
    issues: AdapterIssue[]
  },
): AdapterResult => {
  const issues: AdapterIssue[] = []
  const connections = connectionsOf(input, issues)
  if (connections === undefined) return { accounts: [], issues }
  const mapped = toModel(connections)
  issues.push(...mapped.issues)
  return { accounts: issues.some((i) => i.severity === 'error') ? [] : mapped.accounts, issues }
}

/** Maps an aggregator account's raw transactions onto `account` with the format's own mapper. */
export const addTransactions = (
  account: Account,
  raws: readonly unknown[] | null | undefined,
  accountIndex: number,
  path: string,
  issues: AdapterIssue[],
  toTransaction: (
    raw: unknown,
    account: Account,
    accountIndex: number,
    path: string,
    issues: AdapterIssue[],
  ) => Transaction | undefined,
): void => {
  for (const [t, raw] of (raws ?? []).entries()) {
    const transaction = toTransaction(
      raw,
      account,
      accountIndex,
      `${path}.transactions[${t}]`,
      issues,
    )
    if (transaction) account.transactions.push(transaction)
  }
}
