import { createHash, hash, randomBytes } from 'node:crypto'
import type { Account, Transaction } from '../engine/model/index.ts'
import type { Analysis, AnalysisStore, JsonText, Page, Tx } from '../app/ports.ts'

interface AnalysisRow {
  id: string
  project_id: string
  customer_id: string
  status: Analysis['status']
  format: string
  parameters: Analysis['parameters']
  source: string
  data_origin: string
  has_accounts: boolean
  metadata: string | null
  credit_insights: string | null
  scores: string | null
  error: Analysis['error']
  created_at: Date
  updated_at: Date
  total?: number
}

const COLUMNS = `id, project_id, customer_id, status, format, parameters, source, data_origin,
  has_accounts, metadata, credit_insights, scores, error, created_at, updated_at`
/** Results come back as JSON text (`json` columns cast to text): never parsed here. */
const SELECT = `id, project_id, customer_id, status, format, parameters, source, data_origin,
  has_accounts, metadata::text as metadata, credit_insights::text as credit_insights,
  scores::text as scores, error, created_at, updated_at`

const text = (json: string | null): JsonText | null => (json === null ? null : { json })

const toAnalysis = (row: AnalysisRow): Analysis => ({
  id: row.id,
  projectId: row.project_id,
  customerId: row.customer_id,
  status: row.status,
  format: row.format,
  parameters: row.parameters,
  source: row.source,
  dataOrigin: row.data_origin,
  hasAccounts: row.has_accounts,
  metadata: text(row.metadata),
  creditInsights: text(row.credit_insights),
  scores: text(row.scores),
  error: row.error,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
})

const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value))
const newId = (): string => randomBytes(12).toString('hex')
const sha = (text: string): string => createHash('sha256').update(text).digest('base64url')

/**
 * Recognises the same account across uploads: the aggregator's id, else the IBAN, else the
 * account number, else its type, currency and name.
 */
export const accountFingerprint = (account: Account): string => {
  if (account.aggregator?.id) return `aggregator:${account.aggregator.id}`
  if (account.iban) return `iban:${account.iban.replace(/\s/g, '').toUpperCase()}`
  if (account.number) return `number:${account.number}`
  return `shape:${sha(JSON.stringify([account.type, account.currency, account.name ?? '', account.bank?.name ?? '']))}`
}

/**
 * Recognises the same transaction across uploads: the aggregator's id, else its date, amount
 * and description plus its rank among identical ones in the same upload (two identical coffees
 * on one day are two transactions; the same two uploaded again are still two).
 */
export const transactionFingerprints = (transactions: readonly Transaction[]): string[] => {
  const seen = new Map<string, number>()
  return transactions.map((transaction) => {
    if (transaction.aggregator?.id) return `aggregator:${transaction.aggregator.id}`
    // One-shot hash: same digest as `sha`, without a Hash object per transaction (~1 ms per
    // 1,000 transactions on the create request).
    const key = hash(
      'sha256',
      JSON.stringify([
        transaction.dates.debitedAt ?? null,
        transaction.dates.bookedAt ?? null,
        transaction.amount,
        transaction.currency,
        transaction.description,
      ]),
      'base64url',
    )
    const rank = seen.get(key) ?? 0
    seen.set(key, rank + 1)
    return `content:${key}:${rank}`
  })
}

const paged = <T>(items: T[], total: number): Page<T> => ({ items, total })

export const analysisStore = (db: Tx): AnalysisStore => {
  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const { rows } = await db.query<{ total: number }>(sql, params)
    return rows[0]?.total ?? 0
  }

  return {
    insert: async (tx, analysis) => {
      await tx.query(
        `insert into analyses (${COLUMNS}) values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9,
          $10::json, $11::json, $12::json, $13::jsonb, $14, $15)`,
        [
          analysis.id,
          analysis.projectId,
          analysis.customerId,
          analysis.status,
          analysis.format,
          JSON.stringify(analysis.parameters),
          analysis.source,
          analysis.dataOrigin,
          analysis.hasAccounts,
          analysis.metadata?.json ?? null,
          analysis.creditInsights?.json ?? null,
          analysis.scores?.json ?? null,
          json(analysis.error),
          analysis.createdAt.toISOString(),
          analysis.updatedAt.toISOString(),
        ],
      )
    },

    find: async (projectId, customerId, id) => {
      const { rows } = await db.query<AnalysisRow>(
        `select ${SELECT} from analyses where project_id = $1 and customer_id = $2 and id = $3`,
        [projectId, customerId, id],
      )
      return rows[0] && toAnalysis(rows[0])
    },

    version: async (projectId, customerId, id) => {
      // xmin (the writing transaction) changes with every update of the row; updated_at guards
      // against a transaction id seen again after wrap-around.
      const { rows } = await db.query<{ version: string }>(
        `select xmin::text || '/' || updated_at::text as version from analyses
          where project_id = $1 and customer_id = $2 and id = $3`,
        [projectId, customerId, id],
      )
      return rows[0]?.version
    },

    findById: async (id) => {
      const { rows } = await db.query<AnalysisRow>(`select ${SELECT} from analyses where id = $1`, [
        id,
      ])
      return rows[0] && toAnalysis(rows[0])
    },

    findForUpdate: async (tx, id) => {
      const { rows } = await tx.query<AnalysisRow>(
        `select ${SELECT} from analyses where id = $1 for update`,
        [id],
      )
      return rows[0] && toAnalysis(rows[0])
    },

    list: async (projectId, customerId, { limit, page }) => {
      const { rows } = await db.query<AnalysisRow>(
        `select ${SELECT}, count(*) over ()::int as total from analyses
          where project_id = $1 and customer_id = $2
          order by created_at, id limit $3 offset $4`,
        [projectId, customerId, limit, (page - 1) * limit],
      )
      const total =
        rows[0]?.total ??
        (await count(
          'select count(*)::int as total from analyses where project_id = $1 and customer_id = $2',
          [projectId, customerId],
        ))
      return { items: rows.map(toAnalysis), total }
    },

    setStatus: async (tx, id, patch, now) => {
      await tx.query(
        `update analyses set
           status = coalesce($2, status),
           error = case when $3::boolean then $4::jsonb else error end,
           has_accounts = coalesce($5, has_accounts),
           updated_at = $6
         where id = $1`,
        [
          id,
          patch.status ?? null,
          patch.error !== undefined,
          json(patch.error),
          patch.hasAccounts ?? null,
          now.toISOString(),
        ],
      )
    },

    complete: async (tx, id, result, now) => {
      const { rows } = await tx.query(
        `update analyses set status = $2, metadata = $3::json, credit_insights = $4::json,
           scores = $5::json, error = $6::jsonb, engine_version = $7, updated_at = $8
         where id = $1 and status = 'IN_PROGRESS' returning id`,
        [
          id,
          result.status,
          json(result.metadata),
          json(result.creditInsights),
          json(result.scores),
          json(result.error),
          result.engineVersion,
          now.toISOString(),
        ],
      )
      if (rows.length === 0) return false
      const accounts = result.accounts.map(({ wire, result: analysed }, position) => ({
        analysis_id: id,
        account_id: analysed.id,
        position,
        data: wire,
        daily_balances: analysed.dailyBalances,
      }))
      await tx.query(
        `insert into analysis_accounts (analysis_id, account_id, position, data, daily_balances)
         select * from json_to_recordset($1::json)
           as t(analysis_id text, account_id text, position integer, data json, daily_balances jsonb)`,
        [JSON.stringify(accounts)],
      )
      const transactions = result.accounts.flatMap(({ result: analysed }) => analysed.transactions)
      await tx.query(
        // json, not jsonb: each transaction keeps its text (and key order) as the engine wrote it.
        // The array goes as it is (no per-row wrapper): each element is one row.
        `insert into analysis_transactions (analysis_id, position, account_id, data)
         select $1, (e.n - 1)::integer, e.value ->> 'accountId', e.value
           from json_array_elements($2::json) with ordinality as e(value, n)`,
        [id, JSON.stringify(transactions)],
      )
      return true
    },

    saveAccounts: async (tx, { projectId, customerId, accounts }, now) => {
      for (const account of accounts) {
        // The adapter's positional id is not kept: the store gives its own.
        const { transactions, ...data } = account
        const record = { ...data, id: undefined }
        const { rows } = await tx.query<{ id: string }>(
          `insert into accounts (id, project_id, customer_id, fingerprint, data, created_at, updated_at)
           values ($1, $2, $3, $4, $5::jsonb, $6, $6)
           on conflict (customer_id, fingerprint)
             do update set data = excluded.data, updated_at = excluded.updated_at
           returning id`,
          [
            newId(),
            projectId,
            customerId,
            accountFingerprint(account),
            JSON.stringify(record),
            now.toISOString(),
          ],
        )
        const accountId = rows[0]?.id
        if (accountId === undefined) throw new Error('account upsert returned no id')
        // Re-uploads mostly repeat stored transactions: only the new ones are sent, which spares
        // the database parsing a large parameter for rows it would skip anyway.
        const { rows: known } = await tx.query<{ fingerprints: string }>(
          `select coalesce(json_agg(fingerprint), '[]')::text as fingerprints
             from transactions where account_id = $1`,
          [accountId],
        )
        // json_agg of a text column is an array of strings.
        const stored = new Set(JSON.parse(known[0]?.fingerprints ?? '[]') as string[])
        const fingerprints = transactionFingerprints(transactions)
        const records = transactions.flatMap(({ id: _id, accountId: _account, ...rest }, index) => {
          const fingerprint = fingerprints[index]
          if (fingerprint === undefined || stored.has(fingerprint)) return []
          return [{ id: newId(), account_id: accountId, fingerprint, data: rest }]
        })
        if (records.length === 0) continue
        await tx.query(
          `insert into transactions (id, account_id, fingerprint, data)
           select * from jsonb_to_recordset($1::jsonb) as t(id text, account_id text, fingerprint text, data jsonb)
           on conflict (account_id, fingerprint) do nothing`,
          [JSON.stringify(records)],
        )
      }
    },

    loadAccounts: async (customerId) => {
      const accounts = await db.query<{
        id: string
        data: Omit<Account, 'id' | 'transactions'>
        created_at: Date
        updated_at: Date
      }>(
        'select id, data, created_at, updated_at from accounts where customer_id = $1 order by created_at, id',
        [customerId],
      )
      // One JSON text for all the rows, parsed once: decoding 1,000 rows one by one costs about
      // twice as much on PGlite. json_agg keeps the order of the sorted subquery.
      const transactions = await db.query<{ rows: string }>(
        `select coalesce(json_agg(q), '[]')::text as rows from (
        select t.id, t.account_id, t.data from transactions t join accounts a on a.id = t.account_id
          where a.customer_id = $1 order by t.account_id, t.data->>'date', t.id
        ) q`,
        [customerId],
      )
      // The subquery states the shape of each element.
      const rows = JSON.parse(transactions.rows[0]?.rows ?? '[]') as {
        id: string
        account_id: string
        data: Omit<Transaction, 'id' | 'accountId'>
      }[]
      const byAccount = new Map<string, Transaction[]>()
      for (const row of rows) {
        const list = byAccount.get(row.account_id) ?? []
        list.push({ ...row.data, id: row.id, accountId: row.account_id })
        byAccount.set(row.account_id, list)
      }
      return accounts.rows.map((row) => ({
        account: { ...row.data, id: row.id, transactions: byAccount.get(row.id) ?? [] },
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      }))
    },

    listAccounts: async (analysisId, { limit, page }) => {
      const { rows } = await db.query<{ data: string; total: number }>(
        `select data::text as data, count(*) over ()::int as total from analysis_accounts where analysis_id = $1
          order by position limit $2 offset $3`,
        [analysisId, limit, (page - 1) * limit],
      )
      const total =
        rows[0]?.total ??
        (await count(
          'select count(*)::int as total from analysis_accounts where analysis_id = $1',
          [analysisId],
        ))
      return paged(
        rows.map((row) => ({ json: row.data })),
        total,
      )
    },

    readInsights: async (analysisId, part) => {
      const { rows } = await db.query<{ part: string | null }>(
        'select (credit_insights -> $2)::text as part from analyses where id = $1',
        [analysisId, part],
      )
      return text(rows[0]?.part ?? null)
    },

    listCashFlows: async (analysisId, { limit, page }) => {
      const { rows } = await db.query<{ total: number | null; items: string[] | null }>(
        `select json_array_length(credit_insights -> 'cashFlows') as total,
                (select array_agg(e.value::text order by e.n)
                   from json_array_elements(credit_insights -> 'cashFlows') with ordinality as e(value, n)
                  where e.n > $2 and e.n <= $2 + $3) as items
           from analyses where id = $1`,
        [analysisId, (page - 1) * limit, limit],
      )
      const row = rows[0]
      if (!row || row.total === null) return null
      return paged(
        (row.items ?? []).map((json) => ({ json })),
        row.total,
      )
    },

    hasAccount: async (analysisId, accountId) => {
      const { rows } = await db.query(
        'select 1 from analysis_accounts where analysis_id = $1 and account_id = $2',
        [analysisId, accountId],
      )
      return rows.length === 1
    },

    listBalances: async (analysisId, accountId, { limit, page }) => {
      const { rows } = await db.query<{ date: string; balance: number; total: number }>(
        `select e.value->>'date' as date, (e.value->>'balance')::float8 as balance,
                count(*) over ()::int as total
           from analysis_accounts a,
                jsonb_array_elements(a.daily_balances) with ordinality as e(value, n)
          where a.analysis_id = $1 and a.account_id = $2
          order by e.n limit $3 offset $4`,
        [analysisId, accountId, limit, (page - 1) * limit],
      )
      const total =
        rows[0]?.total ??
        (await count(
          `select coalesce(jsonb_array_length(daily_balances), 0)::int as total
             from analysis_accounts where analysis_id = $1 and account_id = $2`,
          [analysisId, accountId],
        ))
      return paged(
        rows.map((row) => ({ date: row.date, balance: row.balance })),
        total,
      )
    },

    listTransactions: async (analysisId, accountId, { limit, page }) => {
      const filter = accountId === undefined ? '' : 'and account_id = $4'
      const params: unknown[] = [analysisId, limit, (page - 1) * limit]
      if (accountId !== undefined) params.push(accountId)
      const { rows } = await db.query<{ data: string; total: number }>(
        `select data::text as data, count(*) over ()::int as total from analysis_transactions
          where analysis_id = $1 ${filter} order by position limit $2 offset $3`,
        params,
      )
      const total =
        rows[0]?.total ??
        (await count(
          `select count(*)::int as total from analysis_transactions where analysis_id = $1 ${
            accountId === undefined ? '' : 'and account_id = $2'
          }`,
          accountId === undefined ? [analysisId] : [analysisId, accountId],
        ))
      return paged(
        rows.map((row) => ({ json: row.data })),
        total,
      )
    },
  }
}
