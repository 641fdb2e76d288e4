import type { AnalysisStatus, Customer, Tx } from '../app/ports.ts'
import type { Analyst, ConsoleStore } from '../app/console-ports.ts'

interface AnalystRow {
  id: string
  project_id: string
  email: string
  password_hash: string
  must_change_password: boolean
  failed_attempts: number
  locked_until: Date | null
  created_at: Date
}

const ANALYST =
  'a.id, a.project_id, a.email, a.password_hash, a.must_change_password, a.failed_attempts, a.locked_until, a.created_at'

const toAnalyst = (row: AnalystRow): Analyst => ({
  id: row.id,
  projectId: row.project_id,
  email: row.email,
  passwordHash: row.password_hash,
  mustChangePassword: row.must_change_password,
  failedAttempts: row.failed_attempts,
  lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
  createdAt: new Date(row.created_at),
})

/** `%`, `_` and `\` are LIKE wildcards: a search for them means the characters themselves. */
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export const consoleStore = (db: Tx): ConsoleStore => ({
  insertAnalyst: async (tx, analyst) => {
    const { rows } = await tx.query(
      `insert into analysts (id, project_id, email, password_hash, must_change_password, created_at)
       values ($1, $2, $3, $4, $5, $6) on conflict (email) do nothing returning id`,
      [
        analyst.id,
        analyst.projectId,
        analyst.email,
        analyst.passwordHash,
        analyst.mustChangePassword,
        analyst.createdAt.toISOString(),
      ],
    )
    return rows.length > 0
  },

  findAnalystByEmail: async (email) => {
    const { rows } = await db.query<AnalystRow>(
      `select ${ANALYST} from analysts a where a.email = $1`,
      [email],
    )
    return rows[0] && toAnalyst(rows[0])
  },

  recordFailure: async (id, lockUntil) => {
    await db.query(
      `update analysts set failed_attempts = case when $2::timestamptz is null then failed_attempts + 1 else 0 end,
              locked_until = coalesce($2::timestamptz, locked_until) where id = $1`,
      [id, lockUntil?.toISOString() ?? null],
    )
  },

  recordSuccess: async (id) => {
    await db.query('update analysts set failed_attempts = 0, locked_until = null where id = $1', [
      id,
    ])
  },

  setPassword: async (id, passwordHash) => {
    await db.query(
      'update analysts set password_hash = $2, must_change_password = false where id = $1',
      [id, passwordHash],
    )
  },

  insertSession: async ({ tokenHash, analystId, createdAt, expiresAt }) => {
    await db.query(
      `insert into console_sessions (token_hash, analyst_id, created_at, expires_at)
       values ($1, $2, $3, $4)`,
      [tokenHash, analystId, createdAt.toISOString(), expiresAt.toISOString()],
    )
  },

  findSession: async (tokenHash, now) => {
    const { rows } = await db.query<AnalystRow>(
      `select ${ANALYST} from console_sessions s join analysts a on a.id = s.analyst_id
        where s.token_hash = $1 and s.expires_at > $2`,
      [tokenHash, now.toISOString()],
    )
    return rows[0] && toAnalyst(rows[0])
  },

  deleteSession: async (tokenHash) => {
    await db.query('delete from console_sessions where token_hash = $1', [tokenHash])
  },

  searchAnalyses: async (projectId, search) => {
    const { rows } = await db.query<{
      id: string
      customer_id: string
      custom_identifier: string
      status: AnalysisStatus
      created_at: Date
      credit_score: number | string | null
      total: number
    }>(
      `select an.id, an.customer_id, c.custom_identifier, an.status, an.created_at,
              (an.scores -> 'creditScore' ->> 'value') as credit_score,
              count(*) over ()::int as total
         from analyses an join customers c on c.id = an.customer_id
        where an.project_id = $1 and not c.hidden
          and ($2::text is null or c.custom_identifier ilike '%' || $2 || '%' escape '\\')
          and ($3::text is null or an.status = $3)
        order by an.created_at desc, an.id desc limit $4 offset $5`,
      [
        projectId,
        search.customIdentifier ? likeEscape(search.customIdentifier) : null,
        search.status ?? null,
        search.limit,
        search.offset,
      ],
    )
    return {
      items: rows.map((row) => ({
        analysisId: row.id,
        customerId: row.customer_id,
        customIdentifier: row.custom_identifier,
        status: row.status,
        createdAt: new Date(row.created_at),
        creditScore: row.credit_score === null ? null : Number(row.credit_score),
      })),
      total: rows[0]?.total ?? 0,
    }
  },

  listReports: async (projectId, page) => {
    const { rows } = await db.query<{
      id: string
      status: string
      created_at: Date
      operations: string[] | null
      country: string | null
      analysis_id: string | null
      total: number
    }>(
      `select r.id, r.status, r.created_at, r.request -> 'operations' as operations,
              r.request ->> 'country' as country,
              (select an.id from analyses an where an.customer_id = r.customer_id
                order by an.created_at desc, an.id desc limit 1) as analysis_id,
              count(*) over ()::int as total
         from reports r where r.project_id = $1
        order by r.created_at desc, r.id desc limit $2 offset $3`,
      [projectId, page.limit, page.offset],
    )
    return {
      items: rows.map((row) => ({
        id: row.id,
        status: row.status,
        createdAt: new Date(row.created_at),
        operations: row.operations ?? [],
        country: row.country,
        analysisId: row.analysis_id,
      })),
      total: rows[0]?.total ?? 0,
    }
  },

  listScorings: async (projectId, page) => {
    const { rows } = await db.query<{
      id: string
      status: string
      live_mode: boolean
      created_at: Date
      amount: number
      upfront: number
      currency: string
      duration: number
      score: number | null
      analysis_id: string | null
      total: number
    }>(
      // An analysis removed since (its customer deleted): no link then.
      `select s.id, s.status, s.live_mode, s.created_at, s.amount, s.upfront, s.currency,
              s.duration, s.score, an.id as analysis_id, count(*) over ()::int as total
         from scorings s left join analyses an on an.id = s.analysis_id
        where s.project_id = $1
        order by s.created_at desc, s.id desc limit $2 offset $3`,
      [projectId, page.limit, page.offset],
    )
    return {
      items: rows.map((row) => ({
        id: row.id,
        status: row.status,
        liveMode: row.live_mode,
        createdAt: new Date(row.created_at),
        amount: Number(row.amount),
        upfront: Number(row.upfront),
        currency: row.currency,
        duration: Number(row.duration),
        score: row.score === null ? null : Number(row.score),
        analysisId: row.analysis_id,
      })),
      total: rows[0]?.total ?? 0,
    }
  },

  listRiskReports: async (projectId, page) => {
    const { rows } = await db.query<{
      id: string
      access: 'onetime' | 'ongoing'
      status: string
      created_at: Date
      holder: boolean
      analysis_id: string | null
      total: number
    }>(
      // A deleted one-time flow's analysis went with its customer: no link then.
      `select f.id, f.access, f.status, f.created_at, (f.parameters ? 'name') as holder,
              an.id as analysis_id, count(*) over ()::int as total
         from risk_report_flows f left join analyses an on an.id = f.analysis_id
        where f.project_id = $1
        order by f.created_at desc, f.id desc limit $2 offset $3`,
      [projectId, page.limit, page.offset],
    )
    return {
      items: rows.map((row) => ({
        id: row.id,
        access: row.access,
        status: row.status,
        createdAt: new Date(row.created_at),
        holderVerification: row.holder,
        analysisId: row.analysis_id,
      })),
      total: rows[0]?.total ?? 0,
    }
  },

  findCustomer: async (projectId, id) => {
    const { rows } = await db.query<{
      id: string
      project_id: string
      custom_identifier: string
      aggregation_details: Customer['aggregationDetails']
      personal_details: Customer['personalDetails']
      created_at: Date
      updated_at: Date
    }>(
      `select id, project_id, custom_identifier, aggregation_details, personal_details, created_at,
              updated_at
         from customers where project_id = $1 and id = $2`,
      [projectId, id],
    )
    const row = rows[0]
    return (
      row && {
        id: row.id,
        projectId: row.project_id,
        customIdentifier: row.custom_identifier,
        aggregationDetails: row.aggregation_details,
        personalDetails: row.personal_details,
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      }
    )
  },

  recordRerun: async (tx, analysisId, previousAnalysisId) => {
    await tx.query(
      'insert into analysis_reruns (analysis_id, previous_analysis_id) values ($1, $2)',
      [analysisId, previousAnalysisId],
    )
  },

  previousOf: async (analysisId) => {
    const { rows } = await db.query<{ previous_analysis_id: string }>(
      'select previous_analysis_id from analysis_reruns where analysis_id = $1',
      [analysisId],
    )
    return rows[0]?.previous_analysis_id
  },
})
