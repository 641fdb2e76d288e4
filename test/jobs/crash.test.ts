/**
 * Crash test: a worker is killed (SIGKILL) in the middle of an analysis; another one starts on
 * the same database; the analysis completes exactly once. Runs on PGlite in a temporary
 * directory (one process at a time, like `npm start`), or on PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { after, test } from 'node:test'
import { openPglite, openPostgres } from '../../src/store/index.ts'
import { generateUpload } from '../../src/synthetic/index.ts'

const CLIENT_ID = 'crash-test'
const CLIENT_SECRET = 'crash-test-secret-000001'
const BIN = new URL('../../bin/creditlens.js', import.meta.url).pathname

let dataDir: string | undefined
after(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

interface Server {
  child: ChildProcess
  url: string
  /** Resolves with the log line of the first analysis job this process starts. */
  jobStarted: Promise<Record<string, unknown>>
  exited: Promise<number | null>
}

/** Starts `creditlens serve` (API + worker) and waits until it listens. */
const startServer = async (env: Record<string, string>): Promise<Server> => {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  let onJob: (line: Record<string, unknown>) => void = () => undefined
  const jobStarted = new Promise<Record<string, unknown>>((resolve) => (onJob = resolve))
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)))
    if (!child.stdout) return reject(new Error('no stdout'))
    createInterface({ input: child.stdout }).on('line', (text) => {
      if (!text.startsWith('{')) return
      // pino writes one JSON object per line.
      const line = JSON.parse(text) as Record<string, unknown>
      if (line.msg === 'creditlens API listening') resolve(String(line.url))
      if (line.msg === 'analysis job started') onJob(line)
    })
  })
  return { child, url, jobStarted, exited }
}

const api = async <T>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; form?: string } = {},
): Promise<{ status: number; body: T }> => {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token && { authorization: `Bearer ${init.token}` }),
      'content-type': init.form ? 'application/x-www-form-urlencoded' : 'application/json',
    },
    ...(init.form !== undefined
      ? { body: init.form }
      : init.body !== undefined && { body: JSON.stringify(init.body) }),
  })
  return { status: response.status, body: (await response.json()) as T } // our API's JSON
}

test('an analysis whose worker is killed completes exactly once on another worker', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'creditlens-crash-'))
  const env = {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    BOOTSTRAP_CLIENT_ID: CLIENT_ID,
    BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
    // A lost job is retried 2 s after it started (the supervisor checks every 5 s).
    JOB_EXPIRE_SECONDS: '2',
    JOB_RETRY_DELAY_SECONDS: '0',
  }
  // ~8,000 transactions: long enough (~0.5 s of engine) to be killed in the middle.
  const upload = generateUpload({ profile: 'risky', country: 'FR', months: 240, seed: 3 })
  const transactionCount = upload.accounts.reduce((n, a) => n + a.transactions.length, 0)

  const first = await startServer(env)
  const token = (
    await api<{ access_token: string }>(`${first.url}/v2/oauth/token`, {
      method: 'POST',
      form: `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`,
    })
  ).body.access_token
  const customer = await api<{ id: string }>(`${first.url}/v2/customers`, {
    method: 'POST',
    token,
    body: { customIdentifier: `crash-${Date.now()}` },
  })
  const created = await api<{ id: string }>(
    `${first.url}/v2/customers/${customer.body.id}/analyses`,
    {
      method: 'POST',
      token,
      body: upload,
    },
  )
  assert.equal(created.status, 202)
  const analysisId = created.body.id
  const started = await first.jobStarted
  assert.equal(started.analysisId, analysisId)
  first.child.kill('SIGKILL')
  assert.equal(await first.exited, null)

  const second = await startServer(env)
  const analysisUrl = `${second.url}/v2/customers/${customer.body.id}/analyses/${analysisId}`
  const deadline = Date.now() + 60_000
  let status = 'IN_PROGRESS'
  while (status === 'IN_PROGRESS') {
    assert.ok(Date.now() < deadline, 'analysis not completed after the restart')
    await new Promise((resolve) => setTimeout(resolve, 200))
    status = (await api<{ status: string }>(analysisUrl, { token })).body.status
  }
  assert.equal(status, 'COMPLETED')
  const transactions = await api<{ pagination: { totalResources: number } }>(
    `${analysisUrl}/transactions?limit=1`,
    { token },
  )
  assert.equal(transactions.body.pagination.totalResources, transactionCount)
  second.child.kill('SIGTERM')
  assert.equal(await second.exited, 0)

  const db = process.env.DATABASE_URL
    ? await openPostgres(process.env.DATABASE_URL)
    : await openPglite(dataDir)
  try {
    const events = await db.query(
      `select 1 from outbox_events where analysis_id = $1 and name = 'analysis_completed'`,
      [analysisId],
    )
    assert.equal(events.rows.length, 1)
    const jobs = await db.query<{ state: string; retry_count: number }>(
      `select state, retry_count from pgboss.job where name = 'analysis' and data->>'analysisId' = $1`,
      [analysisId],
    )
    // The killed attempt was the first; the retry is the one that completed.
    assert.deepEqual(jobs.rows, [{ state: 'completed', retry_count: 1 }])
  } finally {
    await db.close()
  }
})
