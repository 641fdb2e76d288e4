/**
 * Properties of the analysis that must hold for any input (fast-check), on enriched
 * transactions drawn at random: order does not matter, internal transfers are neutral, no
 * transaction is counted twice, daily balances agree with the movements.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { analyseEnriched } from '../../src/engine/pipeline.ts'
import type {
  Account,
  AnalyseResult,
  Category,
  EnrichedTransaction,
  TransactionType,
} from '../../src/engine/model/index.ts'
import { addDays, daysBetween } from '../../src/engine/model/index.ts'

type Completed = Extract<AnalyseResult, { ok: true }>

const CATEGORIES: readonly [Category, TransactionType, 1 | -1][] = [
  ['WAGE', 'INCOMING_TRANSFER', 1],
  ['ALLOWANCE_FAMILY', 'INCOMING_TRANSFER', 1],
  ['OTHER_ENTRY', 'INCOMING_TRANSFER', 1],
  ['LOAN_DRAWDOWN_PERSONAL', 'INCOMING_TRANSFER', 1],
  ['REFUND', 'CARD_REFUND', 1],
  ['RENT', 'OUTGOING_TRANSFER', -1],
  ['GROCERY', 'CARD', -1],
  ['POWER', 'DIRECT_DEBIT', -1],
  ['GAMBLING', 'CARD', -1],
  ['LOAN_REPAYMENT_PERSONAL', 'DIRECT_DEBIT', -1],
  ['LOAN_REPAYMENT_REVOLVING', 'DIRECT_DEBIT', -1],
  ['SPLIT_PAYMENT', 'CARD', -1],
  ['FEES_OVERDRAFT', 'DEBIT', -1],
  ['FEES_BANK_SERVICE', 'DEBIT', -1],
  ['REJECTION_PAYMENT', 'CREDIT', 1],
]
const ROOTS = ['ACME', 'CARREFOUR', 'EDF', 'COFIDIS', 'ONEY', 'LANDLORD', 'BETCLIC']
const START = '2025-01-01'

const arbTransaction = fc.record({
  kind: fc.integer({ min: 0, max: CATEGORIES.length - 1 }),
  root: fc.constantFrom(...ROOTS),
  cents: fc.integer({ min: 100, max: 300_000 }),
  day: fc.integer({ min: 0, max: 180 }),
})

const arbAccount = fc.record({
  type: fc.constantFrom<Account['type']>('CHECKING', 'CHECKING', 'SAVINGS'),
  balance: fc.option(fc.integer({ min: -200_000, max: 500_000 }), { freq: 8 }),
  transactions: fc.array(arbTransaction, { minLength: 20, maxLength: 60 }),
})

type Input = { accounts: Account[]; enriched: EnrichedTransaction[][] }

type RawAccount = typeof arbAccount extends fc.Arbitrary<infer T> ? T : never

const build = (raw: RawAccount[]): Input => {
  const accounts: Account[] = []
  const enriched: EnrichedTransaction[][] = []
  raw.forEach((spec, a) => {
    const id = `acc${a}`
    const txs = spec.transactions.map((t, i): EnrichedTransaction => {
      const [category, type, sign] = CATEGORIES[t.kind] ?? CATEGORIES[0]!
      const date = addDays(START, t.day)
      return {
        id: `${id}t${i}`,
        accountId: id,
        description: `${t.root} ${category}`,
        amount: sign * t.cents,
        currency: 'EUR',
        date,
        dates: { debitedAt: `${date}T12:00:00.000Z` },
        isComing: false,
        labelRoot: t.root,
        enrichments: {
          category,
          type,
          isRejected: false,
          counterPartId: null,
          counterparty: t.root,
          isInternationalTransfer: false,
          ruleId: 'PROPERTY_TEST',
        },
      }
    })
    accounts.push({
      id,
      type: a === 0 ? 'CHECKING' : spec.type,
      usage: 'PERSONAL',
      ownership: 'HOLDER',
      currency: 'EUR',
      balance: spec.balance,
      balanceDate: spec.balance === null ? null : `${addDays(START, 180)}T08:00:00.000Z`,
      owners: [{ name: 'TEST' }],
      transactions: txs,
    })
    enriched.push(txs)
  })
  return { accounts, enriched }
}

const arbInput = fc.array(arbAccount, { minLength: 1, maxLength: 3 }).map(build)

const completed = (result: AnalyseResult): Completed => {
  assert.ok(result.ok, result.ok ? '' : result.refusal.code)
  return result
}

/** Everything but the per-account listing, which follows the input order by contract. */
const insightsOf = (r: Completed) => ({
  metadata: r.metadata,
  creditInsights: r.creditInsights,
  scores: r.scores,
  balances: Object.fromEntries(r.accounts.map((a) => [a.id, a.dailyBalances])),
})

const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const copy = [...items]
  let s = seed
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

// Print the failing assertion itself, not only the counterexample (node's reporter hides `cause`).
const RUNS = { numRuns: 60, includeErrorInReport: true }

test('gives the same analysis whatever the order of accounts and transactions', () => {
  fc.assert(
    fc.property(
      arbInput,
      fc.integer({ min: 1, max: 1_000_000 }),
      ({ accounts, enriched }, seed) => {
        const before = completed(analyseEnriched(accounts, enriched))
        const order = shuffle(
          accounts.map((_, i) => i),
          seed,
        )
        const shuffledEnriched = order.map((i) => shuffle(enriched[i] ?? [], seed + i))
        const shuffledAccounts = order.map((i, k) => ({
          ...(accounts[i] as Account),
          transactions: shuffledEnriched[k] ?? [],
        }))
        const after = completed(analyseEnriched(shuffledAccounts, shuffledEnriched))
        assert.deepEqual(insightsOf(after), insightsOf(before))
      },
    ),
    RUNS,
  )
})

test('adding an internal transfer pair changes no income or expense total', () => {
  fc.assert(
    fc.property(
      arbInput,
      fc.integer({ min: 1, max: 500_000 }),
      fc.integer({ min: 0, max: 180 }),
      (input, cents, day) => {
        const before = completed(analyseEnriched(input.accounts, input.enriched))
        const date = addDays(START, day)
        const transfer = (
          accountId: string,
          amount: number,
          type: TransactionType,
        ): EnrichedTransaction => ({
          id: `${accountId}-internal`,
          accountId,
          description: 'VIREMENT COMPTE A COMPTE',
          amount,
          currency: 'EUR',
          date,
          dates: { debitedAt: `${date}T12:00:00.000Z` },
          isComing: false,
          labelRoot: 'VIREMENT COMPTE A COMPTE',
          enrichments: {
            category: amount > 0 ? 'OTHER_ENTRY' : 'OTHER_EXPENSE',
            type,
            isRejected: false,
            counterPartId: null,
            counterparty: null,
            isInternationalTransfer: false,
            ruleId: 'PROPERTY_TEST',
          },
        })
        // Between the first checking account and a second account (a new savings account if needed).
        const accounts = [...input.accounts]
        const enriched = input.enriched.map((list) => [...list])
        if (accounts.length === 1) {
          accounts.push({
            ...(accounts[0] as Account),
            id: 'savings',
            type: 'SAVINGS',
            transactions: [],
          })
          enriched.push([])
        }
        const out = transfer(accounts[0]?.id ?? '', -cents, 'OUTGOING_INTERNAL_TRANSFER')
        const into = transfer(accounts[1]?.id ?? '', cents, 'INCOMING_INTERNAL_TRANSFER')
        enriched[0]?.push(out)
        enriched[1]?.push(into)
        const after = completed(analyseEnriched(accounts, enriched))
        // Totals, not monthly averages: a transfer dated before the first transaction lengthens
        // the period, which rightly changes what "per month" means.
        const totals = (r: Completed) => ({
          incomeTotal: r.creditInsights?.incomes.totalAmount,
          incomes: r.creditInsights?.incomes.categories.map((c) => [c.name, c.totalAmount]),
          expenseTotal: r.creditInsights?.expenses.totalAmount,
          expenses: r.creditInsights?.expenses.categories.map((c) => [c.name, c.totalAmount]),
        })
        assert.deepEqual(totals(after), totals(before))
      },
    ),
    RUNS,
  )
})

test('counts no transaction in two of incomes, expenses and loan repayments', () => {
  fc.assert(
    fc.property(arbInput, ({ accounts, enriched }) => {
      const ci = completed(analyseEnriched(accounts, enriched)).creditInsights
      assert.ok(ci)
      const incomes = ci.incomes.categories.flatMap((c) => c.transactions.map((t) => t.id))
      const expenses = ci.expenses.categories.flatMap((c) => c.transactions.map((t) => t.id))
      const repayments = ci.loans.repayments.details.flatMap((d) => d.transactions.map((t) => t.id))
      const seen = new Map<string, string>()
      for (const [where, ids] of [
        ['incomes', incomes],
        ['expenses', expenses],
        ['repayments', repayments],
      ] as const) {
        for (const id of ids) {
          assert.ok(
            !seen.has(id) || seen.get(id) === where,
            `${id} in ${seen.get(id)} and ${where}`,
          )
          seen.set(id, where)
        }
      }
    }),
    RUNS,
  )
})

test('the movements of an account add up to the change of its daily balance', () => {
  fc.assert(
    fc.property(arbInput, ({ accounts, enriched }) => {
      const result = completed(analyseEnriched(accounts, enriched))
      result.accounts.forEach((analysed, a) => {
        const balances = analysed.dailyBalances
        const first = balances[0]
        const last = balances.at(-1)
        if (first === undefined || last === undefined) {
          assert.equal(accounts[a]?.balance, null)
          return
        }
        const from = first.date.slice(0, 10)
        const to = last.date.slice(0, 10)
        assert.equal(balances.length, daysBetween(from, to) + 1)
        const moved = (enriched[a] ?? [])
          .filter((t) => !t.isComing && t.date > from && t.date <= to)
          .reduce((sum, t) => sum + t.amount, 0)
        assert.equal(Math.round((last.balance - first.balance) * 100), moved)
      })
    }),
    RUNS,
  )
})
