import type { Report, ReportStore } from '../app/report-api/ports.ts'
import type { Tx } from '../app/ports.ts'

interface ReportRow {
  id: string
  project_id: string
  customer_id: string | null
  status: Report['status']
  accounts_meta: Report['accountsMeta']
  warnings: Report['warnings']
  request: Report['request']
  result: Report['result']
  errors: Report['errors']
  created_at: Date
  updated_at: Date
  expires_at: Date
}

const COLUMNS =
  'id, project_id, customer_id, status, accounts_meta, warnings, request, result, errors, created_at, updated_at, expires_at'

const toReport = (row: ReportRow): Report => ({
  id: row.id,
  projectId: row.project_id,
  customerId: row.customer_id,
  status: row.status,
  accountsMeta: row.accounts_meta,
  warnings: row.warnings,
  request: row.request,
  result: row.result,
  errors: row.errors,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  expiresAt: new Date(row.expires_at),
})

const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value))

/** The Report API's envelopes (migration 0400_reports.sql). */
export const reportStore = (db: Tx): ReportStore => ({
  insert: async (tx, report) => {
    await tx.query(
      `insert into reports (${COLUMNS})
       values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::json, $9::jsonb, $10, $11, $12)`,
      [
        report.id,
        report.projectId,
        report.customerId,
        report.status,
        json(report.accountsMeta),
        json(report.warnings),
        json(report.request),
        json(report.result),
        json(report.errors),
        report.createdAt.toISOString(),
        report.updatedAt.toISOString(),
        report.expiresAt.toISOString(),
      ],
    )
  },

  hideCustomer: async (tx, customerId) => {
    await tx.query('update customers set hidden = true where id = $1', [customerId])
  },

  find: async (projectId, id) => {
    const { rows } = await db.query<ReportRow>(
      `select ${COLUMNS} from reports where project_id = $1 and id = $2`,
      [projectId, id],
    )
    return rows[0] && toReport(rows[0])
  },

  findById: async (id) => {
    const { rows } = await db.query<ReportRow>(`select ${COLUMNS} from reports where id = $1`, [id])
    return rows[0] && toReport(rows[0])
  },

  findForUpdate: async (tx, projectId, id) => {
    const { rows } = await tx.query<ReportRow>(
      `select ${COLUMNS} from reports where project_id = $1 and id = $2 for update`,
      [projectId, id],
    )
    return rows[0] && toReport(rows[0])
  },

  update: async (tx, id, patch, now) => {
    await tx.query(
      `update reports set
         status = coalesce($2, status),
         request = coalesce($3::jsonb, request),
         result = coalesce($4::json, result),
         errors = coalesce($5::jsonb, errors),
         updated_at = $6
       where id = $1`,
      [
        id,
        patch.status ?? null,
        json(patch.request),
        json(patch.result),
        json(patch.errors),
        now.toISOString(),
      ],
    )
  },

  listExpired: async (now, limit) => {
    const { rows } = await db.query<{ id: string; customer_id: string | null }>(
      `select id, customer_id from reports where status <> 'gone' and expires_at <= $1
       order by expires_at limit $2`,
      [now.toISOString(), limit],
    )
    return rows.map((row) => ({ id: row.id, customerId: row.customer_id }))
  },

  markGone: async (tx, id, now) => {
    const { rows } = await tx.query<{ customer_id: string | null }>(
      `update reports set status = 'gone', accounts_meta = '[]'::jsonb, warnings = '[]'::jsonb,
         request = null, result = null, errors = null, updated_at = $2
       where id = $1 returning (select customer_id from reports where id = $1) as customer_id`,
      [id, now.toISOString()],
    )
    const customerId = rows[0]?.customer_id
    // Accounts, transactions, the analysis and its events go with the customer (on delete cascade).
    if (customerId) await tx.query('delete from customers where id = $1 and hidden', [customerId])
  },
})
