/**
 * The ports of the analyst console: analysts and their sessions, and the project-wide list of
 * analyses. Implemented in store/console.ts.
 */
import type { AnalysisStatus, Tx } from './ports.ts'

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
  recordRerun(tx: Tx, analysisId: string, previousAnalysisId: string): Promise<void>
  /** The analysis a re-analysis started from, if it was one. */
  previousOf(analysisId: string): Promise<string | undefined>
}
