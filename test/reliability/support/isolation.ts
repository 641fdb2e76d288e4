/**
 * Isolation between projects: every documented route (read from the app's OpenAPI document, so
 * a new route is tried as soon as it is mounted) is called with project A's token and project
 * B's ids, alone and mixed with A's own ids. Each must answer 404, write nothing and return
 * none of B's data. A route whose path takes an id this file does not know is reported as not
 * covered: add one line to `PARAM_IDS`.
 */
import type { Harness } from '../../http/harness.ts'
import { WRITE_ROUTES } from './fuzz.ts'
import type { ProjectData } from './projects.ts'
import type { WriteCounter } from './write-counter.ts'

/** Which id of a project fills each path parameter. One line per parameter name. */
export const PARAM_IDS: Record<string, (project: ProjectData) => string> = {
  id: (p) => p.customerId,
  analysisId: (p) => p.analysisId,
  accountId: (p) => p.accountId,
  subscriptionId: (p) => p.subscriptionId,
  eventId: (p) => p.eventId,
}

/**
 * Routes of other surfaces, with their own tokens and their own isolation tests (an unknown or
 * another project's id → 404 there): the Report API (`test/http/report-api.test.ts`). The
 * category tree is the same for every project: nothing to isolate.
 */
const OWN_SURFACE: readonly (readonly [string, string])[] = [
  ['/v2/report/', 'Report API: test/http/report-api.test.ts'],
  ['/v2/category-tree/', 'the same tree for every project'],
  ['/v1/scoring', 'scoring API keys: test/http/scoring-v1.test.ts'],
  ['/widget', 'hosted page session: test/http/hosted-page.test.ts'],
  ['/rest/risk-reports', 'risk-report tokens: test/http/risk-report.test.ts'],
  ['/onetime/', 'risk-report client: test/http/risk-report.test.ts'],
  ['/ongoing/', 'risk-report client: test/http/risk-report.test.ts'],
  ['/auth/', 'risk-report client: test/http/risk-report.test.ts'],
]

/** Bodies that let a write route not in WRITE_ROUTES reach its ownership check. */
const BODIES: Record<string, unknown> = {
  '/v2/customers/{id}/analyses/{analysisId}/affordability': { amount: 3000, duration: 12 },
}

/** Query strings a route needs to reach its handler. */
const QUERIES: Record<string, (p: ProjectData) => string> = {
  '/subscriptions/{subscriptionId}/events': (p) => `?customerId=${p.customerId}`,
}

export type Verdict = 'ok' | 'LEAK' | 'WRITE' | 'refused' | 'not covered' | 'n/a'

export interface IsolationRow {
  route: string
  variant: string
  status: number | null
  verdict: Verdict
  note: string
}

export interface IsolationReport {
  rows: IsolationRow[]
  /** Answers that gave B's data, succeeded on B's resource, or wrote. */
  leaks: number
  /** Routes not tried (unknown path parameter). */
  uncovered: number
}

const paramsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')

const bodyFor = (method: string, path: string, attacker: ProjectData): unknown => {
  const v2 = path.replace(/^\/v1\//, '/v2/')
  const route = WRITE_ROUTES.find((r) => r.method === method.toUpperCase() && r.path === v2)
  if (!route) {
    if (path in BODIES) return BODIES[path]
    return method === 'get' || method === 'delete' ? undefined : {}
  }
  return route.valid({ ...attacker, token: attacker.token })
}

const multipartPayload = (csv: string) =>
  `--ISO\r\nContent-Disposition: form-data; name="files"; filename="s.csv"\r\n\r\n${csv}\r\n--ISO--\r\n`

/** Runs the pass: `attacker`'s token against `victim`'s resources. */
export const runIsolation = async (
  harness: Harness,
  counter: WriteCounter,
  attacker: ProjectData,
  victim: ProjectData,
): Promise<IsolationReport> => {
  await harness.app.ready()
  // The OpenAPI document of the mounted app: every documented route.
  const document = harness.app.swagger() as { paths: Record<string, Record<string, unknown>> }
  const rows: IsolationRow[] = []
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) {
      const route = `${method.toUpperCase()} ${path}`
      const params = paramsOf(path)
      const own = OWN_SURFACE.find(([prefix]) => path.startsWith(prefix))
      if (own !== undefined) {
        rows.push({ route, variant: '-', status: null, verdict: 'n/a', note: own[1] })
        continue
      }
      const unknown = params.filter((name) => !(name in PARAM_IDS))
      if (unknown.length > 0) {
        rows.push({
          route,
          variant: '-',
          status: null,
          verdict: 'not covered',
          note: `no id for {${unknown.join('}, {')}}`,
        })
        continue
      }
      if (params.length === 0 && method !== 'get') {
        rows.push({
          route,
          variant: '-',
          status: null,
          verdict: 'n/a',
          note: 'acts on the caller’s own project',
        })
        continue
      }
      // B's ids everywhere; then A's own ids with B's last one (B's analysis under A's customer …).
      const variants: [string, Record<string, string>][] = []
      if (params.length === 0) variants.push(['own list', {}])
      else {
        variants.push([
          'other’s ids',
          Object.fromEntries(params.map((n) => [n, PARAM_IDS[n]?.(victim) ?? ''])),
        ])
        if (params.length > 1) {
          const last = params[params.length - 1] ?? ''
          variants.push([
            `own ids, other’s {${last}}`,
            Object.fromEntries(
              params.map((n) => [n, PARAM_IDS[n]?.(n === last ? victim : attacker) ?? '']),
            ),
          ])
        }
      }
      for (const [variant, values] of variants) {
        const query = Object.entries(QUERIES).find(([suffix]) => path.endsWith(suffix))?.[1]
        const url =
          path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '') +
          (query ? query(victim) : '')
        const body = bodyFor(method, path, attacker)
        const isFiles = path.endsWith('/analyses/files')
        const before = await counter.read()
        const response = await harness.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          headers: {
            authorization: `Bearer ${attacker.token}`,
            ...(body !== undefined &&
              (isFiles
                ? { 'content-type': 'multipart/form-data; boundary=ISO' }
                : { 'content-type': 'application/json' })),
          },
          ...(body !== undefined && {
            payload: isFiles ? multipartPayload(attacker.csv) : JSON.stringify(body),
          }),
        })
        const wrote = (await counter.read()) !== before
        // B's data the request did not itself carry.
        const leaked = victim.secrets.filter((s) => !url.includes(s) && response.body.includes(s))
        const ownResource = params.length === 0
        let verdict: Verdict
        let note = ''
        if (wrote && !ownResource) {
          verdict = 'WRITE'
          note = 'the database changed'
        } else if (leaked.length > 0) {
          verdict = 'LEAK'
          note = `answer holds ${leaked.length} of the other project's values`
        } else if (!ownResource && response.statusCode < 400) {
          verdict = 'LEAK'
          note = 'succeeded on another project’s resource'
        } else if (ownResource || response.statusCode === 404) {
          verdict = 'ok'
          note = ownResource ? 'none of the other project’s data' : ''
        } else {
          verdict = 'refused'
          note = response.body.slice(0, 80)
        }
        rows.push({ route, variant, status: response.statusCode, verdict, note })
      }
    }
  }
  return {
    rows,
    leaks: rows.filter((row) => row.verdict === 'LEAK' || row.verdict === 'WRITE').length,
    uncovered: rows.filter((row) => row.verdict === 'not covered').length,
  }
}

export const isolationTable = (report: IsolationReport): string => {
  const width = Math.max(...report.rows.map((row) => row.route.length))
  const variantWidth = Math.max(...report.rows.map((row) => row.variant.length))
  return [
    `${'route'.padEnd(width)}  ${'variant'.padEnd(variantWidth)}  status  result`,
    ...report.rows.map(
      (row) =>
        `${row.route.padEnd(width)}  ${row.variant.padEnd(variantWidth)}  ${String(row.status ?? '-').padStart(6)}  ${row.verdict}${row.note ? ` (${row.note})` : ''}`,
    ),
  ].join('\n')
}
