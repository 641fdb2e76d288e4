/**
 * Use cases of the Report API (docs/report-api.md), a façade over the analyses domain: an
 * upload becomes a hidden customer with its accounts; processing is an analysis run by a queued
 * job; the result is the engine's output mapped by report-api/operations.ts. One id names the
 * report, its hidden customer and its analysis (the vendor's `request-id`).
 */
import { randomUUID } from 'node:crypto'
import { parseFiles, type AdapterIssue } from '../adapters/index.ts'
import {
  parseReportInput,
  REPORT_INPUT_FORMAT,
  type ReportAccountMeta,
} from '../adapters/report-api/index.ts'
import { looksLikeReportInput } from '../adapters/report-api/schema.ts'
import { toMajor, type Account } from '../engine/model/index.ts'
import type { Analyser, Tx } from './ports.ts'
import {
  COUNTRY_LANGUAGE,
  DEFAULT_EXPENSE_DEFINITION,
  DEFAULT_INCOME_DEFINITION,
  findNode,
  normaliseCountry,
} from './report-api/category-tree.ts'
import { startOfLastMonths, periodOf } from './report-api/months.ts'
import { computeOperations, OPERATIONS, type Operation } from './report-api/operations.ts'
import type {
  Report,
  ReportDeps,
  ReportParams,
  ReportProblem,
  ReportRequest,
} from './report-api/ports.ts'
import { describeUnsafeValue, findUnsafeValue } from './text-check.ts'
import type { UploadedFile } from './upload.ts'

/** An expected failure of the Report API, in the vendor's error vocabulary. */
export class ReportApiError extends Error {
  override name = 'ReportApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    message: string,
    readonly source: string[] = [],
  ) {
    super(message)
  }
}

const badRequest = (code: string, title: string, detail: string, source: string[] = []) =>
  new ReportApiError(400, code, title, detail, source)

const missing = (detail: string, source: string[]) =>
  badRequest('API_REQUIRED_PARAMS_MISSING', 'Required parameters missing', detail, source)

const notFound = () =>
  new ReportApiError(404, 'NOT_FOUND', 'Not Found', 'No report has this request id', [])

const gone = () =>
  new ReportApiError(
    410,
    'GONE',
    'Gone',
    'This report is past its retention period: its data has been deleted',
    [],
  )

// ---- reading the upload ------------------------------------------------------------------------

interface ReadUpload {
  accounts: Account[]
  meta: ReportAccountMeta[]
  warnings: ReportProblem[]
  format: string
}

const decoder = new TextDecoder('utf-8', { fatal: false })

const asJson = (content: Uint8Array): unknown => {
  try {
    return JSON.parse(decoder.decode(content).replace(/^\uFEFF/, ''))
  } catch {
    return undefined
  }
}

const toWarning = (issue: AdapterIssue): ReportProblem => ({
  title: 'Input warning',
  detail: issue.message,
  'error-code': /balance|turnover/.test(issue.path) ? 'BALANCES_DO_NOT_RECONCILE' : 'INPUT_WARNING',
  source: [issue.path],
})

/** The envelope of an account read from another format: what the file said, and the data. */
const metaOf = (account: Account, key: string): ReportAccountMeta => {
  const dates = account.transactions.map((transaction) => transaction.date).sort()
  const net = account.transactions.reduce((sum, transaction) => sum + transaction.amount, 0)
  const scale = (minor: number) => toMajor(minor, account.currency)
  const end = account.balance === null ? null : scale(account.balance)
  return {
    key,
    accountNumber: account.iban ?? account.number ?? null,
    bank: account.bank?.name ?? null,
    country: (account.country ?? account.bank?.country ?? null)?.toLowerCase() ?? null,
    holders: account.owners.flatMap((owner) => (owner.name ? [{ name: owner.name }] : [])),
    periodStart: dates[0] ?? null,
    // The statement runs to its balance's date when that is later than its last transaction.
    periodEnd:
      [dates[dates.length - 1], account.balanceDate?.slice(0, 10)]
        .filter((date) => date !== undefined)
        .sort()
        .pop() ?? null,
    isJointOwnership: account.owners.length > 1,
    isSharedOwnership: false,
    code: account.currency,
    startBalance: end === null ? null : Math.round((end - scale(net)) * 100) / 100,
    endBalance: end,
    creditTurnover: null,
    debitTurnover: null,
    partners: {},
  }
}

/**
 * Reads every file: the Report API's JSON shape first, then every format creditlens reads
 * (detected from content). A file nothing can read is NO_SUITABLE_PARSERS, naming it.
 */
export const readReportFiles = (files: readonly UploadedFile[]): ReadUpload => {
  const accounts: Account[] = []
  const meta: ReportAccountMeta[] = []
  const warnings: ReportProblem[] = []
  const others: UploadedFile[] = []
  const formats = new Set<string>()
  files.forEach((file, index) => {
    const label = file.fileName ?? `file ${index + 1}`
    const json = asJson(file.content)
    if (!looksLikeReportInput(json)) {
      others.push(file)
      return
    }
    const parsed = parseReportInput(json)
    const error = parsed.issues.find((issue) => issue.severity === 'error')
    if (error) {
      throw badRequest(
        'NO_SUITABLE_PARSERS',
        'No suitable parsers',
        `${label}: ${error.path}: ${error.message}`,
        [error.path],
      )
    }
    formats.add(REPORT_INPUT_FORMAT)
    accounts.push(...parsed.accounts)
    meta.push(...parsed.meta)
    warnings.push(...parsed.issues.map(toWarning))
  })
  if (others.length > 0) {
    const parsed = parseFiles(others)
    const error = parsed.issues.find((issue) => issue.severity === 'error')
    if (error) {
      throw badRequest('NO_SUITABLE_PARSERS', 'No suitable parsers', error.message, [error.path])
    }
    parsed.formats.forEach((format) => formats.add(format))
    parsed.accounts.forEach((account, index) => {
      const key =
        account.aggregator?.id ?? account.iban ?? `file-account-${index + 1}:${account.currency}`
      const transactions = account.transactions.map((transaction, j) => ({
        ...transaction,
        aggregator: {
          ...transaction.aggregator,
          id: transaction.aggregator?.id ?? `${index + 1}-${j + 1}`,
        },
      }))
      accounts.push({ ...account, aggregator: { id: key }, transactions })
      meta.push(metaOf(account, key))
    })
    warnings.push(...parsed.issues.map(toWarning))
  }
  // Positional ids across files (the store gives its own); each account once, by its key.
  const seen = new Set<string>()
  const unique = meta.filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
  const renumbered = accounts.map((account, index) => ({
    ...account,
    id: `r${index}`,
    transactions: account.transactions.map((transaction, j) => ({
      ...transaction,
      id: `r${index}t${j}`,
      accountId: `r${index}`,
    })),
  }))
  return { accounts: renumbered, meta: unique, warnings, format: [...formats].join('+') }
}

// ---- use cases --------------------------------------------------------------------------------

const checkLimits = (deps: ReportDeps, accounts: readonly Account[]): void => {
  accounts.forEach((account, index) => {
    if (account.transactions.length > deps.limits.maxTransactionsPerAccount) {
      throw badRequest(
        'EXCEEDED_LIMIT',
        'Limit exceeded',
        `at most ${deps.limits.maxTransactionsPerAccount} transactions per account and currency`,
        [`accounts[${index}].transactions`],
      )
    }
  })
  if (accounts.length === 0) {
    throw badRequest('NO_SUITABLE_PARSERS', 'No suitable parsers', 'the files hold no account', [
      'input',
    ])
  }
  const unsafe = findUnsafeValue(accounts)
  if (unsafe) {
    throw badRequest(
      'NO_SUITABLE_PARSERS',
      'No suitable parsers',
      describeUnsafeValue({ ...unsafe, path: `accounts${unsafe.path}` }, 'input'),
    )
  }
}

/** `POST /v2/report`: stores the upload as a hidden customer and a report awaiting processing. */
export const uploadReport = async (
  deps: ReportDeps,
  projectId: string,
  files: readonly UploadedFile[],
): Promise<Report> => {
  const read = readReportFiles(files)
  checkLimits(deps, read.accounts)
  const now = deps.clock.now()
  const id = randomUUID()
  const report: Report = {
    id,
    projectId,
    customerId: id,
    status: 'uploaded',
    accountsMeta: read.meta,
    warnings: read.warnings.slice(0, 200),
    request: null,
    result: null,
    errors: null,
    createdAt: now,
    updatedAt: now,
    expiresAt: new Date(now.getTime() + deps.retentionDays * 86_400_000),
  }
  await deps.inTransaction(async (tx) => {
    await deps.customers.insert(tx, {
      id,
      projectId,
      customIdentifier: `report:${id}`,
      aggregationDetails: null,
      personalDetails: null,
      createdAt: now,
      updatedAt: now,
    })
    await deps.reports.hideCustomer(tx, id)
    await deps.analyses.saveAccounts(
      tx,
      { projectId, customerId: id, accounts: read.accounts },
      now,
    )
    await deps.reports.insert(tx, report)
  })
  return report
}

const readIds = (value: unknown, name: string): number[] | undefined => {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || value.length === 0) {
    throw missing(`params.${name} must be a non-empty array of category ids`, [`params.${name}`])
  }
  return value.map((entry, index) => {
    const id = typeof entry === 'string' ? Number(entry) : entry
    if (typeof id !== 'number' || !Number.isInteger(id) || !findNode(id)) {
      throw missing(`params.${name}[${index}] is not a category id of the tree`, [
        `params.${name}[${index}]`,
      ])
    }
    return id
  })
}

const readBoolean = (value: unknown, name: string): boolean | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw missing(`${name} must be true or false`, [name])
  return value
}

/** Reads and checks the PUT body; the vendor's error codes name the field. */
export const readProcessRequest = (body: unknown): ReportRequest => {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}
  const fields = object as Record<string, unknown> // a JSON object, read field by field below
  const absent = ['country', 'operations'].filter(
    (name) => fields[name] === undefined || fields[name] === null,
  )
  if (absent.length > 0) throw missing(`${absent.join(' and ')} required`, absent)
  if (typeof fields.country !== 'string') throw missing('country must be a string', ['country'])
  const country = normaliseCountry(fields.country)
  if (country === undefined) {
    throw badRequest(
      'UNSUPPORTED_COUNTRY_REQUESTED',
      'Unsupported country requested',
      `country must be one of ${Object.keys(COUNTRY_LANGUAGE).join(', ')}`,
      ['country'],
    )
  }
  const operations = fields.operations
  if (!Array.isArray(operations) || operations.length === 0) {
    throw missing('operations must be a non-empty array', ['operations'])
  }
  const known = operations.map((operation, index) => {
    const found = OPERATIONS.find((candidate) => candidate === operation)
    if (found === undefined) {
      throw missing(`operations[${index}] must be one of ${OPERATIONS.join(', ')}`, [
        `operations[${index}]`,
      ])
    }
    return found
  })
  const rawParams = fields.params ?? {}
  if (typeof rawParams !== 'object' || rawParams === null || Array.isArray(rawParams)) {
    throw missing('params must be an object', ['params'])
  }
  const p = rawParams as Record<string, unknown> // a JSON object, read field by field below
  const params: ReportParams = {}
  const dropShared = readBoolean(p.drop_shared_accounts, 'params.drop_shared_accounts')
  if (dropShared !== undefined) params.drop_shared_accounts = dropShared
  const dropJoint = readBoolean(p.drop_joint_accounts, 'params.drop_joint_accounts')
  if (dropJoint !== undefined) params.drop_joint_accounts = dropJoint
  if (p.period !== undefined && p.period !== null) {
    if (
      typeof p.period !== 'number' ||
      !Number.isInteger(p.period) ||
      p.period < 1 ||
      p.period > 240
    ) {
      throw missing('params.period must be a number of calendar months (1–240)', ['params.period'])
    }
    params.period = p.period
  }
  if (p.currency !== undefined && p.currency !== null) {
    if (typeof p.currency !== 'string' || !/^[A-Za-z]{3}$/.test(p.currency)) {
      throw missing('params.currency must be an ISO 4217 code', ['params.currency'])
    }
    params.currency = p.currency.toUpperCase()
  }
  const income = readIds(p.income_definition, 'income_definition')
  if (income) params.income_definition = income
  const expense = readIds(p.expense_definition, 'expense_definition')
  if (expense) params.expense_definition = expense
  const useWebhook = readBoolean(fields.use_webhook, 'use_webhook') ?? false
  return { country, operations: [...new Set(known)], params, use_webhook: useWebhook }
}

/** A report of the project, purged first when past its retention (then GONE). */
const liveReport = async (deps: ReportDeps, projectId: string, id: string): Promise<Report> => {
  const report = await deps.reports.find(projectId, id)
  if (!report) throw notFound()
  if (report.status === 'gone') throw gone()
  if (report.expiresAt.getTime() <= deps.clock.now().getTime()) {
    await deps.inTransaction((tx) => deps.reports.markGone(tx, report.id, deps.clock.now()))
    throw gone()
  }
  return report
}

/** `PUT /v2/report/process/{id}`: queues the processing, once. */
export const requestProcessing = async (
  deps: ReportDeps,
  projectId: string,
  id: string,
  body: unknown,
): Promise<Report> => {
  await liveReport(deps, projectId, id)
  const request = readProcessRequest(body)
  const now = deps.clock.now()
  return deps.inTransaction(async (tx: Tx) => {
    const report = await deps.reports.findForUpdate(tx, projectId, id)
    if (!report || report.status === 'gone') throw notFound()
    if (report.status !== 'uploaded') {
      throw badRequest(
        'ANALYSIS_ALREADY_REQUESTED',
        'Analysis already requested',
        'This report has already been sent for processing; upload the file again to process it differently',
        [],
      )
    }
    await deps.analyses.insert(tx, {
      id,
      projectId,
      customerId: id,
      status: 'IN_PROGRESS',
      format: 'REPORT_API',
      parameters: {},
      source: 'REPORT_API',
      dataOrigin: 'UNKNOWN',
      createdAt: now,
      updatedAt: now,
      metadata: null,
      creditInsights: null,
      scores: null,
      error: null,
      hasAccounts: true,
    })
    await deps.reports.update(tx, id, { status: 'queued', request }, now)
    await deps.reportQueue.enqueueReport(tx, { reportId: id })
    return { ...report, status: 'queued', request, updatedAt: now }
  })
}

/** `GET /v2/report/{id}`. */
export const getReport = (deps: ReportDeps, projectId: string, id: string): Promise<Report> =>
  liveReport(deps, projectId, id)

/** Deletes the data of every report past its retention, keeping tombstones; returns how many. */
export const purgeExpiredReports = async (deps: ReportDeps, limit = 100): Promise<number> => {
  const now = deps.clock.now()
  const expired = await deps.reports.listExpired(now, limit)
  for (const report of expired) {
    await deps.inTransaction((tx) => deps.reports.markGone(tx, report.id, now))
  }
  return expired.length
}

// ---- processing ------------------------------------------------------------------------------

/**
 * The pure part of processing: selects the accounts and the period the params ask for, runs the
 * engine once per currency (it analyses one currency at a time) and maps its output.
 */
export const buildReportAttributes = (
  analyse: Analyser,
  accounts: readonly Account[],
  meta: readonly ReportAccountMeta[],
  request: ReportRequest,
): { attributes: Record<string, unknown>; refusal: string | null } => {
  const { params } = request
  const metaByKey = new Map(meta.map((entry) => [entry.key, entry]))
  const kept = accounts.filter((account) => {
    const entry = metaByKey.get(account.aggregator?.id ?? '')
    if (params.drop_joint_accounts === true && entry?.isJointOwnership === true) return false
    if (params.drop_shared_accounts === true && entry?.isSharedOwnership === true) return false
    if (params.currency !== undefined && account.currency !== params.currency) return false
    return true
  })
  const keptMeta = kept.flatMap((account) => {
    const entry = metaByKey.get(account.aggregator?.id ?? '')
    return entry ? [entry] : []
  })
  const dates = kept.flatMap((account) => account.transactions.map((t) => t.date)).sort()
  const starts = keptMeta.flatMap((entry) => (entry.periodStart ? [entry.periodStart] : [])).sort()
  const ends = keptMeta.flatMap((entry) => (entry.periodEnd ? [entry.periodEnd] : [])).sort()
  const end = [ends[ends.length - 1], dates[dates.length - 1]]
    .filter((d) => d !== undefined)
    .sort()
    .pop()
  let start = [starts[0], dates[0]].filter((d) => d !== undefined).sort()[0]
  if (end !== undefined && params.period !== undefined) {
    const from = startOfLastMonths(end, params.period)
    if (start === undefined || from > start) start = from
  }
  const selected =
    start === undefined
      ? kept
      : kept.map((account) => ({
          ...account,
          transactions: account.transactions.filter((t) => t.date >= (start ?? '')),
        }))
  // The engine analyses one currency at a time: one run per currency.
  const currencies = [...new Set(selected.map((account) => account.currency))]
  const counts = currencies.map((currency) =>
    selected
      .filter((account) => account.currency === currency)
      .reduce((sum, account) => sum + account.transactions.length, 0),
  )
  const insightsCurrency =
    params.currency ?? currencies[counts.indexOf(Math.max(...counts))] ?? null
  const language = COUNTRY_LANGUAGE[request.country] ?? 'en'
  const groups = currencies.map((currency) => ({
    currency,
    result: analyse(
      selected.filter((account) => account.currency === currency),
      {
        ...(end !== undefined && { asOf: end }),
        supportedCurrencies: [currency],
        locales: [language],
      },
    ),
  }))
  const main = groups.find((group) => group.currency === insightsCurrency)
  const refusal = main && !main.result.ok ? main.result.refusal.code : null
  const period = periodOf(start ?? end ?? '1970-01-01', end ?? start ?? '1970-01-01')
  const attributes = computeOperations({
    country: request.country,
    operations: request.operations,
    incomeDefinition: params.income_definition ?? DEFAULT_INCOME_DEFINITION,
    expenseDefinition: params.expense_definition ?? DEFAULT_EXPENSE_DEFINITION,
    groups,
    insightsCurrency,
    meta: keptMeta,
    period,
  })
  return { attributes, refusal }
}

export type ReportRunOutcome = 'completed' | 'skipped'

/** The worker side: computes the requested operations and stores them, at most once. */
export const runReport = async (deps: ReportDeps, reportId: string): Promise<ReportRunOutcome> => {
  const report = await deps.reports.findById(reportId)
  if (!report || report.request === null || report.customerId === null) return 'skipped'
  if (report.status !== 'queued' && report.status !== 'processing') return 'skipped'
  const stored = await deps.analyses.loadAccounts(report.customerId)
  const { attributes, refusal } = buildReportAttributes(
    deps.analyse,
    stored.map((entry) => entry.account),
    report.accountsMeta,
    report.request,
  )
  const warnings: ReportProblem[] = [...report.warnings]
  if (refusal !== null) {
    warnings.push({
      title: 'Insights limited',
      detail: `The engine could not analyse this statement (${refusal}): figures it cannot compute are null`,
      'error-code': refusal,
      source: [],
    })
  }
  const result = { ...attributes, ...(warnings.length > 0 && { warnings }) }
  return finish(deps, report, { status: 'completed', result })
}

/** Ends a report whose job kept failing: `failed`, with the reason in `errors`. */
export const failReport = async (deps: ReportDeps, reportId: string): Promise<ReportRunOutcome> => {
  const report = await deps.reports.findById(reportId)
  if (!report || (report.status !== 'queued' && report.status !== 'processing')) return 'skipped'
  return finish(deps, report, {
    status: 'failed',
    errors: [
      {
        title: 'Timeout processing',
        detail:
          'The report could not be processed; send the file again or contact support with its request id',
        'error-code': 'TIMEOUT_PROCESSING',
        source: [],
      },
    ],
  })
}

const finish = (
  deps: ReportDeps,
  report: Report,
  patch: {
    status: 'completed' | 'failed'
    result?: Record<string, unknown>
    errors?: ReportProblem[]
  },
): Promise<ReportRunOutcome> =>
  deps.inTransaction(async (tx) => {
    // Locked, so that a retried job and this one finish the report once.
    const current = await deps.reports.findForUpdate(tx, report.projectId, report.id)
    if (!current || (current.status !== 'queued' && current.status !== 'processing'))
      return 'skipped'
    const now = deps.clock.now()
    await deps.reports.update(tx, report.id, patch, now)
    await deps.analyses.setStatus(
      tx,
      report.id,
      patch.status === 'completed'
        ? { status: 'COMPLETED' }
        : {
            status: 'ERROR',
            error: { code: 'INTERNAL_ERROR', message: 'Report processing failed' },
          },
      now,
    )
    if (current.request?.use_webhook === true && current.customerId !== null) {
      await deps.events.publish(tx, {
        projectId: report.projectId,
        customerId: current.customerId,
        analysisId: report.id,
        name: 'report_completed',
      })
    }
    return 'completed'
  })

/** Operations every upload offers. */
export const AVAILABLE_OPERATIONS: readonly Operation[] = OPERATIONS
