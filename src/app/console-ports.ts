/**
 * The ports of the analyst console: analysts and their sessions, and the project-wide list of
 * analyses. Implemented in store/console.ts.
 */
import type { AnalysisStatus, Customer, Tx } from './ports.ts'

export interface Analyst {
  id: string
  projectId: string
  email: string
  passwordHash: string
  mustChangePassword: boolean
  failedAttempts: number
  lockedUntil: Date | null
  createdAt: Date
}

export interface AnalysisListItem {
  analysisId: string
  customerId: string
  customIdentifier: string
  status: AnalysisStatus
  createdAt: Date
  creditScore: number | null
}

export interface AnalysisSearch {
  /** Part of the customer's custom identifier, case ignored. */
  customIdentifier?: string
  status?: AnalysisStatus
  limit: number
  offset: number
}

/** A page of a project-wide list, newest first. */
export interface ListPage {
  limit: number
  offset: number
}

/** A Report API report (issue 13), as the console lists it. */
export interface ReportListItem {
  id: string
  status: string
  createdAt: Date
  operations: string[]
  country: string | null
  /** The analysis behind the report; null before processing and once the report is gone. */
  analysisId: string | null
}

/** A v1 scoring (issue 15), as the console lists it. */
export interface ScoringListItem {
  id: string
  status: string
  liveMode: boolean
  createdAt: Date
  /** Minor units of `currency`, requested and paid upfront. */
  amount: number
  upfront: number
  currency: string
  duration: number
  score: number | null
  /** The analysis behind the scoring, once the customer shared data. */
  analysisId: string | null
}

/** A risk report flow (issue 14), as the console lists it. */
export interface RiskReportListItem {
  id: string
  access: 'onetime' | 'ongoing'
  status: string
  createdAt: Date
  /** Whether the lender gave a holder name to verify (the report holds the match). */
  holderVerification: boolean
  analysisId: string | null
}

export interface ConsoleStore {
  /** Inserts; false when the e-mail is taken. */
  insertAnalyst(tx: Tx, analyst: Analyst): Promise<boolean>
  findAnalystByEmail(email: string): Promise<Analyst | undefined>
  /** Records a failed sign-in: the new count, and a lock until `lockUntil` when given. */
  recordFailure(id: string, lockUntil: Date | null): Promise<void>
  /** Clears the failure count after a successful sign-in. */
  recordSuccess(id: string): Promise<void>
  setPassword(id: string, passwordHash: string): Promise<void>
  insertSession(session: {
    tokenHash: string
    analystId: string
    createdAt: Date
    expiresAt: Date
  }): Promise<void>
  /** The analyst of a live session; undefined when unknown or expired. */
  findSession(tokenHash: string, now: Date): Promise<Analyst | undefined>
  deleteSession(tokenHash: string): Promise<void>
  searchAnalyses(
    projectId: string,
    search: AnalysisSearch,
  ): Promise<{ items: AnalysisListItem[]; total: number }>
  listReports(
    projectId: string,
    page: ListPage,
  ): Promise<{ items: ReportListItem[]; total: number }>
  listRiskReports(
    projectId: string,
    page: ListPage,
  ): Promise<{ items: RiskReportListItem[]; total: number }>
  listScorings(
    projectId: string,
    page: ListPage,
  ): Promise<{ items: ScoringListItem[]; total: number }>
  /** A customer of the project, hidden ones (Report API, risk reports) included. */
  findCustomer(projectId: string, id: string): Promise<Customer | undefined>
  recordRerun(tx: Tx, analysisId: string, previousAnalysisId: string): Promise<void>
  /** The analysis a re-analysis started from, if it was one. */
  previousOf(analysisId: string): Promise<string | undefined>
}
