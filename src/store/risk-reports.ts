import type { Tx } from '../app/ports.ts'
import type { RiskReportFlow, RiskReportStore, StoredToken } from '../app/risk-report/ports.ts'

interface FlowRow {
  id: string
  project_id: string
  client_id: string
  access: RiskReportFlow['access']
  user_id: string | null
  parameters: RiskReportFlow['parameters']
  customer_id: string | null
  analysis_id: string | null
  status: RiskReportFlow['status']
  ended_at: Date | string | null
  data_expires_at: Date | string | null
  created_at: Date | string
}

interface TokenRow {
  hash: string
  kind: StoredToken['kind']
  flow_id: string
  project_id: string
  client_id: string
  grant_id: string | null
  redirect_uri: string | null
  expires_at: Date | string
  used_at: Date | string | null
  revoked_at: Date | string | null
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value))

const toFlow = (row: FlowRow): RiskReportFlow => ({
  id: row.id,
  projectId: row.project_id,
  clientId: row.client_id,
  access: row.access,
  userId: row.user_id,
  parameters: row.parameters,
  customerId: row.customer_id,
  analysisId: row.analysis_id,
  status: row.status,
  endedAt: date(row.ended_at),
  dataExpiresAt: date(row.data_expires_at),
  createdAt: new Date(row.created_at),
})

const toToken = (row: TokenRow): StoredToken => ({
  hash: row.hash,
  kind: row.kind,
  flowId: row.flow_id,
  projectId: row.project_id,
  clientId: row.client_id,
  grantId: row.grant_id,
  redirectUri: row.redirect_uri,
  expiresAt: new Date(row.expires_at),
  usedAt: date(row.used_at),
  revokedAt: date(row.revoked_at),
})

const FLOW_COLUMNS =
  'id, project_id, client_id, access, user_id, parameters, customer_id, analysis_id, status, ended_at, data_expires_at, created_at'

const TOKEN_SELECT = `select t.hash, t.kind, t.flow_id, t.project_id, t.client_id, t.grant_id,
    t.redirect_uri, t.expires_at, t.used_at, g.revoked_at
  from risk_report_tokens t left join risk_report_grants g on g.id = t.grant_id`

export const riskReportStore = (db: Tx): RiskReportStore => ({
  insertFlow: async (flow) => {
    await db.query(
      `insert into risk_report_flows (${FLOW_COLUMNS})
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12)`,
      [
        flow.id,
        flow.projectId,
        flow.clientId,
        flow.access,
        flow.userId,
        JSON.stringify(flow.parameters),
        flow.customerId,
        flow.analysisId,
        flow.status,
        flow.endedAt?.toISOString() ?? null,
        flow.dataExpiresAt?.toISOString() ?? null,
        flow.createdAt.toISOString(),
      ],
    )
  },

  findFlow: async (id) => {
    const { rows } = await db.query<FlowRow>(
      `select ${FLOW_COLUMNS} from risk_report_flows where id = $1`,
      [id],
    )
    return rows[0] && toFlow(rows[0])
  },

  updateFlow: async (id, patch) => {
    const columns: Record<string, unknown> = {
      customer_id: patch.customerId,
      analysis_id: patch.analysisId,
      status: patch.status,
      ended_at: patch.endedAt?.toISOString(),
      data_expires_at: patch.dataExpiresAt?.toISOString(),
      parameters: patch.parameters && JSON.stringify(patch.parameters),
    }
    const sets: string[] = []
    const params: unknown[] = [id]
    for (const [column, value] of Object.entries(columns)) {
      if (value === undefined) continue
      params.push(value)
      sets.push(`${column} = $${params.length}`)
    }
    if (sets.length === 0) return
    await db.query(`update risk_report_flows set ${sets.join(', ')} where id = $1`, params)
  },

  userCustomer: async (projectId, userId) => {
    const { rows } = await db.query<{ customer_id: string }>(
      'select customer_id from risk_report_users where project_id = $1 and user_id = $2',
      [projectId, userId],
    )
    return rows[0]?.customer_id
  },

  latestUserAnalysis: async (projectId, userId) => {
    const { rows } = await db.query<{ analysis_id: string }>(
      `select analysis_id from risk_report_flows
        where project_id = $1 and user_id = $2 and analysis_id is not null
        order by ended_at desc, id desc limit 1`,
      [projectId, userId],
    )
    return rows[0]?.analysis_id
  },

  saveUserCustomer: async (projectId, userId, customerId) => {
    await db.query(
      `insert into risk_report_users (project_id, user_id, customer_id) values ($1, $2, $3)
       on conflict do nothing`,
      [projectId, userId, customerId],
    )
    const { rows } = await db.query<{ customer_id: string }>(
      'select customer_id from risk_report_users where project_id = $1 and user_id = $2',
      [projectId, userId],
    )
    return rows[0]?.customer_id ?? customerId
  },

  insertToken: async (token) => {
    await db.query(
      `insert into risk_report_tokens
         (hash, kind, flow_id, project_id, client_id, grant_id, redirect_uri, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        token.hash,
        token.kind,
        token.flowId,
        token.projectId,
        token.clientId,
        token.grantId,
        token.redirectUri,
        token.expiresAt.toISOString(),
      ],
    )
  },

  findToken: async (hash) => {
    const { rows } = await db.query<TokenRow>(`${TOKEN_SELECT} where t.hash = $1`, [hash])
    return rows[0] && toToken(rows[0])
  },

  consumeToken: async (hash, kind, now) => {
    const { rows } = await db.query<{ hash: string }>(
      `update risk_report_tokens t set used_at = $3
        where t.hash = $1 and t.kind = $2 and t.used_at is null and t.expires_at > $3
          and not exists (select 1 from risk_report_grants g
                           where g.id = t.grant_id and g.revoked_at is not null)
        returning t.hash`,
      [hash, kind, now.toISOString()],
    )
    if (rows.length === 0) return undefined
    const found = await db.query<TokenRow>(`${TOKEN_SELECT} where t.hash = $1`, [hash])
    return found.rows[0] && toToken(found.rows[0])
  },

  setTokenGrant: async (hash, grantId) => {
    await db.query('update risk_report_tokens set grant_id = $2 where hash = $1', [hash, grantId])
  },

  createGrant: async ({ id, flowId, projectId, clientId, createdAt }) => {
    await db.query(
      `insert into risk_report_grants (id, flow_id, project_id, client_id, created_at)
       values ($1, $2, $3, $4, $5)`,
      [id, flowId, projectId, clientId, createdAt.toISOString()],
    )
  },

  revokeGrant: async (id, now) => {
    await db.query(
      'update risk_report_grants set revoked_at = $2 where id = $1 and revoked_at is null',
      [id, now.toISOString()],
    )
  },

  expiredFlows: async (now) => {
    const { rows } = await db.query<FlowRow>(
      `select ${FLOW_COLUMNS} from risk_report_flows
        where data_expires_at <= $1 and status <> 'DELETED' limit 100`,
      [now.toISOString()],
    )
    return rows.map(toFlow)
  },

  hideCustomer: async (tx, customerId) => {
    await tx.query('update customers set hidden = true where id = $1', [customerId])
  },

  removeCustomer: async (tx, projectId, customerId) => {
    // Accounts, transactions, analyses and their results, and events go with it (on delete cascade).
    await tx.query('delete from customers where project_id = $1 and id = $2 and hidden', [
      projectId,
      customerId,
    ])
  },
})
