import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { pack, PACK_THRESHOLD, unpack } from './packed.ts'

test('a packed text unpacks to the same text, whatever its characters', async () => {
  await fc.assert(
    fc.asyncProperty(fc.jsonValue(), fc.nat(40), async (value, repeat) => {
      const json = JSON.stringify(Array.from({ length: repeat }, () => value))
      assert.equal(await unpack(pack(json)), json)
    }),
    { numRuns: 200 },
  )
})

test('large texts are packed smaller, small ones stay plain JSON', async () => {
  const large = JSON.stringify(
    Array.from({ length: 500 }, (_, n) => ({ id: `t${n}`, description: 'CARTE CAFE', amount: -n })),
  )
  const packed = pack(large)
  assert.ok(packed.startsWith('z'))
  assert.ok(packed.length * 5 < large.length, `${packed.length} vs ${large.length}`)
  const small = JSON.stringify({ version: 7, label: 'é'.repeat(10) })
  assert.ok(small.length < PACK_THRESHOLD)
  assert.equal(pack(small), small)
})

test('plain JSON stored before packing existed reads as it is', async () => {
  for (const json of ['{"a":1}', '[1,2]', '"zebra"', '7', 'null', 'true', '']) {
    assert.equal(await unpack(json), json)
  }
})

test('a damaged packed text is an error, not wrong data', async () => {
  const packed = pack(JSON.stringify(Array.from({ length: 300 }, (_, n) => n)))
  await assert.rejects(unpack(`${packed.slice(0, 40)}`))
})
