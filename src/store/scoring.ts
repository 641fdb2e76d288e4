/** The scoring module's store (keys, policies, customers, SEPA details, scorings): plain SQL. */
import type { DecisionPolicy } from '../engine/scoring/decision-policy.ts'
import type { Tx } from '../app/ports.ts'
import type {
  Scoring,
  ScoringCustomer,
  ScoringResult,
  ScoringSepa,
  ScoringStatus,
  ScoringStore,
} from '../app/scoring/ports.ts'

interface CustomerRow {
  id: string
  project_id: string
  live_mode: boolean
  customer_id: string
  email: string
  mobile: string | null
  name: string | null
  created_at: Date
}

interface SepaRow {
  id: string
  project_id: string
  live_mode: boolean
  iban: string
  name: string
  bic: string | null
  created_at: Date
}

interface ScoringRow {
  id: string
  project_id: string
  live_mode: boolean
  amount: number
  upfront: number
  currency: string
  duration: number
  return_url: string
  redirect_path: string
  status: ScoringStatus
  score: number | null
  analysis_id: string | null
  error: { code: string; message: string } | null
  result: ScoringResult | null
  created_at: Date
  updated_at: Date
  expires_at: Date
  customer: CustomerRow
  sepa: SepaRow | null
}

const toCustomer = (row: CustomerRow): ScoringCustomer => ({
  id: row.id,
  projectId: row.project_id,
  liveMode: row.live_mode,
  customerId: row.customer_id,
  email: row.email,
  mobile: row.mobile,
  name: row.name,
  createdAt: new Date(row.created_at),
})

const toSepa = (row: SepaRow): ScoringSepa => ({
  id: row.id,
  projectId: row.project_id,
  liveMode: row.live_mode,
  iban: row.iban,
  name: row.name,
  bic: row.bic,
  createdAt: new Date(row.created_at),
})

const toScoring = (row: ScoringRow): Scoring => ({
  id: row.id,
  projectId: row.project_id,
  liveMode: row.live_mode,
  customer: toCustomer(row.customer),
  sepa: row.sepa === null ? null : toSepa(row.sepa),
  amount: row.amount,
  upfront: row.upfront,
  currency: row.currency,
  duration: row.duration,
  returnUrl: row.return_url,
  redirectPath: row.redirect_path,
  status: row.status,
  score: row.score,
  analysisId: row.analysis_id,
  error: row.error,
  result: row.result,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
})

/** A scoring with its customer and SEPA details as JSON objects (one query, no join in JS). */
const SELECT_SCORING = `
  select s.id, s.project_id, s.live_mode, s.amount, s.upfront, s.currency, s.duration,
         s.return_url, s.redirect_path, s.status, s.score, s.analysis_id, s.error, s.result,
         s.created_at, s.updated_at, s.expires_at,
         to_jsonb(c) as customer, to_jsonb(p) as sepa
    from scorings s
    join scoring_customers c on c.id = s.scoring_customer_id
    left join scoring_sepa p on p.id = s.sepa_id`

export const scoringStore = (db: Tx): ScoringStore => ({
  insertKey: async (tx, key) => {
    await tx.query(
      'insert into scoring_keys (key_hash, project_id, live_mode) values ($1, $2, $3)',
      [key.keyHash, key.projectId, key.liveMode],
    )
  },

  findKey: async (keyHash) => {
    const { rows } = await db.query<{ project_id: string; live_mode: boolean }>(
      'select project_id, live_mode from scoring_keys where key_hash = $1',
      [keyHash],
    )
    const row = rows[0]
    return row && { projectId: row.project_id, liveMode: row.live_mode }
  },

  findPolicy: async (projectId) => {
    const { rows } = await db.query<{ policy: DecisionPolicy }>(
      'select policy from scoring_policies where project_id = $1',
      [projectId],
    )
    return rows[0]?.policy
  },

  savePolicy: async (tx, projectId, policy, now) => {
    await tx.query(
      `insert into scoring_policies (project_id, policy, updated_at) values ($1, $2, $3)
       on conflict (project_id) do update set policy = excluded.policy, updated_at = excluded.updated_at`,
      [projectId, JSON.stringify(policy), now],
    )
  },

  insertCustomer: async (tx, c) => {
    await tx.query(
      `insert into scoring_customers (id, project_id, live_mode, customer_id, email, mobile, name, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, c.projectId, c.liveMode, c.customerId, c.email, c.mobile, c.name, c.createdAt],
    )
  },

  findCustomer: async (projectId, id, tx) => {
    const { rows } = await (tx ?? db).query<CustomerRow>(
      'select * from scoring_customers where project_id = $1 and id = $2',
      [projectId, id],
    )
    return rows[0] && toCustomer(rows[0])
  },

  insertSepa: async (tx, s) => {
    await tx.query(
      `insert into scoring_sepa (id, project_id, live_mode, iban, name, bic, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [s.id, s.projectId, s.liveMode, s.iban, s.name, s.bic, s.createdAt],
    )
  },

  findSepa: async (projectId, id, tx) => {
    const { rows } = await (tx ?? db).query<SepaRow>(
      'select * from scoring_sepa where project_id = $1 and id = $2',
      [projectId, id],
    )
    return rows[0] && toSepa(rows[0])
  },

  insert: async (tx, s) => {
    await tx.query(
      `insert into scorings (id, project_id, live_mode, scoring_customer_id, sepa_id, amount, upfront,
         currency, duration, return_url, redirect_path, status, score, analysis_id, error,
         created_at, updated_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        s.id,
        s.projectId,
        s.liveMode,
        s.customerId,
        s.sepaId,
        s.amount,
        s.upfront,
        s.currency,
        s.duration,
        s.returnUrl,
        s.redirectPath,
        s.status,
        s.score,
        s.analysisId,
        s.error === null ? null : JSON.stringify(s.error),
        s.createdAt,
        s.updatedAt,
        s.expiresAt,
      ],
    )
  },

  find: async (projectId, id, tx) => {
    const { rows } = await (tx ?? db).query<ScoringRow>(
      `${SELECT_SCORING} where s.project_id = $1 and s.id = $2`,
      [projectId, id],
    )
    return rows[0] && toScoring(rows[0])
  },

  findById: async (id) => {
    const { rows } = await db.query<ScoringRow>(`${SELECT_SCORING} where s.id = $1`, [id])
    return rows[0] && toScoring(rows[0])
  },

  waitingFor: async (tx, analysisId) => {
    const { rows } = await tx.query<{ id: string }>(
      `select id from scorings where analysis_id = $1 and status = 'attempted' order by id`,
      [analysisId],
    )
    return rows.map((row) => row.id)
  },

  update: async (tx, id, from, patch, now) => {
    const sets: string[] = ['updated_at = $3']
    const params: unknown[] = [id, [...from], now]
    const set = (column: string, value: unknown): void => {
      params.push(value)
      sets.push(`${column} = $${params.length}`)
    }
    if (patch.status !== undefined) set('status', patch.status)
    if (patch.score !== undefined) set('score', patch.score)
    if (patch.analysisId !== undefined) set('analysis_id', patch.analysisId)
    if (patch.error !== undefined) set('error', patch.error && JSON.stringify(patch.error))
    if (patch.result !== undefined) set('result', patch.result && JSON.stringify(patch.result))
    const { rows } = await tx.query<{ id: string }>(
      `update scorings set ${sets.join(', ')}
        where id = $1 and status = any($2::text[])
          ${patch.analysisId === undefined ? '' : 'and analysis_id is null'}
        returning id`,
      params,
    )
    return rows.length > 0
  },

  expire: async (tx, id, now) => {
    const { rows } = await tx.query<{ id: string }>(
      `update scorings set status = 'expired', updated_at = $2
        where id = $1 and expires_at <= $2 and analysis_id is null
          and status in ('requested', 'attempted')
        returning id`,
      [id, now],
    )
    return rows.length > 0
  },
})
