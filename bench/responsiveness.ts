/**
 * `npm run bench:responsiveness`: is the HTTP thread free while a large analysis runs? Starts
 * `creditlens serve` (what `npm start` runs; PGlite in a temporary directory, or PostgreSQL when
 * DATABASE_URL is set), uploads one customer of BENCH_TRANSACTIONS transactions (default
 * 50,000), and from the 202 until the analysis is COMPLETED calls `GET /health` one request
 * after another, recording each latency. Target: p99 under 50 ms.
 *
 * Ends with one line a script can read:
 * `RESPONSIVENESS transactions=<n> health_requests=<n> p50_ms=<x> p99_ms=<x> max_ms=<x> analysis_s=<x>`
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateUpload } from '../src/synthetic/index.ts'
import { clientToken, http as api, startProcess } from '../test/support/processes.ts'

const CLIENT_ID = 'bench-responsiveness'
const CLIENT_SECRET = 'bench-responsiveness-secret-01'
const wanted = Number(process.env.BENCH_TRANSACTIONS ?? 50_000)

/** `wanted` transactions over several checking accounts of 20 years each, all analysed. */
const uploadOf = (count: number) => {
  const accounts = []
  let total = 0
  for (let seed = 1; total < count; seed++) {
    const [account] = generateUpload({
      profile: 'risky',
      country: 'FR',
      months: 240,
      seed,
    }).accounts
    if (!account) throw new Error('generator gave no account')
    const transactions = account.transactions.slice(0, Math.min(10_000, count - total))
    total += transactions.length
    accounts.push({ ...account, iban: undefined, number: `bench-${seed}`, transactions })
  }
  return { accounts, parameters: { windowMonths: 240 } }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

const dataDir = await mkdtemp(join(tmpdir(), 'creditlens-responsiveness-'))
const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'
const server = await startProcess(
  'api',
  'serve',
  [],
  {
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    BODY_LIMIT_BYTES: String(64 * 1024 * 1024),
    BOOTSTRAP_CLIENT_ID: CLIENT_ID,
    BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
  },
  undefined,
)
try {
  const { access_token: token } = await clientToken(server.url, CLIENT_ID, CLIENT_SECRET)
  const customer = await api<{ id: string }>(`${server.url}/v2/customers`, {
    method: 'POST',
    token,
    body: { customIdentifier: `responsiveness-${Date.now()}` },
  })
  const upload = uploadOf(wanted)
  const count = upload.accounts.reduce((n, account) => n + account.transactions.length, 0)
  const created = await api<{ id: string }>(
    `${server.url}/v2/customers/${customer.body.id}/analyses`,
    { method: 'POST', token, body: upload },
  )
  if (created.status !== 202) throw new Error(`create answered ${created.status}`)
  const started = performance.now()
  const analysisUrl = `${server.url}/v2/customers/${customer.body.id}/analyses/${created.body.id}`

  let done = false
  const latencies: number[] = []
  const probe = (async () => {
    while (!done) {
      const before = performance.now()
      const response = await fetch(`${server.url}/health`)
      await response.arrayBuffer()
      latencies.push(performance.now() - before)
    }
  })()
  // Polled on the scores (202 while computed, 1 KB once done): reading the whole 50,000-
  // transaction analysis here would block this process's probe loop while it parses, and the
  // probe would report this process's pause as the server's.
  let status = 'IN_PROGRESS'
  while (status === 'IN_PROGRESS') {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const scores = await api<{ status?: string }>(`${analysisUrl}/scores`, { token })
    if (scores.status === 200) status = 'COMPLETED'
    else if (scores.status !== 202) status = `answered ${scores.status}`
  }
  const analysisSeconds = (performance.now() - started) / 1000
  done = true
  await probe
  if (status !== 'COMPLETED') throw new Error(`analysis ended in ${status}`)
  latencies.sort((a, b) => a - b)
  const p50 = percentile(latencies, 50)
  const p99 = percentile(latencies, 99)
  const max = latencies.at(-1) ?? NaN
  process.stdout.write(
    [
      `backend: ${backend}, node ${process.version}`,
      `GET /health during a ${count}-transaction analysis (${analysisSeconds.toFixed(1)} s from 202 to COMPLETED), ${latencies.length} requests one after another:`,
      `  p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms (target: p99 < 50 ms)`,
      `RESPONSIVENESS transactions=${count} health_requests=${latencies.length} p50_ms=${p50.toFixed(1)} p99_ms=${p99.toFixed(1)} max_ms=${max.toFixed(1)} analysis_s=${analysisSeconds.toFixed(1)}`,
      '',
    ].join('\n'),
  )
} finally {
  server.child.kill('SIGTERM')
  await server.exited
  await rm(dataDir, { recursive: true, force: true })
}
