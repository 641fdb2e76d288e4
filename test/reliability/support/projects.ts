/**
 * A project with one of everything (customer, completed analysis with accounts, subscription
 * and event), created through the API of an in-process app: what the fuzzer mutates and what
 * the isolation pass tries to reach from another project.
 */
import { readFile } from 'node:fs/promises'
import { createAnalyst } from '../../../src/app/analysts.ts'
import { runAnalysis } from '../../../src/app/run-analysis.ts'
import { createScoringKeys } from '../../../src/app/scoring/keys.ts'
import { generateUpload, type Upload } from '../../../src/synthetic/index.ts'
import { call, json, newProject, type Harness } from '../../http/harness.ts'
import { Visitor } from '../../support/console-session.ts'
import { csrfOf, formClient, inputValues } from '../../support/form-client.ts'

/** The analyst console of a project: a signed-in analyst's cookies and a form's CSRF token. */
export interface ConsoleSession {
  /** The `cookie` header: session and CSRF secret. */
  cookie: string
  csrf: string
  /** A transaction of the project's analysis (a correction's target). */
  transactionId: string
}

export interface ProjectData {
  projectId: string
  token: string
  clientId: string
  clientSecret: string
  customerId: string
  customIdentifier: string
  lastName: string
  analysisId: string
  accountId: string
  subscriptionId: string
  subscriptionSecret: string
  eventId: string
  /** Project rules, deleted by the fuzzer (API and console): one each. */
  apiRuleId: string
  consoleRuleId: string
  /** A Report API upload already processed, and uploads not processed yet. */
  reportId: string
  unprocessedReports: string[]
  /** The scoring API v1's test key (`stest_…`) and one scoring of it. */
  scoringKey: string
  scoringId: string
  /** The current refresh token of a risk report grant (rotated at each use). */
  riskRefreshToken: string
  console: ConsoleSession
  upload: Upload
  csv: string
  /** Values of this project nobody else may ever read (bank data, personal data, secrets). */
  secrets: string[]
}

const expect = <T>(response: { statusCode: number; body: string }, status: number): T => {
  if (response.statusCode !== status) {
    throw new Error(
      `expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 300)}`,
    )
  }
  return JSON.parse(response.body) as T // our API's JSON
}

export const smallUpload = (seed: number): Upload =>
  generateUpload({ profile: 'student', country: 'FR', months: 2, seed })

export const statementCsv = () =>
  readFile(new URL('../../fixtures/statements/csv/boursorama-fr.csv', import.meta.url), 'utf8')

/**
 * Creates the project `name` with its data. The harness must allow loopback webhook targets
 * (`WEBHOOK_ALLOW_NETWORKS=loopback`); the analysis is run in-process (no worker needed).
 */
export const seedProject = async (
  harness: Harness,
  name: string,
  seed: number,
): Promise<ProjectData> => {
  const project = await newProject(harness, name)
  const { token } = project
  const customIdentifier = `${name}-customer-${seed}`
  const lastName = `Lastname${name}${seed}`
  const customer = expect<{ id: string }>(
    await call(harness, token, 'POST', '/v2/customers', {
      customIdentifier,
      personalDetails: { identity: { firstName: 'Ada', lastName } },
    }),
    201,
  )
  const subscriptionSecret = `secret-${name}-${seed}-0123456789`
  const subscription = expect<{ id: string }>(
    await call(harness, token, 'POST', '/v2/subscriptions', {
      eventName: 'analysis_completed',
      target: 'http://127.0.0.1:9/hook',
      secret: subscriptionSecret,
    }),
    201,
  )
  const upload = smallUpload(seed)
  const analysis = expect<{ id: string }>(
    await call(harness, token, 'POST', `/v2/customers/${customer.id}/analyses`, upload),
    202,
  )
  await runAnalysis(harness.runtime.deps, analysis.id)
  const accounts = expect<{ resources?: { id: string }[] } | { id: string }[]>(
    await call(
      harness,
      token,
      'GET',
      `/v2/customers/${customer.id}/analyses/${analysis.id}/accounts`,
    ),
    200,
  )
  const accountList = Array.isArray(accounts) ? accounts : (accounts.resources ?? [])
  const events = json<{ resources?: { id: string }[] } | { id: string }[]>(
    await call(
      harness,
      token,
      'GET',
      `/v2/subscriptions/${subscription.id}/events?customerId=${customer.id}`,
    ),
  )
  const eventList = Array.isArray(events) ? events : (events.resources ?? [])
  const accountId = accountList[0]?.id
  const eventId = eventList[0]?.id
  if (accountId === undefined || eventId === undefined) {
    throw new Error(`seeding ${name}: no account (${accountId}) or event (${eventId})`)
  }
  const first = upload.accounts[0]
  const csv = await statementCsv()
  const extras = await seedSurfaces(harness, project, analysis.id, csv)
  return {
    projectId: project.projectId,
    token,
    clientId: project.clientId,
    clientSecret: project.clientSecret,
    customerId: customer.id,
    customIdentifier,
    lastName,
    analysisId: analysis.id,
    accountId,
    subscriptionId: subscription.id,
    subscriptionSecret,
    eventId,
    ...extras,
    upload,
    csv,
    secrets: [
      customIdentifier,
      lastName,
      subscriptionSecret,
      project.clientSecret,
      token,
      extras.scoringKey,
      extras.riskRefreshToken,
      ...(first?.iban ? [first.iban] : []),
      ...(first?.transactions ?? []).slice(0, 5).map((t) => t.description),
    ],
  }
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

/** Uploads a statement to the Report API; answers its request id. */
export const uploadReport = async (harness: Harness, token: string, csv: string) => {
  const boundary = 'SEED'
  const response = await harness.app.inject({
    method: 'POST',
    url: '/v2/report',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload:
      `--${boundary}\r\nContent-Disposition: form-data; name="input"; filename="statement.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  })
  return expect<{ data: { attributes: { 'request-id': string } } }>(response, 202).data.attributes[
    'request-id'
  ]
}

/** The valid body of `POST /v1/scoring/` (the vendor's example). */
export const scoringBody = () => ({
  amount: 120000,
  currency: 'eur',
  customer: { email: 'pierre@martin.fr', name: 'Pierre Martin' },
  duration: 12,
  return_url: 'https://www.example.com/',
  sepa: { iban: 'FR1420041010050500013M02606', name: 'Pierre Martin' },
  upfront: 40000,
})

export const RISK_REDIRECT = 'https://lender.example/callback'

/**
 * A risk report link walked on the hosted page with the sandbox bank (plain forms, as a
 * browser without JavaScript), its code exchanged: answers the grant's refresh token.
 */
const riskReportRefreshToken = async (
  harness: Harness,
  client: { clientId: string; clientSecret: string },
): Promise<string> => {
  const authorization = basic(client.clientId, client.clientSecret)
  const link = expect<{ location: string }>(
    await harness.app.inject({
      method: 'POST',
      url: '/onetime/risk-report',
      headers: { authorization },
      payload: { redirect_uri: RISK_REDIRECT },
    }),
    201,
  )
  const browser = formClient(harness.app)
  const opened = await browser.get(link.location)
  const page = String(opened.headers.location)
  let callback = ''
  const submit = async (fields: Record<string, string | string[]>) => {
    const html = (await browser.get(page)).body
    const response = await browser.post(page, {
      _csrf: csrfOf(html),
      action: 'continue',
      ...fields,
    })
    if (response.statusCode !== 303) {
      throw new Error(`hosted page: expected 303, got ${response.statusCode}`)
    }
    callback = String(response.headers.location)
  }
  await submit({ consent: 'yes' })
  await submit({ types: ['Giro account', 'Savings account', 'Credit card'] })
  await submit({ source: 'sandbox' })
  await submit({ username: 'good-fr', pin: '1234' })
  await submit({ otp: '123456' })
  await submit({ accounts: inputValues((await browser.get(page)).body, 'accounts') })
  const code = new URL(callback).searchParams.get('code')
  if (!code) throw new Error('the hosted page answered no code')
  const tokens = expect<{ refresh_token: string }>(
    await harness.app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: { authorization },
      payload: { grant_type: 'authorization_code', code, redirect_uri: RISK_REDIRECT },
    }),
    200,
  )
  return tokens.refresh_token
}

/** A signed-in analyst of the project, past the first-password step, on its analysis' page. */
const consoleSession = async (
  harness: Harness,
  projectId: string,
  email: string,
  analysisId: string,
): Promise<ConsoleSession> => {
  const deps = { ...harness.runtime.deps, console: harness.runtime.store.console }
  const { password } = await createAnalyst(deps, { projectId, email })
  const visitor = new Visitor(harness.app)
  expect303(await visitor.signIn(email, password))
  await visitor.get('/console/password')
  const next = `${password}-changed`
  expect303(
    await visitor.post('/console/password', { current: password, password: next, confirm: next }),
  )
  const page = await visitor.get(`/console/analyses/${analysisId}`)
  const transactionId = /value="([^"]+)" form="correction"/.exec(page.body)?.[1]
  if (transactionId === undefined) throw new Error('no transaction to correct on the console page')
  return {
    cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    csrf: visitor.csrf,
    transactionId,
  }
}

const expect303 = (response: { statusCode: number }) => {
  if (response.statusCode !== 303)
    throw new Error(`console: expected 303, got ${response.statusCode}`)
}

/**
 * What the other surfaces' write routes need, created through their own APIs: project rules, Report
 * API uploads, the scoring API's key (the CLI's `clients create` makes it in the store) and one
 * scoring, a risk report grant, a console session.
 */
const seedSurfaces = async (
  harness: Harness,
  project: { projectId: string; clientId: string; clientSecret: string; token: string },
  analysisId: string,
  csv: string,
) => {
  const { token } = project
  const rule = async (labelRoot: string) =>
    expect<{ id: string }>(
      await call(harness, token, 'POST', '/v2/rules', { labelRoot, category: 'SHOPPING' }),
      201,
    ).id
  const reportId = await uploadReport(harness, token, csv)
  expect<unknown>(
    await call(harness, token, 'PUT', `/v2/report/process/${reportId}`, {
      country: 'fr',
      operations: ['categorisation'],
    }),
    202,
  )
  const unprocessedReports: string[] = []
  for (let i = 0; i < 3; i += 1) unprocessedReports.push(await uploadReport(harness, token, csv))
  const { store } = harness.runtime
  const keys = await store.inTransaction((tx) => createScoringKeys(store, tx, project.projectId))
  const scoring = expect<{ id: string }>(
    await harness.app.inject({
      method: 'POST',
      url: '/v1/scoring/',
      headers: { authorization: basic(keys.testKey, '') },
      payload: scoringBody(),
    }),
    200,
  )
  return {
    apiRuleId: await rule('FUZZ API RULE'),
    consoleRuleId: await rule('FUZZ CONSOLE RULE'),
    reportId,
    unprocessedReports,
    scoringKey: keys.testKey,
    scoringId: scoring.id,
    riskRefreshToken: await riskReportRefreshToken(harness, project),
    console: await consoleSession(
      harness,
      project.projectId,
      `analyst-${project.projectId.slice(0, 12)}@lender.example`.toLowerCase(),
      analysisId,
    ),
  }
}
