/**
 * The scoring module's ports (the v1 scoring API, the decision policy and the affordability
 * what-if): its own store and queue next to the application's. Plugged in by main.ts.
 */
import type { Affordability, LoanRequest } from '../../engine/scoring/affordability.ts'
import type { DecisionPolicy, DecisionResult } from '../../engine/scoring/decision-policy.ts'
import type { HostedFlows } from '../hosted-flow.ts'
import type { AppDeps, Tx } from '../ports.ts'

export type ScoringStatus = 'requested' | 'attempted' | 'scored' | 'declined' | 'failed' | 'expired'

/** Statuses a scoring never leaves. */
export const FINAL_STATUSES: readonly ScoringStatus[] = ['scored', 'declined', 'failed', 'expired']

export interface ScoringCustomer {
  /** `cust_` + 24 alphanumerics. */
  id: string
  projectId: string
  liveMode: boolean
  /** The domain customer whose analyses the scorings read. */
  customerId: string
  email: string
  mobile: string | null
  name: string | null
  createdAt: Date
}

export interface ScoringSepa {
  /** `sepa_` + 24 alphanumerics. */
  id: string
  projectId: string
  liveMode: boolean
  iban: string
  name: string
  bic: string | null
  createdAt: Date
}

/** What a scored scoring adds: the affordability, its reasons and the policy's decision. */
export interface ScoringResult {
  affordability: Affordability
  decision: DecisionResult
  engineVersion: string | null
}

export interface Scoring {
  /** `scor_` + 24 alphanumerics. */
  id: string
  projectId: string
  liveMode: boolean
  customer: ScoringCustomer
  sepa: ScoringSepa | null
  /** Minor units (120000 = 1,200.00). */
  amount: number
  upfront: number
  currency: string
  duration: number
  returnUrl: string
  /** The hosted page link of this scoring (`/widget?token=…`): the public URL + it is redirect_url. */
  redirectPath: string
  status: ScoringStatus
  score: number | null
  analysisId: string | null
  error: { code: string; message: string } | null
  result: ScoringResult | null
  createdAt: Date
  updatedAt: Date
  expiresAt: Date
}

export type NewScoring = Omit<Scoring, 'customer' | 'sepa' | 'result'> & {
  customerId: string
  sepaId: string | null
}

export interface ScoringPatch {
  status?: ScoringStatus
  score?: number | null
  analysisId?: string
  error?: { code: string; message: string } | null
  result?: ScoringResult | null
}

export interface ScoringStore {
  insertKey(tx: Tx, key: { keyHash: string; projectId: string; liveMode: boolean }): Promise<void>
  findKey(keyHash: string): Promise<{ projectId: string; liveMode: boolean } | undefined>
  findPolicy(projectId: string): Promise<DecisionPolicy | undefined>
  savePolicy(tx: Tx, projectId: string, policy: DecisionPolicy, now: Date): Promise<void>
  insertCustomer(tx: Tx, customer: ScoringCustomer): Promise<void>
  findCustomer(projectId: string, id: string, tx?: Tx): Promise<ScoringCustomer | undefined>
  insertSepa(tx: Tx, sepa: ScoringSepa): Promise<void>
  findSepa(projectId: string, id: string, tx?: Tx): Promise<ScoringSepa | undefined>
  insert(tx: Tx, scoring: NewScoring): Promise<void>
  /** Any mode's scoring of the project (the caller compares modes). */
  find(projectId: string, id: string, tx?: Tx): Promise<Scoring | undefined>
  /** Any project's scoring by id: for the job and the hosted page, which act on ids. */
  findById(id: string): Promise<Scoring | undefined>
  /** Ids of the scorings waiting for `analysisId`. */
  waitingFor(tx: Tx, analysisId: string): Promise<string[]>
  /**
   * Applies `patch` if the scoring's status is one of `from` (and, when the patch sets its
   * analysis, it has none yet); whether it did (a concurrent change wins, the other does nothing).
   */
  update(
    tx: Tx,
    id: string,
    from: readonly ScoringStatus[],
    patch: ScoringPatch,
    now: Date,
  ): Promise<boolean>
  /**
   * Ends a scoring whose time ran out before the customer shared any data (requested, or
   * attempted without an analysis); whether it did.
   */
  expire(tx: Tx, id: string, now: Date): Promise<boolean>
}

export interface ScoringQueue {
  /** Enqueues the completion of a scoring whose analysis ended, in the caller's transaction. */
  enqueueCompletion(tx: Tx, job: { scoringId: string }): Promise<void>
}

export interface ScoringSettings {
  /** Hours a customer has to finish on the hosted page (`SCORING_EXPIRY_HOURS`, default 6). */
  expiryHours: number
  /**
   * Longest wait, when the customer has shared data, for the score before sending them back to
   * `return_url` (the status then says where it stands).
   */
  returnWaitMs: number
}

export interface ScoringDeps extends AppDeps {
  scorings: ScoringStore
  scoringQueue: ScoringQueue
  scoringSettings: ScoringSettings
  /** The hosted data-sharing page, where the customer goes (`redirect_url`). */
  hosted: HostedFlows
}

export type { LoanRequest }
