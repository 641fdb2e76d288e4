/**
 * The ports use cases depend on. The store (src/store), the queue (src/jobs) and the engine are
 * plugged in by main.ts; use cases never see SQL, pg-boss or HTTP.
 */
import type {
  Account,
  AnalysedAccount,
  AnalyseResult,
  AnalysisErrorCode,
  CreditInsights,
  EngineContext,
  Metadata,
  Scores,
} from '../engine/model/index.ts'
import type { AnalysisMetadata, InputWarning } from './analysis-notes.ts'
import type { RuleStore } from './rule-ports.ts'
import type { AnalysisInput } from './run-analysis.ts'
import type { WireCache } from './wire-cache.ts'

/**
 * A unit of work: every write a use case makes between `begin` and `commit` (data, job, event)
 * goes through the same database transaction. Adapters of this port run SQL on it.
 */
export interface Tx {
  query<R>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>
}

export interface TransactionRunner {
  /** Runs `work` in one database transaction: all of it is stored, or none of it. */
  inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>
}

// ---- projects and credentials ----------------------------------------------------------------

export interface Project {
  id: string
  name: string
  supportedCurrencies: string[]
  /**
   * Connector mode: customers connect their banks through an aggregator connector, which
   * uploads their accounts (customer → aggregator_link_required, empty analysis accepted).
   */
  usesConnector: boolean
}

export interface ClientCredential {
  clientId: string
  projectId: string
  secretHash: string
  /** Live-mode credentials (real data only); test mode (sandbox bank offered) otherwise. */
  liveMode: boolean
}

export interface CredentialStore {
  createProjectWithClient(
    tx: Tx,
    input: {
      projectId: string
      name: string
      clientId: string
      secretHash: string
      /** ISO 4217 codes; the database default (EUR, GBP) when absent. */
      supportedCurrencies?: readonly string[]
      /** Connector mode (false when absent). */
      usesConnector?: boolean
      liveMode?: boolean
    },
  ): Promise<void>
  /** Adds a client to an existing project (a project may have test and live clients). */
  addClient(
    tx: Tx,
    input: { projectId: string; clientId: string; secretHash: string; liveMode: boolean },
  ): Promise<void>
  findClient(clientId: string): Promise<ClientCredential | undefined>
  /** Whether any client exists, in any project. */
  hasAnyClient(): Promise<boolean>
  findProject(projectId: string): Promise<Project | undefined>
  /** Records a refresh token id as live, in its grant (the chain of rotations it belongs to). */
  saveRefreshToken(input: {
    jti: string
    grantId: string
    clientId: string
    projectId: string
    expiresAt: Date
  }): Promise<void>
  /**
   * Marks a live refresh token as used and answers its grant; undefined when it was unknown,
   * used, expired or revoked.
   */
  consumeRefreshToken(jti: string, now: Date): Promise<{ grantId: string } | undefined>
  /** Revokes every refresh token of the grant `jti` belongs to (a reused token was stolen). */
  revokeGrantOf(jti: string, now: Date): Promise<void>
  /** The token signing secret kept in the database (created on first call). */
  signingSecret(): Promise<string>
  /** Deletes the secret kept in the database (a key is configured: none is kept in plain text). */
  forgetSigningSecret(): Promise<void>
}

// ---- customers -------------------------------------------------------------------------------

export type JsonObject = Record<string, unknown>

export interface Customer {
  id: string
  projectId: string
  customIdentifier: string
  aggregationDetails: JsonObject | null
  personalDetails: JsonObject | null
  createdAt: Date
  updatedAt: Date
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface PageRequest {
  limit: number
  page: number
}

export interface CustomerStore {
  /** Inserts; returns undefined when the customIdentifier already exists in the project. */
  insert(tx: Tx, customer: Customer): Promise<Customer | undefined>
  find(projectId: string, id: string, tx?: Tx): Promise<Customer | undefined>
  list(projectId: string, page: PageRequest): Promise<Page<Customer>>
  update(
    tx: Tx,
    projectId: string,
    id: string,
    patch: { aggregationDetails?: JsonObject; personalDetails?: JsonObject },
    now: Date,
  ): Promise<Customer | undefined>
  /** Deletes the customer and everything that hangs from it; false when it did not exist. */
  remove(tx: Tx, projectId: string, id: string): Promise<boolean>
}

// ---- accounts, transactions, analyses ----------------------------------------------------------

/**
 * JSON already serialised. Analysis results are stored and served as text: a 1,000-transaction
 * analysis is over a megabyte, and parsing then re-serialising it per request is what a read
 * would otherwise spend its time on.
 */
export interface JsonText {
  json: string
}

export type AnalysisStatus = 'CREATED' | 'IN_PROGRESS' | 'COMPLETED' | 'ERROR'

export interface AnalysisError {
  code: string
  message: string
}

export interface AnalysisParameters {
  disableScores?: boolean
  disableCreditInsights?: boolean
  /** Months of history analysed, ending on the latest date of the data (default 12). */
  windowMonths?: number
}

export interface Analysis {
  id: string
  projectId: string
  customerId: string
  status: AnalysisStatus
  format: string
  parameters: AnalysisParameters
  source: string
  dataOrigin: string
  createdAt: Date
  updatedAt: Date
  metadata: JsonText | null
  creditInsights: JsonText | null
  scores: JsonText | null
  error: AnalysisError | null
  /** True once accounts were uploaded for (or with) this analysis. */
  hasAccounts: boolean
}

/** An analysis without its credit insights, its largest result: enough to answer a result route. */
export type AnalysisHead = Omit<Analysis, 'creditInsights'>

export interface AnalysisResultInput {
  status: 'COMPLETED' | 'ERROR'
  /** The engine's metadata, plus the input warnings and own-account detection when computed. */
  metadata: Metadata | AnalysisMetadata | null
  creditInsights: CreditInsights | null
  scores: Scores | null
  error: { code: AnalysisErrorCode; message: string } | null
  engineVersion: string | null
  /** Per analysed account: its wire snapshot, daily balances and enriched transactions. */
  accounts: { wire: JsonObject; result: AnalysedAccount }[]
}

/**
 * A result made ready to store (serialised, compressed) before any transaction opens, so that
 * the transaction that stores it holds the database no longer than the writes take.
 */
export interface EncodedResult {
  readonly status: AnalysisResultInput['status']
  /** The texts an analysis read back from the store serves, exactly. */
  readonly metadata: JsonText | null
  /** Undefined when computed but too large to carry whole: read it back from the store. */
  readonly creditInsights: JsonText | null | undefined
  readonly scores: JsonText | null
  readonly error: AnalysisResultInput['error']
  /** What the store writes; only the store that encoded it reads it. */
  readonly stored: unknown
}

/** The stored data an analysis runs on, as `loadAnalysisInput` reads it. */
export interface StoredAnalysisInput {
  accounts: {
    account: Omit<Account, 'transactions'>
    createdAt: Date
    updatedAt: Date
  }[]
  transactionTexts: string[]
}

export type InsightsPart = 'incomes' | 'expenses' | 'loans' | 'risks'

export interface AnalysisStore {
  insert(tx: Tx, analysis: Analysis): Promise<void>
  find(projectId: string, customerId: string, id: string): Promise<Analysis | undefined>
  /** `find` without reading the credit insights. */
  findHead(projectId: string, customerId: string, id: string): Promise<AnalysisHead | undefined>
  /**
   * A token that changes whenever the stored analysis changes, or undefined when it is not
   * found: lets a reader reuse what it built from an unchanged analysis without reading it.
   */
  version(projectId: string, customerId: string, id: string): Promise<string | undefined>
  /** Any project's analysis by id: for workers, which act on ids from the queue. */
  findById(id: string): Promise<Analysis | undefined>
  /** Locks the row for update inside `tx`. */
  findForUpdate(tx: Tx, id: string): Promise<Analysis | undefined>
  /**
   * A page of the customer's analyses, without their credit insights (the largest result):
   * each with the names of its stored credit-insights parts, null when none were computed.
   */
  list(
    projectId: string,
    customerId: string,
    page: PageRequest,
  ): Promise<Page<AnalysisHead & { insightsParts: string[] | null }>>
  /** The names of an analysis's stored credit-insights parts in order; null when none. */
  insightsPartNames(analysisId: string): Promise<string[] | null>
  /** One stored part of the credit insights as JSON text (unpacked); null when absent. */
  readInsightsPart(analysisId: string, name: string): Promise<JsonText | null>
  setStatus(
    tx: Tx,
    id: string,
    patch: {
      status?: AnalysisStatus
      error?: AnalysisError | null
      hasAccounts?: boolean
      /** The format of the accounts uploaded to launch it. */
      format?: string
      /** INTERNAL once the service relaunched it after an internal error. */
      source?: string
      dataOrigin?: string
    },
    now: Date,
  ): Promise<void>
  /** Serialises and compresses a result for `complete`, outside any transaction. */
  encodeResult(result: AnalysisResultInput): EncodedResult
  /**
   * Stores an encoded result only if the analysis is still IN_PROGRESS: its new version (as
   * `version` gives it), or undefined when it was not IN_PROGRESS.
   */
  complete(tx: Tx, id: string, result: EncodedResult, now: Date): Promise<string | undefined>
  /**
   * Stores the uploaded accounts and transactions of a customer, merging with what is already
   * stored (the same account or transaction uploaded twice is stored once).
   */
  saveAccounts(
    tx: Tx,
    input: { projectId: string; customerId: string; accounts: readonly Account[] },
    now: Date,
  ): Promise<void>
  /** Records the warnings raised reading the accounts that launch an analysis (replaces any). */
  saveInputWarnings(tx: Tx, analysisId: string, warnings: readonly InputWarning[]): Promise<void>
  /** The warnings `saveInputWarnings` recorded; empty when none. */
  loadInputWarnings(analysisId: string): Promise<InputWarning[]>
  /**
   * Every stored account of the customer, with its transactions, in the canonical model, in the
   * order they were first uploaded.
   */
  loadAccounts(
    customerId: string,
  ): Promise<{ account: Account; createdAt: Date; updatedAt: Date }[]>
  /** How many transactions the customer has stored, all accounts together. */
  countTransactions(tx: Tx, customerId: string): Promise<number>
  /** The latest balance or transaction date of the customer's data (YYYY-MM-DD), if any. */
  latestDate(customerId: string): Promise<string | undefined>
  /**
   * What an analysis reads: the customer's accounts (without transactions) and, as JSON texts
   * not parsed here, their transactions dated after `after` (all when undefined). Each text is
   * an array of `{ id, account_id, data }`.
   */
  loadAnalysisInput(customerId: string, after: string | undefined): Promise<StoredAnalysisInput>
  /** Accounts an analysis used, in wire shape. */
  listAccounts(analysisId: string, page: PageRequest): Promise<Page<JsonText>>
  /** One part of the credit insights (`incomes`, …); null when they were not computed. */
  readInsights(analysisId: string, part: InsightsPart): Promise<JsonText | null>
  /** The cash flows of the credit insights, paginated; null when they were not computed. */
  listCashFlows(analysisId: string, page: PageRequest): Promise<Page<JsonText> | null>
  hasAccount(analysisId: string, accountId: string): Promise<boolean>
  /**
   * A page of an analysis's enriched transactions (of one account when `accountId` is given)
   * with the analysis's state, in one round trip: undefined when the analysis is not this
   * project's customer's; `accountFound` false when the account is not one it used.
   */
  pageTransactions(
    projectId: string,
    customerId: string,
    analysisId: string,
    accountId: string | undefined,
    page: PageRequest,
  ): Promise<
    | {
        analysis: Pick<AnalysisHead, 'id' | 'status' | 'hasAccounts' | 'error'>
        accountFound: boolean
        page: Page<JsonText>
      }
    | undefined
  >
  listBalances(
    analysisId: string,
    accountId: string,
    page: PageRequest,
  ): Promise<Page<{ date: string; balance: number }>>
  listTransactions(
    analysisId: string,
    accountId: string | undefined,
    page: PageRequest,
  ): Promise<Page<JsonText>>
}

// ---- jobs and events ----------------------------------------------------------------------------

export interface JobQueue {
  /** Enqueues the analysis job in the same transaction as the data it will read. */
  enqueueAnalysis(tx: Tx, job: { analysisId: string }): Promise<void>
}

export type EventName =
  | 'aggregator_link_required'
  | 'bank_details_required'
  | 'bank_details_fetched'
  | 'analysis_completed'
  | 'report_completed'
  | 'scoring_completed'

export interface DomainEvent {
  projectId: string
  customerId: string
  analysisId?: string
  /** The scoring (v1 scoring API) a `scoring_completed` event is about. */
  scoringId?: string
  name: EventName
}

export interface EventPublisher {
  /** Records the event inside `tx`: it exists if and only if the change that caused it commits. */
  publish(tx: Tx, event: DomainEvent): Promise<void>
}

// ---- engine and environment ----------------------------------------------------------------------

export type Analyser = (accounts: readonly Account[], ctx?: EngineContext) => AnalyseResult

export interface Clock {
  now(): Date
}

export interface IdGenerator {
  /** A new opaque id. */
  next(): string
}

/** Everything use cases need, assembled by main.ts. */
export interface AppDeps extends TransactionRunner {
  credentials: CredentialStore
  customers: CustomerStore
  analyses: AnalysisStore
  jobs: JobQueue
  events: EventPublisher
  analyse: Analyser
  /**
   * Runs the engine step of an analysis (`computeAnalysis` with the real engine) off the event
   * loop, on a worker-thread pool; absent, it runs inline with `analyse`.
   */
  compute?: (input: AnalysisInput) => Promise<EncodedResult>
  clock: Clock
  ids: IdGenerator
  limits: { maxTransactionsPerAccount: number; maxTransactionsPerCustomer: number }
  /**
   * The wire cache of the analyses this process serves, when it serves HTTP: a worker in the
   * same process puts each analysis it completes there, so the first read needs no database.
   */
  analysisWire?: WireCache
  /** The project rules (app/project-rules.ts): analyses run with them when present. */
  rules?: RuleStore
}
