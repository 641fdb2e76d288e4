import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { test } from 'node:test'
import { PGlite } from '@electric-sql/pglite'
import { createLogger } from './logger.ts'
import { safeErrorMessage, serializeError } from './safe-error.ts'

const SECRET = 'FR7630006000011234567890189'

const databaseError = async (): Promise<unknown> => {
  const db = await PGlite.create('memory://')
  try {
    await db.query('create table t (a text primary key, b int)')
    await db.query('insert into t values ($1, 1)', [SECRET])
    await db.query('insert into t values ($1, 2)', [SECRET]) // duplicate key: detail holds it
  } catch (error) {
    return error
  } finally {
    await db.close()
  }
  throw new Error('expected a database error')
}

test('a database error keeps its code and schema names, none of its values', async () => {
  const error = await databaseError()
  assert.ok(JSON.stringify(error).includes(SECRET)) // what pino's standard serializer printed
  const safe = serializeError(new Error('wrapped', { cause: error }))
  const text = JSON.stringify(safe)
  assert.ok(!text.includes(SECRET), text)
  assert.equal(safe.cause?.code, '23505')
  assert.equal(safe.cause?.constraint, 't_pkey')
  assert.match(safe.cause?.message ?? '', /^database error: duplicate key value violates/)
})

test('values quoted in a database message are dropped', () => {
  const error = Object.assign(new Error(`invalid input syntax for type integer: "${SECRET}"`), {
    severity: 'ERROR',
    code: '22P02',
    where: `unnamed portal parameter $1 = '${SECRET}'`,
  })
  assert.equal(safeErrorMessage(error), 'database error: invalid input syntax for type integer')
  assert.ok(!JSON.stringify(serializeError(error)).includes(SECRET))
})

test('the logger drops query strings, bodies and sensitive fields', () => {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'))
      done()
    },
  })
  const logger = createLogger('info', sink)
  logger.info({ req: { method: 'GET', url: `/v2/x?iban=${SECRET}` } }, 'incoming request')
  logger.info({ body: SECRET, params: [SECRET], nested: { query: SECRET } }, 'anything')
  logger.error({ err: Object.assign(new Error('boom'), { query: 'x', params: [SECRET] }) }, 'e')
  const text = lines.join('')
  assert.ok(!text.includes(SECRET), text)
  assert.match(text, /"url":"\/v2\/x"/)
})
