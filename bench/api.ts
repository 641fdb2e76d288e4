/**
 * `npm run bench:api`: the API over loopback, served by `creditlens serve` in its own process
 * (PGlite in a temporary directory, or PostgreSQL when DATABASE_URL is set).
 *
 * 1. GET an analysis with autocannon (targets: ≥ 3,000 req/s and p99 < 50 ms on PostgreSQL).
 * 2. GET results of the 1,000-transaction analysis: scores, a credit-insights part (no target),
 *    and a page of 20 transactions (target: ≥ 5,000 pages/s on PostgreSQL; it reads only the
 *    stored chunks it overlaps). The last line, `API … transactions_pages_per_s=<n> …`, is for
 *    scripts.
 * 3. Create-analysis-to-COMPLETED latency for a 1,000-transaction upload, polled every 5 ms
 *    (target: p50 ≤ 100 ms embedded).
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10), BENCH_RUNS (default 30),
 * BENCH_URL (a server already running with the bench's environment, e.g. one started under
 * `node --cpu-prof bin/creditlens.js serve`, instead of a child process).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { generateUpload } from '../src/synthetic/index.ts'
import { clientToken, http as api, startProcess } from '../test/support/processes.ts'

const CLIENT_ID = 'bench'
const CLIENT_SECRET = 'bench-secret-0000000001'
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const runs = Number(process.env.BENCH_RUNS ?? 30)

/** An ALGOAN upload of exactly `count` transactions on one checking account. */
const uploadOf = (count: number) => {
  const upload = generateUpload({ profile: 'good', country: 'FR', months: 60, seed: 7 })
  const [account] = upload.accounts
  if (!account || account.transactions.length < count) throw new Error('generator too small')
  return { accounts: [{ ...account, transactions: account.transactions.slice(-count) }] }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

const dataDir = await mkdtemp(join(tmpdir(), 'creditlens-bench-'))
const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'
const serverEnv = {
  DATA_DIR: dataDir,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '0',
  BOOTSTRAP_CLIENT_ID: CLIENT_ID,
  BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
}
// BENCH_URL: a server started by hand (e.g. under `node --cpu-prof`) with the env above.
const external = process.env.BENCH_URL
const server = external
  ? { url: external, child: undefined, exited: Promise.resolve(null) }
  : await startProcess('api', 'serve', [], serverEnv, undefined)
try {
  const { access_token: token } = await clientToken(server.url, CLIENT_ID, CLIENT_SECRET)
  const customer = await api<{ id: string }>(`${server.url}/v2/customers`, {
    method: 'POST',
    token,
    body: { customIdentifier: `bench-${Date.now()}` },
  })
  const upload = uploadOf(1_000)

  const createToCompleted = async (): Promise<number> => {
    const started = performance.now()
    const created = await api<{ id: string }>(
      `${server.url}/v2/customers/${customer.body.id}/analyses`,
      { method: 'POST', token, body: upload },
    )
    if (created.status !== 202) throw new Error(`create answered ${created.status}`)
    const url = `${server.url}/v2/customers/${customer.body.id}/analyses/${created.body.id}`
    for (;;) {
      const { body } = await api<{ status: string }>(url, { token })
      if (body.status === 'COMPLETED') return performance.now() - started
      if (body.status === 'ERROR') throw new Error('analysis ended in ERROR')
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  // Warm-up, and the analysis the GET benchmark reads. Each later analysis of the customer
  // reads the same 1,000 transactions (re-uploads are stored once).
  await createToCompleted()
  const latencies: number[] = []
  for (let i = 0; i < runs; i++) latencies.push(await createToCompleted())
  latencies.sort((a, b) => a - b)

  const list = await api<{ resources: { id: string }[] }>(
    `${server.url}/v2/customers/${customer.body.id}/analyses?limit=1`,
    { token },
  )
  const large = `${server.url}/v2/customers/${customer.body.id}/analyses/${list.body.resources[0]?.id}`

  // A small analysis too: the 66 transactions of the harry_potter fixture.
  const small = await api<{ id: string }>(`${server.url}/v2/customers`, {
    method: 'POST',
    token,
    body: { customIdentifier: `bench-small-${Date.now()}` },
  })
  const harry: unknown = JSON.parse(
    await readFile(new URL('../test/fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  )
  const smallAnalysis = await api<{ id: string }>(
    `${server.url}/v2/customers/${small.body.id}/analyses`,
    { method: 'POST', token, body: harry },
  )
  const smallUrl = `${server.url}/v2/customers/${small.body.id}/analyses/${smallAnalysis.body.id}`
  while ((await api<{ status: string }>(smallUrl, { token })).body.status === 'IN_PROGRESS') {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }

  const getBench = async (url: string, what = 'GET analysis') => {
    const size = JSON.stringify((await api(url, { token })).body).length
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token}` },
    })
    return `${what} (${Math.round(size / 1024)} KB body), ${connections} connections, ${seconds} s:\n  ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`
  }
  const smallFigures = await getBench(smallUrl)
  const largeFigures = await getBench(large)
  const resultFigures: string[] = []
  for (const path of ['/scores', '/credit-insights/incomes']) {
    resultFigures.push(`1,000 transactions — ${await getBench(large + path, `GET …${path}`)}`)
  }
  // A page of 20 transactions reads the one or two stored chunks it overlaps (target: ≥ 5,000
  // pages/s on PostgreSQL), whatever the size of the analysis. Requests walk through every page
  // of every analysis of the customer in turn (as clients paging through results would), so a
  // chunk is read from the database on its first page and unpacked once per process.
  const all = await api<{ resources: { id: string }[] }>(
    `${server.url}/v2/customers/${customer.body.id}/analyses?limit=100`,
    { token },
  )
  const pagePaths = all.body.resources.flatMap(({ id }) =>
    Array.from(
      { length: 50 },
      (_, index) =>
        `/v2/customers/${customer.body.id}/analyses/${id}/transactions?limit=20&page=${index + 1}`,
    ),
  )
  let nextPage = 0
  const pageRun = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: pagePaths[nextPage++ % pagePaths.length] ?? '/',
        }),
      },
    ],
  })
  resultFigures.push(
    `${all.body.resources.length} analyses of 1,000 transactions — GET …/transactions?limit=20&page=1…50 in turn (${pagePaths.length} pages), ${connections} connections, ${seconds} s:\n  ${Math.round(pageRun.requests.average)} req/s, latency p50 ${pageRun.latency.p50} ms, p99 ${pageRun.latency.p99} ms, errors ${pageRun.errors}, non-2xx ${pageRun.non2xx}`,
  )

  process.stdout.write(
    [
      `backend: ${backend}, node ${process.version}`,
      `harry_potter fixture, 66 transactions — ${smallFigures}`,
      `1,000 transactions — ${largeFigures}`,
      ...resultFigures,
      `create analysis (1,000 transactions) → COMPLETED, ${runs} runs, polled every 5 ms:`,
      `  p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms`,
      `API backend=${process.env.DATABASE_URL ? 'postgres' : 'pglite'} transactions_pages_per_s=${Math.round(pageRun.requests.average)} transactions_page_p99_ms=${pageRun.latency.p99}`,
      '',
    ].join('\n'),
  )
} finally {
  server.child?.kill('SIGTERM')
  await server.exited
  await rm(dataDir, { recursive: true, force: true })
}
