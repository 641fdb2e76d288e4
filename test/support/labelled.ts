/**
 * Fixture customers with hand-made enrichments (test/fixtures/labels): lets the engine's later
 * steps (cash flows, insights, scores) be tested on known categories, independently of the
 * categoriser's quality. The accounts come from the real ALGOAN adapter.
 */
import { readFileSync } from 'node:fs'
import { parseInput } from '../../src/adapters/index.ts'
import type {
  Account,
  Category,
  EnrichedTransaction,
  TransactionType,
} from '../../src/engine/model/index.ts'

interface Label {
  account: number
  index: number
  category: Category
  type: TransactionType
  counterparty: string | null
  isRejection: boolean
}

export const fixturePath = (name: string): string =>
  new URL(`../fixtures/${name}`, import.meta.url).pathname

export const loadAccounts = (file: string): Account[] => {
  const parsed = parseInput(readFileSync(fixturePath(file), 'utf8'), { fileName: file })
  if (parsed.issues.some((i) => i.severity === 'error')) throw new Error(`cannot parse ${file}`)
  return parsed.accounts
}

/** A crude description root for tests: upper-case words without digits, the first four. */
export const crudeRoot = (description: string): string =>
  description
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w.length > 1 && !/\d/.test(w))
    .slice(0, 4)
    .join(' ')

/** The accounts of a fixture customer and their transactions enriched from the hand-made labels. */
export const labelledCustomer = (
  name: 'harry_potter' | 'lara_croft',
): { accounts: Account[]; enriched: EnrichedTransaction[][] } => {
  const accounts = loadAccounts(`algoan/${name}.json`)
  const labels = (
    JSON.parse(readFileSync(fixturePath(`labels/${name}.json`), 'utf8')) as { labels: Label[] }
  ) // test data, shape above
  .labels
  const enriched = accounts.map((account, a) =>
    account.transactions.map((tx, i): EnrichedTransaction => {
      const label = labels.find((l) => l.account === a && l.index === i)
      if (label === undefined) throw new Error(`no label for ${a}/${i}`)
      // A rejection names the latest earlier payment of the same amount, as the linker does.
      const reversed = label.isRejection
        ? account.transactions
            .slice(0, i)
            .filter((o) => o.amount === -tx.amount && o.date <= tx.date)
            .pop()
        : undefined
      return {
        ...tx,
        labelRoot: label.counterparty ?? crudeRoot(tx.description),
        enrichments: {
          category: label.category,
          type: label.type,
          isRejected: label.isRejection,
          counterPartId: reversed?.id ?? null,
          counterparty: label.counterparty,
          isInternationalTransfer: false,
          ruleId: 'TEST_LABEL',
        },
      }
    }),
  )
  return { accounts, enriched }
}
