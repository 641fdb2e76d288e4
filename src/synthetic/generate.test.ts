import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseInput } from '../adapters/index.ts'
import { COUNTRIES, generateUpload, PROFILES } from './index.ts'

test('writes the same file for the same seed and another one for another seed', () => {
  const a = JSON.stringify(generateUpload({ profile: 'risky', country: 'FR', months: 12, seed: 3 }))
  const b = JSON.stringify(generateUpload({ profile: 'risky', country: 'FR', months: 12, seed: 3 }))
  const c = JSON.stringify(generateUpload({ profile: 'risky', country: 'FR', months: 12, seed: 4 }))
  assert.equal(a, b)
  assert.notEqual(a, c)
})

test('writes valid ALGOAN uploads for every profile and market', () => {
  for (const profile of PROFILES) {
    for (const country of COUNTRIES) {
      const upload = generateUpload({ profile, country, months: 12, seed: 1 })
      const parsed = parseInput(JSON.stringify(upload))
      assert.equal(parsed.format, 'ALGOAN')
      assert.deepEqual(
        parsed.issues.filter((i) => i.severity === 'error'),
        [],
        `${profile} ${country}`,
      )
      const checking = parsed.accounts.find((a) => a.type === 'CHECKING')
      assert.ok(
        checking !== undefined && checking.transactions.length > 200,
        `${profile} ${country}`,
      )
    }
  }
})

test('covers the requested months up to the end date', () => {
  const upload = generateUpload({
    profile: 'good',
    country: 'DE',
    months: 12,
    seed: 9,
    endDate: '2025-12-31',
  })
  const dates = upload.accounts.flatMap((a) => a.transactions.map((t) => t.dates.debitedAt))
  const sorted = [...dates].sort()
  assert.ok((sorted[0] ?? '') >= '2025-01-01')
  assert.ok((sorted.at(-1) ?? '') <= '2025-12-31T23:59:59.999Z')
  assert.equal(new Set(dates.map((d) => d.slice(0, 7))).size, 12)
})

test("words transactions in each market's vocabulary and currency", () => {
  const uk = generateUpload({ profile: 'risky', country: 'UK', months: 3, seed: 2 })
  const de = generateUpload({ profile: 'retired', country: 'DE', months: 3, seed: 2 })
  const ukText = uk.accounts[0]?.transactions.map((t) => t.description).join('\n') ?? ''
  const deText = de.accounts[0]?.transactions.map((t) => t.description).join('\n') ?? ''
  assert.equal(uk.accounts[0]?.currency, 'GBP')
  assert.match(ukText, /DIRECT DEBIT|CARD PAYMENT TO/)
  assert.match(deText, /RENTENVERSICHERUNG|KARTENZAHLUNG/)
})

test('lets risky profiles go below zero and keeps a good one mostly above', () => {
  const lowest = (profile: 'good' | 'very-risky'): number => {
    const account = generateUpload({ profile, country: 'FR', months: 12, seed: 5 }).accounts[0]
    let balance = account?.balance ?? 0
    let low = balance
    for (const t of [...(account?.transactions ?? [])].reverse()) {
      balance -= t.amount
      low = Math.min(low, balance)
    }
    return low
  }
  assert.ok(lowest('very-risky') < 0)
  assert.ok(lowest('good') > lowest('very-risky'))
})
