/**
 * The rule and detector id catalogue: every id the engine emits is in it, every rule and
 * detector is in it, and `docs/rule-ids.md` lists exactly it.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { parseInput } from '../adapters/index.ts'
import { analyse } from './analyse.ts'
import { RULES } from './categorise/rules/index.ts'
import { recurrenceDetectors } from './recurrence/index.ts'
import { DETECTOR_IDS, RULE_IDS, ruleIdFamily } from './rule-ids.ts'
import { COUNTRIES, PROFILES, generateUpload } from '../synthetic/index.ts'

const doc = readFileSync(new URL('../../docs/rule-ids.md', import.meta.url), 'utf8')
const rows = [...doc.matchAll(/^\| `([A-Z0-9_]+)` \| ([a-z A-Z]+) \| (.+) \|$/gm)]

test('lists every rule and every detector in the catalogue', () => {
  assert.deepEqual(
    RULES.map((rule) => rule.id).filter((id) => !(id in RULE_IDS)),
    [],
  )
  assert.deepEqual(
    recurrenceDetectors.map((d) => d.id).filter((id) => !(id in DETECTOR_IDS)),
    [],
  )
})

test('emits no rule or detector id outside the catalogue', () => {
  const inputs: string[] = []
  const fixtures = new URL('../../test/fixtures/algoan/', import.meta.url)
  for (const file of readdirSync(fixtures))
    inputs.push(readFileSync(new URL(file, fixtures), 'utf8'))
  for (const profile of PROFILES) {
    for (const country of COUNTRIES) {
      inputs.push(JSON.stringify(generateUpload({ profile, country, months: 12, seed: 3 })))
    }
  }
  // The blind corpus too: one customer per market file, as `npm run bench:accuracy` builds it.
  const corpus = new URL('../../test/accuracy/', import.meta.url)
  for (const half of ['tuning', 'holdout']) {
    for (const file of readdirSync(new URL(`${half}/`, corpus))) {
      const lines = readFileSync(new URL(`${half}/${file}`, corpus), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        // Corpus lines: validated by test/accuracy/corpus.test.ts.
        .map((line) => JSON.parse(line) as { description: string; amount: number; holder: string })
      const transactions = lines.map((line, t) => ({
        description: line.description,
        amount: line.amount,
        dates: {
          debitedAt: `2026-0${1 + (t % 6)}-${String(1 + (t % 28)).padStart(2, '0')}T12:00:00.000Z`,
        },
      }))
      inputs.push(
        JSON.stringify({
          accounts: [
            {
              type: 'CHECKING',
              usage: 'PERSONAL',
              currency: 'EUR',
              balance: 0,
              balanceDate: '2026-06-30T12:00:00.000Z',
              owners: [{ name: lines[0]?.holder ?? '' }],
              transactions,
            },
          ],
        }),
      )
    }
  }
  const ruleIds = new Set<string>()
  const detectorIds = new Set<string>()
  for (const input of inputs) {
    const result = analyse(parseInput(input).accounts)
    for (const account of result.accounts) {
      for (const tx of account.transactions) ruleIds.add(tx.enrichments.ruleId)
    }
    if (result.ok) {
      for (const flow of result.creditInsights?.cashFlows ?? []) {
        detectorIds.add(flow.detectorId ?? '(none)')
      }
    }
  }
  assert.deepEqual(
    [...ruleIds].filter((id) => !(ruleIdFamily(id) in RULE_IDS)),
    [],
  )
  assert.deepEqual(
    [...detectorIds].filter((id) => !(id in DETECTOR_IDS)),
    [],
  )
})

test('docs/rule-ids.md lists exactly the catalogue, with its sources and meanings', () => {
  const catalogue = { ...RULE_IDS, ...DETECTOR_IDS } as Record<
    string,
    { source: string; meaning: string }
  >
  assert.deepEqual(rows.map((row) => row[1]).sort(), Object.keys(catalogue).sort())
  for (const [, id, source, meaning] of rows) {
    assert.equal(source, catalogue[id ?? '']?.source, id)
    assert.equal(meaning, catalogue[id ?? '']?.meaning, id)
  }
})

test('gives every id an UPPER_SNAKE name and a one-line meaning', () => {
  for (const [id, info] of Object.entries({ ...RULE_IDS, ...DETECTOR_IDS })) {
    assert.match(id, /^[A-Z][A-Z0-9_]*$/)
    assert.ok(info.meaning.length > 10 && info.meaning.length <= 100, id)
  }
})
