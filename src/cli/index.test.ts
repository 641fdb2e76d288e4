import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'

const bin = new URL('../../bin/creditlens.js', import.meta.url).pathname

test('a bad setting ends serve and worker with one line naming it, exit 2, no stack', () => {
  for (const command of ['serve', 'worker']) {
    const result = spawnSync(process.execPath, [bin, command], {
      encoding: 'utf8',
      env: { ...process.env, PORT: 'abc', DATABASE_URL: '' },
      timeout: 30_000,
    })
    assert.equal(result.status, 2, result.stderr)
    assert.match(result.stderr, /^creditlens: PORT must be an integer .*\n$/)
  }
})
