/**
 * PGlite runs every statement on the calling thread. Statements queued behind one another must
 * still leave turns of the event loop between them, or every socket and timer of the process
 * waits for the whole queue (50 uploads at once stalled `/health` for 2.5 s).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openPglite } from '../../src/store/index.ts'

test('PGlite statements queued together let timers and sockets run between them', async () => {
  const db = await openPglite('memory://')
  try {
    await db.query('create table turns (n int)')
    let done = 0
    const statements = Array.from({ length: 200 }, (_, n) =>
      db.transaction(async (tx) => {
        await tx.query('insert into turns values ($1)', [n])
        await tx.query('select count(*) from turns')
        done += 1
      }),
    )
    // Scheduled after the statements were queued: it must run before the last of them ends.
    const seenAt = await new Promise<number>((resolve) => setImmediate(() => resolve(done)))
    await Promise.all(statements)
    assert.equal(done, 200)
    assert.ok(seenAt < 200, `the event loop turned only after ${seenAt} of 200 transactions`)
    await Promise.all(Array.from({ length: 100 }, (_, n) => db.query('select $1::int as n', [n])))
    let queries = 0
    const many = Array.from({ length: 100 }, () => db.query('select 1').then(() => (queries += 1)))
    const seenQueries = await new Promise<number>((resolve) => setImmediate(() => resolve(queries)))
    await Promise.all(many)
    assert.ok(seenQueries < 100, `the event loop turned only after ${seenQueries} of 100 queries`)
  } finally {
    await db.close()
  }
})
