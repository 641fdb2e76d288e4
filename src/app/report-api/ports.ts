/**
 * The Report API's own ports: its store (the report envelope next to the hidden customer and
 * analysis of the analyses API's store) and its queue. Implemented in src/store/reports.ts and
 * src/jobs/report-job.ts.
 */
import type { ReportAccountMeta } from '../../adapters/report-api/index.ts'
import type { AppDeps, Tx } from '../ports.ts'
import type { Operation } from './operations.ts'

export type ReportStatus = 'uploaded' | 'queued' | 'processing' | 'completed' | 'failed' | 'gone'

/** One entry of the vendor's error array (also the shape of result warnings). */
export interface ReportProblem {
  title: string
  detail: string
  'error-code': string
  source: string[]
}

export interface ReportParams {
  drop_shared_accounts?: boolean
  drop_joint_accounts?: boolean
  /** Calendar months, counted back from the last complete one. */
  period?: number
  currency?: string
  income_definition?: number[]
  expense_definition?: number[]
}

export interface ReportRequest {
  country: string
  operations: Operation[]
  params: ReportParams
  use_webhook: boolean
}

export interface Report {
  id: string
  projectId: string
  customerId: string | null
  status: ReportStatus
  accountsMeta: ReportAccountMeta[]
  warnings: ReportProblem[]
  request: ReportRequest | null
  result: Record<string, unknown> | null
  errors: ReportProblem[] | null
  createdAt: Date
  updatedAt: Date
  expiresAt: Date
}

export interface ReportStore {
  insert(tx: Tx, report: Report): Promise<void>
  /** Hides the report's customer from the analyses API (lists, reads, updates, deletes). */
  hideCustomer(tx: Tx, customerId: string): Promise<void>
  /** The project's report; undefined when unknown or another project's. */
  find(projectId: string, id: string): Promise<Report | undefined>
  findById(id: string): Promise<Report | undefined>
  findForUpdate(tx: Tx, projectId: string, id: string): Promise<Report | undefined>
  update(
    tx: Tx,
    id: string,
    patch: Partial<Pick<Report, 'status' | 'request' | 'result' | 'errors'>>,
    now: Date,
  ): Promise<void>
  /** Ids of reports past `now` that still hold data (at most `limit`). */
  listExpired(now: Date, limit: number): Promise<{ id: string; customerId: string | null }[]>
  /** Deletes the report's data, keeping a `gone` tombstone. */
  markGone(tx: Tx, id: string, now: Date): Promise<void>
}

export interface ReportQueue {
  /** Enqueues the report's processing in the same transaction as its request. */
  enqueueReport(tx: Tx, job: { reportId: string }): Promise<void>
}

/** What the Report API's use cases need besides the analyses API's dependencies. */
export interface ReportDeps extends AppDeps {
  reports: ReportStore
  reportQueue: ReportQueue
  /** Days a report is kept after its upload (`REPORT_RETENTION_DAYS`). */
  retentionDays: number
}
