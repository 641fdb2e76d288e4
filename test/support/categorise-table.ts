/**
 * Runs a language table: each row is one transaction alone on a checking account (or the
 * account type given), enriched by the real engine, and must get the expected type and
 * category. Every failing row is reported, not only the first.
 */
import assert from 'node:assert/strict'
import { enrichAccounts } from '../../src/engine/categorise/index.ts'
import type {
  Account,
  AccountType,
  Category,
  TransactionType,
} from '../../src/engine/model/index.ts'

/** [description, amount in major units, expected type, expected category, account type?] */
export type Row = readonly [string, number, TransactionType, Category, AccountType?]

const accountOf = (description: string, amount: number, type: AccountType): Account => ({
  id: 'a0',
  type,
  usage: 'PERSONAL',
  ownership: 'HOLDER',
  currency: 'EUR',
  balance: 0,
  balanceDate: '2026-03-31T00:00:00.000Z',
  owners: [{ name: 'JEAN MARTIN' }],
  transactions: [
    {
      id: 'a0t0',
      accountId: 'a0',
      description,
      amount: Math.round(amount * 100),
      currency: 'EUR',
      date: '2026-03-15',
      dates: { debitedAt: '2026-03-15T00:00:00.000Z' },
      isComing: false,
    },
  ],
})

export const checkTable = (rows: readonly Row[]): void => {
  const failures: string[] = []
  for (const [description, amount, type, category, accountType] of rows) {
    const tx = enrichAccounts([accountOf(description, amount, accountType ?? 'CHECKING')])[0]?.[0]
    assert.ok(tx, 'one transaction in, one out')
    const got = tx.enrichments
    if (got.type !== type || got.category !== category) {
      failures.push(
        `${description} (${amount}): got ${got.type}/${got.category} [${got.ruleId}], expected ${type}/${category}`,
      )
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${rows.length} rows differ`)
}
