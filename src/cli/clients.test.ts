import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { verifySecret } from '../app/secrets.ts'
import { openPglite } from '../store/index.ts'

const BIN = new URL('../../bin/creditlens.js', import.meta.url).pathname

test('clients create prints a working client_id / client_secret and refuses bad currencies', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'creditlens-clients-'))
  try {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, 'clients', 'create', ...args], { env, encoding: 'utf8' })

    const bad = run('--name', 'x', '--currencies', 'EURO')
    assert.equal(bad.status, 1)
    assert.match(bad.stderr, /--currencies.*ISO 4217 codes/)
    assert.equal(bad.stdout, '')
    assert.deepEqual(await readdir(dataDir), [], 'refused before opening the database')

    const created = run('--name', 'acme lending', '--currencies', 'GBP, eur')
    assert.equal(created.status, 0, created.stderr)
    const printed = Object.fromEntries(
      created.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('=')),
    ) as Record<string, string> // key=value lines printed by the command
    assert.ok(printed.client_id && printed.client_secret && printed.project_id)

    const db = await openPglite(dataDir)
    try {
      const { rows } = await db.query<{ name: string; currencies: string[]; hash: string }>(
        `select p.name, p.supported_currencies as currencies, c.secret_hash as hash
           from projects p join clients c on c.project_id = p.id where c.id = $1`,
        [printed.client_id],
      )
      assert.equal(rows[0]?.name, 'acme lending')
      assert.deepEqual(rows[0]?.currencies, ['GBP', 'EUR'])
      assert.equal(await verifySecret(printed.client_secret, rows[0]?.hash ?? ''), true)
      assert.notEqual(rows[0]?.hash, printed.client_secret)
    } finally {
      await db.close()
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('clients create refuses a blank project name before touching the database', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'creditlens-clients-'))
  try {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
    for (const name of ['', '   ']) {
      const result = spawnSync(process.execPath, [BIN, 'clients', 'create', '--name', name], {
        env,
        encoding: 'utf8',
      })
      assert.equal(result.status, 1)
      assert.match(result.stderr, /--name/)
      assert.equal(result.stdout, '')
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
