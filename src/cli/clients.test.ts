import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { hashScoringKey } from '../app/scoring/keys.ts'
import { verifySecret } from '../app/secrets.ts'
import { lockDataDir } from '../store/data-dir-lock.ts'
import { openPglite } from '../store/index.ts'
import { runCommand } from '../../test/support/cli.ts'

const withDataDir = async (work: (dataDir: string) => Promise<void>): Promise<void> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'creditlens-clients-'))
  try {
    await work(dataDir)
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

const create = (dataDir: string, ...args: string[]) =>
  runCommand(['clients', 'create', ...args], {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
  })

test('clients create prints a working client_id / client_secret and refuses bad currencies', () =>
  withDataDir(async (dataDir) => {
    const bad = await create(dataDir, '--name', 'x', '--currencies', 'EURO')
    assert.equal(bad.status, 1)
    assert.match(bad.stderr, /--currencies.*ISO 4217 codes/)
    assert.equal(bad.stdout, '')
    assert.deepEqual(await readdir(dataDir), [], 'refused before opening the database')

    const created = await create(dataDir, '--name', 'acme lending', '--currencies', 'GBP, eur')
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
      // the scoring API's keys: one per mode, stored hashed only
      assert.match(printed.scoring_test_key ?? '', /^stest_[A-Za-z0-9]{24}$/)
      assert.match(printed.scoring_live_key ?? '', /^sprod_[A-Za-z0-9]{24}$/)
      const keys = await db.query<{ key_hash: string; live_mode: boolean }>(
        `select k.key_hash, k.live_mode from scoring_keys k
           join clients c on c.project_id = k.project_id where c.id = $1 order by k.live_mode`,
        [printed.client_id],
      )
      assert.deepEqual(keys.rows, [
        { key_hash: hashScoringKey(printed.scoring_test_key ?? ''), live_mode: false },
        { key_hash: hashScoringKey(printed.scoring_live_key ?? ''), live_mode: true },
      ])
    } finally {
      await db.close()
    }
  }))

test('clients create --connector, or CONNECTOR_MODE=true, makes a project in connector mode', () =>
  withDataDir(async (dataDir) => {
    const projectOf = (stdout: string) => /project_id=(\w+)/.exec(stdout)?.[1] ?? ''
    const plain = await create(dataDir, '--name', 'plain')
    const flagged = await create(dataDir, '--name', 'flagged', '--connector')
    const byEnv = await runCommand(['clients', 'create', '--name', 'by env'], {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      CONNECTOR_MODE: 'true',
    })
    const optedOut = await runCommand(['clients', 'create', '--name', 'out', '--no-connector'], {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      CONNECTOR_MODE: 'true',
    })
    for (const run of [plain, flagged, byEnv, optedOut]) assert.equal(run.status, 0, run.stderr)
    const db = await openPglite(dataDir)
    try {
      const { rows } = await db.query<{ id: string; uses_connector: boolean }>(
        'select id, uses_connector from projects',
      )
      const mode = new Map(rows.map((row) => [row.id, row.uses_connector]))
      assert.equal(mode.get(projectOf(plain.stdout)), false)
      assert.equal(mode.get(projectOf(flagged.stdout)), true)
      assert.equal(mode.get(projectOf(byEnv.stdout)), true)
      assert.equal(mode.get(projectOf(optedOut.stdout)), false)
    } finally {
      await db.close()
    }
  }))

test('clients create refuses a blank project name before touching the database', () =>
  withDataDir(async (dataDir) => {
    for (const name of ['', '   ']) {
      const result = await create(dataDir, '--name', name)
      assert.equal(result.status, 1)
      assert.match(result.stderr, /--name/)
      assert.equal(result.stdout, '')
    }
  }))

test('clients create on a database a running creditlens holds says so in one line, and writes nothing', () =>
  withDataDir(async (dataDir) => {
    // This test process stands for the running server: it holds the data directory's lock.
    const release = lockDataDir(dataDir)
    try {
      const result = await create(dataDir, '--name', 'second terminal')
      assert.equal(result.status, 1)
      assert.equal(result.stdout, '')
      assert.match(
        result.stderr,
        new RegExp(
          `^creditlens: the database in .* is in use by a running creditlens \\(pid ${process.pid}\\)\\. Stop that process first.*BOOTSTRAP_CLIENT_ID.*\\n$`,
        ),
      )
      assert.equal(result.stderr.split('\n').length, 2, 'one line, no stack')
    } finally {
      release()
    }
  }))

test('clients create makes test-mode clients, --live live ones, --project adds one to a project', () =>
  withDataDir(async (dataDir) => {
    const read = (stdout: string) =>
      Object.fromEntries(
        stdout
          .trim()
          .split('\n')
          .map((line) => line.split('=')),
      ) as Record<string, string> // key=value lines printed by the command
    const test = await create(dataDir, '--name', 'acme lending')
    assert.equal(test.status, 0, test.stderr)
    const first = read(test.stdout)
    assert.equal(first.live_mode, 'false')
    const live = await create(
      dataDir,
      '--name',
      'acme lending',
      '--live',
      '--project',
      first.project_id ?? '',
    )
    assert.equal(live.status, 0, live.stderr)
    const second = read(live.stdout)
    assert.equal(second.live_mode, 'true')
    assert.equal(second.project_id, first.project_id)
    assert.notEqual(second.client_id, first.client_id)
    const unknown = await create(dataDir, '--name', 'x', '--project', 'nope')
    assert.equal(unknown.status, 1)
    assert.match(unknown.stderr, /project nope not found/)

    const db = await openPglite(dataDir)
    try {
      const { rows } = await db.query<{ id: string; live_mode: boolean }>(
        'select id, live_mode from clients where project_id = $1 order by live_mode',
        [first.project_id],
      )
      assert.deepEqual(
        rows.map((row) => [row.id, row.live_mode]),
        [
          [first.client_id, false],
          [second.client_id, true],
        ],
      )
    } finally {
      await db.close()
    }
  }))
