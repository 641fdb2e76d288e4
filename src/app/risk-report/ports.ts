/** The store port of risk report flows and their tokens (src/store/risk-reports.ts). */
import type { HostedAccountType, HostedLanguage } from '../hosted-flow.ts'
import type { Tx } from '../ports.ts'

export type RiskReportAccess = 'onetime' | 'ongoing'
export type RiskReportStatus = 'CREATED' | 'COMPLETED' | 'CANCELLED' | 'DELETED'

/** The widget link's parameters, validated. */
export interface RiskReportParameters {
  redirect_uri: string
  state?: string
  language: HostedLanguage
  reporting_period: number
  accounts?: { id: string; currency?: string }[]
  account_types?: HostedAccountType[]
  allow_multi_selection: boolean
  name?: string
  save_secrets?: boolean
}

export interface RiskReportFlow {
  id: string
  projectId: string
  clientId: string
  access: RiskReportAccess
  userId: string | null
  parameters: RiskReportParameters
  customerId: string | null
  analysisId: string | null
  status: RiskReportStatus
  endedAt: Date | null
  dataExpiresAt: Date | null
  createdAt: Date
}

export type TokenKind = 'code' | 'access' | 'refresh'

export interface StoredToken {
  hash: string
  kind: TokenKind
  flowId: string
  projectId: string
  clientId: string
  grantId: string | null
  redirectUri: string | null
  expiresAt: Date
  usedAt: Date | null
  /** When its grant was revoked. */
  revokedAt: Date | null
}

export interface RiskReportStore {
  insertFlow(flow: RiskReportFlow): Promise<void>
  findFlow(id: string): Promise<RiskReportFlow | undefined>
  updateFlow(
    id: string,
    patch: Partial<
      Pick<
        RiskReportFlow,
        'customerId' | 'analysisId' | 'status' | 'endedAt' | 'dataExpiresAt' | 'parameters'
      >
    >,
  ): Promise<void>
  /** The customer holding a user's connections (ongoing flows), if any. */
  userCustomer(projectId: string, userId: string): Promise<string | undefined>
  /** The analysis of the user's most recently completed flow (ongoing access). */
  latestUserAnalysis(projectId: string, userId: string): Promise<string | undefined>
  /** Records the user's customer; answers the one kept when another was recorded first. */
  saveUserCustomer(projectId: string, userId: string, customerId: string): Promise<string>
  insertToken(token: Omit<StoredToken, 'usedAt' | 'revokedAt'>): Promise<void>
  /** Any token by hash, used or not, with its grant's revocation. */
  findToken(hash: string): Promise<StoredToken | undefined>
  /** Marks a live token of `kind` used; answers it, or undefined when it was not live. */
  consumeToken(hash: string, kind: TokenKind, now: Date): Promise<StoredToken | undefined>
  /** Links a code to the grant its exchange started. */
  setTokenGrant(hash: string, grantId: string): Promise<void>
  createGrant(grant: {
    id: string
    flowId: string
    projectId: string
    clientId: string
    createdAt: Date
  }): Promise<void>
  revokeGrant(id: string, now: Date): Promise<void>
  /** One-time flows whose data is past its deletion time and still there. */
  expiredFlows(now: Date): Promise<RiskReportFlow[]>
  /** Hides a flow's customer from the v2 customer routes (as the Report API's are). */
  hideCustomer(tx: Tx, customerId: string): Promise<void>
  /** Deletes a flow's hidden customer and everything that hangs from it. */
  removeCustomer(tx: Tx, projectId: string, customerId: string): Promise<void>
}
