/**
 * `creditlens serve` (what `npm start` runs) and `creditlens worker` as child processes, talked
 * to over real HTTP: for the reliability suite, the crash test and the benches. Every line they print goes to one log (for the log scan), log lines can
 * be awaited, and the peak resident memory is read from /proc before they end.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, type WriteStream } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'

const BIN = new URL('../../bin/creditlens.js', import.meta.url).pathname

export interface Proc {
  name: string
  child: ChildProcess
  /** `http://127.0.0.1:<port>` of a `serve` process. */
  url: string
  exited: Promise<number | null>
  /** Resolves with the first JSON log line (parsed) `match` accepts. */
  waitForLine(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>
  /** Every JSON log line so far. */
  lines: Record<string, unknown>[]
  /** Peak resident set size so far, MB (VmHWM), or NaN once ended. */
  peakRssMb(): number
  /** kill -9, then wait for the end. */
  kill9(): Promise<void>
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo // a TCP listener's address
      server.close(() => resolve(port))
    })
  })

export const peakRssMb = (pid: number | undefined): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1])
    return kb / 1024
  } catch {
    return Number.NaN
  }
}

/**
 * Starts `creditlens <command> …args` with `env` on top of this process's environment; `serve`
 * resolves once `/health` answers, `worker` once it logged that it started.
 */
export const startProcess = async (
  name: string,
  command: 'serve' | 'worker',
  args: readonly string[],
  env: Record<string, string>,
  log: WriteStream | undefined,
  startTimeoutMs = 600_000,
): Promise<Proc> => {
  const port = command === 'serve' ? await freePort() : 0
  const child = spawn(process.execPath, [BIN, command, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code
      resolve(code)
    }),
  )
  const lines: Record<string, unknown>[] = []
  const waiters: {
    match: (line: Record<string, unknown>) => boolean
    resolve: (line: Record<string, unknown>) => void
  }[] = []
  const onText = (text: string) => {
    log?.write(`${text}\n`)
    if (!text.startsWith('{')) return
    let line: Record<string, unknown>
    try {
      line = JSON.parse(text) as Record<string, unknown> // pino: one JSON object per line
    } catch {
      return
    }
    lines.push(line)
    for (const waiter of [...waiters]) {
      if (waiter.match(line)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    }
  }
  if (child.stdout) createInterface({ input: child.stdout }).on('line', onText)
  if (child.stderr) createInterface({ input: child.stderr }).on('line', onText)
  const waitForLine = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 120_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = lines.find(match)
      if (seen) return resolve(seen)
      const timer = setTimeout(
        () => reject(new Error(`${name}: no such log line in ${timeoutMs} ms`)),
        timeoutMs,
      )
      waiters.push({
        match,
        resolve: (line) => {
          clearTimeout(timer)
          resolve(line)
        },
      })
    })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + startTimeoutMs
  if (command === 'serve') {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`${name} exited early (${exitCode})`)
      if (Date.now() > deadline) throw new Error(`${name} did not start`)
      const healthy = await fetch(`${url}/health`).then(
        (response) => response.ok,
        () => false,
      )
      if (healthy) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } else {
    await Promise.race([
      waitForLine((line) => line.msg === 'creditlens worker started', startTimeoutMs),
      exited.then((code) => Promise.reject(new Error(`${name} exited early (${code})`))),
    ])
  }
  return {
    name,
    child,
    url,
    exited,
    waitForLine,
    lines,
    peakRssMb: () => peakRssMb(child.pid),
    kill9: async () => {
      child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

/** One JSON request to the API over real HTTP. */
export const http = async <T = Record<string, unknown>>(
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
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T } // our API's JSON
}

/** A client-credentials access token (and its refresh token). */
export const clientToken = async (url: string, clientId: string, clientSecret: string) => {
  const response = await http<{ access_token: string; refresh_token: string }>(
    `${url}/v2/oauth/token`,
    {
      method: 'POST',
      form: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
    },
  )
  if (response.status !== 201)
    throw new Error(`token: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

/** Polls `url` until the analysis leaves CREATED/IN_PROGRESS; resolves with its status. */
export const waitForAnalysis = async (
  url: string,
  token: string,
  timeoutMs: number,
): Promise<string> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await http<{ status?: string }>(url, { token }).catch(() => undefined)
    const status = response?.body.status
    if (status !== undefined && status !== 'IN_PROGRESS' && status !== 'CREATED') return status
    if (Date.now() > deadline) return status ?? 'UNREACHABLE'
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
