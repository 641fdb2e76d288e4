import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { stringifyReusing } from './json-text.ts'

/** Every object and array inside `value`. */
const objectsOf = (value: unknown, found: object[] = []): object[] => {
  if (typeof value === 'object' && value !== null) {
    found.push(value)
    for (const item of Object.values(value)) objectsOf(item, found)
  }
  return found
}

test('gives what JSON.stringify gives, whichever objects it knows the text of', () => {
  const anything = fc.anything({
    withBoxedValues: true,
    withDate: true,
    withNullPrototype: true,
    withSparseArray: true,
    withObjectString: true,
    values: [fc.double(), fc.string(), fc.constant(undefined), fc.constant(-0)],
  })
  fc.assert(
    fc.property(anything, fc.array(fc.nat()), (value, picks) => {
      const objects = objectsOf(value)
      const known = new Map<object, string>()
      for (const pick of picks) {
        const object = objects[pick % Math.max(1, objects.length)]
        if (object) known.set(object, JSON.stringify(object))
      }
      assert.equal(stringifyReusing(value, known), JSON.stringify(value))
    }),
    { numRuns: 1_000 },
  )
})

test('writes a known object from its text, however many times it appears', () => {
  const transaction = { id: 't1', amount: -12.5, enrichments: { category: 'GROCERY' } }
  const insights = {
    version: 7,
    cashFlows: [{ transactions: [transaction, transaction] }],
    skipped: undefined,
    expenses: { items: [transaction, undefined, () => 1] },
  }
  // A text that is not the object's: shows that it was taken from the map.
  const known = new Map<object, string>([[transaction, '"T1"']])
  assert.equal(
    stringifyReusing(insights, known),
    '{"version":7,"cashFlows":[{"transactions":["T1","T1"]}],"expenses":{"items":["T1",null,null]}}',
  )
  assert.equal(stringifyReusing(undefined, known), undefined)
})
