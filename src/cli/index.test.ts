import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runCommand } from '../../test/support/cli.ts'

test('a bad setting ends serve and worker with one line naming it, exit 2, no stack', async () => {
  for (const command of ['serve', 'worker']) {
    const result = await runCommand([command], { ...process.env, PORT: 'abc', DATABASE_URL: '' })
    assert.equal(result.status, 2, result.stderr)
    assert.match(result.stderr, /^creditlens: PORT must be an integer .*\n$/)
  }
})
