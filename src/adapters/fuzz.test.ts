/**
 * Fuzzing every adapter with fast-check: random text and bytes, the sample files mutated
 * (truncated, spliced, bytes flipped), random JSON and the aggregator fixtures with a random
 * field replaced. Whatever the input, a parse returns a well-formed result and never throws; a
 * hang fails the test through its timeout. Parsing is linear by construction (one pass per
 * format, inputs capped at MAX_INPUT_CHARS), which is what bounds time and memory.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { parseBody, parseInput, type ParsedInput } from './index.ts'
import type { AdapterResult } from './result.ts'
import { parseBudgetInsightV2 } from './budget-insight-v2/index.ts'
import { parseLinxoConnectV3 } from './linxo-connect-v3/index.ts'
import { parseCamt } from './statements/camt/index.ts'
import { parseCsv } from './statements/csv/index.ts'
import { parseMt940 } from './statements/mt940/index.ts'
import { parseOfx } from './statements/ofx/index.ts'

/** Cases per property; several properties per adapter make thousands of cases each. */
const RUNS = 1000
/** Sample files are tens of KB: fewer mutated runs keep the suite fast on two cores. */
const SAMPLE_RUNS = 300
/** Far above any real parse (milliseconds): only a hang reaches it. */
const HANG_TIMEOUT_MS = 120_000

const fixtures = new URL('../../test/fixtures/', import.meta.url)
const samplesOf = (folder: string): Buffer[] =>
  readdirSync(new URL(`statements/${folder}/`, fixtures)).map((name) =>
    readFileSync(new URL(`statements/${folder}/${name}`, fixtures)),
  )

/** What every result must satisfy, whatever the input. */
const assertWellFormed = (result: AdapterResult | ParsedInput): void => {
  assert.ok(Array.isArray(result.accounts) && Array.isArray(result.issues))
  for (const issue of result.issues) {
    assert.equal(typeof issue.path, 'string')
    assert.ok(issue.message.length > 0)
    assert.ok(issue.severity === 'error' || issue.severity === 'warning')
  }
  if (result.issues.some((issue) => issue.severity === 'error')) {
    assert.equal(result.accounts.length, 0, 'an input with errors gives no accounts')
  }
  for (const account of result.accounts) {
    assert.match(account.currency, /^[A-Z]{3}$/)
    assert.ok(account.balance === null || Number.isSafeInteger(account.balance))
    for (const transaction of account.transactions) {
      assert.equal(transaction.accountId, account.id)
      assert.ok(Number.isSafeInteger(transaction.amount))
      assert.match(transaction.date, /^\d{4}-\d{2}-\d{2}$/)
    }
  }
}

/** A sample with a random edit: cut, insertion, deletion, duplication or byte flips. */
const mutated = (samples: readonly Buffer[]) =>
  fc
    .tuple(
      fc.constantFrom(...samples),
      fc.nat(),
      fc.nat(),
      fc.constantFrom('cut', 'insert', 'delete', 'duplicate', 'flip'),
      fc.uint8Array({ maxLength: 40 }),
    )
    .map(([sample, a, b, operation, bytes]) => {
      const at = a % (sample.length + 1)
      const to = Math.min(sample.length, at + (b % 2000))
      switch (operation) {
        case 'cut':
          return sample.subarray(0, at)
        case 'insert':
          return Buffer.concat([sample.subarray(0, at), bytes, sample.subarray(at)])
        case 'delete':
          return Buffer.concat([sample.subarray(0, at), sample.subarray(to)])
        case 'duplicate':
          return Buffer.concat([
            sample.subarray(0, to),
            sample.subarray(at, to),
            sample.subarray(to),
          ])
        default: {
          const copy = Buffer.from(sample)
          bytes.forEach((byte, i) => {
            if (copy.length > 0) copy[(at + i * 7919) % copy.length] = byte
          })
          return copy
        }
      }
    })

/** Text that looks a little like a statement: tags, separators, digits and dates. */
const statementish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ':20:',
        ':25:',
        ':60F:',
        ':61:',
        ':86:',
        ':62F:',
        '<OFX>',
        '<STMTTRN>',
        '<TRNAMT>',
        '</OFX>',
        '<Document>',
        '<Ntry>',
        '<Amt Ccy="EUR">',
        ';',
        ',',
        '"',
        '\n',
        '\r\n',
        'Date;Libellé;Montant\n',
        'C260101EUR',
        'D',
        '1,5',
        '-12.50',
        '2026-01-31',
        '31/01/2026',
        '?20',
        '/NAME/',
      ),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''))

const textAdapters: [string, (input: string | Uint8Array) => AdapterResult, Buffer[]][] = [
  ['CSV', (input) => parseCsv(input), samplesOf('csv')],
  ['CAMT', parseCamt, samplesOf('camt')],
  ['OFX', parseOfx, samplesOf('ofx')],
  ['MT940', parseMt940, samplesOf('mt940')],
]

for (const [name, parse, samples] of textAdapters) {
  test(
    `${name}: no text, bytes or mutated sample makes the parser throw or hang`,
    { timeout: HANG_TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 400 }), (text) => assertWellFormed(parse(text))),
        { numRuns: RUNS },
      )
      fc.assert(
        fc.property(statementish, (text) => assertWellFormed(parse(text))),
        { numRuns: RUNS },
      )
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => assertWellFormed(parse(bytes))),
        { numRuns: RUNS },
      )
      fc.assert(
        fc.property(mutated(samples), (bytes) => assertWellFormed(parse(bytes))),
        { numRuns: SAMPLE_RUNS },
      )
    },
  )
}

/** A fixture with one value somewhere replaced by random JSON. */
const jsonMutated = (fixture: unknown) =>
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([pick, replacement]) => {
    const copy: unknown = structuredClone(fixture)
    const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach((child, index) => {
          slots.push({ parent: node, key: index })
          walk(child)
        })
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown> // narrowed to a non-array object just above
        for (const [key, child] of Object.entries(record)) {
          slots.push({ parent: record, key })
          walk(child)
        }
      }
    }
    walk(copy)
    const slot = slots[pick % Math.max(1, slots.length)]
    if (slot) (slot.parent as Record<string | number, unknown>)[slot.key] = replacement // write back into the picked container
    return copy
  })

const jsonAdapters: [string, (input: unknown) => AdapterResult, string][] = [
  ['BUDGET_INSIGHT_V2_0', parseBudgetInsightV2, 'budget-insight-v2.0'],
  ['OXLIN_DIRECT_ACCOUNT_API_V3', parseLinxoConnectV3, 'linxo-connect-v3'],
]

for (const [name, parse, folder] of jsonAdapters) {
  const fixture: unknown = JSON.parse(
    readFileSync(new URL(`${folder}/lara_croft.json`, fixtures), 'utf8'),
  )
  test(
    `${name}: no JSON value or mutated fixture makes the adapter throw`,
    { timeout: HANG_TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => assertWellFormed(parse(value))),
        { numRuns: RUNS },
      )
      fc.assert(
        fc.property(fc.anything(), (value) => assertWellFormed(parse(value))),
        { numRuns: RUNS },
      )
      fc.assert(
        fc.property(jsonMutated(fixture), (value) => assertWellFormed(parse(value))),
        { numRuns: RUNS },
      )
      fc.assert(
        fc.property(jsonMutated(fixture), (value) => assertWellFormed(parseBody(value, name))),
        { numRuns: RUNS },
      )
    },
  )
}

test('registry: format detection never throws on any file', { timeout: HANG_TIMEOUT_MS }, () => {
  const all = textAdapters.flatMap(([, , samples]) => samples)
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => assertWellFormed(parseInput(bytes))),
    { numRuns: RUNS },
  )
  fc.assert(
    fc.property(mutated(all), (bytes) => assertWellFormed(parseInput(bytes))),
    { numRuns: SAMPLE_RUNS },
  )
})
