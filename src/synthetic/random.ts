/**
 * A small seeded random generator (mulberry32): the same seed gives the same file on every
 * machine and Node version, which `Math.random` cannot promise.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next: () => number
  /** Integer in [min, max]. */
  int: (min: number, max: number) => number
  /** True with probability `p`. */
  chance: (p: number) => boolean
  pick: <T>(items: readonly T[]) => T
  /** `value` moved by up to ±`spread` (relative), rounded to cents. */
  around: (value: number, spread: number) => number
}

export const createRandom = (seed: number): Random => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    around: (value, spread) => Math.round(value * (1 + (next() * 2 - 1) * spread) * 100) / 100,
  }
}
