/**
 * Wire bytes of analyses as last served, each under the store's version of the analysis it was
 * built from. A GET checks the version (a tiny query) and, when unchanged, sends the same bytes:
 * no 80 KB–1.4 MB text read, spliced, measured and encoded again per request. Bounded in bytes,
 * least recently used first out. Every process keeps its own; the version keeps them all exact.
 */
import { LRUCache } from 'lru-cache'

/** Wire bytes of recently read analyses (a 1,000-transaction analysis is ~1.4 MB). */
export const ANALYSIS_WIRE_CACHE_BYTES = 64 * 1024 * 1024

export interface WireCache {
  get(id: string, version: string): Uint8Array | undefined
  set(id: string, version: string, bytes: Uint8Array): void
}

export const createWireCache = (maxBytes: number): WireCache => {
  const entries = new LRUCache<string, { version: string; bytes: Uint8Array }>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.bytes.byteLength),
  })
  return {
    get: (id, version) => {
      const entry = entries.get(id)
      return entry?.version === version ? entry.bytes : undefined
    },
    set: (id, version, bytes) => {
      // Too large for the cache: not kept, and no older version of it either.
      if (bytes.byteLength > maxBytes) entries.delete(id)
      else entries.set(id, { version, bytes })
    },
  }
}
