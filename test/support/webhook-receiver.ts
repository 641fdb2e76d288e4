/**
 * A real HTTP server on loopback that records the webhooks it receives, for tests. Each request
 * is answered by `respond` (a status, or `'hang'` to never answer).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The body exactly as received. */
  raw: Buffer
}

export type Responder = (webhook: ReceivedWebhook, index: number) => number | 'hang'

export interface Receiver {
  /** `http://127.0.0.1:<port>` */
  origin: string
  received: ReceivedWebhook[]
  /** Resolves once `count` webhooks have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>
  close(): Promise<void>
}

export const startReceiver = async (respond: Responder = () => 204): Promise<Receiver> => {
  const received: ReceivedWebhook[] = []
  const waiters: (() => void)[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const webhook: ReceivedWebhook = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        raw: Buffer.concat(chunks),
      }
      const answer = respond(webhook, received.length)
      received.push(webhook)
      for (const wake of waiters.splice(0)) wake()
      if (answer === 'hang') return
      res.statusCode = answer
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo // listen() on a TCP port gives an AddressInfo

  const waitFor = (count: number, timeoutMs = 5_000): Promise<ReceivedWebhook[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} webhooks, got ${received.length}`)),
        timeoutMs,
      )
      const check = (): void => {
        if (received.length >= count) {
          clearTimeout(timer)
          resolve(received.slice(0, count))
        } else waiters.push(check)
      }
      check()
    })

  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
