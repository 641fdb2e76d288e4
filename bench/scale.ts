/**
 * `npm run bench:scale`: scale-out on PostgreSQL (a fresh database on the server of DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end).
 *
 * 1. Enqueue N analyses (default 1,000; SCALE_ANALYSES or `--count <n>`) of generated 12-month
 *    customers (~1,000 transactions each) through the API (`serve --no-worker`), then drain them
 *    with 1, 2 and 4 `creditlens worker` processes: analyses/s, ratio to one worker, p50/p95
 *    create → COMPLETED and job run time, and where a job's time goes (engine, measured here on
 *    the same uploads, against the rest: adapters, database, queue).
 * 2. GET-analysis throughput with 1 and 2 `serve --no-worker` processes (autocannon).
 * 3. Exactly once: kill -9 one of two workers mid-batch; the other finishes its jobs, each
 *    analysis completes once. Graceful stop: SIGTERM to a worker mid-batch exits 0 and leaves
 *    no job active.
 *
 * Ends with `SCALE workers1=<analyses/s> workers2=<analyses/s> workers4=<analyses/s> ratio2=<x>`.
 */
import { readdir, readFile } from 'node:fs/promises'
import autocannon from 'autocannon'
import { parseBody } from '../src/adapters/index.ts'
import { analyse } from '../src/engine/analyse.ts'
import { openPostgres, type Database } from '../src/store/index.ts'
import { generateUpload, type Upload } from '../src/synthetic/index.ts'
import { DEFAULT_DATABASE_URL, freshDatabase } from '../test/reliability/support/databases.ts'
import { clientToken, http, startProcess, type Proc } from '../test/support/processes.ts'

const flag = process.argv.indexOf('--count')
const COUNT = Number(
  (flag >= 0 ? process.argv[flag + 1] : undefined) ?? process.env.SCALE_ANALYSES ?? 1_000,
)
const GET_SECONDS = Number(process.env.SCALE_GET_SECONDS ?? 10)
const BASE_URL = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
const CLIENT_ID = 'scale'
const CLIENT_SECRET = 'scale-secret-0123456789'
const say = (text = '') => process.stdout.write(`${text}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const cpus = (await import('node:os')).cpus().length

// Where the CPU goes during a drain, from Linux's /proc (clock ticks of 1/100 s).
const TICKS_PER_SECOND = 100
/** Busy and total ticks of the whole machine, all cores. */
const machineTicks = async () => {
  const fields = ((await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number)
  const total = fields.reduce((sum, n) => sum + n, 0)
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total }
}
/** User and system ticks of a process (all its threads), with its command name. */
const processTicks = async (pid: number | string) => {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are the 14th and 15th fields of the line, 12th and 13th after the name.
    return { name, ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return { name: '', ticks: 0 } // exited meanwhile
  }
}
/** Ticks of every process alive now, by pid, with its command name. */
const allProcesses = async () => {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))
  const all = await Promise.all(pids.map(async (pid) => [pid, await processTicks(pid)] as const))
  return new Map(all.filter(([, p]) => p.name !== ''))
}
const cpuSnapshot = async () => ({
  at: Date.now(),
  machine: await machineTicks(),
  processes: await allProcesses(),
})
/**
 * Cores used on average between two snapshots: by the machine, the workers, PostgreSQL (its
 * server and backends). A process's share is what it used since the first snapshot, or since it
 * started; what a process that exited meanwhile used is in the machine's figure only.
 */
const coresUsed = (
  from: Awaited<ReturnType<typeof cpuSnapshot>>,
  to: Awaited<ReturnType<typeof cpuSnapshot>>,
  workerPids: number[],
) => {
  const seconds = (to.at - from.at) / 1000
  const used = (keep: (pid: string, name: string) => boolean) => {
    let ticks = 0
    for (const [pid, now] of to.processes) {
      if (keep(pid, now.name)) ticks += now.ticks - (from.processes.get(pid)?.ticks ?? 0)
    }
    return ticks / TICKS_PER_SECOND / seconds
  }
  const workers = new Set(workerPids.map(String))
  const machine =
    ((to.machine.busy - from.machine.busy) / (to.machine.total - from.machine.total)) * cpus
  return {
    machine,
    workers: used((pid) => workers.has(pid)),
    postgres: used((_pid, name) => name === 'postgres'),
  }
}

/** A 12-month customer of about 1,000 transactions on two checking accounts. */
const yearUpload = (seed: number): Upload => ({
  format: 'ALGOAN',
  accounts: [seed, seed + 100_000].flatMap(
    (s) => generateUpload({ profile: 'good', country: 'FR', months: 12, seed: s }).accounts,
  ),
})
const POOL = Array.from({ length: 50 }, (_, i) => yearUpload(i + 1))
const perUpload =
  POOL.reduce((n, u) => n + u.accounts.reduce((m, a) => m + a.transactions.length, 0), 0) /
  POOL.length

const database = await freshDatabase(BASE_URL, `creditlens_scale_${Date.now().toString(36)}`, 'db')
const env = {
  DATABASE_URL: database.url,
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '0',
  BOOTSTRAP_CLIENT_ID: CLIENT_ID,
  BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
  BODY_LIMIT_BYTES: String(16 * 1024 * 1024),
  // A killed worker's jobs come back after 30 s (the production default is 300 s).
  JOB_EXPIRE_SECONDS: '30',
  JOB_RETRY_DELAY_SECONDS: '0',
}
const apiEnv = { ...env, LOG_LEVEL: 'warn' }
const procs: Proc[] = []
const start = async (name: string, command: 'serve' | 'worker', args: string[] = []) => {
  const proc = await startProcess(
    name,
    command,
    args,
    command === 'serve' ? apiEnv : env,
    undefined,
  )
  procs.push(proc)
  return proc
}

let db: Database | undefined
try {
  say(
    `# creditlens scale-out (PostgreSQL ${new URL(BASE_URL).host}, ${COUNT} analyses of ~${perUpload.toFixed(0)} transactions per run)`,
  )
  say(`machine: ${cpus} cores, shared; figures are noisy`)
  const api = await start('api', 'serve', ['--no-worker'])
  const { access_token: token } = await clientToken(api.url, CLIENT_ID, CLIENT_SECRET)
  db = await openPostgres(database.url, { max: 2 })

  /** Creates `n` customers and their analyses through the API, 8 at a time. */
  const enqueue = async (n: number, tag: string) => {
    const created: { customerId: string; analysisId: string }[] = []
    const started = Date.now()
    let next = 0
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < n; i = next++) {
          const customer = await http<{ id: string }>(`${api.url}/v2/customers`, {
            method: 'POST',
            token,
            body: { customIdentifier: `${tag}-${i}` },
          })
          const analysis = await http<{ id: string }>(
            `${api.url}/v2/customers/${customer.body.id}/analyses`,
            {
              method: 'POST',
              token,
              body: POOL[i % POOL.length],
            },
          )
          if (analysis.status !== 202) throw new Error(`create: ${analysis.status}`)
          created.push({ customerId: customer.body.id, analysisId: analysis.body.id })
        }
      }),
    )
    return { created, seconds: (Date.now() - started) / 1000 }
  }

  const finished = async (ids: string[]) =>
    Number(
      (
        await db!.query<{ n: string }>(
          `select count(*)::text as n from analyses where id = any($1) and status in ('COMPLETED', 'ERROR')`,
          [ids],
        )
      ).rows[0]?.n,
    )

  const waitAll = async (
    ids: string[],
    timeoutMs: number,
    onProgress?: (done: number) => Promise<void>,
  ) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const done = await finished(ids)
      if (onProgress) await onProgress(done)
      if (done === ids.length) return true
      if (Date.now() > deadline) return false
      await sleep(100)
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Drain with 1, 2, 4 workers
  const rates: Record<number, number> = {}
  const cpuLines: string[] = []
  let oneWorkerBusy = Number.NaN
  say('\n## Drain a backlog\n')
  say(
    'workers  enqueue (create/s)  drain s  analyses/s  ratio  create→COMPLETED p50/p95 s  job run p50/p95 ms',
  )
  for (const workers of [1, 2, 4]) {
    const { created, seconds: enqueueSeconds } = await enqueue(COUNT, `w${workers}`)
    const ids = created.map((c) => c.analysisId)
    const started = Date.now()
    const running = await Promise.all(
      Array.from({ length: workers }, (_, i) => start(`w${workers}-${i}`, 'worker')),
    )
    // Workers start one by one and the first ones take jobs at once: the rate counts only what
    // was left once all of them were up.
    const ready = Date.now()
    const doneAtReady = await finished(ids)
    const pids = running.flatMap((proc) => (proc.child.pid === undefined ? [] : [proc.child.pid]))
    const cpuAtReady = await cpuSnapshot()
    if (!(await waitAll(ids, 60 * 60_000))) throw new Error(`${workers} workers: not drained`)
    const drain = (Date.now() - ready) / 1000
    const cpu = coresUsed(cpuAtReady, await cpuSnapshot(), pids)
    if (workers === 1) oneWorkerBusy = cpu.machine
    const codes = await Promise.all(running.map((proc) => proc.stop()))
    rates[workers] = (COUNT - doneAtReady) / drain
    // CPU ms per analysis: cores used × 1,000 ms ÷ analyses per second.
    const perAnalysis = (cores: number) => ((cores * 1000) / rates[workers]!).toFixed(1)
    cpuLines.push(
      `${String(workers).padStart(7)}  machine ${cpu.machine.toFixed(2)} of ${cpus} cores busy: workers ${cpu.workers.toFixed(2)}, ` +
        `PostgreSQL ${cpu.postgres.toFixed(2)}, everything else ${Math.max(0, cpu.machine - cpu.workers - cpu.postgres).toFixed(2)}; ` +
        `CPU per analysis: ${perAnalysis(cpu.machine)} ms, of which workers ${perAnalysis(cpu.workers)} ms and PostgreSQL ${perAnalysis(cpu.postgres)} ms`,
    )
    const latency = await db.query<{ ms: string }>(
      `select extract(epoch from (updated_at - created_at)) * 1000 as ms from analyses where id = any($1)`,
      [ids],
    )
    const jobs = await db.query<{ ms: string }>(
      `select extract(epoch from (completed_on - started_on)) * 1000 as ms from pgboss.job
        where name = 'analysis' and data->>'analysisId' = any($1) and completed_on is not null`,
      [ids],
    )
    const l = latency.rows.map((r) => Number(r.ms) / 1000)
    const j = jobs.rows.map((r) => Number(r.ms))
    say(
      `${String(workers).padStart(7)}  ${`${enqueueSeconds.toFixed(0)} s (${(COUNT / enqueueSeconds).toFixed(1)})`.padStart(18)}` +
        `  ${drain.toFixed(1).padStart(7)}  ${rates[workers]!.toFixed(1).padStart(10)}  ${(rates[workers]! / rates[1]!).toFixed(2).padStart(5)}` +
        `  ${`${percentile(l, 50).toFixed(1)} / ${percentile(l, 95).toFixed(1)}`.padStart(26)}` +
        `  ${`${percentile(j, 50).toFixed(0)} / ${percentile(j, 95).toFixed(0)}`.padStart(18)}` +
        `${codes.some((c) => c !== 0) ? `  (exit codes ${codes.join(',')})` : ''}` +
        `  (start-up ${((ready - started) / 1000).toFixed(1)} s, ${doneAtReady} done meanwhile, not counted)`,
    )
    if (workers === 1) {
      // Where a job's time goes: the engine on the same uploads in this process, against the run.
      const engine: number[] = []
      const parse: number[] = []
      for (const upload of POOL.slice(0, 20)) {
        const t0 = performance.now()
        const parsed = parseBody(structuredClone(upload))
        const t1 = performance.now()
        analyse(parsed.accounts, {})
        engine.push(performance.now() - t1)
        parse.push(t1 - t0)
      }
      // A batch's jobs are all marked started when fetched and run one after another, so a job's
      // run time includes its wait in the batch: one worker's time per analysis is drain / count.
      const perAnalysisMs = (drain * 1000) / Math.max(1, COUNT - doneAtReady)
      const engineMs = percentile(engine, 50)
      const parseMs = percentile(parse, 50)
      say(
        `         where one analysis's time goes (1 worker: ${perAnalysisMs.toFixed(0)} ms each): engine ${engineMs.toFixed(0)} ms and ` +
          `adapter ${parseMs.toFixed(0)} ms (measured here on the same uploads), the rest ~${Math.max(0, perAnalysisMs - engineMs - parseMs).toFixed(0)} ms ` +
          `(database reads and writes, result packing, queue, and waiting for a CPU on a shared machine)`,
      )
    }
  }

  say('\nCPU during each drain (average cores in use, from /proc):')
  for (const line of cpuLines) say(line)
  say(
    `With one worker ${oneWorkerBusy.toFixed(2)} of the ${cpus} cores were busy: more workers can use the ` +
      `other ${Math.max(0, cpus - oneWorkerBusy).toFixed(2)} at most, so the ratio to one worker is at most ~${(cpus / oneWorkerBusy).toFixed(2)} on this machine.`,
  )

  // ---------------------------------------------------------------------------------------------
  // 2. GET-analysis throughput with 1 and 2 API processes
  const sample = (
    await db.query<{ id: string; customer_id: string }>(
      `select id, customer_id from analyses where status = 'COMPLETED' order by id limit 200`,
    )
  ).rows.map((row) => `/v2/customers/${row.customer_id}/analyses/${row.id}`)
  const cannon = (url: string) => {
    let i = 0
    return autocannon({
      url,
      connections: 10,
      duration: GET_SECONDS,
      headers: { authorization: `Bearer ${token}` },
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({ ...request, path: sample[i++ % sample.length] ?? '/' }),
        },
      ],
    })
  }
  say('\n## GET an analysis (200 completed analyses in turn, 10 connections per API process)\n')
  const one = await cannon(api.url)
  say(
    `1 API process:  ${one.requests.average.toFixed(0)} req/s, p99 ${one.latency.p99} ms, non-2xx ${one.non2xx}`,
  )
  const second = await start('api2', 'serve', ['--no-worker'])
  const two = await Promise.all([cannon(api.url), cannon(second.url)])
  const total = two.reduce((n, r) => n + r.requests.average, 0)
  say(
    `2 API processes: ${total.toFixed(0)} req/s (${(total / one.requests.average).toFixed(2)}×), p99 ${Math.max(...two.map((r) => r.latency.p99))} ms, ` +
      `non-2xx ${two.reduce((n, r) => n + r.non2xx, 0)} (autocannon runs in this process, on the same 2 cores)`,
  )
  await second.stop()

  // ---------------------------------------------------------------------------------------------
  // 3. Exactly once under kill -9 of a worker mid-batch
  say('\n## kill -9 of one of two workers mid-batch\n')
  const killCount = Math.min(COUNT, 200)
  const { created: killed } = await enqueue(killCount, 'kill')
  const killIds = killed.map((c) => c.analysisId)
  const [victim, survivor] = await Promise.all([
    start('kill-0', 'worker'),
    start('kill-1', 'worker'),
  ])
  let killedAt = 0
  await waitAll(killIds, 30 * 60_000, async (done) => {
    if (killedAt === 0 && done >= killCount / 5 && victim) {
      killedAt = Date.now()
      await victim.kill9()
    }
  })
  const victimStarted = victim!.lines
    .filter((l) => l.msg === 'analysis job started')
    .map((l) => String(l.analysisId))
  // Its jobs that ended on the first attempt: it completed them before it was killed.
  const firstAttempts = new Set(
    (
      await db.query<{ id: string }>(
        `select data->>'analysisId' as id from pgboss.job where name = 'analysis' and data->>'analysisId' = any($1) and retry_count = 0 and state = 'completed'`,
        [killIds],
      )
    ).rows.map((r) => r.id),
  )
  const victimCompleted = new Set(victimStarted.filter((id) => firstAttempts.has(id)))
  const survivorStarts = new Map<string, number>()
  for (const line of survivor!.lines.filter((l) => l.msg === 'analysis job started')) {
    const id = String(line.analysisId)
    survivorStarts.set(id, (survivorStarts.get(id) ?? 0) + 1)
  }
  await survivor!.stop()
  const completions = await db.query<{ analysis_id: string; n: string }>(
    `select analysis_id, count(*)::text as n from outbox_events where name = 'analysis_completed' and analysis_id = any($1) group by analysis_id`,
    [killIds],
  )
  const statuses = await db.query<{ status: string; n: string }>(
    `select status, count(*)::text as n from analyses where id = any($1) group by status`,
    [killIds],
  )
  const twice = completions.rows.filter((r) => r.n !== '1').length
  const rerun = [...survivorStarts.values()].filter((n) => n > 1).length
  const takenOver = victimStarted.filter((id) => survivorStarts.has(id)).length
  const onceOk = completions.rows.length === killCount && twice === 0 && rerun === 0
  say(
    `${onceOk ? 'pass' : 'FAIL'}: ${killCount} analyses, worker killed after ${victimStarted.length} starts ` +
      `(${victimCompleted.size} of its jobs had completed); the other ran ${takenOver} of the killed worker's jobs again; ` +
      `${completions.rows.length} analyses completed (${statuses.rows.map((r) => `${r.status} ${r.n}`).join(', ')}), ${twice} more than once; ` +
      `no job started twice on the surviving worker: ${rerun === 0}`,
  )

  // ---------------------------------------------------------------------------------------------
  // 4. Graceful SIGTERM mid-batch
  say('\n## SIGTERM to a worker mid-batch\n')
  const { created: graceful } = await enqueue(Math.min(COUNT, 40), 'term')
  const termIds = graceful.map((c) => c.analysisId)
  const worker = await start('term', 'worker')
  await worker.waitForLine((l) => l.msg === 'analysis job started')
  const sentAt = Date.now()
  const code = await worker.stop()
  const stoppedIn = Date.now() - sentAt
  const left = await db.query<{ state: string; n: string }>(
    `select state, count(*)::text as n from pgboss.job where name = 'analysis' and data->>'analysisId' = any($1) group by state`,
    [termIds],
  )
  const active = Number(left.rows.find((r) => r.state === 'active')?.n ?? 0)
  const drainer = await start('term-drain', 'worker')
  const drained = await waitAll(termIds, 10 * 60_000)
  await drainer.stop()
  const gracefulOk = code === 0 && active === 0 && drained
  say(
    `${gracefulOk ? 'pass' : 'FAIL'}: exit code ${code} after ${stoppedIn} ms; jobs then ${left.rows.map((r) => `${r.state} ${r.n}`).join(', ')}; ` +
      `${active} left active; another worker finished the rest: ${drained}`,
  )
  if (!onceOk || !gracefulOk) process.exitCode = 1

  say(
    `\nSCALE workers1=${rates[1]?.toFixed(1)} workers2=${rates[2]?.toFixed(1)} workers4=${rates[4]?.toFixed(1)} ratio2=${((rates[2] ?? 0) / (rates[1] ?? 1)).toFixed(2)}`,
  )
} finally {
  await db?.close()
  await Promise.all(
    procs.map((proc) =>
      proc.child.exitCode === null && proc.child.signalCode === null ? proc.kill9() : undefined,
    ),
  )
  await database.drop().catch(() => undefined)
}
