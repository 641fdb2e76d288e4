import { createHash, hash, randomBytes } from 'node:crypto'
import type { Account, Transaction } from '../engine/model/index.ts'
import type {
  Analysis,
  AnalysisHead,
  AnalysisResultInput,
  AnalysisStore,
  JsonText,
  EncodedResult,
  Page,
  PageRequest,
  Tx,
} from '../app/ports.ts'
import type { InputWarning } from '../app/analysis-notes.ts'
import { stringifyReusing } from './json-text.ts'
import { pack, unpack } from './packed.ts'
import { LRUCache } from 'lru-cache'

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
  credit_insights_parts: string[] | null
  scores: string | null
  error: Analysis['error']
  created_at: Date
  updated_at: Date
  total?: number
}

const COLUMNS = `id, project_id, customer_id, status, format, parameters, source, data_origin,
  has_accounts, metadata, scores, error, created_at, updated_at`
/**
 * Results come back as JSON text (`json` columns cast to text): never parsed here. The credit
 * insights live in `analysis_insights`, one packed row per part.
 */
const SELECT = `id, project_id, customer_id, status, format, parameters, source, data_origin,
  has_accounts, metadata::text as metadata, credit_insights_parts, scores::text as scores, error,
  created_at, updated_at`

const text = (json: string | null): JsonText | null => (json === null ? null : { json })

/** What `encodeResult` prepares and `complete` writes. */
interface StoredResult {
  metadata: string | null
  scores: string | null
  error: string | null
  engineVersion: string | null
  /** Credit insights parts in key order, bodies packed; null when none were computed. */
  parts: { name: string; body: string }[] | null
  accounts: {
    account_id: string
    position: number
    data: unknown
    daily_balances: unknown
    transaction_count: number
  }[]
  /** The enriched transactions, in chunks of TRANSACTION_CHUNK, each packed on its own. */
  chunks: {
    account_id: string
    start_index: number
    account_index: number
    count: number
    /** Packed: one enriched transaction per line. */
    body: string
  }[]
}

/**
 * Enriched transactions per stored chunk: a page of 20 unpacks one or two chunks (~10–20 KB of
 * JSON), and a 1,000-transaction analysis writes 20 chunk rows.
 */
export const TRANSACTION_CHUNK = 50

/**
 * Past this many characters of credit insights, an encoded result does not carry their joined
 * text (for the wire cache): a 50,000-transaction analysis would hand ~90 MB back from the
 * engine thread for a cache that keeps 64 MB. Reads of such an analysis stream from the store.
 */
export const WIRE_TEXT_LIMIT = 8 * 1024 * 1024

/**
 * Characters of unpacked transaction chunks a process keeps (~2 per byte of text held): pages
 * of an analysis read again, or read one after another, unpack each chunk once.
 */
export const TRANSACTION_CHUNK_CACHE_CHARS = 32 * 1024 * 1024

/** The version of an analysis row: changes with every write of the row. */
const VERSION = `a.xmin::text || '/' || a.updated_at::text`

type TransactionsPage = Awaited<ReturnType<AnalysisStore['pageTransactions']>> & {}

/** The state of an analysis read with a page of its transactions. */
interface PageHeadRow {
  id: string
  status: Analysis['status']
  has_accounts: boolean
  error: Analysis['error']
  version: string
}
const pageHead = (row: PageHeadRow) => ({
  id: row.id,
  status: row.status,
  hasAccounts: row.has_accounts,
  error: row.error,
})

/** Where the chunks of a finished analysis are, and its accounts' totals. */
interface ChunkLayout {
  version: string
  total: number
  accounts: Map<string, number>
  chunks: { accountId: string; start: number; accountIndex: number; count: number }[]
}

const isStoredResult = (stored: unknown): stored is StoredResult =>
  typeof stored === 'object' &&
  stored !== null &&
  'parts' in stored &&
  'accounts' in stored &&
  'chunks' in stored

/** `{"name":part,…}`: the credit insights text assembled from its parts, in order. */
const joinParts = (parts: readonly { name: string; json: string }[]): string =>
  `{${parts.map((part) => `${JSON.stringify(part.name)}:${part.json}`).join(',')}}`

/** The enriched transactions of one stored account text (one JSON per line). */
const lines = (json: string): string[] => (json === '' ? [] : json.split('\n'))

/**
 * The credit insights cut at their top-level keys, each part as JSON text: joined back they are
 * `JSON.stringify(insights)` exactly (keys whose value JSON leaves out are left out).
 */
const insightsParts = (
  insights: NonNullable<AnalysisResultInput['creditInsights']>,
  known: ReadonlyMap<object, string>,
): { name: string; json: string }[] =>
  Object.entries(insights).flatMap(([name, value]) => {
    // Undefined for the values JSON leaves out of objects.
    const json = stringifyReusing(value, known)
    return json === undefined ? [] : [{ name, json }]
  })

const toHead = (row: AnalysisRow): AnalysisHead => ({
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
  scores: text(row.scores),
  error: row.error,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
})

const toAnalysis = (row: AnalysisRow, creditInsights: JsonText | null): Analysis => ({
  ...toHead(row),
  creditInsights,
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

/**
 * `($1, $2, $3, $4), ($1, $5, $6, $7)`: `rows` tuples of the shared parameter(s) `$1…$shared`
 * then `width` parameters of their own.
 */
const rowsOf = (rows: number, width: number, shared: number): string =>
  Array.from({ length: rows }, (_, row) => {
    const own = Array.from(
      { length: width },
      (_, column) => `$${shared + row * width + column + 1}`,
    )
    const common = Array.from({ length: shared }, (_, column) => `$${column + 1}`)
    return `(${[...common, ...own].join(', ')})`
  }).join(', ')

/** A transaction as stored: the store gives its own ids. */
const withoutIds = ({ id: _id, accountId: _account, ...data }: Transaction) => data

const paged = <T>(items: T[], total: number): Page<T> => ({ items, total })

/**
 * Serialises and packs a result for `complete`: pure, so it runs in the engine's worker thread
 * (src/jobs/engine-pool.ts) as well as inline.
 */
export const encodeAnalysisResult = (result: AnalysisResultInput): EncodedResult => {
  // Each enriched transaction is serialised once: the credit insights repeat them.
  const known = new Map<object, string>()
  const chunks: StoredResult['chunks'] = []
  let start = 0
  const accounts = result.accounts.map(({ wire, result: analysed }, position) => {
    const texts = analysed.transactions.map((transaction) => {
      const json = JSON.stringify(transaction)
      known.set(transaction, json)
      return json
    })
    for (let from = 0; from < texts.length; from += TRANSACTION_CHUNK) {
      const slice = texts.slice(from, from + TRANSACTION_CHUNK)
      chunks.push({
        account_id: analysed.id,
        start_index: start + from,
        account_index: from,
        count: slice.length,
        body: pack(slice.join('\n')),
      })
    }
    start += texts.length
    return {
      account_id: analysed.id,
      position,
      data: wire,
      daily_balances: analysed.dailyBalances,
      transaction_count: texts.length,
    }
  })
  const parts = result.creditInsights && insightsParts(result.creditInsights, known)
  const stored: StoredResult = {
    metadata: json(result.metadata),
    scores: json(result.scores),
    error: json(result.error),
    engineVersion: result.engineVersion,
    parts: parts && parts.map((part) => ({ name: part.name, body: pack(part.json) })),
    accounts,
    chunks,
  }
  const size = parts?.reduce((total, part) => total + part.json.length, 0) ?? 0
  return {
    status: result.status,
    metadata: text(stored.metadata),
    creditInsights: parts && (size > WIRE_TEXT_LIMIT ? undefined : { json: joinParts(parts) }),
    scores: text(stored.scores),
    error: result.error,
    stored,
  }
}

/**
 * The transactions of account `a` (in a query over a customer's accounts), read through the
 * account's index whatever the planner's statistics say. Joined directly, a customer's
 * transactions were found by a hash join over the whole table when statistics were stale
 * (PostgreSQL without autovacuum, or a table that grew fast since its last ANALYZE): 5 s per
 * upload at 3 million transactions. A LATERAL subquery with `offset 0` is never flattened into
 * such a join: it runs once per account, on the index.
 */
const OF_ACCOUNT = (columns: string) =>
  `select ${columns} from transactions where account_id = a.id offset 0`

/** Transactions per query when loading an analysis's input. */
const INPUT_SLICE = 2_000

/** Rows per insert statement of chunks: each statement is short, even on the embedded database. */
const CHUNK_ROWS_PER_INSERT = 100

export const analysisStore = (db: Tx): AnalysisStore => {
  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const { rows } = await db.query<{ total: number }>(sql, params)
    return rows[0]?.total ?? 0
  }

  /** Analyses of `rows` with their credit insights, read through `runner` (maybe a transaction). */
  const withInsights = async (runner: Tx, rows: AnalysisRow[]): Promise<Analysis[]> => {
    const ids = rows
      .filter((row) => (row.credit_insights_parts?.length ?? 0) > 0)
      .map((row) => row.id)
    const parts = new Map<string, Promise<string>[]>()
    if (ids.length > 0) {
      const { rows: stored } = await runner.query<{ analysis_id: string; body: string }>(
        `select analysis_id, body from analysis_insights where analysis_id = any($1::text[])
          order by analysis_id, position`,
        [ids],
      )
      for (const part of stored) {
        parts.set(part.analysis_id, [...(parts.get(part.analysis_id) ?? []), unpack(part.body)])
      }
    }
    return Promise.all(
      rows.map(async (row) => {
        const names = row.credit_insights_parts
        if (names === null) return toAnalysis(row, null)
        const bodies = await Promise.all(parts.get(row.id) ?? [])
        if (bodies.length !== names.length) {
          throw new Error(
            `analysis ${row.id}: ${bodies.length} credit insights parts stored, ${names.length} expected`,
          )
        }
        const json = joinParts(names.map((name, index) => ({ name, json: bodies[index] ?? '' })))
        return toAnalysis(row, { json })
      }),
    )
  }
  /** The stored (maybe packed) body of one part of an analysis's credit insights. */
  const insightsPart = async (analysisId: string, name: string): Promise<string | undefined> => {
    const { rows } = await db.query<{ body: string }>(
      'select body from analysis_insights where analysis_id = $1 and name = $2',
      [analysisId, name],
    )
    return rows[0]?.body
  }
  /** The row of an analysis of this project's customer (none for another project's id). */
  const ofCustomer = async (projectId: string, customerId: string, id: string) => {
    const { rows } = await db.query<AnalysisRow>(
      `select ${SELECT} from analyses where project_id = $1 and customer_id = $2 and id = $3`,
      [projectId, customerId, id],
    )
    return rows
  }
  const one = async (runner: Tx, rows: AnalysisRow[]): Promise<Analysis | undefined> =>
    rows.length === 0 ? undefined : (await withInsights(runner, rows))[0]

  /**
   * The analysis `where` selects (its parameters first), with one page of its enriched
   * transactions, in one query: the total, and only the chunks the page overlaps.
   */
  const transactionsPage = async (
    where: string,
    params: unknown[],
    accountId: string | undefined,
    { limit, page }: PageRequest,
  ): Promise<(TransactionsPage & { version: string }) | undefined> => {
    const start = (page - 1) * limit
    const end = start + limit
    const n = params.length
    const byAccount = accountId !== undefined
    const account = byAccount ? `and account_id = $${n + 3}` : ''
    const index = byAccount ? 'account_index' : 'start_index'
    const { rows } = await db.query<
      PageHeadRow & {
        total: number
        found: boolean
        first: number | null
        start: number | null
        count: number | null
        body: string | null
      }
    >(
      `select a.id, a.status, a.has_accounts, a.error, ${VERSION} as version, t.total, t.found,
              c.first, c.start, c.count, c.body
         from analyses a
         cross join lateral (
           select coalesce(sum(transaction_count), 0)::int as total, count(*) > 0 as found
             from analysis_accounts where analysis_id = a.id ${account}) t
         left join lateral (
           select ${index} as first, start_index as start, count, body from analysis_transaction_chunks
            where analysis_id = a.id ${account}
              and ${index} < $${n + 2} and ${index} + count > $${n + 1}
            order by 1) c on true
        ${where}`,
      [...params, start, end, ...(byAccount ? [accountId] : [])],
    )
    const head = rows[0]
    if (!head) return undefined
    const analysis = pageHead(head)
    const chunks = rows.filter((row) => row.body !== null)
    // An analysis completed before chunks existed keeps one text per account.
    if (chunks.length === 0 && start < head.total) {
      const legacy = await legacyTransactions(head.id, accountId, start, end)
      return { analysis, version: head.version, accountFound: head.found, page: legacy }
    }
    const items: JsonText[] = []
    for (const chunk of chunks) {
      const from = chunk.first ?? 0
      const texts = await chunkLines(head.version, head.id, chunk.start ?? 0, chunk.body ?? '')
      for (const json of texts.slice(Math.max(0, start - from), end - from)) items.push({ json })
    }
    return {
      analysis,
      version: head.version,
      accountFound: head.found,
      page: paged(items, head.total),
    }
  }

  /**
   * Unpacked chunks, under the version of the analysis they were read with: a chunk is read from
   * the database with the page that first needs it, and unpacked once per process.
   */
  const chunkCache = new LRUCache<string, string[]>({
    maxSize: TRANSACTION_CHUNK_CACHE_CHARS,
    sizeCalculation: (texts) => texts.reduce((size, json) => size + json.length, 1),
  })
  /** A chunk is known by its first transaction's index in the whole analysis. */
  const chunkKey = (version: string, analysisId: string, start: number) =>
    `${analysisId}/${version}/${start}`
  const chunkLines = async (version: string, analysisId: string, start: number, body: string) => {
    const key = chunkKey(version, analysisId, start)
    const cached = chunkCache.get(key)
    if (cached) return cached
    const texts = lines(await unpack(body))
    chunkCache.set(key, texts)
    return texts
  }

  /**
   * A page served from the chunk cache after one primary-key read of the analysis (its version
   * and state); undefined when a chunk it needs is not cached, or the analysis changed.
   */
  const cachedTransactionsPage = async (
    analysisId: string,
    where: string,
    params: unknown[],
    accountId: string | undefined,
    { limit, page }: PageRequest,
  ): Promise<TransactionsPage | undefined> => {
    const layoutOf = layouts.get(analysisId)
    if (!layoutOf) return undefined
    const { rows } = await db.query<PageHeadRow>(
      `select id, status, has_accounts, error, ${VERSION} as version from analyses a ${where}`,
      params,
    )
    const head = rows[0]
    if (!head || head.version !== layoutOf.version) return undefined
    const byAccount = accountId !== undefined
    const start = (page - 1) * limit
    const end = start + limit
    const total = byAccount ? layoutOf.accounts.get(accountId) : layoutOf.total
    const items: JsonText[] = []
    for (const chunk of layoutOf.chunks) {
      if (byAccount && chunk.accountId !== accountId) continue
      const from = byAccount ? chunk.accountIndex : chunk.start
      if (from >= end || from + chunk.count <= start) continue
      const texts = chunkCache.get(chunkKey(head.version, head.id, chunk.start))
      if (!texts) return undefined
      for (const json of texts.slice(Math.max(0, start - from), end - from)) items.push({ json })
    }
    return {
      analysis: pageHead(head),
      accountFound: byAccount ? total !== undefined : layoutOf.accounts.size > 0,
      page: paged(items, total ?? 0),
    }
  }

  /** Where the chunks of recently paged analyses are, under the version they were read at. */
  const layouts = new LRUCache<string, ChunkLayout>({ max: 10_000 })
  /** Reads, in one statement (one snapshot), where the chunks of a finished analysis are. */
  const rememberLayout = async (analysisId: string) => {
    const { rows } = await db.query<{
      version: string
      accounts: { account_id: string; transaction_count: number }[] | null
      chunks:
        { account_id: string; start_index: number; account_index: number; count: number }[] | null
    }>(
      `select ${VERSION} as version,
              (select json_agg(json_build_object('account_id', account_id,
                        'transaction_count', transaction_count))
                 from analysis_accounts where analysis_id = a.id) as accounts,
              (select json_agg(json_build_object('account_id', account_id,
                        'start_index', start_index, 'account_index', account_index,
                        'count', count) order by start_index)
                 from analysis_transaction_chunks where analysis_id = a.id) as chunks
         from analyses a where a.id = $1 and a.status = 'COMPLETED'`,
      [analysisId],
    )
    const row = rows[0]
    if (!row) return
    const accounts = row.accounts ?? []
    const chunks = row.chunks ?? []
    const total = accounts.reduce((sum, account) => sum + account.transaction_count, 0)
    // Stored before chunks existed: every page is read from the database.
    if (chunks.reduce((sum, chunk) => sum + chunk.count, 0) !== total) return
    layouts.set(analysisId, {
      version: row.version,
      total,
      accounts: new Map(accounts.map((account) => [account.account_id, account.transaction_count])),
      chunks: chunks.map((chunk) => ({
        accountId: chunk.account_id,
        start: chunk.start_index,
        accountIndex: chunk.account_index,
        count: chunk.count,
      })),
    })
  }

  /** Transactions of an analysis stored before chunks: one packed text per account. */
  const legacyTransactions = async (
    analysisId: string,
    accountId: string | undefined,
    start: number,
    end: number,
  ): Promise<Page<JsonText>> => {
    const filter = accountId === undefined ? '' : 'and account_id = $2'
    const { rows } = await db.query<{ transaction_count: number; transactions: string }>(
      `select transaction_count, transactions from analysis_accounts
        where analysis_id = $1 ${filter} order by position`,
      accountId === undefined ? [analysisId] : [analysisId, accountId],
    )
    const items: JsonText[] = []
    let total = 0
    for (const row of rows) {
      const from = total
      total += row.transaction_count
      if (total <= start || from >= end) continue
      const texts = lines(await unpack(row.transactions))
      for (const json of texts.slice(Math.max(0, start - from), end - from)) items.push({ json })
    }
    return paged(items, total)
  }

  return {
    insert: async (tx, analysis) => {
      // A new analysis has no credit insights yet: `complete` stores them.
      if (analysis.creditInsights !== null)
        throw new Error('credit insights are stored by complete()')
      await tx.query(
        `insert into analyses (${COLUMNS}) values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9,
          $10::json, $11::json, $12::jsonb, $13, $14)`,
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
          analysis.scores?.json ?? null,
          json(analysis.error),
          analysis.createdAt.toISOString(),
          analysis.updatedAt.toISOString(),
        ],
      )
    },

    find: async (projectId, customerId, id) => one(db, await ofCustomer(projectId, customerId, id)),

    findHead: async (projectId, customerId, id) => {
      const [row] = await ofCustomer(projectId, customerId, id)
      return row && toHead(row)
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
      return one(db, rows)
    },

    findForUpdate: async (tx, id) => {
      const { rows } = await tx.query<AnalysisRow>(
        `select ${SELECT} from analyses where id = $1 for update`,
        [id],
      )
      return one(tx, rows)
    },

    list: async (projectId, customerId, { limit, page }) => {
      // Heads only: the credit insights are read one part at a time as the page is written.
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
      return {
        items: rows.map((row) => ({ ...toHead(row), insightsParts: row.credit_insights_parts })),
        total,
      }
    },

    insightsPartNames: async (analysisId) => {
      const { rows } = await db.query<{ parts: string[] | null }>(
        'select credit_insights_parts as parts from analyses where id = $1',
        [analysisId],
      )
      return rows[0]?.parts ?? null
    },

    readInsightsPart: async (analysisId, name) => {
      const body = await insightsPart(analysisId, name)
      return body === undefined ? null : { json: await unpack(body) }
    },

    setStatus: async (tx, id, patch, now) => {
      await tx.query(
        `update analyses set
           status = coalesce($2, status),
           error = case when $3::boolean then $4::jsonb else error end,
           has_accounts = coalesce($5, has_accounts),
           updated_at = $6,
           format = coalesce($7, format),
           source = coalesce($8, source),
           data_origin = coalesce($9, data_origin)
         where id = $1`,
        [
          id,
          patch.status ?? null,
          patch.error !== undefined,
          json(patch.error),
          patch.hasAccounts ?? null,
          now.toISOString(),
          patch.format ?? null,
          patch.source ?? null,
          patch.dataOrigin ?? null,
        ],
      )
    },

    encodeResult: encodeAnalysisResult,

    complete: async (tx, id, result, now) => {
      const { stored } = result
      if (!isStoredResult(stored)) throw new Error('complete() takes a result from encodeResult()')
      const { rows } = await tx.query<{ version: string }>(
        `update analyses set status = $2, metadata = $3::json, credit_insights_parts = $4::text[],
           scores = $5::json, error = $6::jsonb, engine_version = $7, updated_at = $8
         where id = $1 and status = 'IN_PROGRESS'
         returning xmin::text || '/' || updated_at::text as version`,
        [
          id,
          result.status,
          stored.metadata,
          stored.parts?.map((part) => part.name) ?? null,
          stored.scores,
          stored.error,
          stored.engineVersion,
          now.toISOString(),
        ],
      )
      const version = rows[0]?.version
      if (version === undefined) return undefined
      // One parameter per text: the database copies each as it is, with no JSON to parse. One
      // statement per part: a large analysis's parts are megabytes, and each statement holds the
      // embedded database (and its event loop) while it runs.
      for (const [position, part] of (stored.parts ?? []).entries()) {
        await tx.query(
          'insert into analysis_insights (analysis_id, position, name, body) values ($1, $2, $3, $4)',
          [id, position, part.name, part.body],
        )
      }
      if (stored.accounts.length > 0) {
        await tx.query(
          `insert into analysis_accounts (analysis_id, account_id, position, data, daily_balances,
             transaction_count)
           values ${rowsOf(stored.accounts.length, 5, 1)}`,
          [
            id,
            ...stored.accounts.flatMap((account) => [
              account.account_id,
              account.position,
              JSON.stringify(account.data),
              JSON.stringify(account.daily_balances),
              account.transaction_count,
            ]),
          ],
        )
      }
      for (let from = 0; from < stored.chunks.length; from += CHUNK_ROWS_PER_INSERT) {
        const rows = stored.chunks.slice(from, from + CHUNK_ROWS_PER_INSERT)
        await tx.query(
          `insert into analysis_transaction_chunks (analysis_id, account_id, start_index,
             account_index, count, body)
           values ${rowsOf(rows.length, 5, 1)}`,
          [
            id,
            ...rows.flatMap((chunk) => [
              chunk.account_id,
              chunk.start_index,
              chunk.account_index,
              chunk.count,
              chunk.body,
            ]),
          ],
        )
      }
      return version
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
        // Known transactions are skipped before anything is copied.
        const records = transactions.flatMap((transaction, index) => {
          const fingerprint = fingerprints[index]
          if (fingerprint === undefined || stored.has(fingerprint)) return []
          return [
            { id: newId(), account_id: accountId, fingerprint, data: withoutIds(transaction) },
          ]
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

    saveInputWarnings: async (tx, analysisId, warnings) => {
      await tx.query(
        `insert into analysis_input_warnings (analysis_id, warnings) values ($1, $2::jsonb)
         on conflict (analysis_id) do update set warnings = excluded.warnings`,
        [analysisId, JSON.stringify(warnings)],
      )
    },

    loadInputWarnings: async (analysisId) => {
      const { rows } = await db.query<{ warnings: string }>(
        'select warnings::text as warnings from analysis_input_warnings where analysis_id = $1',
        [analysisId],
      )
      const found = rows[0]?.warnings
      // Written by saveInputWarnings from an InputWarning[].
      return found === undefined ? [] : (JSON.parse(found) as InputWarning[])
    },

    loadAccounts: async (customerId) => {
      const accounts = await db.query<{
        id: string
        data: Omit<Account, 'id' | 'transactions'>
        created_at: Date
        updated_at: Date
      }>(
        // `position` grows with each insert: the order the accounts were first uploaded in.
        'select id, data, created_at, updated_at from accounts where customer_id = $1 order by position',
        [customerId],
      )
      // One JSON text for all the rows, parsed once: decoding 1,000 rows one by one costs about
      // twice as much on PGlite. json_agg keeps the order of the sorted subquery.
      const transactions = await db.query<{ rows: string }>(
        `select coalesce(json_agg(q), '[]')::text as rows from (
        select t.id, t.account_id, t.data from accounts a
         cross join lateral (${OF_ACCOUNT('id, account_id, data')}) t
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

    countTransactions: async (tx, customerId) => {
      const { rows } = await tx.query<{ total: number }>(
        `select coalesce(sum(t.n), 0)::int as total from accounts a
          cross join lateral (${OF_ACCOUNT('count(*) as n')}) t
          where a.customer_id = $1`,
        [customerId],
      )
      return rows[0]?.total ?? 0
    },

    latestDate: async (customerId) => {
      // As the engine reads it (latestDateOf): balance dates and transaction dates.
      const { rows } = await db.query<{ latest: string | null }>(
        `select greatest(
           (select max(left(data->>'balanceDate', 10)) from accounts where customer_id = $1),
           (select max(t.latest) from accounts a
             cross join lateral (${OF_ACCOUNT("max(data->>'date') as latest")}) t
             where a.customer_id = $1)) as latest`,
        [customerId],
      )
      return rows[0]?.latest ?? undefined
    },

    loadAnalysisInput: async (customerId, after) => {
      const accounts = await db.query<{
        id: string
        data: Omit<Account, 'id' | 'transactions'>
        created_at: Date
        updated_at: Date
      }>(
        'select id, data, created_at, updated_at from accounts where customer_id = $1 order by position',
        [customerId],
      )
      // Read account by account in slices by id (an index range each), each slice one JSON
      // text left unparsed: the engine's thread parses and orders it. Each query holds the
      // embedded database, and so the event loop, for a few ms only.
      const texts: string[] = []
      for (const account of accounts.rows) {
        let last = ''
        for (;;) {
          const { rows } = await db.query<{ rows: string; n: number; last: string | null }>(
            `with slice as (
               select id, account_id, data from transactions
                where account_id = $1 and id > $2 order by id limit $3)
             select count(*)::int as n, max(id) as last,
                    coalesce(json_agg(json_build_object('id', id, 'account_id', account_id,
                      'data', data)) filter (where $4::text is null or data->>'date' > $4),
                      '[]')::text as rows
               from slice`,
            [account.id, last, INPUT_SLICE, after ?? null],
          )
          const row = rows[0]
          if (!row || row.n === 0 || row.last === null) break
          texts.push(row.rows)
          if (row.n < INPUT_SLICE) break
          last = row.last
        }
      }
      return {
        accounts: accounts.rows.map((row) => ({
          account: { ...row.data, id: row.id },
          createdAt: new Date(row.created_at),
          updatedAt: new Date(row.updated_at),
        })),
        transactionTexts: texts,
      }
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
      const body = await insightsPart(analysisId, part)
      return body === undefined ? null : { json: await unpack(body) }
    },

    listCashFlows: async (analysisId, { limit, page }) => {
      const body = await insightsPart(analysisId, 'cashFlows')
      if (body === undefined) return null
      // The engine's cash flows are an array; paging needs its elements.
      const cashFlows = JSON.parse(await unpack(body)) as unknown[]
      const start = (page - 1) * limit
      return paged(
        cashFlows
          .slice(start, start + limit)
          .map((cashFlow) => ({ json: JSON.stringify(cashFlow) })),
        cashFlows.length,
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

    listTransactions: async (analysisId, accountId, page) => {
      const found = await transactionsPage('where a.id = $1', [analysisId], accountId, page)
      return found?.page ?? paged([], 0)
    },

    pageTransactions: async (projectId, customerId, analysisId, accountId, page) => {
      const where = 'where a.project_id = $1 and a.customer_id = $2 and a.id = $3'
      const params = [projectId, customerId, analysisId]
      const cached = await cachedTransactionsPage(analysisId, where, params, accountId, page)
      if (cached) return cached
      const found = await transactionsPage(where, params, accountId, page)
      // Only a finished analysis's transactions stay as they are.
      if (
        found?.analysis.status === 'COMPLETED' &&
        layouts.get(analysisId)?.version !== found.version
      ) {
        await rememberLayout(analysisId)
      }
      return (
        found && { analysis: found.analysis, accountFound: found.accountFound, page: found.page }
      )
    },
  }
}
