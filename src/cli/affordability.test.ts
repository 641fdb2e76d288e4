import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixturePath } from '../../test/support/labelled.ts'
import { runCommand } from '../../test/support/cli.ts'

interface LoanDocument {
  loan: {
    request: { amount: number; upfront: number; duration: number }
    score: number
    decision: { outcome: string; rules: { id: string }[] }
    reasons: { code: string; impact: number }[]
    affordability: { instalment: number; residualIncome: number; replay: unknown }
  }
}

const loan = async (...args: string[]) => {
  const file = fixturePath('algoan/lara_croft.json')
  const result = await runCommand(['analyze', file, '--json', ...args])
  assert.equal(result.status, 0, result.stderr)
  return (JSON.parse(result.stdout) as LoanDocument).loan // checked field by field below
}

test('analyze --loan-amount prints the affordability, score, decision and reasons', async () => {
  const small = await loan('--loan-amount', '3000', '--loan-duration', '12')
  assert.deepEqual(small.request, { amount: 3000, upfront: 0, duration: 12 })
  assert.equal(small.affordability.instalment, 250)
  assert.ok(small.score >= 0 && small.score <= 100)
  assert.ok(['APPROVE', 'REFER', 'DECLINE'].includes(small.decision.outcome))
  assert.ok(small.reasons.length > 0)
  assert.ok(small.affordability.replay !== null)
  const large = await loan('--loan-amount', '60000', '--loan-duration', '12')
  assert.ok(large.score < small.score, `${large.score} < ${small.score}`)
  const rated = await loan('--loan-amount', '1000', '--loan-duration', '12', '--annual-rate', '12')
  assert.equal(rated.affordability.instalment, 88.85)

  const report = await runCommand([
    'analyze',
    fixturePath('algoan/lara_croft.json'),
    '--loan-amount',
    '3000',
    '--loan-duration',
    '12',
  ])
  assert.match(report.stdout, /LOAN ─+\n {2}Requested 3,000\.00 EUR/)
  assert.match(report.stdout, /Score \d+\/100 {3}decision (APPROVE|REFER|DECLINE)/)
  for (const line of report.stdout.split('\n')) assert.ok(line.length <= 100, line)
})

test('analyze refuses a loan without its duration, a duration over 24 months, an upfront too high', async () => {
  const file = fixturePath('algoan/lara_croft.json')
  for (const args of [
    ['--loan-amount', '3000'],
    ['--loan-amount', '3000', '--loan-duration', '36'],
    ['--loan-amount', '3000', '--loan-duration', '12', '--loan-upfront', '3000'],
    ['--loan-amount', 'lots', '--loan-duration', '12'],
  ]) {
    const result = await runCommand(['analyze', file, ...args])
    assert.notEqual(result.status, 0, args.join(' '))
    assert.match(result.stderr, /loan/)
    assert.equal(result.stdout, '')
  }
})
