/**
 * Every hand-written statement sample, through the registry and the engine: the descriptions,
 * amounts, dates and balances the statement adapters produce must be good enough for the engine
 * to find the salary and the loan each sample holds, over the months it covers.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { parseInput } from '../../src/adapters/index.ts'
import { analyse } from '../../src/engine/analyse.ts'

const root = new URL('../fixtures/statements/', import.meta.url)
const samples = ['csv', 'camt', 'ofx', 'mt940'].flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, root)).map((name) => `${folder}/${name}`),
)

/** Reports (CAMT.052) cover a few days: too few transactions for an analysis, by design. */
const MIN_TRANSACTIONS = 20

for (const sample of samples) {
  test(`analyses ${sample}: salary, loan repayments and months found`, () => {
    const parsed = parseInput(readFileSync(new URL(sample, root)))
    assert.deepEqual(
      parsed.issues.filter((i) => i.severity === 'error'),
      [],
    )
    const result = analyse(parsed.accounts, { supportedCurrencies: ['EUR', 'GBP'] })
    const checking = parsed.accounts.filter((a) => a.type === 'CHECKING')
    const count = checking.reduce(
      (sum, a) => sum + a.transactions.filter((t) => !t.isComing).length,
      0,
    )
    if (count < MIN_TRANSACTIONS) {
      assert.equal(result.ok, false)
      if (!result.ok) assert.equal(result.refusal.code, 'NOT_ENOUGH_TRANSACTIONS')
      return
    }
    assert.ok(result.ok, sample)
    const insights = result.creditInsights
    assert.ok(insights)
    assert.ok(
      insights.incomes.categories.some((c) => c.name === 'WAGE'),
      `${sample}: salary`,
    )
    assert.ok(insights.loans.repayments.details.length > 0, `${sample}: loan repayments`)
    const months = new Set(checking.flatMap((a) => a.transactions.map((t) => t.date.slice(0, 7))))
    assert.ok(result.metadata.calendar.length >= months.size, `${sample}: months`)
  })
}
