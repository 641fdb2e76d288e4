import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ConfigError, loadConfig } from './index.ts'

test('defaults: port 3000, PGlite in ./data, 10 MB bodies, 10,000 transactions per account', () => {
  const config = loadConfig({})
  assert.equal(config.port, 3000)
  assert.equal(config.dataDir, './data')
  assert.equal(config.databaseUrl, undefined)
  assert.equal(config.bodyLimitBytes, 10 * 1024 * 1024)
  assert.equal(config.maxTransactionsPerAccount, 10_000)
})

test('a bad value stops the start with a message naming the variable', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /^PORT /],
    [{ PORT: '70000' }, /^PORT /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ BOOTSTRAP_CLIENT_ID: 'only-id' }, /BOOTSTRAP_CLIENT_SECRET/],
    [{ TOKEN_SECRET: 'short' }, /^TOKEN_SECRET /],
    [{ TOKEN_SIGNING_KEY: 'short' }, /^TOKEN_SIGNING_KEY /],
    [{ TOKEN_SIGNING_KEY_FILE: '/nonexistent/creditlens-key' }, /^TOKEN_SIGNING_KEY_FILE /],
    [{ TOKEN_SIGNING_KEY: 'k'.repeat(32), TOKEN_SECRET: 's'.repeat(32) }, /only one of/],
    [{ WEBHOOK_ALLOW_NETWORKS: 'lan' }, /^WEBHOOK_ALLOW_NETWORKS /],
    [{ WEBHOOK_TIMEOUT_MS: '1' }, /^WEBHOOK_TIMEOUT_MS /],
    [{ JOB_HEARTBEAT_SECONDS: '5' }, /^JOB_HEARTBEAT_SECONDS /],
  ]
  for (const [env, message] of cases) {
    assert.throws(
      () => loadConfig(env),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError)
        assert.match(error.message, message)
        return true
      },
    )
  }
})

test('the token signing key comes from the environment or from a file', async () => {
  const key = 'a-signing-key-of-at-least-32-characters'
  assert.equal(loadConfig({ TOKEN_SIGNING_KEY: key }).tokenSecret, key)
  const dir = await mkdtemp(join(tmpdir(), 'creditlens-key-'))
  try {
    await writeFile(join(dir, 'key'), `${key}\n`)
    assert.equal(loadConfig({ TOKEN_SIGNING_KEY_FILE: join(dir, 'key') }).tokenSecret, key)
  } finally {
    await rm(dir, { recursive: true })
  }
  assert.equal(loadConfig({}).tokenSecret, undefined)
})

test('.env.example lists every variable the configuration reads', async () => {
  const files = ['./index.ts', './webhooks.ts', './scoring.ts']
  const sources = await Promise.all(
    files.map((file) => readFile(new URL(file, import.meta.url), 'utf8')),
  )
  const source = sources.join('\n')
  const example = await readFile(new URL('../../.env.example', import.meta.url), 'utf8')
  const read = new Set([...source.matchAll(/\(env, '([A-Z_]+)'/g)].map((match) => match[1]))
  const listed = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]))
  assert.deepEqual([...read].sort(), [...listed].sort())
})

test('PUBLIC_URL is an http(s) base URL kept without its trailing slash', () => {
  assert.equal(loadConfig({}).publicUrl, undefined)
  assert.equal(
    loadConfig({ PUBLIC_URL: 'https://credit.example.com/' }).publicUrl,
    'https://credit.example.com',
  )
  assert.throws(() => loadConfig({ PUBLIC_URL: 'credit.example.com' }), /PUBLIC_URL/)
  assert.throws(() => loadConfig({ PUBLIC_URL: 'ftp://credit.example.com' }), /PUBLIC_URL/)
  assert.equal(loadConfig({}).reportRetentionDays, 30)
  assert.throws(() => loadConfig({ REPORT_RETENTION_DAYS: '0' }), /REPORT_RETENTION_DAYS/)
})

test('reads SCORING_EXPIRY_HOURS (default 6) and refuses a bad one', () => {
  assert.equal(loadConfig({}).scoring.expiryHours, 6)
  assert.equal(loadConfig({ SCORING_EXPIRY_HOURS: '0.5' }).scoring.expiryHours, 0.5)
  for (const bad of ['0', '-1', 'six', '721']) {
    assert.throws(() => loadConfig({ SCORING_EXPIRY_HOURS: bad }), /SCORING_EXPIRY_HOURS/)
  }
})
