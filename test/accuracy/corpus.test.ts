/**
 * The blind corpus is data we must be able to trust: every line well-formed, labelled with the
 * wire vocabulary, in the half its hash picks, and each market large enough to measure. It
 * checks shape only and prints no line of the holdout half.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { isCategory, isTransactionType } from '../../src/engine/model/index.ts'
import { halfOf } from './half.ts'

const KEYS = [
  'market',
  'language',
  'accountType',
  'currency',
  'holder',
  'description',
  'amount',
  'type',
  'category',
  'counterparty',
  'ambiguous',
].join(',')

const root = new URL('./', import.meta.url)
const MARKETS = ['BE-fr', 'BE-nl', 'DE', 'ES', 'FR', 'NL', 'UK']

test('every corpus line is well-formed, labelled in the vocabulary and in its hashed half', () => {
  const perMarket = new Map<string, number>()
  const seen = new Set<string>()
  for (const half of ['tuning', 'holdout'] as const) {
    const files = readdirSync(new URL(`${half}/`, root)).filter((f) => f.endsWith('.jsonl'))
    for (const file of files) {
      const lines = readFileSync(new URL(`${half}/${file}`, root), 'utf8').split('\n')
      lines.forEach((text, index) => {
        if (text.trim() === '') return
        const where = `${half}/${file}:${index + 1}`
        // Checked field by field just below.
        const line = JSON.parse(text) as Record<string, unknown>
        assert.equal(Object.keys(line).sort().join(','), KEYS.split(',').sort().join(','), where)
        assert.ok(typeof line.description === 'string' && line.description.trim() !== '', where)
        assert.ok(typeof line.amount === 'number' && line.amount !== 0, where)
        assert.ok(typeof line.type === 'string' && isTransactionType(line.type), where)
        assert.ok(typeof line.category === 'string' && isCategory(line.category), where)
        assert.ok(line.category !== 'LOAN_REPAYMENT', `${where}: no bare LOAN_REPAYMENT`)
        assert.ok(line.counterparty === null || typeof line.counterparty === 'string', where)
        assert.ok(['CHECKING', 'CREDIT_CARD'].includes(String(line.accountType)), where)
        assert.equal(typeof line.ambiguous, 'boolean', where)
        const key = {
          market: String(line.market),
          description: line.description,
          amount: line.amount,
        }
        assert.equal(halfOf(key), half, `${where}: in the wrong half`)
        const id = `${key.market}\n${key.description}\n${key.amount}`
        assert.ok(!seen.has(id), `${where}: duplicate line`)
        seen.add(id)
        const market = file.replace(/\.jsonl$/, '')
        perMarket.set(market, (perMarket.get(market) ?? 0) + 1)
      })
    }
  }
  for (const market of MARKETS) {
    assert.ok((perMarket.get(market) ?? 0) >= 80, `${market}: ${perMarket.get(market) ?? 0} lines`)
  }
  const total = [...perMarket.values()].reduce((a, b) => a + b, 0)
  assert.ok(total >= 900, `${total} lines in all`)
})
