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
import { projectRuleStore } from './project-rules.ts'
import type { RuleStore } from '../app/rule-ports.ts'
import type { ConsoleStore } from '../app/console-ports.ts'
import { consoleStore } from './console.ts'
import { hostedFlowStore } from './hosted-flows.ts'
import { riskReportStore } from './risk-reports.ts'
import { scoringStore } from './scoring.ts'
import type { ScoringStore } from '../app/scoring/ports.ts'

export { openPglite, openPostgres } from './db.ts'
export { DatabaseInUseError } from './data-dir-lock.ts'
export type { Database } from './db.ts'
export { migrate, migrationFiles } from './migrate.ts'

export interface Store extends TransactionRunner {
  credentials: CredentialStore
  customers: CustomerStore
  analyses: AnalysisStore
  events: EventPublisher
  rules: RuleStore
  /** Analysts and sessions of the console. */
  console: ConsoleStore
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
  rules: projectRuleStore(db),
  console: consoleStore(db),
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
