/**
 * Project rules in the engine: they win over the built-in rules, stop applying once removed
 * from the set, and a replay with the recorded set gives the same analysis.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { analyse } from './analyse.ts'
import type { AnalyseResult, EngineContext, WireTransaction } from './model/index.ts'
import {
  labelRootOfDescription,
  matchesPattern,
  patternPieces,
  type ProjectRule,
} from './project-rules.ts'
import { loadAccounts } from '../../test/support/labelled.ts'

const harry = loadAccounts('algoan/harry_potter.json')

const transactions = (result: AnalyseResult): WireTransaction[] =>
  result.accounts.flatMap((account) => account.transactions)

const withDescription = (result: AnalyseResult, words: string): WireTransaction[] =>
  transactions(result).filter((tx) => tx.description.includes(words))

test('a label-root rule wins over the built-in merchant rule, with its own rule id', () => {
  const carrefour = withDescription(analyse(harry), 'CARREFOUR')
  assert.ok(carrefour.length > 1)
  assert.ok(carrefour.every((tx) => tx.enrichments.category === 'GROCERY'))
  const rule: ProjectRule = {
    id: 'r1',
    category: 'SHOPPING',
    labelRoot: labelRootOfDescription(carrefour[0]?.description ?? ''),
  }
  const corrected = withDescription(analyse(harry, { projectRules: [rule] }), 'CARREFOUR')
  assert.equal(corrected.length, carrefour.length)
  for (const tx of corrected) {
    assert.equal(tx.enrichments.category, 'SHOPPING')
    assert.equal(tx.enrichments.ruleId, 'PROJECT_RULE:r1')
  }
})

test('a pattern rule reaches the insights: a transfer named as wage counts as wage', () => {
  const before = analyse(harry)
  const rule: ProjectRule = { id: 'p1', category: 'WAGE', pattern: 'virement recu de m*potter' }
  const after = analyse(harry, { projectRules: [rule] })
  const wageOf = (result: AnalyseResult): number =>
    (result.ok &&
      result.creditInsights?.incomes.categories.find((group) => group.name === 'WAGE')
        ?.totalAmount) ||
    0
  const moved = withDescription(after, 'VIREMENT RECU DE M. POTTER')
  assert.ok(moved.length > 0 && moved.every((tx) => tx.enrichments.category === 'WAGE'))
  const added = moved.reduce((sum, tx) => sum + tx.amount, 0)
  assert.equal(Math.round((wageOf(after) - wageOf(before)) * 100), Math.round(added * 100))
})

test('an income rule leaves money out alone, and an expense rule money in', () => {
  const after = analyse(harry, {
    projectRules: [
      { id: 'in', category: 'RECEIVED_ALIMONY', pattern: 'POTTER' },
      { id: 'out', category: 'LEISURE', pattern: 'SPOTIFY' },
    ],
  })
  for (const tx of withDescription(after, 'POTTER')) {
    assert.equal(tx.enrichments.ruleId === 'PROJECT_RULE:in', tx.amount > 0, tx.description)
  }
  const rejected = withDescription(after, 'REJET PRLV SPOTIFY')
  assert.ok(rejected.length > 0 && rejected.every((tx) => tx.enrichments.category !== 'LEISURE'))
})

test('the first matching rule of the set decides', () => {
  const after = analyse(harry, {
    projectRules: [
      { id: 'first', category: 'LEISURE', pattern: 'CARREFOUR' },
      { id: 'second', category: 'SHOPPING', pattern: 'PARIS CARREFOUR' },
    ],
  })
  const carrefour = withDescription(after, 'CARREFOUR')
  assert.ok(carrefour.every((tx) => tx.enrichments.ruleId === 'PROJECT_RULE:first'))
})

test('a deleted rule stops applying: without it the analysis is the built-in one', () => {
  const rules: ProjectRule[] = [{ id: 'gone', category: 'SHOPPING', pattern: 'CARREFOUR' }]
  const withRule = analyse(harry, { projectRules: rules })
  assert.ok(
    withDescription(withRule, 'CARREFOUR').every(
      (tx) => tx.enrichments.ruleId === 'PROJECT_RULE:gone',
    ),
  )
  assert.deepEqual(analyse(harry, { projectRules: [] }), analyse(harry))
  assert.ok(
    transactions(analyse(harry, { projectRules: rules.filter((r) => r.id !== 'gone') })).every(
      (tx) => !tx.enrichments.ruleId.startsWith('PROJECT_RULE:'),
    ),
  )
})

test('replaying with the recorded rule set gives the identical analysis', () => {
  const context: EngineContext = {
    projectRules: [
      { id: 'a', category: 'SHOPPING', pattern: 'CARREFOUR' },
      { id: 'b', category: 'LEISURE', labelRoot: 'VIREMENT ALICE AIRBNB' },
    ],
  }
  const recorded = JSON.parse(JSON.stringify(context)) as EngineContext
  assert.deepEqual(analyse(harry, recorded), analyse(harry, context))
  assert.notDeepEqual(analyse(harry, context), analyse(harry))
})

test('patterns are substrings with * for any run: no regular expression, no backtracking', () => {
  const match = (pattern: string, text: string) => matchesPattern(patternPieces(pattern), text)
  assert.equal(match('tesco*london', 'CARD TESCO STORES LONDON W1'), true)
  assert.equal(match('london*tesco', 'CARD TESCO STORES LONDON W1'), false)
  assert.equal(match('Café  du', 'CB CAFE DU COIN'), true)
  assert.deepEqual(patternPieces('Café  du*'), ['CAFE DU'])
  assert.deepEqual(patternPieces(' * ** '), [])
  // A pathological pattern stays linear: 100 pieces over a 100,000-character text.
  const long = 'A'.repeat(100_000)
  const started = performance.now()
  assert.equal(match(Array(100).fill('A').join('*') + '*B', long), false)
  assert.ok(performance.now() - started < 200)
})
