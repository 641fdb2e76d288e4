/**
 * No bank data, personal details or secrets in the log: a request that fails on the server
 * (here a real database error, forced by a constraint on the real store) is logged with its
 * code and message only, and request URLs without their query strings.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { after, before, test } from 'node:test'
import { createLogger } from '../../src/logging/logger.ts'
import { call, newProject, startHarness, type Harness } from './harness.ts'

/** Marks every value the test sends: none of it may reach the log. */
const CANARY = 'CANARYZX'
const IBAN = 'FR7630006000011234567890189'

let harness: Harness
let lines: string[] = []
let fixture: { accounts: { name?: string; transactions: { description: string }[] }[] }

before(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      )
      done()
    },
  })
  harness = await startHarness({}, { logger: createLogger('info', sink) })
  fixture = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  ) as typeof fixture // fixture file: the ALGOAN upload shape
})
after(() => harness.close())

const logged = () => lines.join('\n')
const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)

test('a database error on hostile input is logged with its code, never with the values', async () => {
  const { token } = await newProject(harness)
  lines = []
  // A real database failure carrying every value of the row (`detail: Failing row contains …`)
  // and the statement's parameters, as PGlite and pg report them.
  await harness.runtime.db.query(
    `alter table customers add constraint no_canary check (custom_identifier not like '%${CANARY}%')`,
  )
  try {
    const response = await call(
      harness,
      token,
      'POST',
      `/v2/customers?secret=${CANARY}-query&iban=${IBAN}`,
      {
        customIdentifier: `${CANARY}-identifier`,
        personalDetails: { identity: { lastName: `${CANARY}-name`, iban: IBAN } },
        aggregationDetails: { token: `${CANARY}-token` },
      },
    )
    assert.equal(response.statusCode, 500)
    assert.deepEqual(response.json(), {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'An internal error occurred',
      status: 500,
    })
  } finally {
    await harness.runtime.db.query('alter table customers drop constraint no_canary')
  }
  const failure = parsed().find((line) => line.msg === 'request failed')
  assert.ok(failure, `no "request failed" line in:\n${logged()}`)
  const err = failure.err as Record<string, unknown>
  assert.equal(err.code, '23514') // check_violation: the code says what failed
  assert.equal(err.constraint, 'no_canary')
  const incoming = parsed().find((line) => line.msg === 'incoming request')
  assert.equal((incoming?.req as { url?: string } | undefined)?.url, '/v2/customers')
  assert.ok(!logged().includes(CANARY), `the log holds request data:\n${logged()}`)
  assert.ok(!logged().includes(IBAN), 'the log holds an IBAN')
})

test('hostile uploads leave no byte of their content in the log', async () => {
  const { token } = await newProject(harness)
  const customer = await call(harness, token, 'POST', '/v2/customers', {
    customIdentifier: 'logs-hostile',
  })
  const customerId = (customer.json() as { id: string }).id
  lines = []
  const upload = structuredClone(fixture)
  const account = upload.accounts[0]
  assert.ok(account?.transactions[0])
  account.name = `${CANARY}-holder\u0000`
  account.transactions[0].description = `${CANARY}-description\u0000`
  const hostile: [string, string, unknown][] = [
    ['POST', `/v2/customers/${customerId}/analyses`, upload],
    ['POST', '/v2/customers', { customIdentifier: `${CANARY}\u0000` }],
    [
      'POST',
      '/v2/subscriptions',
      { eventName: 'analysis_completed', target: 'https://1.1.1.1/', secret: `${CANARY}\u0000` },
    ],
  ]
  for (const [method, url, body] of hostile) {
    const response = await call(harness, token, method as 'POST', url, body)
    assert.ok(response.statusCode < 500, `${method} ${url} answered ${response.statusCode}`)
  }
  assert.ok(!logged().includes(CANARY), `the log holds request data:\n${logged()}`)
})
