/**
 * The analyst console, mounted at /console as its own encapsulated plugin: its cookie, CSRF,
 * helmet and view plugins are registered in this scope only (the API and other pages keep
 * theirs). Server-rendered HTML with native forms, no script; every form carries a CSRF token;
 * an analyst sees only their project's analyses (anything else is 404). No bank data in URLs:
 * paths hold ids only, and the logger drops query strings.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import helmet from '@fastify/helmet'
import view from '@fastify/view'
import { Eta } from 'eta'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  changePassword,
  LOCK_MS,
  MIN_PASSWORD_LENGTH,
  SESSION_MS,
  sessionAnalyst,
  signIn,
  signOut,
} from '../app/analysts.ts'
import type { Analyst, ConsoleStore } from '../app/console-ports.ts'
import { findProjectAnalysis, loadDecisionFile } from '../app/decision-file.ts'
import { AppError } from '../app/errors.ts'
import type { AnalysisStatus, AppDeps } from '../app/ports.ts'
import { correctionRule, createRule, deleteRule, listRules } from '../app/project-rules.ts'
import type { RuleStore } from '../app/rule-ports.ts'
import { reanalyse } from '../app/reanalyse.ts'
import { CATEGORIES, isCategory } from '../engine/model/index.ts'
import { PROJECT_RULE_PREFIX } from '../engine/project-rules.ts'
import { analysisView } from './analysis-view.ts'
import { formatter } from './format.ts'
import { CONSOLE_LISTS } from './lists.ts'
import { decisionFilePdf } from './pdf.ts'

export type ConsoleDeps = AppDeps & { console: ConsoleStore; rules: RuleStore }

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in analyst of a console request. */
    analyst: Analyst | undefined
  }
}

const VIEWS = fileURLToPath(new URL('./views/', import.meta.url))
const CSS = fileURLToPath(new URL('./assets/console.css', import.meta.url))
export const SESSION_COOKIE = 'creditlens_session'
const STATUSES: readonly AnalysisStatus[] = ['CREATED', 'IN_PROGRESS', 'COMPLETED', 'ERROR']
/** Analyses per page of the list. */
const PAGE_SIZE = 50
/** Transactions shown at once on the analysis page (the filter narrows them). */
const TRANSACTIONS_SHOWN = 500

const PUBLIC = new Set(['/console/login', '/console/assets/console.css'])

type Form = Record<string, string | undefined>
const formOf = (request: FastifyRequest): Form =>
  // @fastify/formbody parses urlencoded forms into an object of strings.
  (request.body ?? {}) as Form
type Query = Record<string, string | undefined>
const queryOf = (request: FastifyRequest): Query =>
  // Fastify parses the query string into an object of strings (arrays for repeated keys).
  request.query as Query

const analystOf = (request: FastifyRequest): Analyst => {
  if (!request.analyst) throw new AppError('UNAUTHORIZED', 'Sign in first')
  return request.analyst
}

const sessionCookie = {
  path: '/console',
  httpOnly: true,
  sameSite: 'strict',
  // Secure whenever the request came over HTTPS (directly or through a proxy that says so).
  secure: 'auto',
} as const

/**
 * The plugins are queued, not awaited: each then loads within its own start-up time limit, and
 * the pages, queued last, find the decorators (`csrfProtection`, `view`) in place.
 */
export const consolePlugin = (deps: ConsoleDeps) => async (app: FastifyInstance) => {
  // Pages, not API: kept out of the OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true }
  })
  app.register(cookie)
  app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    // Served over plain HTTP on a laptop by `npm start`: no forced upgrade.
    strictTransportSecurity: false,
  })
  app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'creditlens_csrf',
    cookieOpts: sessionCookie,
    getToken: (request) => formOf(request)._csrf,
  })
  app.register(view, {
    engine: { eta: new Eta({ autoEscape: true }) },
    root: VIEWS,
    viewExt: 'eta',
    defaultContext: { categories: CATEGORIES, statuses: STATUSES, lists: CONSOLE_LISTS },
  })
  app.register(consolePages(deps))
}

const consolePages = (deps: ConsoleDeps) => async (app: FastifyInstance) => {
  const css = await readFile(CSS, 'utf8')
  app.decorateRequest('analyst', undefined)

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const path = request.url.split('?')[0] ?? ''
    if (PUBLIC.has(path)) return
    request.analyst = await sessionAnalyst(deps, request.cookies[SESSION_COOKIE])
    if (!request.analyst) return reply.redirect('/console/login', 303)
    if (
      request.analyst.mustChangePassword &&
      path !== '/console/password' &&
      path !== '/console/logout'
    ) {
      return reply.redirect('/console/password', 303)
    }
  })

  const render = (reply: FastifyReply, page: string, data: Record<string, unknown>, status = 200) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .view(page, {
        csrf: reply.generateCsrf(sessionCookie),
        analyst: reply.request.analyst,
        ...data,
      })

  app.setNotFoundHandler((_request, reply) =>
    render(reply, 'error', { title: 'Not found', message: 'There is nothing here.' }, 404),
  )
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError && error.kind === 'not_found') {
      return render(reply, 'error', { title: 'Not found', message: 'There is nothing here.' }, 404)
    }
    if (error.code?.startsWith('FST_CSRF')) {
      return render(
        reply,
        'error',
        {
          title: 'Form expired',
          message: 'The form was not sent from this page. Reload it and try again.',
        },
        403,
      )
    }
    if (error instanceof AppError && error.kind === 'unauthorized') {
      return reply.redirect('/console/login', 303)
    }
    if (error instanceof AppError || (error.statusCode ?? 500) < 500) {
      return render(
        reply,
        'error',
        { title: 'Cannot do this', message: error.message },
        error instanceof AppError && error.kind === 'forbidden' ? 403 : 400,
      )
    }
    request.log.error({ err: error }, 'console error')
    return render(reply, 'error', { title: 'Error', message: 'Something went wrong.' }, 500)
  })

  app.get('/assets/console.css', (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  )
  app.get('/', (_request, reply) => reply.redirect('/console/analyses', 303))

  // ---- sign-in ---------------------------------------------------------------------------------

  app.get('/login', (_request, reply) => render(reply, 'login', { error: null, email: '' }))
  app.post('/login', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request)
    const email = (form.email ?? '').slice(0, 320)
    const result = await signIn(deps, { email, password: (form.password ?? '').slice(0, 200) })
    if (!result.ok) {
      const error =
        result.reason === 'locked'
          ? `Too many failed attempts: sign-in is locked for ${LOCK_MS / 60_000} minutes.`
          : 'E-mail or password not recognised.'
      return render(reply, 'login', { error, email }, 401)
    }
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      ...sessionCookie,
      maxAge: SESSION_MS / 1000,
    })
    return reply.redirect(
      result.analyst.mustChangePassword ? '/console/password' : '/console/analyses',
      303,
    )
  })
  app.post('/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token) await signOut(deps, token)
    reply.clearCookie(SESSION_COOKIE, { path: '/console' })
    return reply.redirect('/console/login', 303)
  })
  app.get('/password', (request, reply) =>
    render(reply, 'password', {
      error: null,
      min: MIN_PASSWORD_LENGTH,
      first: analystOf(request).mustChangePassword,
    }),
  )
  app.post('/password', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request)
    try {
      await changePassword(deps, analystOf(request), {
        current: form.current ?? '',
        next: form.password ?? '',
        confirm: form.confirm ?? '',
      })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      return render(
        reply,
        'password',
        {
          error: error.message,
          min: MIN_PASSWORD_LENGTH,
          first: analystOf(request).mustChangePassword,
        },
        400,
      )
    }
    return reply.redirect('/console/analyses', 303)
  })

  // ---- analyses --------------------------------------------------------------------------------

  app.get('/analyses', async (request, reply) => {
    const { projectId } = analystOf(request)
    const query = queryOf(request)
    const search = (query.customIdentifier ?? '').trim().slice(0, 256)
    const status = STATUSES.find((s) => s === query.status)
    const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1))
    const { items, total } = await deps.console.searchAnalyses(projectId, {
      ...(search !== '' && { customIdentifier: search }),
      ...(status && { status }),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    })
    const fmt = formatter('en-GB', 'EUR')
    const link = (p: number) =>
      `/console/analyses?${new URLSearchParams({ customIdentifier: search, status: status ?? '', page: String(p) }).toString()}`
    return render(reply, 'analyses', {
      items: items.map((item) => ({ ...item, created: fmt.day(item.createdAt.toISOString()) })),
      search,
      status: status ?? '',
      total,
      previous: page > 1 ? link(page - 1) : null,
      next: page * PAGE_SIZE < total ? link(page + 1) : null,
    })
  })

  app.get('/analyses/:analysisId', async (request, reply) => {
    const { projectId } = analystOf(request)
    const { analysisId } = request.params as { analysisId: string }
    const file = await loadDecisionFile(deps, projectId, analysisId, { hiddenCustomers: true })
    const query = queryOf(request)
    const category = query.category && isCategory(query.category) ? query.category : ''
    const shown = file.transactions.filter(
      (tx) => category === '' || tx.enrichments.category === category,
    )
    const present = [...new Set(file.transactions.map((tx) => tx.enrichments.category))].sort()
    return render(reply, 'analysis', {
      file,
      view: analysisView(file),
      category,
      present,
      transactions: shown.slice(0, TRANSACTIONS_SHOWN),
      hidden: Math.max(0, shown.length - TRANSACTIONS_SHOWN),
      projectRulePrefix: PROJECT_RULE_PREFIX,
      corrected: query.corrected === '1',
      running: file.analysis.status === 'IN_PROGRESS' || file.analysis.status === 'CREATED',
    })
  })

  app.get('/analyses/:analysisId/report.pdf', async (request, reply) => {
    const { projectId } = analystOf(request)
    const { analysisId } = request.params as { analysisId: string }
    const file = await loadDecisionFile(deps, projectId, analysisId, { hiddenCustomers: true })
    const pdf = await decisionFilePdf(file)
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="decision-file-${file.analysis.id}.pdf"`)
      .send(pdf)
  })

  app.post(
    '/analyses/:analysisId/corrections',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const analyst = analystOf(request)
      const { analysisId } = request.params as { analysisId: string }
      await findProjectAnalysis(deps, analyst.projectId, analysisId)
      const form = formOf(request)
      const transactionId = form.transactionId ?? ''
      // The transaction must be one of this analysis: its description is read from the store,
      // never from the form.
      const page = await deps.analyses.listTransactions(analysisId, undefined, {
        limit: 100_000,
        page: 1,
      })
      const tx = page.items
        .map((item) => JSON.parse(item.json) as { id: string; description: string })
        .find((item) => item.id === transactionId)
      if (!tx) throw new AppError('UNKNOWN_ENTITY', 'Transaction not found')
      await createRule(
        deps,
        analyst.projectId,
        correctionRule(tx.description, form.category ?? '', form.payee === 'on'),
        `analyst:${analyst.email}`,
      )
      return reply.redirect(`/console/analyses/${analysisId}?corrected=1#rules`, 303)
    },
  )

  app.post(
    '/analyses/:analysisId/reanalyse',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const { projectId } = analystOf(request)
      const { analysisId } = request.params as { analysisId: string }
      const next = await reanalyse(deps, projectId, analysisId)
      return reply.redirect(`/console/analyses/${next.id}`, 303)
    },
  )

  // ---- reports, risk reports (src/console/lists.ts) ----------------------------------------------

  for (const list of CONSOLE_LISTS) {
    app.get(`/${list.path}`, async (request, reply) => {
      const { projectId } = analystOf(request)
      const query = queryOf(request)
      const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1))
      const { rows, total } = await list.rows(deps.console, projectId, {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      })
      const link = (p: number) => `/console/${list.path}?page=${p}`
      return render(reply, 'list', {
        list,
        rows,
        total,
        previous: page > 1 ? link(page - 1) : null,
        next: page * PAGE_SIZE < total ? link(page + 1) : null,
      })
    })
  }

  // ---- rules -----------------------------------------------------------------------------------

  app.get('/rules', async (request, reply) => {
    const { projectId } = analystOf(request)
    const fmt = formatter('en-GB', 'EUR')
    const rules = await listRules(deps, projectId)
    return render(reply, 'rules', {
      rules: rules.map((rule) => ({
        ...rule,
        created: fmt.day(rule.createdAt.toISOString()),
        categoryText: fmt.category(rule.category),
        ruleId: `${PROJECT_RULE_PREFIX}${rule.id}`,
      })),
    })
  })
  app.post('/rules/:ruleId/delete', { preHandler: app.csrfProtection }, async (request, reply) => {
    const analyst = analystOf(request)
    const { ruleId } = request.params as { ruleId: string }
    await deleteRule(deps, analyst.projectId, ruleId, `analyst:${analyst.email}`)
    return reply.redirect('/console/rules', 303)
  })
}
