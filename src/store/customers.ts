import type { Customer, CustomerStore, JsonObject, Tx } from '../app/ports.ts'

interface CustomerRow {
  id: string
  project_id: string
  custom_identifier: string
  aggregation_details: JsonObject | null
  personal_details: JsonObject | null
  created_at: Date
  updated_at: Date
  total?: number
}

const COLUMNS =
  'id, project_id, custom_identifier, aggregation_details, personal_details, created_at, updated_at'

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  projectId: row.project_id,
  customIdentifier: row.custom_identifier,
  aggregationDetails: row.aggregation_details,
  personalDetails: row.personal_details,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
})

const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value))

export const customerStore = (db: Tx): CustomerStore => ({
  insert: async (tx, customer) => {
    const { rows } = await tx.query<CustomerRow>(
      `insert into customers (${COLUMNS}) values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7)
       on conflict (project_id, custom_identifier) do nothing returning ${COLUMNS}`,
      [
        customer.id,
        customer.projectId,
        customer.customIdentifier,
        json(customer.aggregationDetails),
        json(customer.personalDetails),
        customer.createdAt.toISOString(),
        customer.updatedAt.toISOString(),
      ],
    )
    return rows[0] && toCustomer(rows[0])
  },

  find: async (projectId, id, tx) => {
    const { rows } = await (tx ?? db).query<CustomerRow>(
      `select ${COLUMNS} from customers where project_id = $1 and id = $2 and not hidden`,
      [projectId, id],
    )
    return rows[0] && toCustomer(rows[0])
  },

  list: async (projectId, { limit, page }) => {
    const { rows } = await db.query<CustomerRow>(
      `select ${COLUMNS}, count(*) over ()::int as total from customers
       where project_id = $1 and not hidden order by created_at, id limit $2 offset $3`,
      [projectId, limit, (page - 1) * limit],
    )
    const total = rows[0]?.total ?? (await countCustomers(db, projectId))
    return { items: rows.map(toCustomer), total }
  },

  update: async (tx, projectId, id, patch, now) => {
    const { rows } = await tx.query<CustomerRow>(
      `update customers set
         aggregation_details = coalesce($3::jsonb, aggregation_details),
         personal_details = coalesce($4::jsonb, personal_details),
         updated_at = $5
       where project_id = $1 and id = $2 and not hidden returning ${COLUMNS}`,
      [
        projectId,
        id,
        json(patch.aggregationDetails),
        json(patch.personalDetails),
        now.toISOString(),
      ],
    )
    return rows[0] && toCustomer(rows[0])
  },

  remove: async (tx, projectId, id) => {
    // Accounts, transactions, analyses and their results, and events go with it (on delete cascade).
    const { rows } = await tx.query(
      'delete from customers where project_id = $1 and id = $2 and not hidden returning id',
      [projectId, id],
    )
    return rows.length === 1
  },
})

/** Used when the requested page is past the end, so the window count is not available. */
const countCustomers = async (db: Tx, projectId: string): Promise<number> => {
  const { rows } = await db.query<{ total: number }>(
    'select count(*)::int as total from customers where project_id = $1 and not hidden',
    [projectId],
  )
  return rows[0]?.total ?? 0
}
