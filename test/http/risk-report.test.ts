/**
 * The risk report flow as a lender lives it, over HTTP with plain forms (no JavaScript): create a
 * widget link, walk the hosted page (sandbox bank; uploaded statements), receive the code on the
 * redirect URI, exchange it, refresh twice, read the report; the vendor's error shape on bad
 * calls; code reuse, refresh-token reuse, another flow's token; the one-time data's hour.
 */
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { createLogger } from '../../src/logging/logger.ts'
import { createClient, type NewClient } from '../../src/app/clients.ts'
import type { RiskReport } from '../../src/app/risk-report/report.ts'
import { sandboxAccounts } from '../../src/hosted/sources/sandbox-bank.ts'
import { csrfOf, formClient, inputValues, type FormClient } from '../support/form-client.ts'
import { writeCamt053 } from '../support/write-statements.ts'
import { call, json, startHarness, type Harness } from './harness.ts'

let harness: Harness
let lender: NewClient
let other: NewClient
const REDIRECT = 'https://lender.example/callback'

/** Every log line of the file, and what must never be in one. */
const lines: string[] = []
const secrets = new Set<string>()

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
  harness = await startHarness({}, { worker: true, logger: createLogger('info', sink) })
  lender = await createClient(harness.runtime.deps, { name: 'Acme Lending' })
  other = await createClient(harness.runtime.deps, { name: 'Other Bank' })
})
after(() => harness.close())

const basic = (client: NewClient) =>
  `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`

const api = (
  method: 'GET' | 'POST',
  url: string,
  options: { client?: NewClient; bearer?: string; body?: unknown } = {},
) =>
  harness.app.inject({
    method,
    url,
    headers: {
      ...(options.client && { authorization: basic(options.client) }),
      ...(options.bearer && { authorization: `Bearer ${options.bearer}` }),
    },
    ...(options.body !== undefined && { payload: options.body as object }),
  })

const createLink = async (body: Record<string, unknown>, access = 'onetime', client = lender) => {
  const response = await api('POST', `/${access}/risk-report`, { client, body })
  assert.equal(response.statusCode, 201, response.body)
  const created = json<{ location: string; id: string }>(response)
  secrets.add(new URL(created.location).searchParams.get('token') ?? '')
  return created
}

/** Posts the current screen's form and checks the POST → 303 answer. */
const submit = async (
  client: FormClient,
  page: string,
  fields: Record<string, string | string[]>,
  action = 'continue',
) => {
  const html = (await client.get(page)).body
  const response = await client.post(page, { _csrf: csrfOf(html), action, ...fields })
  assert.equal(response.statusCode, 303, response.body)
  return response
}

const openPage = async (location: string) => {
  const client = formClient(harness.app)
  const opened = await client.get(location)
  assert.equal(opened.statusCode, 303)
  return { client, page: opened.headers.location as string }
}

/** Walks the page with a sandbox login and selects every account; answers the callback URL. */
const walkSandbox = async (location: string, username: string) => {
  const { client, page } = await openPage(location)
  assert.match((await client.get(page)).body, /Acme Lending/)
  await submit(client, page, { consent: 'yes' })
  await submit(client, page, { types: ['Giro account', 'Savings account', 'Credit card'] })
  await submit(client, page, { source: 'sandbox' })
  await submit(client, page, { username, pin: '9999' })
  assert.match((await client.get(page)).body, /10001/, 'a wrong PIN answers the user error')
  await submit(client, page, { username, pin: '1234' })
  await submit(client, page, { otp: '123456' })
  const ids = inputValues((await client.get(page)).body, 'accounts')
  return new URL((await submit(client, page, { accounts: ids })).headers.location as string)
}

const exchange = async (client: NewClient, body: Record<string, unknown>) => {
  const response = await api('POST', '/auth/token', { client, body })
  for (const value of [body.code, body.refresh_token])
    if (typeof value === 'string') secrets.add(value)
  if (response.statusCode === 200) {
    const tokens = json<{ access_token: string; refresh_token: string }>(response)
    secrets.add(tokens.access_token)
    secrets.add(tokens.refresh_token)
  }
  return response
}

const waitForReport = async (id: string, token: string) => {
  for (let i = 0; i < 200; i++) {
    const response = await api('GET', `/rest/risk-reports/${id}`, { bearer: token })
    if (response.statusCode !== 423) return response
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the report never became ready')
}

const errorOf = (response: { json(): unknown }) =>
  (
    response.json() as {
      error: { code: number; group: string; description: string; data?: Record<string, string[]> }
    }
  ).error

describe('risk report flow', () => {
  it('answers bad calls in the vendor error shape', async () => {
    const anonymous = await api('POST', '/onetime/risk-report', {
      body: { redirect_uri: REDIRECT },
    })
    assert.equal(anonymous.statusCode, 401)
    assert.equal(errorOf(anonymous).code, 1004)
    assert.equal(errorOf(anonymous).group, 'client')
    const wrongSecret = await api('POST', '/onetime/risk-report', {
      client: { ...lender, clientSecret: 'nope' },
      body: { redirect_uri: REDIRECT },
    })
    assert.equal(errorOf(wrongSecret).code, 1004)
    const invalid = await api('POST', '/onetime/risk-report', {
      client: lender,
      body: { redirect_uri: 'not a url', language: 'it', reporting_period: 0 },
    })
    assert.equal(invalid.statusCode, 400)
    const error = errorOf(invalid)
    assert.equal(error.code, 1000)
    assert.deepEqual(Object.keys(error.data ?? {}).sort(), [
      'language',
      'redirect_uri',
      'reporting_period',
    ])
    const ongoing = await api('POST', '/ongoing/risk-report', {
      client: lender,
      body: { redirect_uri: REDIRECT },
    })
    assert.deepEqual(errorOf(ongoing).data, { user_id: ['Missing data for required field.'] })
    const noToken = await api('GET', '/rest/risk-reports/whatever')
    assert.equal(noToken.statusCode, 401)
    assert.equal(errorOf(noToken).code, 1003)
    const badGrant = await exchange(lender, { grant_type: 'password' })
    assert.equal(errorOf(badGrant).code, 1000)
  })

  it('walks the sandbox bank, exchanges the code, refreshes twice and reads the report', async () => {
    const link = await createLink({
      redirect_uri: REDIRECT,
      state: 'st-42',
      language: 'en',
      name: 'Max Mustermann',
    })
    assert.match(link.location, /^http:\/\/localhost(:\d+)?\/widget\?token=/)
    const back = await walkSandbox(link.location, 'good-de')
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT)
    assert.equal(back.searchParams.get('state'), 'st-42')
    assert.equal(back.searchParams.get('success'), 'true')
    assert.equal(back.searchParams.get('flow_id'), link.id)
    const code = back.searchParams.get('code') ?? ''
    assert.ok(code.length >= 32)

    const wrongUri = await exchange(lender, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://lender.example/other',
    })
    assert.equal(errorOf(wrongUri).code, 1003)
    const stranger = await exchange(other, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    })
    assert.equal(errorOf(stranger).code, 1003, "another project's client cannot use the code")

    const first = await exchange(lender, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    })
    assert.equal(first.statusCode, 200, first.body)
    const tokens = json<{
      access_token: string
      refresh_token: string
      expires_in: number
      scope: string
      token_type: string
    }>(first)
    assert.equal(tokens.expires_in, 3600)
    assert.equal(tokens.token_type, 'Bearer')
    assert.equal(tokens.scope, 'accounts=ro balance=ro transactions=ro offline')

    const response = await waitForReport(link.id, tokens.access_token)
    assert.equal(response.statusCode, 200, response.body)
    const report = json<RiskReport>(response)
    assert.equal(report.id, link.id)
    assert.equal(report.period, 12)
    const checking = report.accounts.find((a) => a.type === 'Giro account')
    assert.ok(checking)
    assert.equal(checking.is_main_account, true)
    assert.deepEqual(checking.owners, ['Max Mustermann'])
    assert.equal(checking.verification_result?.matched.affinity, 'VERY_HIGH')
    assert.ok(report.income.summary.total > 30_000, 'a year of salary')
    assert.ok(report.income.regular.streams.some((s) => s.count >= 11 && s.category.id > 0))
    assert.ok(report.expenses.summary.count > 100)
    assert.ok(report.risk)
    assert.ok(report.risk.reason_codes.length > 0)

    // The analysis behind it (its customer is hidden from the v2 routes) has the same figures.
    const flow = await harness.runtime.riskReports.store.findFlow(link.id)
    assert.ok(flow?.customerId && flow.analysisId)
    const stored = await harness.runtime.deps.analyses.findById(flow.analysisId)
    const insights = JSON.parse(stored?.creditInsights?.json ?? 'null') as {
      incomes: { totalAmount: number }
    }
    assert.equal(insights.incomes.totalAmount, report.income.summary.total)

    // refresh twice; the first refresh token is then dead, and its reuse revokes the grant
    const refresh = (token: string) =>
      exchange(lender, { grant_type: 'refresh_token', refresh_token: token })
    const second = await refresh(tokens.refresh_token)
    assert.equal(second.statusCode, 200)
    const secondTokens = json<{ access_token: string; refresh_token: string }>(second)
    const third = await refresh(secondTokens.refresh_token)
    assert.equal(third.statusCode, 200)
    const thirdTokens = json<{ access_token: string; refresh_token: string }>(third)
    assert.equal(
      (await api('GET', `/rest/risk-reports/${link.id}`, { bearer: thirdTokens.access_token }))
        .statusCode,
      200,
    )
    const reused = await refresh(tokens.refresh_token)
    assert.equal(reused.statusCode, 401)
    assert.equal(errorOf(reused).code, 1003)
    assert.equal((await refresh(thirdTokens.refresh_token)).statusCode, 401, 'the grant is revoked')
    const revoked = await api('GET', `/rest/risk-reports/${link.id}`, {
      bearer: thirdTokens.access_token,
    })
    assert.equal(revoked.statusCode, 401)
  })

  it('reads uploaded statements; a used code is refused and revokes its tokens', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const accounts = sandboxAccounts('risky-fr', today) ?? []
    const camt = writeCamt053(accounts.filter((a) => a.type === 'CHECKING'))
    const link = await createLink({
      redirect_uri: REDIRECT,
      language: 'fr',
      name: 'Someone Else',
      reporting_period: 13,
      allow_multi_selection: false,
      account_types: ['Giro account'],
    })
    const { client, page } = await openPage(link.location)
    await submit(client, page, { consent: 'yes' })
    await submit(client, page, { source: 'upload' })
    const html = (await client.get(page)).body
    const uploaded = await client.postFiles(page, { _csrf: csrfOf(html), action: 'continue' }, [
      { name: 'files', fileName: 'releve.xml', content: camt },
    ])
    assert.equal(uploaded.statusCode, 303)
    const ids = inputValues((await client.get(page)).body, 'accounts')
    assert.equal(ids.length, 1)
    const back = new URL((await submit(client, page, { accounts: ids })).headers.location as string)
    const code = back.searchParams.get('code') ?? ''
    const tokens = json<{ access_token: string }>(
      await exchange(lender, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }),
    )
    const response = await waitForReport(link.id, tokens.access_token)
    assert.equal(response.statusCode, 200, response.body)
    const report = json<RiskReport>(response)
    assert.equal(report.accounts.length, 1)
    assert.equal(report.accounts[0]?.verification_result?.matched.affinity, 'LOW')

    // The same file analysed through the v2 API: the same income and risk figures.
    const v2 = await newProjectToken()
    const customer = json<{ id: string }>(
      await call(harness, v2, 'POST', '/v2/customers', { customIdentifier: 'same-file' }),
    )
    const boundary = '----same'
    const upload = await harness.app.inject({
      method: 'POST',
      url: `/v2/customers/${customer.id}/analyses/files`,
      headers: {
        authorization: `Bearer ${v2}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="releve.xml"\r\nContent-Type: application/xml\r\n\r\n${camt}\r\n--${boundary}--\r\n`,
    })
    assert.equal(upload.statusCode, 202, upload.body)
    const analysisId = json<{ id: string }>(upload).id
    let analysis: {
      status: string
      creditInsights?: {
        incomes: { totalAmount: number }
        risks: {
          gambling: { totalAmount: number }
          incidents: { paymentRejections: { transactions: unknown[] } }
        }
      }
    } = { status: '' }
    for (let i = 0; i < 200 && analysis.status !== 'COMPLETED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      analysis = json(
        await call(harness, v2, 'GET', `/v2/customers/${customer.id}/analyses/${analysisId}`),
      )
    }
    assert.equal(analysis.status, 'COMPLETED')
    assert.equal(report.income.summary.total, analysis.creditInsights?.incomes.totalAmount)
    assert.equal(
      report.risk?.gambling.total,
      Math.abs(analysis.creditInsights?.risks.gambling.totalAmount ?? NaN),
    )
    assert.equal(
      report.risk?.returned_debits.count,
      analysis.creditInsights?.risks.incidents.paymentRejections.transactions.length,
    )

    const again = await exchange(lender, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    })
    assert.equal(again.statusCode, 401)
    const revoked = await api('GET', `/rest/risk-reports/${link.id}`, {
      bearer: tokens.access_token,
    })
    assert.equal(revoked.statusCode, 401, 'reusing the code revoked what it gave')
  })

  it('sends the user back with cancel=true, and refuses a form without its CSRF token', async () => {
    const link = await createLink({ redirect_uri: REDIRECT, state: 'abc' })
    const { client, page } = await openPage(link.location)
    const forged = await client.post(page, { action: 'cancel' })
    assert.equal(forged.statusCode, 403)
    await submit(client, page, { consent: 'yes' })
    const back = new URL((await submit(client, page, {}, 'cancel')).headers.location as string)
    assert.equal(back.searchParams.get('success'), 'false')
    assert.equal(back.searchParams.get('cancel'), 'true')
    assert.equal(back.searchParams.get('state'), 'abc')
    assert.equal(back.searchParams.get('flow_id'), link.id)
    assert.equal(back.searchParams.get('code'), null)
  })

  it("keeps an ongoing user's connections together and recomputes the report", async () => {
    const body = { redirect_uri: REDIRECT, user_id: 'user-1@example.com', name: 'Max Mustermann' }
    const first = await createLink(body, 'ongoing')
    const firstCode = (await walkSandbox(first.location, 'good-de')).searchParams.get('code') ?? ''
    const firstTokens = json<{ access_token: string }>(
      await exchange(lender, {
        grant_type: 'authorization_code',
        code: firstCode,
        redirect_uri: REDIRECT,
      }),
    )
    const before = json<RiskReport>(await waitForReport(first.id, firstTokens.access_token))
    const second = await createLink(body, 'ongoing')
    const secondCode =
      (await walkSandbox(second.location, 'good-nl')).searchParams.get('code') ?? ''
    const secondTokens = json<{ access_token: string }>(
      await exchange(lender, {
        grant_type: 'authorization_code',
        code: secondCode,
        redirect_uri: REDIRECT,
      }),
    )
    const both = json<RiskReport>(await waitForReport(second.id, secondTokens.access_token))
    assert.ok(both.accounts.length > before.accounts.length, 'the second connection adds accounts')
    const holders = new Set(both.accounts.flatMap((a) => a.owners))
    assert.deepEqual([...holders].sort(), ['Daan de Vries', 'Max Mustermann'])
    const firstAgain = json<RiskReport>(await waitForReport(first.id, firstTokens.access_token))
    assert.equal(
      firstAgain.accounts.length,
      both.accounts.length,
      'the first flow reads the new data',
    )
    assert.equal(firstAgain.id, first.id)
    for (const account of both.accounts) if (account.iban) secrets.add(account.iban)
  })

  it('logs no token, code, holder name or IBAN', () => {
    assert.ok(lines.length > 10, 'requests are logged')
    const text = lines.join('\n')
    for (const secret of [...secrets, 'Max Mustermann', 'Daan de Vries', 'good-de', '123456']) {
      if (secret === '') continue
      assert.equal(text.includes(secret), false, `the log holds ${secret.slice(0, 12)}…`)
    }
  })

  it('keeps one-time data an hour, then answers 410; a token never reads another flow', async () => {
    const link = await createLink({ redirect_uri: REDIRECT })
    const code = (await walkSandbox(link.location, 'very-risky-uk')).searchParams.get('code') ?? ''
    const tokens = json<{ access_token: string; refresh_token: string }>(
      await exchange(lender, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }),
    )
    assert.equal((await waitForReport(link.id, tokens.access_token)).statusCode, 200)
    const otherLink = await createLink({ redirect_uri: REDIRECT }, 'onetime', other)
    const elsewhere = await api('GET', `/rest/risk-reports/${otherLink.id}`, {
      bearer: tokens.access_token,
    })
    assert.equal(elsewhere.statusCode, 404)
    assert.equal(errorOf(elsewhere).code, 1002)

    const clock = harness.runtime.deps.clock
    const realNow = clock.now
    try {
      clock.now = () => new Date(realNow().getTime() + 61 * 60 * 1000)
      const fresh = json<{ access_token: string }>(
        await exchange(lender, {
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
        }),
      )
      const gone = await api('GET', `/rest/risk-reports/${link.id}`, { bearer: fresh.access_token })
      assert.equal(gone.statusCode, 410)
      assert.equal(errorOf(gone).group, 'client')
      const flow = await harness.runtime.riskReports.store.findFlow(link.id)
      assert.equal(flow?.status, 'DELETED')
      assert.equal(await harness.runtime.store.hostedFlows.find(link.id), undefined)
      // Hidden customers included: it is deleted, not only out of sight.
      assert.equal(
        await harness.runtime.store.console.findCustomer(lender.projectId, flow?.customerId ?? ''),
        undefined,
      )
    } finally {
      clock.now = realNow
    }
  })
})

const newProjectToken = async () => {
  // The lender's own project, read through the analyses API with a client-credentials token.
  const response = await harness.app.inject({
    method: 'POST',
    url: '/v2/oauth/token',
    payload: `grant_type=client_credentials&client_id=${lender.clientId}&client_secret=${lender.clientSecret}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  return json<{ access_token: string }>(response).access_token
}
