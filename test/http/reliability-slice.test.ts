/**
 * A slice of the reliability suite (`npm run test:reliability` runs it at full size): a few
 * hundred fuzzed bodies over every write route (and a few on each), and one isolation pass over
 * every documented route, on the database of this test process.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { fuzzTable, runFuzz, WRITE_ROUTES } from '../reliability/support/fuzz.ts'
import { isolationTable, runIsolation } from '../reliability/support/isolation.ts'
import { seedProject, type ProjectData } from '../reliability/support/projects.ts'
import { installWriteCounter, type WriteCounter } from '../reliability/support/write-counter.ts'
import { startHarness, type Harness } from './harness.ts'

let harness: Harness
let counter: WriteCounter
let a: ProjectData
let b: ProjectData
before(async () => {
  harness = await startHarness({ WEBHOOK_ALLOW_NETWORKS: 'loopback' })
  a = await seedProject(harness, 'alpha', 1)
  b = await seedProject(harness, 'beta', 2)
  counter = await installWriteCounter(harness.runtime.db)
})
after(async () => {
  // Other test files may share this database (DATABASE_URL): leave no trigger behind.
  await counter.uninstall()
  await harness.close()
})

test('the write counter sees a write and ignores a rejected request', async () => {
  const before = await counter.read()
  const rejected = await harness.app.inject({
    method: 'POST',
    url: '/v2/customers',
    headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
    payload: '{"customIdentifier":""}',
  })
  assert.equal(rejected.statusCode, 400)
  assert.equal(await counter.read(), before)
  const created = await harness.app.inject({
    method: 'POST',
    url: '/v2/customers',
    headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
    payload: '{"customIdentifier":"counted"}',
  })
  assert.equal(created.statusCode, 201)
  assert.ok((await counter.read()) > before)
})

test('300 fuzzed bodies, then 8 on each write route: no 5xx, nothing half-stored', async () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261205)
  const report = await runFuzz(harness.app, counter, a, { count: 300, seed })
  // Routes of weight 1 may be missed by 300 bodies: each also gets a few of its own.
  for (const route of WRITE_ROUTES) {
    await runFuzz(harness.app, counter, a, { count: 8, seed, report, routes: [route] })
  }
  assert.equal(report.fuzzed, 300 + 8 * WRITE_ROUTES.length)
  // Every route was tried, and some bodies were accepted: the check is not vacuous.
  assert.equal(report.routes.size, WRITE_ROUTES.length, fuzzTable(report))
  assert.ok(report.accepted > 0, fuzzTable(report))
  assert.deepEqual(report.failures, [], fuzzTable(report))
  assert.equal(report.errors5xx, 0)
  assert.equal(report.partial, 0)
})

test("another project's ids answer 404 on every route, with no data and no write", async () => {
  const report = await runIsolation(harness, counter, a, b)
  const table = isolationTable(report)
  assert.equal(report.leaks, 0, table)
  assert.equal(report.uncovered, 0, table)
  assert.ok(report.rows.filter((row) => row.verdict === 'ok').length > 30, table)
  const refused = report.rows.filter((row) => row.verdict === 'refused')
  assert.deepEqual(refused, [], table)
})
