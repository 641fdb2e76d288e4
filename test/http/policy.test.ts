/**
 * The decision policy (`GET/PUT /v2/policy`) and the affordability what-if
 * (`POST /v2/customers/{id}/analyses/{analysisId}/affordability`) over HTTP, on analyses of
 * generated customers computed by the real worker. One app for the file.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DEFAULT_POLICY } from '../../src/engine/scoring/decision-policy.ts'
import { generateUpload, type Profile } from '../../src/synthetic/index.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

let harness: Harness
let project: Awaited<ReturnType<typeof newProject>>

interface WhatIf {
  score: number
  currency: string
  decision: { outcome: string; rules: { id: string; outcome: string }[] }
  reasons: { code: string; impact: number }[]
  affordability: {
    instalment: number
    residualIncome: number
    debtToIncomeAfter: number | null
    replay: { shortfallDays: number } | null
  }
}

const analysed = async (profile: Profile, transactions?: number) => {
  const customer = json<{ id: string }>(
    await call(harness, project.token, 'POST', '/v2/customers', {
      customIdentifier: `${profile}-${Math.random().toString(36).slice(2)}`,
    }),
  )
  const upload = generateUpload({ profile, country: 'FR', months: 12, seed: 5 })
  const accounts =
    transactions === undefined
      ? upload.accounts
      : upload.accounts.map((a) => ({ ...a, transactions: a.transactions.slice(0, transactions) }))
  const created = await call(
    harness,
    project.token,
    'POST',
    `/v2/customers/${customer.id}/analyses`,
    {
      accounts,
    },
  )
  assert.equal(created.statusCode, 202, created.body)
  const analysisId = json<{ id: string }>(created).id
  for (let i = 0; i < 200; i++) {
    const analysis = json<{ status: string }>(
      await call(
        harness,
        project.token,
        'GET',
        `/v2/customers/${customer.id}/analyses/${analysisId}`,
      ),
    )
    if (analysis.status !== 'IN_PROGRESS') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { customerId: customer.id, analysisId }
}

let good: { customerId: string; analysisId: string }
let veryRisky: { customerId: string; analysisId: string }

before(async () => {
  harness = await startHarness({}, { worker: true })
  project = await newProject(harness, 'policy lender')
  good = await analysed('good')
  veryRisky = await analysed('very-risky')
})
after(() => harness.close())

const whatIf = (
  who: { customerId: string; analysisId: string },
  payload: Record<string, unknown>,
  token = project.token,
) =>
  call(
    harness,
    token,
    'POST',
    `/v2/customers/${who.customerId}/analyses/${who.analysisId}/affordability`,
    payload,
  )

const putPolicy = (policy: unknown) => call(harness, project.token, 'PUT', '/v2/policy', policy)

describe('GET/PUT /v2/policy', () => {
  test('answers the default policy until the project sets one, then the one it set', async () => {
    const fresh = await newProject(harness, 'fresh')
    const response = await call(harness, fresh.token, 'GET', '/v2/policy')
    assert.equal(response.statusCode, 200)
    assert.deepEqual(json(response), DEFAULT_POLICY)
    const mine = { ...DEFAULT_POLICY, annualRatePercent: 5.9, approveFrom: 70 }
    const put = await call(harness, fresh.token, 'PUT', '/v2/policy', mine)
    assert.equal(put.statusCode, 200, put.body)
    assert.deepEqual(json(await call(harness, fresh.token, 'GET', '/v2/policy')), mine)
    // other projects keep theirs
    assert.deepEqual(json(await call(harness, project.token, 'GET', '/v2/policy')), DEFAULT_POLICY)
  })

  test('refuses a bad policy in the v2 error shape and keeps the previous one', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...DEFAULT_POLICY, approveFrom: 30, referFrom: 40 }, 'BAD_REQUEST', /referFrom/],
      [{ ...DEFAULT_POLICY, approveFrom: 101 }, 'BAD_REQUEST', /approveFrom/],
      [{ approveFrom: 60, referFrom: 40, rules: {} }, 'MISSING_PARAM', /annualRatePercent/],
      [
        { ...DEFAULT_POLICY, rules: { gamblingShare: { above: 0.1, outcome: 'BAN' } } },
        'BAD_REQUEST',
        /outcome/,
      ],
      [
        { ...DEFAULT_POLICY, rules: { gamblingshare: { above: 0.1, outcome: 'REFER' } } },
        'BAD_REQUEST',
        /rules\.gamblingshare/,
      ],
    ]
    for (const [policy, code, message] of cases) {
      const response = await putPolicy(policy)
      assert.equal(response.statusCode, 400, response.body)
      const error = json<{ code: string; message: string; status: number }>(response)
      assert.equal(error.code, code, response.body)
      assert.equal(error.status, 400)
      assert.match(error.message, message)
    }
    assert.deepEqual(json(await call(harness, project.token, 'GET', '/v2/policy')), DEFAULT_POLICY)
    assert.equal((await call(harness, 'not-a-token', 'GET', '/v2/policy')).statusCode, 401)
  })
})

describe('POST …/analyses/{analysisId}/affordability', () => {
  test('scores a larger credit lower than a smaller one for the same customer', async () => {
    const small = json<WhatIf>(await whatIf(good, { amount: 1000, duration: 12 }))
    const large = json<WhatIf>(await whatIf(good, { amount: 40000, duration: 12 }))
    assert.equal(small.currency, 'EUR')
    assert.equal(small.affordability.instalment, 83.34)
    assert.equal(large.affordability.instalment, 3333.34)
    assert.ok(large.score < small.score, `${large.score} < ${small.score}`)
    assert.ok(large.reasons.some((r) => r.code === 'RESIDUAL_AFTER_NEGATIVE'))
    const withUpfront = json<WhatIf>(
      await whatIf(good, { amount: 40000, upfront: 39000, duration: 12 }),
    )
    assert.equal(withUpfront.affordability.instalment, 83.34)
  })

  test('ranks a good customer above a very risky one for the same credit, and decides', async () => {
    const request = { amount: 3000, duration: 12 }
    const a = json<WhatIf>(await whatIf(good, request))
    const b = json<WhatIf>(await whatIf(veryRisky, request))
    assert.ok(a.score > b.score, `${a.score} > ${b.score}`)
    assert.equal(a.decision.outcome, 'APPROVE')
    assert.equal(b.decision.outcome, 'DECLINE')
    assert.ok(b.decision.rules.some((r) => r.id === 'SCORE_BELOW_REFER'))
  })

  test('a policy that refers and one that declines, with the rules they fired', async () => {
    const request = { amount: 3000, duration: 12 }
    assert.equal(
      (await putPolicy({ ...DEFAULT_POLICY, approveFrom: 100, referFrom: 10 })).statusCode,
      200,
    )
    const referred = json<WhatIf>(await whatIf(good, request))
    assert.equal(referred.decision.outcome, 'REFER')
    assert.deepEqual(
      referred.decision.rules.map((r) => r.id),
      ['SCORE_BELOW_APPROVE'],
    )
    const strict = {
      ...DEFAULT_POLICY,
      rules: { debtToIncomeAfter: { above: 0.05, outcome: 'DECLINE' } },
    }
    assert.equal((await putPolicy(strict)).statusCode, 200)
    const declined = json<WhatIf>(await whatIf(good, request))
    assert.equal(declined.decision.outcome, 'DECLINE')
    assert.deepEqual(declined.decision.rules, [
      {
        id: 'DEBT_TO_INCOME_AFTER',
        outcome: 'DECLINE',
        value: declined.affordability.debtToIncomeAfter,
        limit: 0.05,
      },
    ])
    // the project's rate moves the instalment
    assert.equal((await putPolicy({ ...DEFAULT_POLICY, annualRatePercent: 12 })).statusCode, 200)
    const withRate = json<WhatIf>(await whatIf(good, { amount: 1000, duration: 12 }))
    assert.equal(withRate.affordability.instalment, 88.85)
    assert.equal((await putPolicy(DEFAULT_POLICY)).statusCode, 200)
  })

  test('refuses bad requests, unknown ids and analyses without a result', async () => {
    for (const [payload, code] of [
      [{ amount: 1000 }, 'MISSING_PARAM'],
      [{ amount: 1000, duration: 36 }, 'BAD_REQUEST'],
      [{ amount: 1000, duration: 12, upfront: 1000 }, 'BAD_REQUEST'],
      [{ amount: -5, duration: 12 }, 'BAD_REQUEST'],
      [{ amount: 1000, duration: 12, rate: 3 }, 'BAD_REQUEST'],
    ] as const) {
      const response = await whatIf(good, payload)
      assert.equal(response.statusCode, 400, JSON.stringify(payload))
      assert.equal(json<{ code: string }>(response).code, code)
    }
    const unknown = await whatIf({ ...good, analysisId: 'nope' }, { amount: 1000, duration: 12 })
    assert.equal(unknown.statusCode, 404)
    const refused = await analysed('good', 3)
    const forbidden = await whatIf(refused, { amount: 1000, duration: 12 })
    assert.equal(forbidden.statusCode, 403, forbidden.body)
    assert.match(json<{ message: string }>(forbidden).message, /ERROR/)
    const other = await newProject(harness, 'other')
    assert.equal((await whatIf(good, { amount: 1000, duration: 12 }, other.token)).statusCode, 404)
  })
})
