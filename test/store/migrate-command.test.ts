/**
 * `creditlens migrate`: applies every migration (and installs the queue's schema) once, then says
 * the database is up to date (the deployment step run before N API and M worker processes start).
 */
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { migrationFiles } from '../../src/store/index.ts'
import { runCommand } from '../support/cli.ts'

test('creditlens migrate applies the migrations and the queue schema once', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'creditlens-migrate-'))
  try {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' }
    const first = await runCommand(['migrate'], env)
    assert.equal(first.status, 0, first.stderr)
    const files = await migrationFiles()
    assert.equal(
      first.stdout,
      `applied ${files.length} migration(s):\n${files.map((f) => `  ${f}\n`).join('')}`,
    )
    const second = await runCommand(['migrate'], env)
    assert.equal(second.status, 0, second.stderr)
    assert.equal(second.stdout, 'database up to date\n')
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
