/**
 * Refuses, before validation, request bodies and query strings the database could not store:
 * NUL characters, unpaired surrogates, nesting deeper than `MAX_JSON_DEPTH` (see
 * app/text-check.ts). One hook at the root covers every route, present and future; path
 * parameters are ids, checked by the use cases (a malformed id answers 404 UNKNOWN_ENTITY).
 */
import type { FastifyInstance } from 'fastify'
import { AppError } from '../../app/errors.ts'
import { describeUnsafeValue, findUnsafeValue } from '../../app/text-check.ts'

export const registerInputCheck = (app: FastifyInstance): void => {
  app.addHook('preValidation', async (request) => {
    for (const [what, value] of [
      ['query string', request.query],
      ['body', request.body],
    ] as const) {
      const unsafe = findUnsafeValue(value)
      if (unsafe) throw new AppError('BAD_REQUEST', describeUnsafeValue(unsafe, what))
    }
  })
}
