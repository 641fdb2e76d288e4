/**
 * A project with one of everything (customer, completed analysis with accounts, subscription
 * and event), created through the API of an in-process app: what the fuzzer mutates and what
 * the isolation pass tries to reach from another project.
 */
import { readFile } from 'node:fs/promises'
import { runAnalysis } from '../../../src/app/run-analysis.ts'
import { generateUpload, type Upload } from '../../../src/synthetic/index.ts'
import { call, json, newProject, type Harness } from '../../http/harness.ts'

export interface ProjectData {
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
  return {
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
    upload,
    csv: await statementCsv(),
    secrets: [
      customIdentifier,
      lastName,
      subscriptionSecret,
      project.clientSecret,
      token,
      ...(first?.iban ? [first.iban] : []),
      ...(first?.transactions ?? []).slice(0, 5).map((t) => t.description),
    ],
  }
}
