/**
 * Several inputs of one customer (e.g. three monthly statement files) → one set of accounts. The
 * same account (same IBAN or number, same currency) found in several inputs becomes one account;
 * the transactions that overlapping inputs repeat are counted once (multiset union, see
 * `keepOnce`). Accounts without an IBAN or number cannot be matched and stay separate.
 */
import type { Account } from '../engine/model/index.ts'
import { accountId, transactionId } from './result.ts'
import { keepOnce } from './statements/shared/statement.ts'

const identityOf = (account: Account): string | undefined => {
  const id = (account.iban ?? account.number)?.replace(/[\s-]/g, '').toUpperCase()
  return id ? `${id}|${account.currency}` : undefined
}

const transactionKey = (t: Account['transactions'][number]): string =>
  `${t.date}|${t.amount}|${t.description.replace(/\s+/g, ' ').trim().toUpperCase()}`

/** Merges the accounts of several inputs, re-assigning positional ids. */
export const mergeAccounts = (
  inputs: readonly (readonly Account[])[],
): { accounts: Account[]; duplicatesRemoved: number } => {
  const groups: Account[][] = []
  const byIdentity = new Map<string, Account[]>()
  for (const accounts of inputs) {
    for (const account of accounts) {
      const identity = identityOf(account)
      const group = identity === undefined ? undefined : byIdentity.get(identity)
      if (group) {
        group.push(account)
        continue
      }
      const fresh = [account]
      groups.push(fresh)
      if (identity !== undefined) byIdentity.set(identity, fresh)
    }
  }
  let duplicatesRemoved = 0
  const accounts = groups.map((group, index): Account => {
    const { kept, removed } = keepOnce(
      group.map((account) => account.transactions),
      transactionKey,
    )
    duplicatesRemoved += removed
    const sorted = kept
      .map((transaction, order) => ({ transaction, order }))
      .sort((a, b) =>
        a.transaction.date === b.transaction.date
          ? a.order - b.order
          : a.transaction.date < b.transaction.date
            ? -1
            : 1,
      )
    let latest = group[0] as Account // groups are never empty
    for (const account of group) {
      if ((account.balanceDate ?? '') >= (latest.balanceDate ?? '') && account.balance !== null) {
        latest = account
      }
    }
    const id = accountId(index)
    return {
      ...(group[0] as Account), // groups are never empty
      id,
      balance: latest.balance,
      balanceDate: latest.balanceDate,
      owners: group.find((account) => account.owners.length > 0)?.owners ?? [],
      transactions: sorted.map(({ transaction }, j) => ({
        ...transaction,
        id: transactionId(index, j),
        accountId: id,
      })),
    }
  })
  return { accounts, duplicatesRemoved }
}
