/**
 * Declarative checks for aggregator JSON: a typebox schema in each format's `schema.ts`, and this
 * helper that turns its failures into issues worded like the hand-written ALGOAN checks
 * (`connections[0].accounts[1].balance: expected a number, got "12,5"`).
 */
import Type, { type Static, type TSchema } from 'typebox'
import { Value } from 'typebox/value'
import type { AdapterIssue } from '../result.ts'
import { describe } from '../validate.ts'

/** At most this many issues per checked value: a wholly wrong file would otherwise list thousands. */
const MAX_ISSUES = 20

/** An optional field that may also be `null` (aggregators send both for "absent"). */
export const Nullable = <T extends TSchema>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]))

/** `/connections/0/accounts/1` under `base` → `base.connections[0].accounts[1]`. */
export const jsonPath = (base: string, pointer: string): string => {
  let path = base === '$' ? '' : base
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
    path += /^\d+$/.test(key) ? `[${key}]` : path === '' ? key : `.${key}`
  }
  return path === '' ? '$' : path
}

const valueAt = (root: unknown, pointer: string): unknown => {
  let value = root
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[part] // arrays index by string keys too
  }
  return value
}

/** typebox's `must be number` → `expected a number, got "12,5"`; `required` → `is required`. */
const messageOf = (
  error: { keyword: string; message: string; params: unknown; instancePath: string },
  root: unknown,
): { pointer: string; message: string }[] => {
  const params = (error.params ?? {}) as Record<string, unknown> // typebox params are plain records
  if (error.keyword === 'required' && Array.isArray(params.requiredProperties)) {
    return params.requiredProperties.map((key) => ({
      pointer: `${error.instancePath}/${String(key)}`,
      message: 'is required',
    }))
  }
  const got = describe(valueAt(root, error.instancePath))
  if (error.keyword === 'type') {
    const types = (Array.isArray(params.type) ? params.type : [params.type])
      .map(String)
      .filter((t) => t !== 'null')
    const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)
    return [
      {
        pointer: error.instancePath,
        message: `expected ${types.map(article).join(' or ')}, got ${got}`,
      },
    ]
  }
  return [{ pointer: error.instancePath, message: `${error.message}, got ${got}` }]
}

/**
 * Type guard that records why a value does not match: `if (!conforms(S, v, path, 'error',
 * issues)) return` leaves the issues in `issues` and narrows `v` otherwise. `suffix` is appended
 * to each message (e.g. `; transaction skipped`).
 */
export const conforms = <T extends TSchema>(
  schema: T,
  value: unknown,
  path: string,
  severity: AdapterIssue['severity'],
  issues: AdapterIssue[],
  suffix = '',
): value is Static<T> => {
  if (Value.Check(schema, value)) return true
  const seen = new Set<string>()
  for (const error of Value.Errors(schema, value)) {
    for (const { pointer, message } of messageOf(error, value)) {
      const at = jsonPath(path, pointer)
      // A union reports once per branch: keep the first message per path.
      if (seen.has(at) || seen.size >= MAX_ISSUES) continue
      seen.add(at)
      issues.push({ path: at, message: message + suffix, severity })
    }
    if (seen.size >= MAX_ISSUES) break
  }
  return false
}
