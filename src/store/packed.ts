/**
 * Large JSON texts of analysis results are stored packed: `z` then the base64 of their zlib
 * deflate. A 1,000-transaction analysis is ~1.8 MB of JSON and ~0.2 MB packed, and the bytes
 * written are what a completion costs on PGlite. Base64 text rather than `bytea`: PGlite moves a
 * `bytea` parameter about ten times slower per byte than text (docs/decisions/packed-results.md).
 *
 * A text that does not start with `z` is plain JSON (small texts, and rows written before
 * packing existed): no JSON text starts with `z`.
 */
import { promisify } from 'node:util'
import { deflateSync, inflate, inflateSync } from 'node:zlib'

const inflateAsync = promisify(inflate)

/** Below this many characters a text is stored as it is: packing would not pay. */
export const PACK_THRESHOLD = 512
const MARK = 'z'

/**
 * Packs a JSON text. Synchronous, like the engine whose output it packs: ~4 ms for the ~1.8 MB
 * of a 1,000-transaction analysis; handing it to the zlib thread pool made a completion slower
 * (dispatch, and requests interleaved on the event loop while the worker waited).
 */
export const pack = (json: string): string => {
  if (json.length < PACK_THRESHOLD) return json
  // Level 1: results are written on the path a lender waits on; it already gives ~15×.
  return MARK + deflateSync(json, { level: 1 }).toString('base64')
}

/**
 * Below this many packed characters a text is unpacked at once on the calling thread: a chunk
 * of transactions (~2–5 KB) inflates in tens of microseconds, less than a thread-pool dispatch.
 */
const INLINE_UNPACK = 16 * 1024

/** The JSON text of a stored value, packed or not (large ones unpacked on the zlib thread pool). */
export const unpack = async (stored: string): Promise<string> => {
  if (!stored.startsWith(MARK)) return stored
  const bytes = Buffer.from(stored.slice(MARK.length), 'base64')
  if (stored.length < INLINE_UNPACK) return inflateSync(bytes).toString('utf8')
  return (await inflateAsync(bytes)).toString('utf8')
}
