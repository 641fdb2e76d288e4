/**
 * Agreement of the categoriser with the hand-made labels of the two fixture customers, read
 * through the real ALGOAN adapter. Ambiguous labels are left out. These customers are a
 * development set: a rule must come from market vocabulary, never from their exact strings.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { enrichAccounts } from '../../src/engine/categorise/index.ts'
import { fixturePath, loadAccounts } from '../support/labelled.ts'

interface Label {
  account: number
  index: number
  category: string
  type: string
  ambiguous: boolean
}

/** Minimum shares of agreement on non-ambiguous labels (issue 2, §5). */
const MIN_CATEGORY = 0.97
const MIN_TYPE = 0.99

test('agrees with the labelled fixtures on category and type', (t) => {
  let total = 0
  let categories = 0
  let types = 0
  const mismatches: string[] = []
  for (const name of ['harry_potter', 'lara_croft']) {
    const accounts = loadAccounts(`algoan/${name}.json`)
    const { labels } = JSON.parse(readFileSync(fixturePath(`labels/${name}.json`), 'utf8')) as {
      labels: Label[]
    } // test data, shape above
    const enriched = enrichAccounts(accounts)
    for (const label of labels) {
      if (label.ambiguous) continue
      const tx = enriched[label.account]?.[label.index]
      assert.ok(tx, `${name} ${label.account}/${label.index} exists`)
      total++
      const e = tx.enrichments
      if (e.category === label.category) categories++
      if (e.type === label.type) types++
      if (e.category !== label.category || e.type !== label.type) {
        mismatches.push(
          `${name} ${label.account}/${label.index} "${tx.description}": ${e.type}/${e.category} [${e.ruleId}], labelled ${label.type}/${label.category}`,
        )
      }
    }
  }
  const categoryShare = categories / total
  const typeShare = types / total
  t.diagnostic(
    `category ${categories}/${total} (${(categoryShare * 100).toFixed(1)} %), type ${types}/${total} (${(typeShare * 100).toFixed(1)} %)`,
  )
  for (const line of mismatches) t.diagnostic(`mismatch: ${line}`)
  assert.ok(categoryShare >= MIN_CATEGORY, `category agreement ${categoryShare} < ${MIN_CATEGORY}`)
  assert.ok(typeShare >= MIN_TYPE, `type agreement ${typeShare} < ${MIN_TYPE}`)
})
