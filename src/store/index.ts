/**
 * The store: port implementations over one `Database` (PGlite or PostgreSQL, same SQL).
 */
import type { HostedFlowStore } from '../app/hosted-store.ts'
import type { RiskReportStore } from '../app/risk-report/ports.ts'
import type {
  AnalysisStore,
  CredentialStore,
  CustomerStore,
  EventPublisher,
  TransactionRunner,
} from '../app/ports.ts'
import { analysisStore } from './analyses.ts'
import { credentialStore } from './credentials.ts'
import { customerStore } from './customers.ts'
import type { Database } from './db.ts'
import { outboxEventPublisher } from './events.ts'
import { hostedFlowStore } from './hosted-flows.ts'
import { riskReportStore } from './risk-reports.ts'
import { scoringStore } from './scoring.ts'
import type { ScoringStore } from '../app/scoring/ports.ts'

export { openPglite, openPostgres } from './db.ts'
export { DatabaseInUseError } from './data-dir-lock.ts'
export type { Database } from './db.ts'
export { migrate } from './migrate.ts'

export interface Store extends TransactionRunner {
  credentials: CredentialStore
  customers: CustomerStore
  analyses: AnalysisStore
  events: EventPublisher
  hostedFlows: HostedFlowStore
  riskReports: RiskReportStore
  /** The scoring API's keys, policies, customers and scorings. */
  scorings: ScoringStore
  /** True when the database answers a trivial query. */
  isReady(): Promise<boolean>
}

export const createStore = (db: Database): Store => ({
  inTransaction: (work) => db.transaction(work),
  credentials: credentialStore(db),
  customers: customerStore(db),
  analyses: analysisStore(db),
  events: outboxEventPublisher(),
  hostedFlows: hostedFlowStore(db),
  riskReports: riskReportStore(db),
  scorings: scoringStore(db),
  isReady: async () => {
    try {
      await db.query('select 1')
      return true
    } catch {
      return false
    }
  },
})
