/**
 * Wire bytes of analyses as last served, each under the store's version of the analysis it was
 * built from. A GET checks the version (a tiny query) and, when unchanged, sends the same bytes:
 * no 80 KB–1.4 MB text read, spliced, measured and encoded again per request. Bounded in bytes,
 * least recently used first out. Every process keeps its own; the version keeps them all exact.
 */
/** Wire bytes of recently read analyses (a 1,000-transaction analysis is ~1.4 MB). */
export const ANALYSIS_WIRE_CACHE_BYTES = 64 * 1024 * 1024

export interface WireCache {
  get(id: string, version: string): Uint8Array | undefined
  set(id: string, version: string, bytes: Uint8Array): void
}

export const createWireCache = (maxBytes: number): WireCache => {
  const entries = new Map<string, { version: string; bytes: Uint8Array }>()
  let total = 0
  const remove = (id: string) => {
    const entry = entries.get(id)
    if (!entry) return
    entries.delete(id)
    total -= entry.bytes.byteLength
  }
  return {
    get: (id, version) => {
      const entry = entries.get(id)
      if (!entry || entry.version !== version) return undefined
      // Map order is insertion order: re-inserting marks it most recently used.
      entries.delete(id)
      entries.set(id, entry)
      return entry.bytes
    },
    set: (id, version, bytes) => {
      remove(id)
      if (bytes.byteLength > maxBytes) return
      entries.set(id, { version, bytes })
      total += bytes.byteLength
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break
        remove(oldest)
      }
    },
  }
}
