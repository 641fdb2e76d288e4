/**
 * `npm run test:reliability`: the reliability suite with figures. Runs on PostgreSQL (a fresh
 * database per phase on the server of DATABASE_URL, default postgres://postgres@127.0.0.1:5432/
 * postgres) and on PGlite, and ends with exactly one line:
 *
 *   RELIABILITY fuzzed=<n> errors5xx=<n> partial=<n> isolation_leaks=<n> log_leaks=<n>
 *     crash=<pass|fail> outage=<pass|fail> load=<pass|fail>
 *
 * Settings (environment): RELIABILITY_FUZZ_BODIES (default 100000, split between the two
 * databases), RELIABILITY_SEED, RELIABILITY_PHASES (default fuzz,isolation,crash,outage,load),
 * RELIABILITY_JOB_EXPIRE_SECONDS (expiry of a running analysis job in the crash phase, default
 * 60; empty for the production default), RELIABILITY_LOAD_ANALYSES (default 50).
 * What each phase checks: docs/reliability.md.
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '../../src/app/clients.ts'
import { createLogger } from '../../src/logging/logger.ts'
import { openPglite, openPostgres, type Database } from '../../src/store/index.ts'
import { generateUpload, type Upload } from '../../src/synthetic/index.ts'
import { call, json, startHarness } from '../http/harness.ts'
import { startReceiver } from '../support/webhook-receiver.ts'
import { DEFAULT_DATABASE_URL, freshDatabase, type FreshDatabase } from './support/databases.ts'
import { CANARY, emptyReport, fuzzTable, runFuzz } from './support/fuzz.ts'
import { isolationTable, runIsolation } from './support/isolation.ts'
import {
  clientToken,
  http,
  startProcess,
  waitForAnalysis,
  type Proc,
} from '../support/processes.ts'
import { seedProject, smallUpload } from './support/projects.ts'
import { installWriteCounter } from './support/write-counter.ts'

const BASE_URL = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
const BODIES = Number(process.env.RELIABILITY_FUZZ_BODIES ?? 100_000)
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000_000)
const PHASES = new Set(
  (process.env.RELIABILITY_PHASES ?? 'fuzz,isolation,crash,outage,load').split(','),
)
const EXPIRE = process.env.RELIABILITY_JOB_EXPIRE_SECONDS ?? '60'
const LOAD_ANALYSES = Number(process.env.RELIABILITY_LOAD_ANALYSES ?? 50)
const RUN = `creditlens_rel_${Date.now().toString(36)}`
const CLIENT_ID = 'reliability'
const CLIENT_SECRET = 'reliability-secret-0123456789'

const say = (text = '') => process.stdout.write(`${text}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const workDir = await mkdtemp(join(tmpdir(), 'creditlens-reliability-'))
// Two logs: the fuzz phase's (large, scanned for its own values) and everything else's.
const fuzzLogPath = join(workDir, 'fuzz.log')
const logPath = join(workDir, 'run.log')
const fuzzLog = createWriteStream(fuzzLogPath)
const log = createWriteStream(logPath)
/** Values that must never reach a log, per log. */
const fuzzNeedles = new Set<string>([CANARY, CLIENT_SECRET])
const needles = new Set<string>([CLIENT_SECRET])
const remember = (set: Set<string>, ...values: (string | undefined)[]) => {
  for (const value of values) if (value !== undefined && value.length >= 8) set.add(value)
}
const rememberUpload = (set: Set<string>, upload: Upload) => {
  for (const account of upload.accounts) {
    remember(set, account.iban, ...(account.owners ?? []).map((owner) => owner.name))
    for (const transaction of account.transactions) remember(set, transaction.description)
  }
}

const summary = {
  fuzzed: 0,
  errors5xx: 0,
  partial: 0,
  isolationLeaks: 0,
  logLeaks: 0,
  crash: 'skip' as 'pass' | 'fail' | 'skip',
  outage: 'skip' as 'pass' | 'fail' | 'skip',
  load: 'skip' as 'pass' | 'fail' | 'skip',
}
const databases: FreshDatabase[] = []
const fresh = async (suffix: string) => {
  const database = await freshDatabase(BASE_URL, RUN, suffix)
  databases.push(database)
  return database
}

// -----------------------------------------------------------------------------------------------
// Fuzzing and isolation, in-process on each database

const fuzzAndIsolation = async () => {
  const report = emptyReport()
  let leaks = 0
  const share = Math.ceil(BODIES / 2)
  for (const [label, env] of [
    ['PostgreSQL', async () => ({ DATABASE_URL: (await fresh('fuzz')).url })],
    ['PGlite', () => Promise.resolve({ DATABASE_URL: '', DATA_DIR: 'memory://' })],
  ] as const) {
    const harness = await startHarness(
      { WEBHOOK_ALLOW_NETWORKS: 'loopback', ...(await env()) },
      { logger: createLogger('info', fuzzLog) },
    )
    try {
      const a = await seedProject(harness, 'alpha', 1)
      const b = await seedProject(harness, 'beta', 2)
      for (const project of [a, b]) {
        remember(fuzzNeedles, ...project.secrets)
        rememberUpload(fuzzNeedles, project.upload)
      }
      const counter = await installWriteCounter(harness.runtime.db)
      if (PHASES.has('fuzz')) {
        const before = report.fuzzed
        const started = Date.now()
        await runFuzz(harness.app, counter, a, {
          count: share,
          // other bodies on the second database
          seed: label === 'PGlite' ? SEED + 1_000_000 : SEED,
          report,
        })
        say(
          `fuzz on ${label}: ${report.fuzzed - before} bodies in ${seconds(Date.now() - started)}`,
        )
      }
      if (PHASES.has('isolation')) {
        const isolation = await runIsolation(harness, counter, a, b)
        say(`\n## Isolation on ${label}: project A's token, project B's ids\n`)
        say(isolationTable(isolation))
        say(`leaks: ${isolation.leaks}, routes not covered: ${isolation.uncovered}`)
        leaks += isolation.leaks + isolation.uncovered
      }
    } finally {
      await harness.close()
    }
  }
  if (PHASES.has('fuzz')) {
    say(
      `\n## Fuzzing (seed ${SEED}): ${report.fuzzed} bodies in ${seconds(report.seconds * 1000)}\n`,
    )
    say(fuzzTable(report))
    for (const failure of report.failures) say(`  ${failure}`)
    summary.fuzzed = report.fuzzed
    summary.errors5xx = report.errors5xx
    summary.partial = report.partial
  }
  summary.isolationLeaks = leaks
}

// -----------------------------------------------------------------------------------------------
// Crashes: kill -9 during an analysis and during a webhook delivery

const processEnv = {
  NODE_ENV: 'test',
  RATE_LIMIT_PER_MINUTE: '0',
  BODY_LIMIT_BYTES: String(64 * 1024 * 1024),
  BOOTSTRAP_CLIENT_ID: CLIENT_ID,
  BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
  WEBHOOK_ALLOW_NETWORKS: 'loopback',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_SWEEP_INTERVAL_MS: '2000',
  JOB_RETRY_DELAY_SECONDS: '0',
  ...(EXPIRE !== '' && { JOB_EXPIRE_SECONDS: EXPIRE }),
}

interface Topology {
  label: string
  /** Starts the processes; `runner` is the one that runs analysis jobs. */
  start(): Promise<{ api: Proc; runner: Proc; all: Proc[] }>
  open(): Promise<Database>
}

const embedded = async (name: string): Promise<Topology> => {
  const dataDir = await mkdtemp(join(workDir, `${name}-`))
  return {
    label: 'embedded (npm start, PGlite)',
    start: async () => {
      const api = await startProcess(
        `${name}-serve`,
        'serve',
        [],
        { ...processEnv, DATA_DIR: dataDir },
        log,
      )
      return { api, runner: api, all: [api] }
    },
    open: () => openPglite(dataDir),
  }
}

const split = async (name: string, workers = 1): Promise<Topology> => {
  const database = await fresh(name)
  const env = { ...processEnv, DATABASE_URL: database.url }
  return {
    label: `PostgreSQL (serve --no-worker + ${workers} worker)`,
    start: async () => {
      const api = await startProcess(`${name}-api`, 'serve', ['--no-worker'], env, log)
      const runners = await Promise.all(
        Array.from({ length: workers }, (_, i) =>
          startProcess(`${name}-worker${i}`, 'worker', [], env, log),
        ),
      )
      const runner = runners[0]
      if (!runner) throw new Error('no worker')
      return { api, runner, all: [api, ...runners] }
    },
    open: () => openPostgres(database.url),
  }
}

/** A customer of ~40,000 transactions: long enough to be killed in the middle of its analysis. */
const bigUpload = (): Upload => ({
  format: 'ALGOAN',
  accounts: [3, 4, 5, 6, 7].flatMap(
    (seed) => generateUpload({ profile: 'risky', country: 'FR', months: 240, seed }).accounts,
  ),
})

/** A 12-month customer of about 1,000 transactions on two checking accounts. */
const yearUpload = (seed: number): Upload => ({
  format: 'ALGOAN',
  accounts: [seed, seed + 100_000].flatMap(
    (s) => generateUpload({ profile: 'good', country: 'FR', months: 12, seed: s }).accounts,
  ),
})

interface Received {
  id: string
  index: number
  analysisId?: string
  customerId: string
  answered: number | 'hang'
  at: number
}

const parseWebhook = (raw: Buffer): Omit<Received, 'answered' | 'at'> => {
  const body = JSON.parse(raw.toString('utf8')) as {
    id: string
    index: number
    payload: { customerId: string; analysisId?: string }
  } // the webhook body we send
  return {
    id: body.id,
    index: body.index,
    customerId: body.payload.customerId,
    ...(body.payload.analysisId !== undefined && { analysisId: body.payload.analysisId }),
  }
}

/** A project on a running API: token, subscription to `target`, one customer. */
const prepare = async (api: Proc, target: string, name: string) => {
  const tokens = await clientToken(api.url, CLIENT_ID, CLIENT_SECRET)
  remember(needles, tokens.access_token, tokens.refresh_token)
  const secret = `whsec-${name}-${Date.now()}`
  remember(needles, secret)
  const subscription = await http<{ id: string }>(`${api.url}/v2/subscriptions`, {
    method: 'POST',
    token: tokens.access_token,
    body: { eventName: 'analysis_completed', target, secret },
  })
  if (subscription.status !== 201) throw new Error(`subscription: ${subscription.status}`)
  const lastName = `Crashname${name}`
  remember(needles, lastName)
  const customer = await http<{ id: string }>(`${api.url}/v2/customers`, {
    method: 'POST',
    token: tokens.access_token,
    body: {
      customIdentifier: `${name}-${Date.now()}`,
      personalDetails: { identity: { lastName } },
    },
  })
  if (customer.status !== 201) throw new Error(`customer: ${customer.status}`)
  return {
    token: tokens.access_token,
    subscriptionId: subscription.body.id,
    customerId: customer.body.id,
  }
}

interface CrashResult {
  topology: string
  during: string
  pass: boolean
  recoveryMs: number
  note: string
}

/** Checks in the database after the run: one completion, one event, its deliveries. */
const checkOnce = async (topology: Topology, analysisId: string, received: Received[]) => {
  const db = await topology.open()
  const problems: string[] = []
  try {
    const outbox = await db.query(
      `select 1 from outbox_events where analysis_id = $1 and name = 'analysis_completed'`,
      [analysisId],
    )
    if (outbox.rows.length !== 1) problems.push(`${outbox.rows.length} completion events`)
    const status = await db.query<{ status: string }>('select status from analyses where id = $1', [
      analysisId,
    ])
    if (status.rows[0]?.status !== 'COMPLETED') problems.push(`status ${status.rows[0]?.status}`)
    const events = await db.query<{ id: string; idx: number; delivery_status: string }>(
      'select id, idx, delivery_status from webhook_events where analysis_id = $1',
      [analysisId],
    )
    const event = events.rows[0]
    if (events.rows.length !== 1 || !event) problems.push(`${events.rows.length} webhook events`)
    else {
      if (event.delivery_status !== 'DELIVERED') problems.push(`event ${event.delivery_status}`)
      const mine = received.filter((r) => r.analysisId === analysisId)
      if (mine.length === 0) problems.push('never received')
      if (mine.some((r) => r.id !== event.id || r.index !== event.idx)) {
        problems.push('a delivery with another id or index')
      }
      if (mine.filter((r) => r.answered === 204).length !== 1) {
        problems.push(`${mine.filter((r) => r.answered === 204).length} deliveries answered 2xx`)
      }
    }
    // The database reopened cleanly (PGlite: the data directory after kill -9 and restarts).
    await db.query('select count(*) from analyses')
  } finally {
    await db.close()
  }
  return problems
}

const receiverFor = async (answer: () => number | 'hang') => {
  const received: Received[] = []
  const receiver = await startReceiver((webhook) => {
    const answered = answer()
    received.push({ ...parseWebhook(webhook.raw), answered, at: Date.now() })
    return answered
  })
  return { receiver, received }
}

const waitUntil = async (condition: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) return false
    await sleep(200)
  }
  return true
}

const crashDuringAnalysis = async (topology: Topology): Promise<CrashResult> => {
  const { receiver, received } = await receiverFor(() => 204)
  try {
    const first = await topology.start()
    const project = await prepare(first.api, `${receiver.origin}/hook`, 'analysis')
    const upload = bigUpload()
    rememberUpload(needles, upload)
    const customerUrl = `${first.api.url}/v2/customers/${project.customerId}`
    const created = await http<{ id: string }>(`${customerUrl}/analyses`, {
      method: 'POST',
      token: project.token,
      body: upload,
    })
    if (created.status !== 202) throw new Error(`analysis: ${created.status}`)
    const analysisId = created.body.id
    await first.runner.waitForLine(
      (line) => line.msg === 'analysis job started' && line.analysisId === analysisId,
    )
    const killedAt = Date.now()
    await Promise.all(first.all.map((proc) => proc.kill9()))
    const second = await topology.start()
    const status = await waitForAnalysis(
      `${second.api.url}/v2/customers/${project.customerId}/analyses/${analysisId}`,
      project.token,
      15 * 60_000,
    )
    const recoveryMs = Date.now() - killedAt
    await waitUntil(
      () => received.some((r) => r.analysisId === analysisId && r.answered === 204),
      120_000,
    )
    const codes = await Promise.all(second.all.map((proc) => proc.stop()))
    const problems = await checkOnce(topology, analysisId, received)
    if (status !== 'COMPLETED') problems.push(`ended ${status}`)
    if (codes.some((code) => code !== 0)) problems.push(`exit codes ${codes.join(',')}`)
    return {
      topology: topology.label,
      during: 'analysis (40,000 transactions)',
      pass: problems.length === 0,
      recoveryMs,
      note: problems.join('; ') || 'completed once, event delivered once with its id and index',
    }
  } finally {
    await receiver.close()
  }
}

const crashDuringDelivery = async (topology: Topology): Promise<CrashResult> => {
  let hang = true
  const { receiver, received } = await receiverFor(() => (hang ? 'hang' : 204))
  try {
    const first = await topology.start()
    const project = await prepare(first.api, `${receiver.origin}/hook`, 'delivery')
    const upload = smallUpload(7)
    rememberUpload(needles, upload)
    const created = await http<{ id: string }>(
      `${first.api.url}/v2/customers/${project.customerId}/analyses`,
      { method: 'POST', token: project.token, body: upload },
    )
    if (created.status !== 202) throw new Error(`analysis: ${created.status}`)
    const analysisId = created.body.id
    if (!(await waitUntil(() => received.length > 0, 180_000)))
      throw new Error('no delivery attempt')
    const killedAt = Date.now()
    await Promise.all(first.all.map((proc) => proc.kill9()))
    hang = false
    const second = await topology.start()
    const delivered = await waitUntil(() => received.some((r) => r.answered === 204), 300_000)
    const recoveryMs = Date.now() - killedAt
    const codes = await Promise.all(second.all.map((proc) => proc.stop()))
    const problems = await checkOnce(topology, analysisId, received)
    if (!delivered) problems.push('not delivered after the restart')
    if (codes.some((code) => code !== 0)) problems.push(`exit codes ${codes.join(',')}`)
    return {
      topology: topology.label,
      during: 'webhook delivery (receiver hanging)',
      pass: problems.length === 0,
      recoveryMs,
      note:
        problems.join('; ') ||
        `redelivered after the restart with the same id and index (${received.length} requests)`,
    }
  } finally {
    await receiver.close()
  }
}

const crashes = async () => {
  const results: CrashResult[] = []
  const cases: [string, () => Promise<Topology>, (t: Topology) => Promise<CrashResult>][] = [
    ['embedded analysis', () => embedded('crash-a'), crashDuringAnalysis],
    ['embedded delivery', () => embedded('crash-d'), crashDuringDelivery],
    ['postgres analysis', () => split('crash_a'), crashDuringAnalysis],
    ['postgres delivery', () => split('crash_d'), crashDuringDelivery],
  ]
  for (const [name, topology, run] of cases) {
    try {
      results.push(await run(await topology()))
    } catch (error) {
      results.push({
        topology: name,
        during: '-',
        pass: false,
        recoveryMs: Number.NaN,
        note: String(error),
      })
    }
  }
  say(`\n## Crashes (kill -9 of every process; job expiry ${EXPIRE || 'default'} s)\n`)
  for (const r of results) {
    say(
      `${r.pass ? 'pass' : 'FAIL'}  ${r.topology}, during ${r.during}: back in ${seconds(r.recoveryMs)} — ${r.note}`,
    )
  }
  summary.crash = results.every((r) => r.pass) ? 'pass' : 'fail'
}

// -----------------------------------------------------------------------------------------------
// Outage: a receiver down for a simulated 10 minutes (time / 100)

const TIME_SCALE = 100
const OUTAGE_MS = 600_000 / TIME_SCALE

const outageOn = async (label: string, env: Record<string, string>) => {
  let down = true
  const { receiver, received } = await receiverFor(() => (down ? 503 : 204))
  const harness = await startHarness(
    {
      WEBHOOK_ALLOW_NETWORKS: 'loopback',
      // The production schedule (30 s × 3.6ⁿ, ±20 %, 8 attempts) a hundred times faster.
      WEBHOOK_RETRY_INITIAL_MS: String(30_000 / TIME_SCALE),
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_SWEEP_INTERVAL_MS: '1000',
      ...env,
    },
    { worker: true, logger: createLogger('info', log) },
  )
  const problems: string[] = []
  let recoveredAt = 0
  try {
    const client = await createClient(harness.runtime.deps, { name: 'outage' })
    const tokenResponse = await harness.app.inject({
      method: 'POST',
      url: '/v2/oauth/token',
      payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    const token = json<{ access_token: string }>(tokenResponse).access_token
    remember(needles, token, client.clientSecret)
    const subscription = json<{ id: string }>(
      await call(harness, token, 'POST', '/v2/subscriptions', {
        eventName: 'analysis_completed',
        target: `${receiver.origin}/hook`,
      }),
    )
    const customers: string[] = []
    for (let c = 0; c < 3; c += 1) {
      customers.push(
        json<{ id: string }>(
          await call(harness, token, 'POST', '/v2/customers', { customIdentifier: `outage-${c}` }),
        ).id,
      )
    }
    for (let round = 0; round < 3; round += 1) {
      for (const [c, customerId] of customers.entries()) {
        const upload = smallUpload(100 + round * 10 + c)
        rememberUpload(needles, upload)
        const response = await call(
          harness,
          token,
          'POST',
          `/v2/customers/${customerId}/analyses`,
          upload,
        )
        if (response.statusCode !== 202) problems.push(`analysis ${response.statusCode}`)
      }
    }
    await waitUntil(() => received.length > 0, 120_000)
    const outageStart = Date.now()
    await sleep(OUTAGE_MS)
    down = false
    recoveredAt = Date.now()
    const done = await waitUntil(async () => {
      const rows = await harness.runtime.db.query<{ n: string }>(
        `select count(*)::text as n from webhook_events where subscription_id = $1 and delivery_status = 'DELIVERED'`,
        [subscription.id],
      )
      return rows.rows[0]?.n === '9'
    }, 180_000)
    if (!done) problems.push('not all 9 events delivered')
    const ok = received.filter((r) => r.answered === 204)
    const ids = new Set(ok.map((r) => r.id))
    if (ids.size !== 9) problems.push(`${ids.size} distinct events answered 2xx`)
    if (ok.length !== ids.size) problems.push(`${ok.length - ids.size} deliveries after a 2xx`)
    for (const id of ids) {
      const acceptedAt = ok.find((r) => r.id === id)?.at ?? 0
      if (received.some((r) => r.id === id && r.at > acceptedAt))
        problems.push(`${id} sent again after 2xx`)
    }
    for (const customerId of customers) {
      const order = ok.filter((r) => r.customerId === customerId).map((r) => r.index)
      if (order.some((index, i) => i > 0 && index <= (order[i - 1] ?? 0))) {
        problems.push(`customer ${customerId} out of order: ${order.join(',')}`)
      }
    }
    const lastDelivery = Math.max(...ok.map((r) => r.at))
    const failed = received.filter((r) => r.answered === 503).length
    say(
      `${problems.length === 0 ? 'pass' : 'FAIL'}  ${label}: ${failed} attempts refused during the outage; ` +
        `all 9 events delivered ${seconds(lastDelivery - recoveredAt)} after recovery ` +
        `(simulated ${(((lastDelivery - recoveredAt) * TIME_SCALE) / 60_000).toFixed(1)} min; outage ` +
        `${seconds(recoveredAt - outageStart)} = simulated 10 min)${problems.length ? ` — ${problems.join('; ')}` : ''}`,
    )
  } finally {
    await harness.close()
    await receiver.close()
  }
  return problems.length === 0
}

const outage = async () => {
  say(`\n## Outage: receiver down for a simulated 10 minutes (retry schedule / ${TIME_SCALE})\n`)
  const results: boolean[] = []
  for (const [label, env] of [
    ['PostgreSQL', async () => ({ DATABASE_URL: (await fresh('outage')).url })],
    ['PGlite', () => Promise.resolve({ DATABASE_URL: '', DATA_DIR: 'memory://' })],
  ] as const) {
    try {
      results.push(await outageOn(label, await env()))
    } catch (error) {
      say(`FAIL  ${label}: ${String(error)}`)
      results.push(false)
    }
  }
  summary.outage = results.every(Boolean) ? 'pass' : 'fail'
}

// -----------------------------------------------------------------------------------------------
// Load: 50 concurrent analyses, /health probed throughout

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const loadOn = async (topology: Topology) => {
  const procs = await topology.start()
  const { api } = procs
  const tokens = await clientToken(api.url, CLIENT_ID, CLIENT_SECRET)
  remember(needles, tokens.access_token, tokens.refresh_token)
  const token = tokens.access_token
  const uploads = Array.from({ length: LOAD_ANALYSES }, (_, i) => yearUpload(1_000 + i))
  for (const upload of uploads) rememberUpload(needles, upload)
  const transactions = uploads.reduce(
    (n, u) => n + u.accounts.reduce((m, a) => m + a.transactions.length, 0),
    0,
  )
  const customers: string[] = []
  for (let i = 0; i < LOAD_ANALYSES; i += 1) {
    const response = await http<{ id: string }>(`${api.url}/v2/customers`, {
      method: 'POST',
      token,
      body: { customIdentifier: `load-${i}` },
    })
    customers.push(response.body.id)
  }
  const latencies: number[] = []
  let probeFailures = 0
  let probing = true
  const probe = (async () => {
    while (probing) {
      const sent = performance.now()
      const ok = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) latencies.push(performance.now() - sent)
      else probeFailures += 1
      await sleep(50)
    }
  })()
  const started = Date.now()
  const created = await Promise.all(
    customers.map((customerId, i) =>
      http<{ id: string }>(`${api.url}/v2/customers/${customerId}/analyses`, {
        method: 'POST',
        token,
        body: uploads[i],
      }),
    ),
  )
  const pending = new Map(created.map((r, i) => [r.body.id, customers[i] ?? '']))
  const statuses = new Map<string, string>()
  const deadline = Date.now() + 20 * 60_000
  while (pending.size > 0 && Date.now() < deadline) {
    for (const [analysisId, customerId] of [...pending]) {
      const response = await http<{ status: string }>(
        `${api.url}/v2/customers/${customerId}/analyses/${analysisId}`,
        { token },
      ).catch(() => undefined)
      const status = response?.body.status
      if (status && status !== 'IN_PROGRESS' && status !== 'CREATED') {
        statuses.set(analysisId, status)
        pending.delete(analysisId)
      }
    }
    await sleep(500)
  }
  const elapsed = Date.now() - started
  probing = false
  await probe
  const rss = procs.all.map((proc) => `${proc.name} ${proc.peakRssMb().toFixed(0)} MB`)
  await Promise.all(procs.all.map((proc) => proc.stop()))
  const db = await topology.open()
  let duplicates = 0
  try {
    const rows = await db.query<{ n: string }>(
      `select count(*)::text as n from outbox_events where name = 'analysis_completed' group by analysis_id having count(*) > 1`,
    )
    duplicates = rows.rows.length
  } finally {
    await db.close()
  }
  const completed = [...statuses.values()].filter((s) => s === 'COMPLETED').length
  const pass =
    created.every((r) => r.status === 202) &&
    completed === LOAD_ANALYSES &&
    duplicates === 0 &&
    probeFailures === 0
  say(
    `${pass ? 'pass' : 'FAIL'}  ${topology.label}: ${completed}/${LOAD_ANALYSES} COMPLETED ` +
      `(${transactions} transactions) in ${seconds(elapsed)}; /health p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms over ` +
      `${latencies.length} probes, ${probeFailures} failed (5 s time-out); peak RSS ${rss.join(', ')}` +
      `${duplicates ? `; ${duplicates} analyses completed twice` : ''}`,
  )
  return pass
}

const load = async () => {
  say(
    `\n## Load: ${LOAD_ANALYSES} concurrent analyses of 12-month customers (~1,000 transactions)\n`,
  )
  const results: boolean[] = []
  for (const topology of [() => embedded('load'), () => split('load')]) {
    try {
      results.push(await loadOn(await topology()))
    } catch (error) {
      say(`FAIL  ${String(error)}`)
      results.push(false)
    }
  }
  summary.load = results.every(Boolean) ? 'pass' : 'fail'
}

// -----------------------------------------------------------------------------------------------
// Logs

const end = (stream: WriteStream) => new Promise<void>((resolve) => stream.end(resolve))

const scanLogs = async () => {
  await Promise.all([end(fuzzLog), end(log)])
  let found = 0
  say('\n## Logs\n')
  for (const [path, set] of [
    [fuzzLogPath, fuzzNeedles],
    [logPath, new Set([...needles, ...fuzzNeedles])],
  ] as const) {
    const text = await readFile(path, 'utf8')
    const hits = [...set].filter((needle) => text.includes(needle))
    found += hits.length
    say(
      `${path}: ${text.split('\n').length - 1} lines, ${(text.length / 1e6).toFixed(1)} MB, ` +
        `${set.size} values looked for (descriptions, IBANs, names, secrets, tokens), ${hits.length} found`,
    )
    for (const hit of hits.slice(0, 10)) say(`  found: ${JSON.stringify(hit.slice(0, 24))}…`)
  }
  summary.logLeaks = found
}

// -----------------------------------------------------------------------------------------------

const started = Date.now()
say(
  `# creditlens reliability suite (${RUN}; PostgreSQL ${new URL(BASE_URL).host}; logs in ${workDir})`,
)
try {
  if (PHASES.has('fuzz') || PHASES.has('isolation')) await fuzzAndIsolation()
  if (PHASES.has('crash')) await crashes()
  if (PHASES.has('outage')) await outage()
  if (PHASES.has('load')) await load()
} catch (error) {
  say(`suite error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
} finally {
  await scanLogs()
  for (const database of databases) await database.drop().catch(() => undefined)
  if (summary.logLeaks === 0 && process.exitCode !== 1)
    await rm(workDir, { recursive: true, force: true })
}
say(`\nwhole run: ${seconds(Date.now() - started)}`)
const failed =
  summary.errors5xx > 0 ||
  summary.partial > 0 ||
  summary.isolationLeaks > 0 ||
  summary.logLeaks > 0 ||
  [summary.crash, summary.outage, summary.load].includes('fail')
if (failed) process.exitCode = 1
say(
  `RELIABILITY fuzzed=${summary.fuzzed} errors5xx=${summary.errors5xx} partial=${summary.partial} ` +
    `isolation_leaks=${summary.isolationLeaks} log_leaks=${summary.logLeaks} crash=${summary.crash} ` +
    `outage=${summary.outage} load=${summary.load}`,
)
