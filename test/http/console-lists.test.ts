/**
 * The console's lists of Report API reports and risk report flows, over HTTP with one app and
 * worker for the file: a report made through the Report API routes and two risk report flows
 * (one-time, ongoing) walked through the hosted page appear with their status and a link to the
 * analysis behind them; the flows' customers stay out of `GET /v2/customers` and the analyses
 * list (hidden, as the Report API's); another project's analyst sees none of it.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createAnalyst } from '../../src/app/analysts.ts'
import { createScoringKeys } from '../../src/app/scoring/keys.ts'
import { Visitor } from '../support/console-session.ts'
import { csrfOf, formClient, inputValues, type FormClient } from '../support/form-client.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'
import { fixture, fullReport, reportToken } from './report-support.ts'

let harness: Harness
type Project = Awaited<ReturnType<typeof newProject>>
let projectA: Project
let projectB: Project
let report: { id: string; analysisId: string }
let oneTime: { id: string; customerId: string; analysisId: string }
let ongoing: { id: string; customerId: string; analysisId: string }
let visibleAnalysisId: string
let scoringId: string
let analystA: Visitor
let analystB: Visitor
const REDIRECT = 'https://lender.example/callback'
const PASSWORD = 'correct horse battery staple'

const signedIn = async (projectId: string, email: string): Promise<Visitor> => {
  const deps = { ...harness.runtime.deps, console: harness.runtime.store.console }
  const { password } = await createAnalyst(deps, { projectId, email })
  const visitor = new Visitor(harness.app)
  assert.equal((await visitor.signIn(email, password)).statusCode, 303)
  await visitor.get('/console/password')
  const changed = await visitor.post('/console/password', {
    current: password,
    password: PASSWORD,
    confirm: PASSWORD,
  })
  assert.equal(changed.statusCode, 303, changed.body)
  return visitor
}

const basic = (client: Project) =>
  `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`

/** Posts the current screen's form of the hosted page and checks the POST → 303 answer. */
const submit = async (
  client: FormClient,
  page: string,
  fields: Record<string, string[] | string>,
) => {
  const html = (await client.get(page)).body
  const response = await client.post(page, { _csrf: csrfOf(html), action: 'continue', ...fields })
  assert.equal(response.statusCode, 303, response.body)
  return response
}

/** A widget link walked with the sandbox bank, every account shared; the flow once analysed. */
const riskReportFlow = async (access: 'onetime' | 'ongoing', body: Record<string, unknown>) => {
  const created = await harness.app.inject({
    method: 'POST',
    url: `/${access}/risk-report`,
    headers: { authorization: basic(projectA) },
    payload: { redirect_uri: REDIRECT, ...body },
  })
  assert.equal(created.statusCode, 201, created.body)
  const { id, location } = json<{ id: string; location: string }>(created)
  const client = formClient(harness.app)
  const page = (await client.get(location)).headers.location as string
  await submit(client, page, { consent: 'yes' })
  await submit(client, page, { types: ['Giro account', 'Savings account', 'Credit card'] })
  await submit(client, page, { source: 'sandbox' })
  await submit(client, page, { username: 'good-uk', pin: '1234' })
  await submit(client, page, { otp: '123456' })
  await submit(client, page, { accounts: inputValues((await client.get(page)).body, 'accounts') })
  const flow = await harness.runtime.riskReports.store.findFlow(id)
  assert.ok(flow?.customerId && flow.analysisId, 'the flow has its customer and analysis')
  await analysed(flow.analysisId)
  return { id, customerId: flow.customerId, analysisId: flow.analysisId }
}

const analysed = async (analysisId: string) => {
  for (let i = 0; i < 300; i++) {
    const analysis = await harness.runtime.deps.analyses.findById(analysisId)
    if (analysis?.status === 'COMPLETED') return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.fail(`analysis ${analysisId} never completed`)
}

/** The link to an analysis page, as the lists write it. */
const analysisLink = (analysisId: string) => `href="/console/analyses/${analysisId}"`

before(async () => {
  harness = await startHarness({}, { worker: true })
  projectA = await newProject(harness, 'lender a')
  projectB = await newProject(harness, 'lender b')
  const made = await fullReport(harness, await reportToken(harness, projectA), [
    { name: 'hand-made.json', content: fixture('hand-made.json') },
  ])
  assert.equal(made.attributes.status, 'completed')
  const reportAnalysis = (
    await harness.runtime.store.console.listReports(projectA.projectId, { limit: 10, offset: 0 })
  ).items.find((item) => item.id === made.id)?.analysisId
  assert.ok(reportAnalysis)
  report = { id: made.id, analysisId: reportAnalysis }
  oneTime = await riskReportFlow('onetime', { name: 'Max Mustermann' })
  ongoing = await riskReportFlow('ongoing', { user_id: 'user-7' })
  // One ordinary v2 customer and analysis, which the analyses list does show.
  const customer = json<{ id: string }>(
    await call(harness, projectA.token, 'POST', '/v2/customers', { customIdentifier: 'v2-one' }),
  )
  const upload = await call(
    harness,
    projectA.token,
    'POST',
    `/v2/customers/${customer.id}/analyses`,
    JSON.parse(fixture('hand-made.algoan.json').toString('utf8')) as unknown,
  )
  assert.equal(upload.statusCode, 202, upload.body)
  visibleAnalysisId = json<{ id: string }>(upload).id
  // A v1 scoring asked with project B's test key (it waits for its customer: requested); B, so
  // that its customer (a v2 customer) stays out of project A's customer counts below.
  const store = harness.runtime.store
  const keys = await store.inTransaction((tx) => createScoringKeys(store, tx, projectB.projectId))
  const scoring = await harness.app.inject({
    method: 'POST',
    url: '/v1/scoring/',
    headers: { authorization: `Basic ${Buffer.from(`${keys.testKey}:`).toString('base64')}` },
    payload: {
      amount: 300000,
      currency: 'eur',
      customer: { email: 'ana@example.es', name: 'Ana Ruiz' },
      duration: 12,
      return_url: 'https://lender.example/back',
      sepa: { iban: 'FR1420041010050500013M02606', name: 'Ana Ruiz' },
      upfront: 0,
    },
  })
  assert.equal(scoring.statusCode, 200, scoring.body)
  scoringId = json<{ id: string }>(scoring).id
  analystA = await signedIn(projectA.projectId, 'analyst@lender-a.example')
  analystB = await signedIn(projectB.projectId, 'analyst@lender-b.example')
})
after(() => harness.close())

describe('console lists', () => {
  it("list the v1 scorings with mode, status, credit and score; never another project's", async () => {
    const page = await analystB.get('/console/scorings')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1>Scorings<\/h1>/)
    assert.match(page.body, /<p>1 scorings<\/p>/)
    assert.match(
      page.body,
      new RegExp(
        `<td>${scoringId}</td>\\s*<td>Test</td>\\s*<td><span class="status status-requested">requested</span></td>\\s*<td>[^<]+</td>\\s*<td>€3,000.00 over 12 months</td>\\s*<td>—</td>`,
      ),
    )
    const other = await analystA.get('/console/scorings')
    assert.equal(other.statusCode, 200)
    assert.match(other.body, /<p>0 scorings<\/p>/)
    assert.ok(!other.body.includes(scoringId))
    assert.equal((await new Visitor(harness.app).get('/console/scorings')).statusCode, 303)
  })

  it('need a session, and the main navigation links them', async () => {
    const anonymous = new Visitor(harness.app)
    for (const url of ['/console/reports', '/console/risk-reports']) {
      const response = await anonymous.get(url)
      assert.equal(response.statusCode, 303, url)
      assert.equal(response.headers.location, '/console/login')
    }
    const page = await analystA.get('/console/rules')
    assert.match(page.body, /<a href="\/console\/reports">Reports<\/a>/)
    assert.match(page.body, /<a href="\/console\/risk-reports">Risk reports<\/a>/)
  })

  it('list the Report API reports with status, created, operations, country and analysis', async () => {
    const page = await analystA.get('/console/reports')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1>Reports<\/h1>/)
    assert.match(page.body, /<th scope="col">Operations<\/th>/)
    assert.match(page.body, /<p>1 reports<\/p>/)
    const row = /<tr>((?:(?!<\/tr>)[\s\S])*)<\/tr>/g
    const rows = [...page.body.matchAll(row)]
      .map((m) => m[1] ?? '')
      .filter((r) => r.includes('<td'))
    assert.equal(rows.length, 1)
    const cells = [...(rows[0] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1] ?? '')
    assert.equal(cells[0], report.id)
    assert.match(cells[1] ?? '', /status-completed">completed</)
    assert.match(cells[2] ?? '', /^\d{1,2} \w+ \d{4}$/)
    assert.equal(
      cells[3],
      'categorisation, insights-income, insights-loans, insights-risk, simple-score',
    )
    assert.equal(cells[4], 'uk')
    assert.match(cells[5] ?? '', new RegExp(analysisLink(report.analysisId)))
    const analysis = await analystA.get(`/console/analyses/${report.analysisId}`)
    assert.equal(analysis.statusCode, 200, 'the analysis behind a report opens')
  })

  it('list the risk report flows, one-time and ongoing, linking their analyses', async () => {
    const page = await analystA.get('/console/risk-reports')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<p>2 risk report flows<\/p>/)
    for (const [flow, access, holder] of [
      [ongoing, 'Ongoing', 'Not requested'],
      [oneTime, 'One-time', 'Requested'],
    ] as const) {
      const row = new RegExp(
        `<td>${flow.id}</td>\\s*<td>${access}</td>\\s*<td><span class="status status-completed">COMPLETED</span></td>\\s*<td>[^<]+</td>\\s*<td>${holder}</td>\\s*<td><a ${analysisLink(flow.analysisId)}>`,
      )
      assert.match(page.body, row, `${access} flow row`)
      const analysis = await analystA.get(`/console/analyses/${flow.analysisId}`)
      assert.equal(analysis.statusCode, 200)
      assert.match(analysis.body, /Credit score/i)
      const pdf = await analystA.get(`/console/analyses/${flow.analysisId}/report.pdf`)
      assert.equal(pdf.statusCode, 200)
      assert.equal(pdf.headers['content-type'], 'application/pdf')
    }
    // newest first
    assert.ok(page.body.indexOf(ongoing.id) < page.body.indexOf(oneTime.id))
  })

  it("keeps the risk report flows' customers out of the v2 customer routes and the analyses list", async () => {
    const customers = json<{ resources: { id: string }[] }>(
      await call(harness, projectA.token, 'GET', '/v2/customers?limit=100'),
    )
    const ids = customers.resources.map((c) => c.id)
    assert.equal(ids.length, 1, 'only the v2 customer')
    for (const flow of [oneTime, ongoing]) {
      assert.ok(!ids.includes(flow.customerId))
      const one = await call(harness, projectA.token, 'GET', `/v2/customers/${flow.customerId}`)
      assert.equal(one.statusCode, 404)
      const pdf = `/v2/customers/${flow.customerId}/analyses/${flow.analysisId}/report.pdf`
      assert.equal((await call(harness, projectA.token, 'GET', pdf)).statusCode, 404)
    }
    const list = await analystA.get('/console/analyses')
    assert.equal(list.statusCode, 200)
    assert.match(list.body, new RegExp(analysisLink(visibleAnalysisId)))
    for (const hidden of [oneTime.analysisId, ongoing.analysisId, report.analysisId]) {
      assert.ok(!list.body.includes(hidden), `${hidden} is not in the analyses list`)
    }
  })

  it("shows another project's analyst none of it", async () => {
    for (const url of ['/console/reports', '/console/risk-reports']) {
      const page = await analystB.get(url)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<p>0 (reports|risk report flows)<\/p>/)
      for (const id of [report.id, oneTime.id, ongoing.id]) assert.ok(!page.body.includes(id))
    }
    for (const analysisId of [report.analysisId, oneTime.analysisId, ongoing.analysisId]) {
      assert.equal((await analystB.get(`/console/analyses/${analysisId}`)).statusCode, 404)
    }
  })
})
