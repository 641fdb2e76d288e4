import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import type { Transaction } from '../engine/model/index.ts'
import { generateUpload } from '../synthetic/index.ts'
import { parseBody } from '../adapters/index.ts'
import { transactionFingerprints } from './analyses.ts'

const transaction = (overrides: Partial<Transaction>): Transaction => ({
  id: 'a0t0',
  accountId: 'a0',
  description: 'CB CARREFOUR 12/03',
  amount: -4250,
  currency: 'EUR',
  date: '2024-03-12',
  dates: { debitedAt: '2024-03-12T12:00:00.000Z', bookedAt: '2024-03-13T00:00:00.000Z' },
  isComing: false,
  ...overrides,
})

// Fingerprints identify transactions already stored by earlier uploads: these values were
// written by the first implementation and must never change.
test('keeps the fingerprints of stored transactions byte for byte', () => {
  const fingerprints = transactionFingerprints([
    transaction({}),
    transaction({}),
    transaction({
      description: 'VIR SEPA MÜLLER Ünïcödé 😀 "quoted" \\ back\nline',
      amount: 123456,
    }),
    transaction({ dates: { bookedAt: '2024-03-13' } }),
    transaction({ dates: {}, description: 'lone \ud800 surrogate' }),
    transaction({ aggregator: { id: 'agg-42' } }),
    transaction({ amount: 0, currency: 'USD' }),
  ])
  assert.deepEqual(fingerprints, [
    'content:6w93X7utEQ3m4VnYEC5OiMJK70htG1knmo9IgYJVMLo:0',
    'content:6w93X7utEQ3m4VnYEC5OiMJK70htG1knmo9IgYJVMLo:1',
    'content:kP4XJdoMBnpMeM9AdzQm1NGyHam39tgpx8sJeuOryBY:0',
    'content:3GfOTr2EPt04d_3SKybKWgXFXvUPZZ1hRHONU0VKAz4:0',
    'content:HS2RfoXSdjI5EqxQvV-oVBOnQhLytpHB3n9FNb95qb8:0',
    'aggregator:agg-42',
    'content:CqVFJ26B9HQau6V7Iq2En5BmBXbBMsQvbZU1T4O8_N8:0',
  ])
})

test('fingerprints the content as the SHA-256 of its JSON, ranked among identical ones', () => {
  const upload = generateUpload({ profile: 'good', country: 'FR', months: 12, seed: 3 })
  const { accounts } = parseBody(upload)
  const transactions = accounts.flatMap((account) => account.transactions)
  assert.ok(transactions.length > 100)
  const seen = new Map<string, number>()
  const expected = transactions.map((t) => {
    const content = JSON.stringify([
      t.dates.debitedAt ?? null,
      t.dates.bookedAt ?? null,
      t.amount,
      t.currency,
      t.description,
    ])
    const key = createHash('sha256').update(content).digest('base64url')
    const rank = seen.get(key) ?? 0
    seen.set(key, rank + 1)
    return `content:${key}:${rank}`
  })
  assert.deepEqual(transactionFingerprints(transactions), expected)
})
