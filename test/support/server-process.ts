/**
 * Runs `creditlens serve` as a child process (what `npm start` runs) and talks to it over real
 * HTTP: used by the crash test and by `npm run bench:api`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'

const BIN = new URL('../../bin/creditlens.js', import.meta.url).pathname

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Resolves with the log line of the first analysis job this process starts. */
  jobStarted: Promise<Record<string, unknown>>
  exited: Promise<number | null>
}

/** A TCP port free on loopback right now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      // A listening TCP server's address is an AddressInfo.
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })

/**
 * Starts `creditlens serve` with `env` (on top of this process's) and waits until `/health`
 * answers. With LOG_LEVEL=info, `jobStarted` sees the worker's first "analysis job started".
 */
export const startServerProcess = async (
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<ServerProcess> => {
  const port = await freePort()
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code
      resolve(code)
    }),
  )
  let onJob: (line: Record<string, unknown>) => void = () => undefined
  const jobStarted = new Promise<Record<string, unknown>>((resolve) => (onJob = resolve))
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (text) => {
      if (!text.startsWith('{')) return
      // pino writes one JSON object per line.
      const line = JSON.parse(text) as Record<string, unknown>
      if (line.msg === 'analysis job started') onJob(line)
    })
  }
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (exitCode !== undefined) throw new Error(`server exited early (${exitCode})`)
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { child, url, jobStarted, exited }
}

/** One JSON request to the API. */
export const api = async <T>(
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

/** A client-credentials access token. */
export const getToken = async (url: string, clientId: string, clientSecret: string) =>
  (
    await api<{ access_token: string }>(`${url}/v2/oauth/token`, {
      method: 'POST',
      form: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
    })
  ).body.access_token
