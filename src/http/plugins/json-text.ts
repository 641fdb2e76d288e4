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
