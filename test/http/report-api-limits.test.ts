/**
 * The Report API's limits, in an app of their own: the rate limit (429 in the error array),
 * retention (410 GONE, the data deleted) and a processing that keeps failing (TIMEOUT_PROCESSING).
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Analyser } from '../../src/app/ports.ts'
import { newProject, startHarness, type Harness } from './harness.ts'
import {
  assertProblem,
  fixture,
  getReport,
  processReport,
  reportToken,
  requestIdOf,
  upload,
  waitForReport,
} from './report-support.ts'

const RATE_LIMIT = 100
let harness: Harness
let token: string
let failing = false

const HAND_MADE = [{ name: 'hand-made.json', content: fixture('hand-made.json') }]

before(async () => {
  harness = await startHarness(
    {
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      REPORT_RETENTION_DAYS: '7',
      JOB_RETRY_LIMIT: '0',
      JOB_RETRY_DELAY_SECONDS: '0',
    },
    { worker: true },
  )
  const analyse = harness.runtime.deps.analyse
  const flaky: Analyser = (accounts, context) => {
    if (failing) throw new Error('engine crashed')
    return analyse(accounts, context)
  }
  harness.runtime.deps.analyse = flaky
  token = await reportToken(harness, await newProject(harness))
})
after(() => harness.close())

const count = (sql: string, params: unknown[]) =>
  harness.runtime.db
    .query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)
    .then(({ rows }) => rows[0]?.n)

describe('retention', () => {
  it('answers 410 GONE past REPORT_RETENTION_DAYS and deletes the report’s data', async () => {
    const id = requestIdOf(await upload(harness, token, HAND_MADE))
    const expiring = requestIdOf(await upload(harness, token, HAND_MADE))
    assert.equal(
      (await processReport(harness, token, id, { country: 'uk', operations: ['categorisation'] }))
        .statusCode,
      202,
    )
    await waitForReport(harness, token, id)
    assert.ok(((await count('accounts where customer_id = $1', [id])) ?? 0) > 0)
    const clock = harness.runtime.deps.clock
    const later = new Date(clock.now().getTime() + 8 * 86_400_000)
    // Only the use cases' clock moves: the token service keeps the real one.
    harness.runtime.deps.clock = { now: () => later }
    try {
      assertProblem(await getReport(harness, token, id), 410, 'GONE')
      assertProblem(await getReport(harness, token, id), 410, 'GONE')
      assertProblem(
        await processReport(harness, token, expiring, {
          country: 'uk',
          operations: ['categorisation'],
        }),
        410,
        'GONE',
      )
      for (const gone of [id, expiring]) {
        assert.equal(await count('customers where id = $1', [gone]), 0)
        assert.equal(await count('accounts where customer_id = $1', [gone]), 0)
        assert.equal(await count('analyses where id = $1', [gone]), 0)
        assert.equal(
          await count(`reports where id = $1 and status = 'gone' and result is null`, [gone]),
          1,
        )
      }
      // an expired report nobody asks for is purged by the next upload
      harness.runtime.deps.clock = clock
      const unasked = requestIdOf(await upload(harness, token, HAND_MADE))
      harness.runtime.deps.clock = { now: () => later }
      requestIdOf(await upload(harness, token, HAND_MADE))
      assert.equal(await count('customers where id = $1', [unasked]), 0)
    } finally {
      harness.runtime.deps.clock = clock
    }
  })
})

describe('processing that keeps failing', () => {
  it('ends the report failed with TIMEOUT_PROCESSING in the error array', async () => {
    const id = requestIdOf(await upload(harness, token, HAND_MADE))
    failing = true
    try {
      assert.equal(
        (await processReport(harness, token, id, { country: 'fr', operations: ['simple-score'] }))
          .statusCode,
        202,
      )
      const attributes = await waitForReport(harness, token, id, 60_000)
      assert.equal(attributes.status, 'failed')
      assert.equal(attributes.errors[0]['error-code'], 'TIMEOUT_PROCESSING')
      assert.ok(Array.isArray(attributes.errors[0].source))
    } finally {
      failing = false
    }
  })
})

describe('rate limit', () => {
  it('answers 429 RATE_LIMIT in the error array once the client is over its limit', async () => {
    let limited
    for (let i = 0; i < RATE_LIMIT + 2 && !limited; i++) {
      const response = await harness.app.inject({
        method: 'GET',
        url: '/v2/category-tree/uk',
        headers: { authorization: `Bearer ${token}` },
      })
      if (response.statusCode === 429) limited = response
    }
    assert.ok(limited, 'no 429 within the limit')
    assertProblem(limited, 429, 'RATE_LIMIT')
  })
})
