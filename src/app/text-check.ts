/**
 * Text the database cannot store, found before it gets there. PostgreSQL refuses the NUL
 * character (U+0000) in `text` and `jsonb` and an unpaired UTF-16 surrogate in `jsonb` (it is
 * not Unicode), and `JSON.stringify` overflows the stack on a value nested some thousands deep:
 * each of these used to reach the store and answer 500. Checked at the edge (request bodies and
 * query strings, uploaded files) so the client gets a 400 naming the field.
 */

/** Deepest nesting accepted: our bodies need under 10 levels; 64 leaves room for free-form details. */
export const MAX_JSON_DEPTH = 64

export type TextProblem = 'nul' | 'surrogate' | 'depth'

export interface UnsafeValue {
  /** Where, as `accounts[0].transactions[3].description` (empty for the value itself). */
  path: string
  problem: TextProblem
  /** The problem is in a key of the object at `path`, not in a value. */
  inKey?: boolean
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const problemOf = (text: string): TextProblem | undefined => {
  if (text.includes('\u0000')) return 'nul'
  return UNPAIRED_SURROGATE.test(text) ? 'surrogate' : undefined
}

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`

/**
 * The first string or key that cannot be stored, or nesting deeper than `maxDepth`; undefined
 * when the whole value is safe. Iterative, so a hostile depth cannot overflow the stack here.
 */
export const findUnsafeValue = (
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): UnsafeValue | undefined => {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: current, path, depth } = item
    if (typeof current === 'string') {
      const problem = problemOf(current)
      if (problem) return { path, problem }
      continue
    }
    if (typeof current !== 'object' || current === null) continue
    if (depth >= maxDepth) return { path, problem: 'depth' }
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        stack.push({ value: current[index], path: join(path, index), depth: depth + 1 })
      }
      continue
    }
    if (current instanceof Uint8Array || current instanceof Date) continue
    const entries = Object.entries(current)
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index] ?? ['', undefined]
      const problem = problemOf(key)
      if (problem) return { path, problem, inKey: true }
      stack.push({ value: child, path: join(path, key), depth: depth + 1 })
    }
  }
  return undefined
}

/** A user-facing sentence for an unsafe value (never the value itself). */
export const describeUnsafeValue = (
  { path, problem, inKey }: UnsafeValue,
  what = 'request',
): string => {
  if (problem === 'depth') return `${what} is nested more than ${MAX_JSON_DEPTH} levels deep`
  const field = `${inKey ? 'a key of ' : ''}${path === '' ? what : path}`
  if (problem === 'nul') return `${field} contains a NUL character (U+0000), which is not accepted`
  return `${field} contains an unpaired surrogate: not valid Unicode`
}
