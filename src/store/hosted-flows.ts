import type { HostedSession } from '../app/hosted-flow.ts'
import type { HostedFlowRecord, HostedFlowStatus, HostedFlowStore } from '../app/hosted-store.ts'
import type { Account } from '../engine/model/index.ts'
import type { Tx } from '../app/ports.ts'

interface Row {
  id: string
  project_id: string
  kind: HostedSession['kind']
  reference: string
  live_mode: boolean
  options: Omit<HostedSession, 'id' | 'kind' | 'reference' | 'projectId' | 'liveMode' | 'createdAt'>
  state: Record<string, unknown>
  status: HostedFlowStatus
  page_token_hash: string | null
  page_expires_at: Date | string | null
  link_expires_at: Date | string
  redirect_to: string | null
  created_at: Date | string
  ended_at: Date | string | null
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value))

const toRecord = (row: Row): HostedFlowRecord => ({
  session: {
    ...row.options,
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    projectId: row.project_id,
    liveMode: row.live_mode,
    createdAt: new Date(row.created_at),
  },
  state: row.state,
  status: row.status,
  pageTokenHash: row.page_token_hash,
  pageExpiresAt: date(row.page_expires_at),
  linkExpiresAt: new Date(row.link_expires_at),
  redirectTo: row.redirect_to,
  endedAt: date(row.ended_at),
})

export const hostedFlowStore = (db: Tx): HostedFlowStore => ({
  insert: async ({ session, state, status, linkExpiresAt }, now) => {
    const { id, kind, reference, projectId, liveMode, ...rest } = session
    const options: Partial<typeof rest> = { ...rest }
    delete options.createdAt
    await db.query(
      `insert into hosted_flows (id, project_id, kind, reference, live_mode, options, state,
         status, link_expires_at, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $10)`,
      [
        id,
        projectId,
        kind,
        reference,
        liveMode,
        JSON.stringify(options),
        JSON.stringify(state),
        status,
        linkExpiresAt.toISOString(),
        now.toISOString(),
      ],
    )
  },

  find: async (id) => {
    const { rows } = await db.query<Row>(
      `select id, project_id, kind, reference, live_mode, options, state, status, page_token_hash,
              page_expires_at, link_expires_at, redirect_to, created_at, ended_at
         from hosted_flows where id = $1`,
      [id],
    )
    return rows[0] && toRecord(rows[0])
  },

  update: async (id, patch, now) => {
    const sets: string[] = []
    const params: unknown[] = [id, now.toISOString()]
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value)
      sets.push(`${column} = $${params.length}${cast}`)
    }
    if (patch.state !== undefined) set('state', JSON.stringify(patch.state), '::jsonb')
    if (patch.pageTokenHash !== undefined) set('page_token_hash', patch.pageTokenHash)
    if (patch.pageExpiresAt !== undefined) set('page_expires_at', patch.pageExpiresAt.toISOString())
    if (patch.redirectTo !== undefined) set('redirect_to', patch.redirectTo)
    if (patch.availableAccounts !== undefined) {
      set(
        'available_accounts',
        patch.availableAccounts === null ? null : JSON.stringify(patch.availableAccounts),
        '::jsonb',
      )
    }
    await db.query(
      `update hosted_flows set updated_at = $2${sets.map((s) => `, ${s}`).join('')} where id = $1`,
      params,
    )
  },

  availableAccounts: async (id) => {
    const { rows } = await db.query<{ available_accounts: Account[] | null }>(
      'select available_accounts from hosted_flows where id = $1',
      [id],
    )
    return rows[0]?.available_accounts ?? []
  },

  end: async (id, status, now) => {
    const { rows } = await db.query(
      `update hosted_flows
          set status = $2, ended_at = $3, updated_at = $3, available_accounts = null
        where id = $1 and status = 'OPEN' returning id`,
      [id, status, now.toISOString()],
    )
    return rows.length > 0
  },
})
