/**
 * Fuzzing of every write route with fast-check: valid bodies mutated (a field removed, replaced
 * by a hostile value or joined by an unknown one), random JSON, broken text, hostile ids in the
 * path, wrong content types and tokens. Each response must be < 500, and a response ≥ 400 must
 * leave the database as it was (`WriteCounter`).
 *
 * A new write route is one line in `WRITE_ROUTES`: its method, its documented path, how it
 * authenticates and a valid body to start from.
 *
 * Write routes of the app left out, and why:
 * - `POST /console/login`, `POST /console/password`, `POST /console/logout`: sign-in and password
 *   forms cost a scrypt each and are stateful by design: a failed sign-in is recorded for the
 *   lockout (a write answered 401, on purpose) and locks the analyst after 5; a password change
 *   makes the valid body wrong; signing out ends the session the other console forms use. Their
 *   refusals are tested in test/http/console.test.ts.
 * - `POST /widget/flows/{id}`: the hosted page's screens form a state machine, one flow per link;
 *   a screen's valid form is valid once and then moves the flow on (test/http/hosted-page.test.ts
 *   walks them, with their CSRF and bad inputs). It is walked once in seeding (projects.ts).
 */
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import type { WriteCounter } from './write-counter.ts'

/** Marks the strings the fuzzer sends: the log scan looks for it. */
export const CANARY = 'ZQXCANARY'

/** Ids and credentials of the fuzzed project, and valid uploads to mutate. */
export interface FuzzIds {
  token: string
  clientId: string
  clientSecret: string
  customerId: string
  analysisId: string
  subscriptionId: string
  eventId: string
  apiRuleId: string
  consoleRuleId: string
  /** A Report API upload already processed, and uploads not processed yet (the run adds some). */
  reportId: string
  unprocessedReports: string[]
  scoringKey: string
  scoringId: string
  /** Rotated by every accepted `POST /auth/token`. */
  riskRefreshToken: string
  console: { cookie: string; csrf: string; transactionId: string }
  /** A small valid ALGOAN upload (`accounts`). */
  upload: unknown
  /** A small valid CSV statement. */
  csv: string
}

type Kind = 'json' | 'form' | 'multipart' | 'none'

/**
 * How a route authenticates: the v2 bearer token, none (token endpoints), HTTP Basic with the
 * client id and secret (risk report), HTTP Basic with the scoring API's key, the console's
 * session and CSRF cookies (the CSRF token is a field of the body).
 */
type Auth = 'bearer' | 'none' | 'client-basic' | 'scoring-key' | 'console'

/**
 * Values only known while the run goes, written as placeholders in paths and bodies and
 * replaced when the request is sent: the current refresh token, an upload not processed yet.
 */
const LIVE = {
  riskRefreshToken: 'LIVE-RISK-REFRESH-TOKEN',
  unprocessedReport: 'LIVE-UNPROCESSED-REPORT',
} as const

const live = (text: string, ids: FuzzIds): string =>
  text
    .replaceAll(LIVE.riskRefreshToken, ids.riskRefreshToken)
    .replaceAll(LIVE.unprocessedReport, ids.unprocessedReports.at(-1) ?? ids.reportId)

/** A JSON answer's field, or undefined. */
const field = (body: string, read: (value: never) => unknown): string | undefined => {
  try {
    const value = read(JSON.parse(body) as never) // our API's JSON; checked to be a string
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

export interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** As documented: `{param}`s are filled with the fuzzed project's ids, or with hostile ids. */
  path: string
  kind: Kind
  /** A valid body the fuzzer mutates. */
  valid: (ids: FuzzIds) => unknown
  /** Only hostile ids in the path (a route that would delete the ids the others need). */
  hostileIdsOnly?: boolean
  /** Share of the bodies relative to other routes (default 4). */
  weight?: number
  /** Default `bearer`. */
  auth?: Auth
  /** The multipart field of the files (default `files`). */
  fileField?: string
  /** Called after an answer < 400 with its body and the URL sent (keeps live values current). */
  accepted?: (body: string, ids: FuzzIds, url: string) => void
}

const subscription = { eventName: 'analysis_completed', target: 'http://127.0.0.1:9/hook' }

/** Every write route of the API, one line each. */
export const WRITE_ROUTES: WriteRoute[] = [
  {
    method: 'POST',
    path: '/v2/oauth/token',
    kind: 'form',
    auth: 'none',
    // Each well-formed request costs one scrypt (~30 ms), by design: fewer of them.
    weight: 1,
    valid: (ids) => ({
      grant_type: 'client_credentials',
      client_id: ids.clientId,
      client_secret: ids.clientSecret,
    }),
  },
  {
    method: 'POST',
    path: '/v1/oauth/token',
    kind: 'form',
    auth: 'none',
    // Each well-formed request costs one scrypt (~30 ms), by design: fewer of them.
    weight: 1,
    valid: (ids) => ({
      grant_type: 'client_credentials',
      client_id: ids.clientId,
      client_secret: ids.clientSecret,
    }),
  },
  {
    method: 'POST',
    path: '/v2/customers',
    kind: 'json',
    valid: () => ({
      customIdentifier: 'fuzz',
      aggregationDetails: { aggregatorName: 'BUDGET_INSIGHT', token: 'tok', mode: 'REDIRECT' },
      personalDetails: {
        identity: { firstName: 'Ada', lastName: 'Fuzz' },
        contact: { email: 'a@b.c' },
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/v2/customers/{id}',
    kind: 'json',
    valid: () => ({
      aggregationDetails: { userId: 'u1' },
      personalDetails: { identity: { lastName: 'Patched' } },
    }),
  },
  {
    method: 'DELETE',
    path: '/v2/customers/{id}',
    kind: 'none',
    valid: () => undefined,
    hostileIdsOnly: true,
  },
  { method: 'POST', path: '/v2/customers/{id}/analyses', kind: 'json', valid: (ids) => ids.upload },
  {
    method: 'PATCH',
    path: '/v2/customers/{id}/analyses/{analysisId}',
    kind: 'json',
    valid: () => ({ status: 'ERROR', error: { code: 'X', message: 'fuzzed' } }),
  },
  {
    method: 'POST',
    path: '/v2/customers/{id}/analyses/files',
    kind: 'multipart',
    valid: (ids) => ({ files: [{ filename: 'statement.csv', content: ids.csv }], format: 'CSV' }),
  },
  {
    method: 'POST',
    path: '/v2/subscriptions',
    kind: 'json',
    valid: () => ({ ...subscription, secret: 'abcdefghij' }),
  },
  { method: 'POST', path: '/v1/subscriptions', kind: 'json', valid: () => subscription },
  {
    method: 'PATCH',
    path: '/v2/subscriptions/{subscriptionId}',
    kind: 'json',
    valid: () => ({ status: 'ACTIVE' }),
  },
  {
    method: 'DELETE',
    path: '/v2/subscriptions/{subscriptionId}',
    kind: 'none',
    valid: () => undefined,
    hostileIdsOnly: true,
  },
  {
    method: 'PATCH',
    path: '/v2/subscriptions/{subscriptionId}/events/{eventId}',
    kind: 'json',
    valid: () => ({ status: 'PROCESSED' }),
  },
  {
    method: 'POST',
    path: '/v2/subscriptions/{subscriptionId}/events/{eventId}/redeliver',
    kind: 'json',
    valid: () => ({}),
  },
  {
    method: 'PATCH',
    path: '/v1/subscriptions/{subscriptionId}/events/{eventId}',
    kind: 'json',
    valid: () => ({ status: 'PROCESSED' }),
  },
  {
    method: 'PATCH',
    path: '/v1/subscriptions/{subscriptionId}',
    kind: 'json',
    valid: () => ({ status: 'ACTIVE' }),
  },
  {
    method: 'DELETE',
    path: '/v1/subscriptions/{subscriptionId}',
    kind: 'none',
    valid: () => undefined,
    hostileIdsOnly: true,
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/{subscriptionId}/events/{eventId}/redeliver',
    kind: 'json',
    valid: () => ({}),
  },
  // Our extensions of v2: the affordability what-if, the decision policy, project rules.
  {
    method: 'POST',
    path: '/v2/customers/{id}/analyses/{analysisId}/affordability',
    kind: 'json',
    valid: () => ({ amount: 3000, duration: 12, upfront: 500 }),
  },
  {
    method: 'PUT',
    path: '/v2/policy',
    kind: 'json',
    valid: () => ({
      annualRatePercent: 5.9,
      approveFrom: 70,
      referFrom: 40,
      rules: {
        gamblingShare: { above: 0.1, outcome: 'REFER' },
        accountSeizure: { outcome: 'DECLINE' },
        recentRejections: { above: 2, outcome: 'REFER' },
        debtToIncomeAfter: { above: 0.45, outcome: 'DECLINE' },
      },
    }),
  },
  {
    method: 'POST',
    path: '/v2/rules',
    kind: 'json',
    valid: () => ({ labelRoot: 'FUZZ SHOP', category: 'SHOPPING' }),
  },
  // The real id: deleted once, then every other body must answer 404 and write nothing.
  { method: 'DELETE', path: '/v2/rules/{apiRuleId}', kind: 'none', valid: () => undefined },
  // The Report API (bearer token, its own error array).
  {
    method: 'POST',
    path: '/oauth/token',
    kind: 'json',
    auth: 'none',
    // One scrypt per well-formed request.
    weight: 1,
    valid: (ids) => ({
      grant_type: 'client_credentials',
      client_id: ids.clientId,
      client_secret: ids.clientSecret,
      audience: 'https://api.example',
    }),
  },
  {
    method: 'POST',
    path: '/v2/report',
    kind: 'multipart',
    fileField: 'input',
    valid: (ids) => ({ input: [{ filename: 'statement.csv', content: ids.csv }] }),
    // Each accepted upload is one more to process.
    accepted: (body, ids) => {
      const id = field(
        body,
        (b: { data?: { attributes?: Record<string, unknown> } }) =>
          b.data?.attributes?.['request-id'],
      )
      if (id !== undefined) ids.unprocessedReports.push(id)
    },
  },
  {
    method: 'PUT',
    path: '/v2/report/process/{unprocessedReport}',
    kind: 'json',
    valid: () => ({
      country: 'fr',
      operations: ['categorisation', 'insights-income', 'simple-score'],
      params: { period: 6, drop_joint_accounts: false },
    }),
    accepted: (_body, ids, url) => {
      ids.unprocessedReports = ids.unprocessedReports.filter((id) => !url.endsWith(`/${id}`))
    },
  },
  // The scoring API v1 (HTTP Basic with its key, its own error shape); the other methods of its
  // paths answer 405 by design.
  {
    method: 'POST',
    path: '/v1/scoring/',
    kind: 'json',
    auth: 'scoring-key',
    valid: () => ({
      amount: 120000,
      currency: 'eur',
      customer: { email: 'pierre@martin.fr', name: 'Pierre Martin', mobile: '+33612345678' },
      duration: 12,
      return_url: 'https://www.example.com/',
      sepa: { iban: 'FR1420041010050500013M02606', name: 'Pierre Martin' },
      upfront: 40000,
    }),
  },
  ...(['PUT', 'PATCH', 'DELETE'] as const).map((method): WriteRoute => ({
    method,
    path: '/v1/scoring/',
    kind: 'json',
    auth: 'scoring-key',
    weight: 1,
    valid: () => ({ amount: 120000 }),
  })),
  ...(['POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method): WriteRoute => ({
    method,
    path: '/v1/scoring/{scoringId}',
    kind: 'json',
    auth: 'scoring-key',
    weight: 1,
    valid: () => ({ amount: 120000 }),
  })),
  // The risk report API (HTTP Basic with the client's id and secret: one scrypt a request).
  {
    method: 'POST',
    path: '/onetime/risk-report',
    kind: 'json',
    auth: 'client-basic',
    weight: 1,
    valid: () => ({
      redirect_uri: 'https://lender.example/callback',
      language: 'en',
      reporting_period: 6,
    }),
  },
  {
    method: 'POST',
    path: '/ongoing/risk-report',
    kind: 'json',
    auth: 'client-basic',
    weight: 1,
    valid: () => ({ redirect_uri: 'https://lender.example/callback', user_id: 'fuzz-user-1' }),
  },
  {
    method: 'POST',
    path: '/auth/token',
    kind: 'json',
    auth: 'client-basic',
    weight: 1,
    valid: () => ({ grant_type: 'refresh_token', refresh_token: LIVE.riskRefreshToken }),
    accepted: (body, ids) => {
      const token = field(body, (b: { refresh_token?: unknown }) => b.refresh_token)
      if (token !== undefined) ids.riskRefreshToken = token
    },
  },
  // The analyst console's forms (session cookie, CSRF token in the body).
  {
    method: 'POST',
    path: '/console/analyses/{analysisId}/corrections',
    kind: 'form',
    auth: 'console',
    weight: 2,
    valid: (ids) => ({
      _csrf: ids.console.csrf,
      transactionId: ids.console.transactionId,
      category: 'SHOPPING',
      payee: 'on',
    }),
  },
  {
    method: 'POST',
    path: '/console/analyses/{analysisId}/reanalyse',
    kind: 'form',
    auth: 'console',
    // Each accepted one copies the analysis' accounts and queues an analysis.
    weight: 1,
    valid: (ids) => ({ _csrf: ids.console.csrf }),
  },
  {
    method: 'POST',
    path: '/console/rules/{consoleRuleId}/delete',
    kind: 'form',
    auth: 'console',
    weight: 2,
    valid: (ids) => ({ _csrf: ids.console.csrf }),
  },
]

const routeName = (route: WriteRoute) => `${route.method} ${route.path}`

// ---------------------------------------------------------------------------------------------
// Values

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\uffff',
  '\u202e',
  '%00',
  '%zz',
  '../../etc/passwd',
  "' or 1=1 --",
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '2024-13-45T99:99:99Z',
  '1e999',
  'NaN',
  '-0',
  'x'.repeat(3000),
  '\n\r\t',
]

const hostileString: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(...SPECIAL_STRINGS),
    ),
  )
  .map(([marked, text]) => (marked ? `${CANARY}${text}` : text))

const nested = (depth: number): unknown => {
  let value: unknown = 1
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value]
  return value
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 2,
    // Mapped to a fresh copy: constants are one instance, and a body must never hold itself.
    arbitrary: fc
      .constantFrom<unknown>(null, true, false, 0, -1, 1e308, 2 ** 63, {}, [], [null])
      .map((value) =>
        typeof value === 'object' && value !== null ? structuredClone(value) : value,
      ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 3000 }).map(nested) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
)

// ---------------------------------------------------------------------------------------------
// Mutations of a valid body

interface Mutation {
  kind: 'delete' | 'replace' | 'add'
  /** Which place of the body (modulo their number). */
  pick: number
  key: string
  value: unknown
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'replace', 'replace', 'add'),
  pick: fc.nat(),
  key: fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'id', 'status')),
  value: hostileValue,
})

type Place = { parent: Record<string, unknown> | unknown[]; key: string | number }

/** The places of a body, down to 12 levels (an inserted deep value is one place). */
const placesOf = (value: unknown, places: Place[] = [], depth = 0): Place[] => {
  if (depth > 12) return places
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      places.push({ parent: value, key: index })
      placesOf(item, places, depth + 1)
    })
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown> // a plain JSON object
    for (const key of Object.keys(object)) {
      places.push({ parent: object, key })
      placesOf(object[key], places, depth + 1)
    }
  }
  return places
}

const applyMutations = (base: unknown, mutations: Mutation[]): unknown => {
  let body: unknown = base === undefined ? {} : structuredClone(base)
  for (const change of mutations) {
    const places = placesOf(body)
    const place = places[change.pick % Math.max(places.length, 1)]
    if (!place) {
      body = change.kind === 'delete' ? {} : change.value
      continue
    }
    const parent = place.parent as Record<string | number, unknown>
    const { value } = change
    if (change.kind === 'replace') parent[place.key] = value
    else if (change.kind === 'add') {
      if (Array.isArray(place.parent)) place.parent.push(value)
      else
        Object.defineProperty(parent, change.key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
    } else if (Array.isArray(place.parent)) place.parent.splice(Number(place.key), 1)
    else delete parent[place.key]
  }
  return body
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface FuzzRequest {
  route: string
  method: WriteRoute['method']
  url: string
  headers: Record<string, string>
  payload?: string
}

const hostileId: fc.Arbitrary<string> = fc.oneof(
  // Ids are logged as part of the path (they are not personal data): no canary in them.
  hostileString.map((text) =>
    encodeURIComponent(text.replace(CANARY, '').replace(/[\ud800-\udfff]/g, 'x')),
  ),
  fc.constantFrom('%00', 'a%00b', '%zz', '%E0%A4%A', 'x'.repeat(400), '..%2F..%2F', '0', '-1'),
  fc
    .uint8Array({ minLength: 12, maxLength: 12 })
    .map((bytes) => Buffer.from(bytes).toString('hex')),
)

const fillPath = (path: string, ids: FuzzIds, hostile: string | undefined, which: number) => {
  const values: Record<string, string> = {
    id: ids.customerId,
    analysisId: ids.analysisId,
    subscriptionId: ids.subscriptionId,
    eventId: ids.eventId,
    apiRuleId: ids.apiRuleId,
    consoleRuleId: ids.consoleRuleId,
    unprocessedReport: LIVE.unprocessedReport,
    scoringId: ids.scoringId,
  }
  let index = 0
  const params = [...path.matchAll(/\{(\w+)\}/g)].length
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const mine = index++ === which % Math.max(params, 1)
    if (hostile !== undefined && mine) return hostile
    const value = values[name]
    if (value === undefined) throw new Error(`no id for {${name}} in ${path}: add it to fillPath`)
    return value
  })
}

interface FilePart {
  filename?: unknown
  content?: unknown
}

const multipart = (body: unknown, boundary: string, fileField: string): string => {
  const form = (body !== null && typeof body === 'object' ? body : { [fileField]: body }) as Record<
    string,
    unknown
  > // a mutated form description
  const lines: string[] = []
  for (const [name, value] of Object.entries(form)) {
    const parts = name === fileField && Array.isArray(value) ? (value as FilePart[]) : [value]
    for (const part of parts) {
      if (name === fileField && part !== null && typeof part === 'object') {
        const file = part as FilePart
        const filename =
          typeof file.filename === 'string' ? file.filename : JSON.stringify(file.filename)
        const content =
          typeof file.content === 'string' ? file.content : JSON.stringify(file.content ?? null)
        lines.push(
          `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${filename}"\r\n` +
            `Content-Type: application/octet-stream\r\n\r\n${content}\r\n`,
        )
      } else {
        const text = typeof part === 'string' ? part : JSON.stringify(part ?? null)
        lines.push(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text}\r\n`,
        )
      }
    }
  }
  return `${lines.join('')}--${boundary}--\r\n`
}

const form = (body: unknown): string => {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return String(JSON.stringify(body))
  return new URLSearchParams(
    Object.entries(body).map(([key, value]): [string, string] => [
      key,
      typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
    ]),
  ).toString()
}

const CONTENT_TYPES: Record<Kind, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data; boundary=FUZZ',
  none: 'application/json',
}

const base64 = (text: string) => Buffer.from(text).toString('base64')

/** The headers that authenticate a request the way `auth` says, or carry `hostile` instead. */
const credentials = (auth: Auth, ids: FuzzIds, hostile?: string): Record<string, string> => {
  switch (auth) {
    case 'none':
      return {}
    case 'bearer':
      return { authorization: `Bearer ${hostile ?? ids.token}` }
    case 'client-basic':
      return {
        authorization: `Basic ${base64(hostile ?? `${ids.clientId}:${ids.clientSecret}`)}`,
      }
    case 'scoring-key':
      return { authorization: `Basic ${base64(`${hostile ?? ids.scoringKey}:`)}` }
    case 'console':
      return {
        cookie:
          hostile === undefined
            ? ids.console.cookie
            : `creditlens_session=${encodeURIComponent(hostile)}; ${ids.console.cookie.replace(/creditlens_session=[^;]*;? ?/, '')}`,
      }
  }
}

/** One fuzzed request to `route`. */
const requestFor = (route: WriteRoute, ids: FuzzIds): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      body: fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .array(mutation, { minLength: 1, maxLength: 3 })
            .map((m) => applyMutations(route.valid(ids), m)),
        },
        { weight: 1, arbitrary: fc.constant(route.valid(ids)) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      ),
      // How the body is broken as text: not at all, cut short, a byte inserted, replaced.
      text: fc.oneof(
        { weight: 8, arbitrary: fc.constant<'asis'>('asis') },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constantFrom<'cut' | 'insert'>('cut', 'insert'),
            fc.nat(),
            hostileString,
          ),
        },
        { weight: 1, arbitrary: hostileString },
      ),
      pathId: route.hostileIdsOnly
        ? hostileId
        : fc.oneof(
            { weight: 9, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: hostileId },
          ),
      which: fc.nat(),
      contentType: fc.oneof(
        { weight: 12, arbitrary: fc.constant(CONTENT_TYPES[route.kind]) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'text/plain',
            'application/json; charset=latin1',
            'multipart/form-data',
            'application/x-www-form-urlencoded',
            'application/json',
          ),
        },
      ),
      credentials: fc.oneof(
        { weight: 19, arbitrary: fc.constant(credentials(route.auth ?? 'bearer', ids)) },
        {
          weight: 1,
          arbitrary: hostileString.map((text) =>
            credentials(route.auth ?? 'bearer', ids, text.replace(/[^\x20-\x7e]/g, '')),
          ),
        },
      ),
    })
    .map(({ body, text, pathId, which, contentType, credentials: auth }) => {
      let payload: string | undefined
      if (route.kind === 'multipart') payload = multipart(body, 'FUZZ', route.fileField ?? 'files')
      else if (route.kind === 'form') payload = form(body)
      else if (body !== undefined) payload = JSON.stringify(body)
      if (payload !== undefined && text !== 'asis') {
        if (typeof text === 'string') payload = text
        else {
          const [how, at, inserted] = text
          const cut = at % (payload.length + 1)
          payload =
            how === 'cut'
              ? payload.slice(0, cut)
              : payload.slice(0, cut) + inserted + payload.slice(cut)
        }
      }
      const headers: Record<string, string> = { 'content-type': contentType, ...auth }
      return {
        route: routeName(route),
        method: route.method,
        url: fillPath(route.path, ids, pathId, which),
        headers,
        ...(payload !== undefined && { payload }),
      }
    })

export const requestArbitrary = (ids: FuzzIds, routes: readonly WriteRoute[] = WRITE_ROUTES) =>
  fc.oneof(
    ...routes.map((route) => ({ weight: route.weight ?? 4, arbitrary: requestFor(route, ids) })),
  )

// ---------------------------------------------------------------------------------------------
// The run

export interface RouteTally {
  sent: number
  accepted: number
  rejected: number
  errors5xx: number
  partial: number
  ms: number
}

export interface FuzzReport {
  fuzzed: number
  errors5xx: number
  partial: number
  accepted: number
  /** Per route (`METHOD /path`). */
  routes: Map<string, RouteTally>
  /** The first failures, for the report (status, route, URL and the start of the body). */
  failures: string[]
  seconds: number
}

export const emptyReport = (): FuzzReport => ({
  fuzzed: 0,
  errors5xx: 0,
  partial: 0,
  accepted: 0,
  routes: new Map(),
  failures: [],
  seconds: 0,
})

/**
 * Sends `count` fuzzed requests one at a time, in chunks generated from `seed`, and checks each
 * answer. Adds to `report` (several databases add to one report).
 */
export const runFuzz = async (
  app: FastifyInstance,
  counter: WriteCounter,
  ids: FuzzIds,
  options: { count: number; seed: number; report?: FuzzReport; routes?: readonly WriteRoute[] },
): Promise<FuzzReport> => {
  const report = options.report ?? emptyReport()
  const started = Date.now()
  const routes = options.routes ?? WRITE_ROUTES
  const arbitrary = requestArbitrary(ids, routes)
  const routeOf = new Map(routes.map((route) => [routeName(route), route]))
  let writes = await counter.read()
  const chunk = 500
  for (let done = 0; done < options.count; done += chunk) {
    const requests = fc.sample(arbitrary, {
      numRuns: Math.min(chunk, options.count - done),
      seed: options.seed + done,
    })
    for (const request of requests) {
      const sentAt = Date.now()
      const url = live(request.url, ids)
      const payload = request.payload === undefined ? undefined : live(request.payload, ids)
      const response = await app.inject({
        method: request.method,
        url,
        headers: request.headers,
        ...(payload !== undefined && { payload }),
      })
      if (response.statusCode < 400) routeOf.get(request.route)?.accepted?.(response.body, ids, url)
      const tally = report.routes.get(request.route) ?? {
        sent: 0,
        accepted: 0,
        rejected: 0,
        errors5xx: 0,
        partial: 0,
        ms: 0,
      }
      tally.ms += Date.now() - sentAt
      report.routes.set(request.route, tally)
      report.fuzzed += 1
      tally.sent += 1
      const after = await counter.read()
      const describe = () =>
        `${response.statusCode} ${request.method} ${url.slice(0, 120)} ` +
        `${JSON.stringify((payload ?? '').slice(0, 200))} → ${response.body.slice(0, 200)}`
      if (response.statusCode >= 500) {
        report.errors5xx += 1
        tally.errors5xx += 1
        if (report.failures.length < 20) report.failures.push(`5xx: ${describe()}`)
      }
      if (response.statusCode < 400) {
        report.accepted += 1
        tally.accepted += 1
      } else {
        tally.rejected += 1
        if (after !== writes) {
          report.partial += 1
          tally.partial += 1
          if (report.failures.length < 20) {
            report.failures.push(`partial (${after - writes} rows): ${describe()}`)
          }
        }
      }
      writes = after
    }
  }
  report.seconds += (Date.now() - started) / 1000
  return report
}

/** The per-route table of a fuzz report. */
export const fuzzTable = (report: FuzzReport): string => {
  const rows = [...report.routes.entries()].sort(([a], [b]) => a.localeCompare(b))
  const width = Math.max(...rows.map(([name]) => name.length), 5)
  const line = (cells: string[]) =>
    `${cells[0]?.padEnd(width)}  ${cells
      .slice(1)
      .map((cell) => cell.padStart(8))
      .join(' ')}`
  return [
    line(['route', 'sent', '2xx/3xx', '4xx', '5xx', 'partial', 'ms/req']),
    ...rows.map(([name, t]) =>
      line([
        name,
        String(t.sent),
        String(t.accepted),
        String(t.rejected - t.errors5xx),
        String(t.errors5xx),
        String(t.partial),
        (t.ms / t.sent).toFixed(1),
      ]),
    ),
  ].join('\n')
}
