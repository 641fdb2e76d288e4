/**
 * The store port of the hosted page's sessions (src/store/hosted-flows.ts implements it).
 */
import type { Account } from '../engine/model/index.ts'
import type { HostedSession } from './hosted-flow.ts'

export type HostedFlowStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED'

export interface HostedFlowRecord {
  session: HostedSession
  /** The page's state machine (src/hosted/machine.ts), stored as it is. */
  state: Record<string, unknown>
  status: HostedFlowStatus
  pageTokenHash: string | null
  pageExpiresAt: Date | null
  linkExpiresAt: Date
  /** Where the user was sent when the flow ended. */
  redirectTo: string | null
  endedAt: Date | null
}

export interface HostedFlowPatch {
  state?: Record<string, unknown>
  pageTokenHash?: string
  pageExpiresAt?: Date
  redirectTo?: string
  /** Bank data fetched during the flow; null clears it. */
  availableAccounts?: readonly Account[] | null
}

export interface HostedFlowStore {
  insert(record: HostedFlowRecord, now: Date): Promise<void>
  find(id: string): Promise<HostedFlowRecord | undefined>
  update(id: string, patch: HostedFlowPatch, now: Date): Promise<void>
  /** The accounts fetched during the flow (empty when none). */
  availableAccounts(id: string): Promise<Account[]>
  /**
   * Ends an OPEN flow (and clears its fetched data): true for the one caller that ended it,
   * false when it had already ended.
   */
  end(id: string, status: Exclude<HostedFlowStatus, 'OPEN'>, now: Date): Promise<boolean>
}
