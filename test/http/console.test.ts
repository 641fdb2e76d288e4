/**
 * The analyst console over HTTP: sign-in with a one-time password then a chosen one, CSRF on
 * every form, lockout, sign-out, every page's status, corrections that become project rules,
 * re-analysis with what changed, and isolation: another project's analyst gets 404 everywhere.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { createAnalyst, MAX_FAILED_SIGN_INS } from '../../src/app/analysts.ts'
import { runAnalysis } from '../../src/app/run-analysis.ts'
import { createLogger } from '../../src/logging/logger.ts'
import { Visitor } from '../support/console-session.ts'
import { call, json, newProject, startHarness, type Harness } from './harness.ts'

let harness: Harness
let projectA: Awaited<ReturnType<typeof newProject>>
let projectB: Awaited<ReturnType<typeof newProject>>
let customerId: string
let analysisId: string
const lines: string[] = []
const NEW_PASSWORD = 'correct horse battery staple'

const analystDeps = () => ({
  ...harness.runtime.deps,
  console: harness.runtime.store.console,
})

/** A signed-in analyst of a project, past the first-password step. */
const signedIn = async (projectId: string, email: string): Promise<Visitor> => {
  const { password } = await createAnalyst(analystDeps(), { projectId, email })
  const visitor = new Visitor(harness.app)
  const response = await visitor.signIn(email, password)
  assert.equal(response.statusCode, 303, response.body)
  await visitor.get('/console/password')
  const changed = await visitor.post('/console/password', {
    current: password,
    password: NEW_PASSWORD,
    confirm: NEW_PASSWORD,
  })
  assert.equal(changed.statusCode, 303, changed.body)
  return visitor
}

before(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'))
      done()
    },
  })
  harness = await startHarness({}, { logger: createLogger('info', sink) })
  projectA = await newProject(harness, 'a')
  projectB = await newProject(harness, 'b')
  const upload = JSON.parse(
    await readFile(new URL('../fixtures/algoan/harry_potter.json', import.meta.url), 'utf8'),
  ) as unknown
  customerId = json<{ id: string }>(
    await call(harness, projectA.token, 'POST', '/v2/customers', { customIdentifier: 'hp-0042' }),
  ).id
  const created = await call(
    harness,
    projectA.token,
    'POST',
    `/v2/customers/${customerId}/analyses`,
    upload,
  )
  analysisId = json<{ id: string }>(created).id
  assert.equal(await runAnalysis(harness.runtime.deps, analysisId), 'completed')
})
after(() => harness.close())

describe('sign-in', () => {
  test('pages need a session; the login form has email, password and a CSRF token', async () => {
    const visitor = new Visitor(harness.app)
    for (const url of ['/console/analyses', `/console/analyses/${analysisId}`, '/console/rules']) {
      const response = await visitor.get(url)
      assert.equal(response.statusCode, 303, url)
      assert.equal(response.headers.location, '/console/login')
    }
    const login = await visitor.get('/console/login')
    assert.equal(login.statusCode, 200)
    assert.match(login.body, /<input id="email" name="email" type="email"/)
    assert.match(login.body, /<input id="password" name="password" type="password"/)
    assert.match(login.body, /<label for="email">/)
    assert.ok(visitor.csrf.length > 10)
    assert.match(String(login.headers['content-security-policy']), /default-src 'none'/)
    assert.equal(login.headers['cache-control'], 'no-store')
    const csrfCookie = login.cookies.find((cookie) => cookie.name === 'creditlens_csrf')
    assert.ok(csrfCookie?.httpOnly && csrfCookie.sameSite === 'Strict')
  })

  test('a form without its CSRF token is refused (403), sign-in included', async () => {
    const { password } = await createAnalyst(analystDeps(), {
      projectId: projectA.projectId,
      email: 'csrf@lender.example',
    })
    const visitor = new Visitor(harness.app)
    await visitor.get('/console/login')
    const forged = await visitor.post('/console/login', {
      email: 'csrf@lender.example',
      password,
      _csrf: 'forged',
    })
    assert.equal(forged.statusCode, 403)
    const noCookie = new Visitor(harness.app)
    noCookie.csrf = visitor.csrf
    assert.equal(
      (await noCookie.post('/console/login', { email: 'csrf@lender.example', password }))
        .statusCode,
      403,
    )
    const signed = await signedIn(projectA.projectId, 'csrf-2@lender.example')
    await signed.get('/console/rules')
    signed.csrf = 'forged'
    assert.equal((await signed.post(`/console/analyses/${analysisId}/reanalyse`)).statusCode, 403)
    signed.csrf = 'forged' // the error page carried a fresh token
    assert.equal((await signed.post('/console/logout')).statusCode, 403)
  })

  test('the one-time password must be replaced before any page; the session cookie is httpOnly and SameSite', async () => {
    const { password } = await createAnalyst(analystDeps(), {
      projectId: projectA.projectId,
      email: 'First.Time@Lender.example',
    })
    const visitor = new Visitor(harness.app)
    const wrong = await visitor.signIn('first.time@lender.example', 'not-it')
    assert.equal(wrong.statusCode, 401)
    assert.match(wrong.body, /E-mail or password not recognised/)
    const unknown = await visitor.signIn('nobody@lender.example', password)
    assert.equal(unknown.statusCode, 401)
    assert.match(unknown.body, /E-mail or password not recognised/)
    const ok = await visitor.signIn('first.time@lender.example', password)
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/console/password')
    const session = ok.cookies.find((cookie) => cookie.name === 'creditlens_session')
    assert.ok(session?.httpOnly && session.sameSite === 'Strict' && session.path === '/console')
    const blocked = await visitor.get('/console/analyses')
    assert.equal(blocked.headers.location, '/console/password')
    await visitor.get('/console/password')
    const short = await visitor.post('/console/password', {
      current: password,
      password: 'short',
      confirm: 'short',
    })
    assert.equal(short.statusCode, 400)
    const changed = await visitor.post('/console/password', {
      current: password,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    })
    assert.equal(changed.statusCode, 303)
    assert.equal((await visitor.get('/console/analyses')).statusCode, 200)
    const again = new Visitor(harness.app)
    assert.equal((await again.signIn('first.time@lender.example', password)).statusCode, 401)
    assert.equal(
      (await again.signIn('first.time@lender.example', NEW_PASSWORD)).headers.location,
      '/console/analyses',
    )
  })

  test(`${MAX_FAILED_SIGN_INS} failures in a row lock the account, even for the right password`, async () => {
    const visitor = await signedIn(projectA.projectId, 'locked@lender.example')
    const guesser = new Visitor(harness.app)
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      const response = await guesser.signIn('locked@lender.example', `guess-${i}`)
      assert.match(response.body, /not recognised/)
    }
    const last = await guesser.signIn('locked@lender.example', 'guess-last')
    assert.equal(last.statusCode, 401)
    assert.match(last.body, /locked for 15 minutes/)
    const right = await guesser.signIn('locked@lender.example', NEW_PASSWORD)
    assert.equal(right.statusCode, 401)
    assert.match(right.body, /locked/)
    // A session opened before the lock goes on.
    assert.equal((await visitor.get('/console/analyses')).statusCode, 200)
    // The lock ends by itself after 15 minutes.
    const clock = harness.runtime.deps.clock
    const realNow = clock.now
    clock.now = () => new Date(Date.now() + 16 * 60_000)
    try {
      const later = await guesser.signIn('locked@lender.example', NEW_PASSWORD)
      assert.equal(later.statusCode, 303)
      assert.equal(later.headers.location, '/console/analyses')
    } finally {
      clock.now = realNow
    }
  })

  test('signing out ends the session on the server', async () => {
    const visitor = await signedIn(projectA.projectId, 'leaving@lender.example')
    const token = visitor.cookies.get('creditlens_session')
    await visitor.get('/console/analyses')
    const out = await visitor.post('/console/logout')
    assert.equal(out.statusCode, 303)
    assert.equal(out.headers.location, '/console/login')
    const replay = new Visitor(harness.app)
    replay.cookies.set('creditlens_session', token ?? '')
    assert.equal((await replay.get('/console/analyses')).statusCode, 303)
  })
})

describe('pages', () => {
  let analyst: Visitor
  before(async () => {
    analyst = await signedIn(projectA.projectId, 'analyst@lender.example')
  })

  test('the analyses list searches by custom identifier and status', async () => {
    const all = await analyst.get('/console/analyses')
    assert.equal(all.statusCode, 200)
    assert.match(all.body, /hp-0042/)
    assert.match(all.body, new RegExp(`/console/analyses/${analysisId}`))
    const score = json<{ creditScore: { value: number } }>(
      await call(
        harness,
        projectA.token,
        'GET',
        `/v2/customers/${customerId}/analyses/${analysisId}/scores`,
      ),
    ).creditScore.value
    assert.match(all.body, new RegExp(`<td class="num">${score}</td>`))
    assert.match((await analyst.get('/console/analyses?customIdentifier=HP-00')).body, /hp-0042/)
    assert.doesNotMatch(
      (await analyst.get('/console/analyses?customIdentifier=nobody')).body,
      /hp-0042/,
    )
    assert.match((await analyst.get('/console/analyses?status=COMPLETED')).body, /hp-0042/)
    assert.doesNotMatch((await analyst.get('/console/analyses?status=ERROR')).body, /hp-0042/)
    assert.equal((await analyst.get('/console/analyses?customIdentifier=%25_%5C')).statusCode, 200)
  })

  test('the analysis page shows scores with reasons, every section, a chart per account and transactions', async () => {
    const scores = json<{ creditScore: { value: number }; paymentScore: { value: number } }>(
      await call(
        harness,
        projectA.token,
        'GET',
        `/v2/customers/${customerId}/analyses/${analysisId}/scores`,
      ),
    )
    const page = await analyst.get(`/console/analyses/${analysisId}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, new RegExp(`${scores.creditScore.value} / 1000`))
    assert.match(page.body, new RegExp(`${scores.paymentScore.value} / 10`))
    // Reasons in plain words from the catalogue, not codes.
    assert.match(page.body, /Payments or credit repayments rejected for lack of funds\./)
    for (const heading of [
      'Credit score',
      'Payment score',
      'Income',
      'Housing',
      'Credits by lender and contract',
      'Incidents and risks',
      'Daily balances',
      'Expenses by category',
      'Transactions',
    ]) {
      assert.match(page.body, new RegExp(`<h2[^>]*>${heading}</h2>`), heading)
    }
    assert.match(page.body, /FNAC DARTY/) // employer
    assert.match(page.body, /CREDIPAR/) // lender
    assert.match(page.body, /<svg [^>]*role="img"/)
    assert.match(page.body, /class="zero"/) // the overdraft line
    assert.match(page.body, /class="incident"/) // incidents marked
    assert.match(page.body, /2\s?581,45\s?€/) // French amounts for a French account
    assert.doesNotMatch(page.body, /<script/)
    const grocery = await analyst.get(`/console/analyses/${analysisId}?category=GROCERY`)
    assert.match(grocery.body, /CARREFOUR/)
    assert.doesNotMatch(grocery.body, /SPOTIFY FRANCE/)
    assert.match(page.body, /SPOTIFY FRANCE/)
  })

  test('the PDF, the rules page, the stylesheet and a missing page answer', async () => {
    const pdf = await analyst.get(`/console/analyses/${analysisId}/report.pdf`)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
    assert.equal((await analyst.get('/console/rules')).statusCode, 200)
    const css = await analyst.get('/console/assets/console.css')
    assert.equal(css.statusCode, 200)
    assert.match(String(css.headers['content-type']), /text\/css/)
    assert.equal((await analyst.get('/console/nothing-here')).statusCode, 404)
    assert.equal((await analyst.get('/console/analyses/unknown-id')).statusCode, 404)
    assert.equal((await analyst.get('/console/')).headers.location, '/console/analyses')
  })

  test('a correction becomes a project rule; re-analyse shows what changed', async () => {
    const page = await analyst.get(`/console/analyses/${analysisId}`)
    const carrefour =
      /value="([^"]+)" form="correction" id="pick-[^"]+" aria-label="Correct: PAIEMENT CB PARIS CARREFOUR/.exec(
        page.body,
      )?.[1]
    assert.ok(carrefour)
    const corrected = await analyst.post(`/console/analyses/${analysisId}/corrections`, {
      transactionId: carrefour,
      category: 'SHOPPING',
      payee: 'on',
    })
    assert.equal(corrected.statusCode, 303, corrected.body)
    const rules = json<{ resources: { labelRoot: string; category: string; createdBy: string }[] }>(
      await call(harness, projectA.token, 'GET', '/v2/rules'),
    ).resources
    assert.equal(rules.length, 1)
    assert.equal(rules[0]?.category, 'SHOPPING')
    assert.equal(rules[0]?.createdBy, 'analyst:analyst@lender.example')
    assert.match(rules[0]?.labelRoot ?? '', /CARREFOUR/)
    assert.match((await analyst.get('/console/rules')).body, /CARREFOUR/)

    const rerun = await analyst.post(`/console/analyses/${analysisId}/reanalyse`)
    assert.equal(rerun.statusCode, 303)
    const nextId = String(rerun.headers.location).split('/').at(-1) ?? ''
    assert.notEqual(nextId, analysisId)
    assert.match(
      (await analyst.get(`/console/analyses/${nextId}`)).body,
      /This analysis is running/,
    )
    assert.equal(await runAnalysis(harness.runtime.deps, nextId), 'completed')
    const next = await analyst.get(`/console/analyses/${nextId}`)
    assert.match(next.body, /What changed since the previous analysis/)
    assert.match(next.body, /\d+ transactions changed category/)
    assert.match(next.body, /<td>Grocery<\/td><td><strong>Shopping<\/strong><\/td>/)
    assert.match(next.body, /PROJECT_RULE:/)

    // Deleting the rule from the console: the next re-analysis is back to the built-in rule.
    const ruleId = json<{ resources: { id: string }[] }>(
      await call(harness, projectA.token, 'GET', '/v2/rules'),
    ).resources[0]?.id
    await analyst.get('/console/rules')
    assert.equal((await analyst.post(`/console/rules/${ruleId}/delete`)).statusCode, 303)
    assert.doesNotMatch((await analyst.get('/console/rules')).body, /CARREFOUR/)
    const third =
      String((await analyst.post(`/console/analyses/${nextId}/reanalyse`)).headers.location)
        .split('/')
        .at(-1) ?? ''
    assert.equal(await runAnalysis(harness.runtime.deps, third), 'completed')
    assert.match(
      (await analyst.get(`/console/analyses/${third}`)).body,
      /<td>Shopping<\/td><td><strong>Grocery<\/strong><\/td>/,
    )
  })

  test("another project's analyst gets 404 on every page of this project's analysis", async () => {
    const other = await signedIn(projectB.projectId, 'other@lender-b.example')
    const list = await other.get('/console/analyses')
    assert.equal(list.statusCode, 200)
    assert.doesNotMatch(list.body, /hp-0042/)
    for (const url of [
      `/console/analyses/${analysisId}`,
      `/console/analyses/${analysisId}?category=GROCERY`,
      `/console/analyses/${analysisId}/report.pdf`,
    ]) {
      assert.equal((await other.get(url)).statusCode, 404, url)
    }
    await other.get('/console/rules')
    for (const url of [
      `/console/analyses/${analysisId}/reanalyse`,
      `/console/analyses/${analysisId}/corrections`,
    ]) {
      assert.equal(
        (await other.post(url, { transactionId: 'x', category: 'GROCERY' })).statusCode,
        404,
        url,
      )
    }
    const rule = json<{ id: string }>(
      await call(harness, projectA.token, 'POST', '/v2/rules', {
        pattern: 'X',
        category: 'GROCERY',
      }),
    )
    assert.equal((await other.post(`/console/rules/${rule.id}/delete`)).statusCode, 404)
    assert.equal(
      json<{ resources: unknown[] }>(await call(harness, projectA.token, 'GET', '/v2/rules'))
        .resources.length,
      1,
    )
    assert.equal(
      (await call(harness, projectA.token, 'DELETE', `/v2/rules/${rule.id}`)).statusCode,
      204,
    )
  })

  test('no bank data, password or session token reaches the log', async () => {
    const logged = lines.join('')
    assert.ok(logged.includes('/console/analyses'), 'console requests are logged')
    for (const secret of [
      'CARREFOUR',
      'FNAC',
      NEW_PASSWORD,
      'hp-0042',
      analyst.cookies.get('creditlens_session') ?? '§',
    ]) {
      assert.ok(!logged.includes(secret), secret)
    }
  })
})
