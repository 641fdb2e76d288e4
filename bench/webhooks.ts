/**
 * Webhook delivery throughput and latency: N domain events (over C customers) published the way
 * the use cases publish them, fanned out to one subscription, delivered by the workers of this
 * process to a receiver on loopback that answers 204.
 *
 *   npm run bench:webhooks                      # embedded PGlite, in memory
 *   DATABASE_URL=postgres://… npm run bench:webhooks
 *   BENCH_EVENTS=2000 BENCH_CUSTOMERS=200 npm run bench:webhooks
 *
 * Latency is from the event's `time` (set in the publishing transaction) to its arrival.
 */
import { createClient } from '../src/app/clients.ts'
import { createCustomer } from '../src/app/customers.ts'
import { createSubscription } from '../src/app/subscriptions.ts'
import { loadConfig } from '../src/config/index.ts'
import { createRuntime, startWorker } from '../src/main.ts'
import { startReceiver } from '../test/support/webhook-receiver.ts'

const events = Number(process.env.BENCH_EVENTS ?? 1000)
const customerCount = Number(process.env.BENCH_CUSTOMERS ?? 100)

const runtime = await createRuntime(
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    WEBHOOK_ALLOW_NETWORKS: 'loopback',
    ...(process.env.DATABASE_URL && { DATABASE_URL: process.env.DATABASE_URL }),
  }),
)
const latencies: number[] = []
const receiver = await startReceiver((webhook) => {
  const body = JSON.parse(webhook.raw.toString('utf8')) as { time: number } // our wire shape
  latencies.push(Date.now() - body.time)
  return 204
})
try {
  const { deps, webhooks } = runtime
  const { projectId } = await createClient(deps, { name: 'bench' })
  await createSubscription(webhooks, projectId, {
    eventName: 'bank_details_fetched',
    target: `${receiver.origin}/bench`,
  })
  const customers: string[] = []
  for (let i = 0; i < customerCount; i++) {
    const customer = await createCustomer(deps, projectId, { customIdentifier: `bench-${i}` })
    customers.push(customer.id)
  }
  await startWorker(runtime)

  const started = performance.now()
  for (let i = 0; i < events; i++) {
    const customerId = customers[i % customers.length] ?? ''
    await deps.inTransaction((tx) =>
      deps.events.publish(tx, { projectId, customerId, name: 'bank_details_fetched' }),
    )
  }
  const published = performance.now()
  await receiver.waitFor(events, 600_000)
  const delivered = performance.now()

  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  const seconds = (ms: number) => (ms / 1000).toFixed(2)
  console.log(
    JSON.stringify({
      backend: runtime.db.kind,
      events,
      customers: customerCount,
      publishSeconds: seconds(published - started),
      deliverSeconds: seconds(delivered - started),
      deliveredPerSecond: Math.round(events / ((delivered - started) / 1000)),
      latencyMs: { p50: at(0.5), p95: at(0.95), max: latencies.at(-1) },
    }),
  )
} finally {
  await receiver.close()
  await runtime.close()
}
