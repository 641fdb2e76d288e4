import { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'

/**
 * Sends JSON that is already text (stored analysis results) or UTF-8 bytes as it is: fastify
 * does not re-serialise either when sent with a JSON content type. The route's response schema
 * still documents the shape in the OpenAPI.
 */
export const sendJsonText = (
  reply: FastifyReply,
  json: string | Uint8Array,
  status = 200,
): FastifyReply =>
  reply.code(status).header('content-type', 'application/json; charset=utf-8').send(json)

/**
 * Sends JSON written piece by piece (a large analysis, a list of them): the pieces are written
 * as they come, never joined into one string. An error after the first piece ends the response
 * early (the status is already sent); the client sees a truncated body, not a wrong one.
 */
export const sendJsonStream = (
  reply: FastifyReply,
  pieces: AsyncIterable<string>,
  status = 200,
): FastifyReply =>
  reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(Readable.from(pieces))
