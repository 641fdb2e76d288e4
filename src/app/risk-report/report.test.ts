import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { analyse } from '../../engine/analyse.ts'
import { sandboxAccounts } from '../../hosted/sources/sandbox-bank.ts'
import { buildReport } from './report.ts'

const round = (value: number) => Math.round(value * 100) / 100

const reportOf = (username: string, name?: string) => {
  const accounts = sandboxAccounts(username, '2026-12-05') ?? []
  const result = analyse(accounts)
  assert.ok(result.ok)
  return {
    result,
    report: buildReport({
      flowId: 'flow-1',
      period: 12,
      ...(name !== undefined && { name }),
      givenAccounts: [{ id: accounts[0]?.iban ?? '' }],
      accounts: result.accounts.map((a) => ({
        account: a.account,
        balances: a.dailyBalances,
        transactions: a.transactions,
      })),
      creditInsights: result.creditInsights ?? null,
      scores: result.scores ?? null,
    }),
  }
}

describe('risk report from an analysis', () => {
  it('keeps the engine figures: income and expenses split into regular and variable streams', () => {
    const { result, report } = reportOf('risky-de', 'Jürgen Müller')
    const incomes = result.creditInsights?.incomes.categories.flatMap((c) => c.transactions) ?? []
    assert.equal(report.income.summary.count, incomes.length)
    assert.equal(report.income.summary.total, round(incomes.reduce((s, t) => s + t.amount, 0)))
    for (const side of [report.income, report.expenses]) {
      assert.equal(side.regular.summary.count + side.variable.summary.count, side.summary.count)
      const streams = [...side.regular.streams, ...side.variable.streams]
      assert.equal(
        streams.reduce((s, x) => s + x.count, 0),
        side.summary.count,
      )
      for (const stream of streams) {
        assert.ok(stream.low <= stream.average && stream.average <= stream.high)
        assert.ok(stream.category.id > 0 && stream.category.name !== '')
        assert.ok(stream.first_booked_on <= stream.last_booked_on)
      }
    }
    assert.ok(report.expenses.summary.total > 0, 'expenses are positive amounts')
    const salary = report.income.regular.streams[0]
    assert.equal(salary?.category.code, 'WAGE')
    assert.equal(report.risk?.reason_codes.length, result.scores?.creditScore?.reasons.length)
  })

  it('verifies the holder on every account, and only when a name was given', () => {
    const { report } = reportOf('risky-de', 'Juergen Mueller')
    for (const account of report.accounts) {
      assert.equal(account.verification_result?.matched.affinity, 'HIGH')
    }
    assert.equal(report.accounts[0]?.verification_result?.provided.iban !== undefined, true)
    const card = report.accounts.find((a) => a.type === 'Credit card')
    assert.equal(card?.balance.days_in_overdraft, 0, 'a card is not overdrawn')
    const anonymous = reportOf('good-fr').report
    assert.equal(
      anonymous.accounts.some((a) => 'verification_result' in a),
      false,
    )
    assert.equal(anonymous.accounts.filter((a) => a.is_main_account).length, 1)
  })
})
