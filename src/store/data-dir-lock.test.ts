import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { DatabaseInUseError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts'

const dataDir = () => mkdtempSync(join(tmpdir(), 'creditlens-lock-'))

test('a second opener of a held data directory is told the pid that holds it', () => {
  const dir = dataDir()
  try {
    const release = lockDataDir(dir)
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), `${process.pid}\n`)
    assert.throws(
      () => lockDataDir(dir),
      (error: unknown) => error instanceof DatabaseInUseError && error.pid === process.pid,
    )
    release()
    assert.equal(existsSync(join(dir, LOCK_FILE)), false)
    lockDataDir(dir)()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a lock left by a process that no longer runs is taken over', () => {
  const dir = dataDir()
  try {
    // The pid of a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(join(dir, LOCK_FILE), `${dead}\n`)
    const release = lockDataDir(dir)
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8'), `${process.pid}\n`)
    release()
    writeFileSync(join(dir, LOCK_FILE), 'not a pid')
    lockDataDir(dir)()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
