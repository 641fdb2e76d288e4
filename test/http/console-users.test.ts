/**
 * An analyst signs in with the README's commands only: `clients create` prints a project,
 * `users create --project … --email …` a one-time password, and the console's login form takes
 * it (then asks for a new password). Real command lines in-process, on a real data directory.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCommand } from '../support/cli.ts'
import { Visitor } from '../support/console-session.ts'
import { startHarness } from './harness.ts'

const keyValues = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )

test('users create prints a one-time password that signs in at /console/login', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'creditlens-users-'))
  try {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
    const client = await runCommand(['clients', 'create', '--name', 'acme'], env)
    assert.equal(client.status, 0, client.stderr)
    const { project_id: projectId } = keyValues(client.stdout)
    assert.ok(projectId)

    const bad = await runCommand(
      ['users', 'create', '--project', projectId, '--email', 'nope'],
      env,
    )
    assert.equal(bad.status, 1)
    assert.match(bad.stderr, /email must be an e-mail address/)
    const unknown = await runCommand(
      ['users', 'create', '--project', 'no-such-project', '--email', 'a@b.example'],
      env,
    )
    assert.equal(unknown.status, 1)
    assert.match(unknown.stderr, /Project not found/)

    const user = await runCommand(
      ['users', 'create', '--project', projectId, '--email', 'Ana@Lender.example'],
      env,
    )
    assert.equal(user.status, 0, user.stderr)
    const printed = keyValues(user.stdout)
    assert.equal(printed.email, 'ana@lender.example')
    assert.match(printed.one_time_password ?? '', /^[A-Za-z0-9_-]{24}$/)
    const again = await runCommand(
      ['users', 'create', '--project', projectId, '--email', 'ana@lender.example'],
      env,
    )
    assert.equal(again.status, 1)
    assert.match(again.stderr, /exists/)

    const harness = await startHarness({ DATA_DIR: dataDir, DATABASE_URL: '' })
    try {
      const { rows } = await harness.runtime.db.query<{ password_hash: string }>(
        'select password_hash from analysts where email = $1',
        ['ana@lender.example'],
      )
      assert.match(rows[0]?.password_hash ?? '', /^scrypt\$/)
      assert.ok(!(rows[0]?.password_hash ?? '').includes(printed.one_time_password ?? '§'))
      const visitor = new Visitor(harness.app)
      const signed = await visitor.signIn('ana@lender.example', printed.one_time_password ?? '')
      assert.equal(signed.statusCode, 303)
      assert.equal(signed.headers.location, '/console/password')
    } finally {
      await harness.close()
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
