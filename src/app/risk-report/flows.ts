/**
 * The risk report flow (docs/risk-report.md): a widget link (`createLink`) opens the hosted page
 * for the project's end user; when they share accounts (`riskReportCaller`), the accounts go to
 * a hidden customer of the project (absent from the v2 customer routes; one per one-time flow,
 * one per `user_id` for ongoing flows) and an analysis is launched as for the analyses API; the
 * user goes back with a code, which the lender exchanges for tokens (tokens.ts) to read the report
 * (`getReport`). One-time data is deleted one hour after the flow ends (`purgeExpired`), then the
 * report answers 410.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Account } from '../../engine/model/index.ts'
import { fromDayNumber, toDayNumber } from '../../engine/model/index.ts'
import type { HostedCaller, HostedFlows, HostedSession } from '../hosted-flow.ts'
import type { AppDeps, ClientCredential, Customer } from '../ports.ts'
import { verifySecret, hashSecret } from '../secrets.ts'
import { launchWithAccounts } from '../upload.ts'
import { RiskReportError } from './errors.ts'
import type {
  RiskReportAccess,
  RiskReportFlow,
  RiskReportParameters,
  RiskReportStore,
} from './ports.ts'
import { buildReport, type RiskReport } from './report.ts'
import { validateLink } from './validate.ts'

/** Why one hour: the vendor keeps one-time data that long after the flow. */
export const ONE_TIME_DATA_SECONDS = 3600
export const CODE_SECONDS = 3600

export interface RiskReportDeps {
  app: AppDeps
  store: RiskReportStore
  hosted: HostedFlows
}

export const tokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('base64url')

export const newToken = (): string => randomBytes(32).toString('base64url')

const dummyHash = hashSecret(randomUUID())

/** HTTP Basic `client_id:client_secret` → the client; 1004 otherwise. */
export const authenticateClient = async (
  deps: Pick<RiskReportDeps, 'app'>,
  authorization: string | undefined,
): Promise<ClientCredential> => {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '')
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : ''
  const colon = decoded.indexOf(':')
  const clientId = colon > 0 ? decoded.slice(0, colon) : ''
  const secret = colon > 0 ? decoded.slice(colon + 1) : ''
  const client = clientId ? await deps.app.credentials.findClient(clientId) : undefined
  // An unknown client costs the same check as a known one.
  const valid = await verifySecret(secret, client?.secretHash ?? (await dummyHash))
  if (!client || !valid) throw new RiskReportError('INVALID_CLIENT')
  return client
}

/** `POST /onetime|ongoing/risk-report` → `{ location, id }`. */
export const createLink = async (
  deps: RiskReportDeps,
  client: ClientCredential,
  access: RiskReportAccess,
  body: unknown,
  baseUrl: string,
): Promise<{ location: string; id: string }> => {
  const { parameters, userId } = validateLink(body, access, client.liveMode)
  const project = await deps.app.credentials.findProject(client.projectId)
  if (!project) throw new RiskReportError('INVALID_CLIENT')
  const id = randomUUID()
  await deps.store.insertFlow({
    id,
    projectId: client.projectId,
    clientId: client.clientId,
    access,
    userId: userId ?? null,
    parameters,
    customerId: null,
    analysisId: null,
    status: 'CREATED',
    endedAt: null,
    dataExpiresAt: null,
    createdAt: deps.app.clock.now(),
  })
  const { path } = await deps.hosted.createSession({
    kind: 'risk-report',
    id,
    reference: id,
    projectId: client.projectId,
    liveMode: client.liveMode,
    lenderName: project.name,
    language: parameters.language,
    redirectTarget: parameters.redirect_uri,
    ...(parameters.name !== undefined && { name: parameters.name }),
    ...(parameters.accounts && { preselectedAccounts: parameters.accounts }),
    allowMultiSelection: parameters.allow_multi_selection,
    ...(parameters.account_types && { accountTypes: parameters.account_types }),
  })
  return { location: `${baseUrl.replace(/\/+$/, '')}${path}`, id }
}

const withQuery = (base: string, query: Record<string, string | undefined>): string => {
  const url = new URL(base)
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, value)
  }
  return url.toString()
}

/** Keeps the last `months` of transactions (the link's `reporting_period`), ending `today`. */
const withinPeriod = (accounts: readonly Account[], months: number, today: string): Account[] => {
  const start = new Date(`${today}T00:00:00Z`)
  start.setUTCMonth(start.getUTCMonth() - months)
  const from = fromDayNumber(toDayNumber(start.toISOString().slice(0, 10)))
  return accounts.map((account) => ({
    ...account,
    transactions: account.transactions.filter((t) => t.date >= from),
  }))
}

const findFlow = async (deps: RiskReportDeps, id: string): Promise<RiskReportFlow> => {
  const flow = await deps.store.findFlow(id)
  if (!flow) throw new Error(`risk report flow ${id} missing for its hosted session`)
  return flow
}

/** The hidden customer holding the flow's accounts: one per one-time flow, one per user_id. */
const customerFor = async (deps: RiskReportDeps, flow: RiskReportFlow): Promise<string> => {
  const { app } = deps
  if (flow.access === 'ongoing' && flow.userId !== null) {
    const known = await deps.store.userCustomer(flow.projectId, flow.userId)
    if (known) return known
  }
  const now = app.clock.now()
  const customer: Customer = {
    id: app.ids.next(),
    projectId: flow.projectId,
    customIdentifier:
      flow.access === 'ongoing'
        ? `risk-report-user:${tokenHash(flow.userId ?? flow.id).slice(0, 32)}`
        : `risk-report:${flow.id}`,
    aggregationDetails: null,
    personalDetails: null,
    createdAt: now,
    updatedAt: now,
  }
  // Hidden, as the Report API's: the v2 customer routes and the analyses list never show it.
  const inserted = await app.inTransaction(async (tx) => {
    const stored = await app.customers.insert(tx, customer)
    if (stored) await deps.store.hideCustomer(tx, stored.id)
    return stored
  })
  const id = inserted?.id ?? customer.id
  return flow.access === 'ongoing' && flow.userId !== null
    ? deps.store.saveUserCustomer(flow.projectId, flow.userId, id)
    : id
}

/** The hosted page's hooks for risk report flows. */
export const riskReportCaller = (deps: RiskReportDeps): HostedCaller => ({
  kind: 'risk-report',
  complete: async ({ session, accounts, source }) => {
    const { app } = deps
    const flow = await findFlow(deps, session.reference)
    const now = app.clock.now()
    const customerId = await customerFor(deps, flow)
    const analysis = {
      id: app.ids.next(),
      projectId: flow.projectId,
      customerId,
      status: 'IN_PROGRESS' as const,
      format: 'HOSTED_PAGE',
      parameters: {},
      source: 'RISK_REPORT',
      dataOrigin: source === 'STATEMENT_UPLOAD' ? 'BANK_STATEMENT' : 'OPEN_BANKING',
      createdAt: now,
      updatedAt: now,
      metadata: null,
      creditInsights: null,
      scores: null,
      error: null,
      hasAccounts: true,
    }
    const period = withinPeriod(
      accounts,
      flow.parameters.reporting_period,
      now.toISOString().slice(0, 10),
    )
    await app.inTransaction(async (tx) => {
      await app.analyses.insert(tx, analysis)
      await launchWithAccounts(app, tx, analysis, { accounts: period, warnings: [] })
    })
    const code = newToken()
    await deps.store.insertToken({
      hash: tokenHash(code),
      kind: 'code',
      flowId: flow.id,
      projectId: flow.projectId,
      clientId: flow.clientId,
      grantId: null,
      redirectUri: flow.parameters.redirect_uri,
      expiresAt: new Date(now.getTime() + CODE_SECONDS * 1000),
    })
    await deps.store.updateFlow(flow.id, {
      customerId,
      analysisId: analysis.id,
      status: 'COMPLETED',
      endedAt: now,
      ...(flow.access === 'onetime' && {
        dataExpiresAt: new Date(now.getTime() + ONE_TIME_DATA_SECONDS * 1000),
      }),
    })
    return withQuery(flow.parameters.redirect_uri, {
      code,
      state: flow.parameters.state,
      success: 'true',
      flow_id: flow.id,
    })
  },
  cancel: async (session: HostedSession) => {
    const flow = await findFlow(deps, session.reference)
    const now = deps.app.clock.now()
    await deps.store.updateFlow(flow.id, {
      status: 'CANCELLED',
      endedAt: now,
      // A cancelled one-time flow's link parameters are forgotten after the same hour.
      ...(flow.access === 'onetime' && {
        dataExpiresAt: new Date(now.getTime() + ONE_TIME_DATA_SECONDS * 1000),
      }),
    })
    return withQuery(flow.parameters.redirect_uri, {
      success: 'false',
      cancel: 'true',
      state: flow.parameters.state,
      flow_id: flow.id,
    })
  },
})

/** Deletes the data of one-time flows an hour after they ended (their report then answers 410). */
export const purgeExpired = async (deps: RiskReportDeps): Promise<number> => {
  const { app } = deps
  const expired = await deps.store.expiredFlows(app.clock.now())
  for (const flow of expired) {
    if (flow.customerId !== null) {
      const customerId = flow.customerId
      await app.inTransaction((tx) => deps.store.removeCustomer(tx, flow.projectId, customerId))
    }
    // Nothing personal stays: the holder's name, preselected accounts and state go too.
    const kept = { ...flow.parameters }
    delete kept.name
    delete kept.accounts
    delete kept.state
    await deps.store.updateFlow(flow.id, { status: 'DELETED', parameters: kept })
    await deps.hosted.forgetSession(flow.id)
  }
  return expired.length
}

/** The report of the flow the access token belongs to. */
export const getReport = async (
  deps: RiskReportDeps,
  accessToken: string | undefined,
  flowId: string,
): Promise<RiskReport> => {
  const { app } = deps
  const now = app.clock.now()
  const token = accessToken ? await deps.store.findToken(tokenHash(accessToken)) : undefined
  if (!token || token.kind !== 'access' || token.revokedAt || token.expiresAt <= now) {
    throw new RiskReportError('UNAUTHORIZED')
  }
  // A token reads its own flow only; another flow, of this project or another, is not found.
  if (token.flowId !== flowId) throw new RiskReportError('NOT_FOUND')
  await purgeExpired(deps)
  const flow = await deps.store.findFlow(flowId)
  if (!flow || flow.projectId !== token.projectId) throw new RiskReportError('NOT_FOUND')
  if (flow.status === 'DELETED') throw new RiskReportError('GONE')
  const latest =
    flow.access === 'ongoing' && flow.userId !== null
      ? ((await deps.store.latestUserAnalysis(flow.projectId, flow.userId)) ?? flow.analysisId)
      : flow.analysisId
  if (flow.customerId === null || latest === null) throw new RiskReportError('BUSY')
  const analysis = await app.analyses.find(flow.projectId, flow.customerId, latest)
  if (!analysis) throw new RiskReportError('NOT_FOUND')
  if (analysis.status === 'ERROR') {
    throw new RiskReportError('UNPROCESSABLE', {
      code: analysis.error?.code,
      message: analysis.error?.message,
    })
  }
  if (analysis.status !== 'COMPLETED') throw new RiskReportError('BUSY')
  const all = { limit: 1_000_000, page: 1 }
  const wire = await app.analyses.listAccounts(analysis.id, all)
  const accounts = await Promise.all(
    wire.items.map(async (text) => {
      // Stored by the analysis worker from the engine's WireAccount.
      const account = JSON.parse(text.json) as Parameters<
        typeof buildReport
      >[0]['accounts'][number]['account']
      const balances = await app.analyses.listBalances(analysis.id, account.id, all)
      const transactions = await app.analyses.listTransactions(analysis.id, account.id, all)
      return {
        account,
        balances: balances.items,
        // Stored by the analysis worker from the engine's WireTransactions.
        transactions: transactions.items.map(
          (t) =>
            JSON.parse(t.json) as Parameters<
              typeof buildReport
            >[0]['accounts'][number]['transactions'][number],
        ),
      }
    }),
  )
  return buildReport({
    flowId: flow.id,
    period: flow.parameters.reporting_period,
    ...(flow.parameters.name !== undefined && { name: flow.parameters.name }),
    givenAccounts: flow.parameters.accounts ?? [],
    accounts,
    // The stored texts are the engine's CreditInsights and Scores, serialised.
    creditInsights: analysis.creditInsights
      ? (JSON.parse(analysis.creditInsights.json) as Parameters<
          typeof buildReport
        >[0]['creditInsights'])
      : null,
    scores: analysis.scores
      ? (JSON.parse(analysis.scores.json) as Parameters<typeof buildReport>[0]['scores'])
      : null,
  })
}

export type { RiskReportParameters }
