/**
 * The hosted page over HTTP: server-rendered HTML (@fastify/view + eta), native forms that work
 * with JavaScript off (POST → 303 → GET), CSRF tokens on every form, security headers, and an
 * HttpOnly page-token cookie bound to the flow. Cookie, CSRF, helmet, view and multipart are
 * registered inside this encapsulated plugin only: the JSON APIs are untouched.
 *
 * GET  /widget?token=<JWT>      opens a link: sets the page cookie, 303 to the flow's page
 * GET  /widget/flows/:id        the current screen
 * POST /widget/flows/:id        a screen's form (`action` = continue | back | cancel)
 * GET  /widget/assets/style.css the stylesheet
 */
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import view from '@fastify/view'
import { Eta } from 'eta'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { HostedLanguage } from '../app/hosted-flow.ts'
import type { HostedFlowRecord } from '../app/hosted-store.ts'
import type { HostedService, PageAction } from './flows.ts'
import { t, type MessageKey } from './i18n.ts'
import { stepsOf } from './machine.ts'
import type { SourceFile } from './sources/index.ts'

const TEMPLATES = fileURLToPath(new URL('./templates/', import.meta.url))
const STYLE = readFileSync(fileURLToPath(new URL('./style.css', import.meta.url)), 'utf8')
const PAGE_COOKIE = 'cl_page'
/** A year of monthly statements of a few accounts fits easily. */
const MAX_FILES = 24
const MAX_FILE_BYTES = 20 * 1024 * 1024

export interface HostedPluginOptions {
  service: HostedService
  /** Marks cookies Secure (the page is served over HTTPS). */
  secureCookies: boolean
}

type FormValue = { value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> }

const valueOf = (field: unknown): string | undefined => {
  if (typeof field === 'string') return field
  if (field && typeof field === 'object' && 'value' in field) {
    const { value } = field as FormValue
    return typeof value === 'string' ? value : undefined
  }
  return undefined
}

/** Form fields from a urlencoded body (strings, arrays) or a multipart one (parts). */
const readForm = async (
  body: unknown,
): Promise<{ fields: Record<string, string | string[]>; files: SourceFile[] }> => {
  const fields: Record<string, string | string[]> = {}
  const files: SourceFile[] = []
  if (!body || typeof body !== 'object') return { fields, files }
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const entries = Array.isArray(raw) ? raw : [raw]
    const values: string[] = []
    for (const entry of entries) {
      const part = entry as FormValue
      if (part && typeof part === 'object' && typeof part.toBuffer === 'function') {
        const content = await part.toBuffer()
        if (part.filename && content.length > 0) {
          files.push({ content: new Uint8Array(content), fileName: part.filename })
        }
        continue
      }
      const value = valueOf(entry)
      if (value !== undefined) values.push(value)
    }
    if (values.length === 1 && !Array.isArray(raw)) fields[name] = values[0] ?? ''
    else if (values.length > 0) fields[name] = values
  }
  return { fields, files }
}

const originOf = (url: string): string | undefined => {
  try {
    const { origin } = new URL(url)
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

/** Our own CSP: no script at all, styles from us, forms to us and to the caller's return URL. */
const contentSecurityPolicy = (redirectTarget?: string): string => {
  const target = redirectTarget === undefined ? undefined : originOf(redirectTarget)
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    `form-action 'self'${target ? ` ${target}` : ''}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export const hostedPagePlugin: FastifyPluginAsync<HostedPluginOptions> = async (app, options) => {
  const { service, secureCookies } = options
  await app.register(cookie)
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'cl_csrf',
    cookieOpts: { path: '/widget', sameSite: 'lax', httpOnly: true, secure: secureCookies },
    getToken: (request) => valueOf((request.body as Record<string, unknown> | undefined)?._csrf),
  })
  await app.register(helmet, {
    contentSecurityPolicy: false,
    // The return to the lender is a cross-site navigation: send it our origin, never our path.
    referrerPolicy: { policy: 'no-referrer' },
  })
  await app.register(view, {
    engine: { eta: new Eta({ views: TEMPLATES, cache: true, autoEscape: true }) },
    templates: TEMPLATES,
    layout: 'layout.eta',
    production: true,
  })
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { files: MAX_FILES, fileSize: MAX_FILE_BYTES, fields: 50 },
  })

  const render = async (
    reply: FastifyReply,
    status: number,
    template: string,
    data: { language: HostedLanguage; lender?: string; redirectTarget?: string } & Record<
      string,
      unknown
    >,
  ) => {
    const language = data.language
    const lender = data.lender ?? ''
    const translate = (key: MessageKey, values: Record<string, string | number> = {}) =>
      t(language, key, { lender, ...values })
    const html = await reply.viewAsync(template, { ...data, lang: language, t: translate, lender })
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', contentSecurityPolicy(data.redirectTarget))
      .send(html)
  }

  const expired = (reply: FastifyReply, status: number, record?: HostedFlowRecord) =>
    render(reply, status, 'expired.eta', {
      language: record?.session.language ?? 'en',
      ...(record && { lender: record.session.lenderName }),
      testMode: false,
    })

  app.setErrorHandler(async (error, request, reply) => {
    const code = (error as { code?: string }).code ?? ''
    const status = (error as { statusCode?: number }).statusCode ?? 500
    if (status >= 500) request.log.error({ err: error }, 'hosted page failed')
    const flowId = (request.params as { id?: string } | undefined)?.id
    const record = flowId
      ? await service.authorise(flowId, request.cookies[PAGE_COOKIE])
      : undefined
    if (
      code.startsWith('FST_CSRF') ||
      code.startsWith('FST_REQ_FILE') ||
      code.startsWith('FST_FILES')
    ) {
      return render(reply, code.startsWith('FST_CSRF') ? 403 : 413, 'problem.eta', {
        language: record?.session.language ?? 'en',
        ...(record && { lender: record.session.lenderName, flowId: record.session.id }),
        message: code.startsWith('FST_CSRF') ? 'expiredBody' : 'eTooLarge',
        testMode: false,
      })
    }
    return expired(reply, status >= 400 && status < 500 ? status : 500, record)
  })

  app.get('/widget/assets/style.css', async (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(STYLE),
  )

  app.get(
    '/widget',
    async (request: FastifyRequest<{ Querystring: { token?: string } }>, reply) => {
      const opened = request.query.token ? await service.open(request.query.token) : undefined
      if (!opened) return expired(reply, 410)
      reply.setCookie(PAGE_COOKIE, opened.pageToken, {
        path: '/widget',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
      })
      // The link's token leaves the address bar at once (history, screenshots, Referer).
      return reply.redirect(`/widget/flows/${opened.flowId}`, 303)
    },
  )

  app.get(
    '/widget/flows/:id',
    async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      const record = await service.authorise(request.params.id, request.cookies[PAGE_COOKIE])
      if (!record) return expired(reply, 403)
      const { session } = record
      if (record.status !== 'OPEN') {
        return render(reply, 200, 'done.eta', {
          language: session.language,
          lender: session.lenderName,
          redirectTarget: record.redirectTo ?? session.redirectTarget,
          returnUrl: record.redirectTo,
          testMode: !session.liveMode,
        })
      }
      const flowView = await service.view(record)
      const steps = stepsOf(session, flowView.state.source)
      const position = Math.max(steps.indexOf(flowView.state.step), 0) + 1
      // The error is shown once: the next GET renders the screen without it.
      if (flowView.state.error) await service.clearError(record)
      return render(reply, flowView.state.error ? 422 : 200, `${flowView.state.step}.eta`, {
        language: session.language,
        lender: session.lenderName,
        redirectTarget: session.redirectTarget,
        host: originOf(session.redirectTarget)?.replace(/^https?:\/\//, '') ?? '',
        flowId: session.id,
        csrf: reply.generateCsrf(),
        step: position,
        total: steps.length,
        view: flowView,
        allowMulti: session.allowMultiSelection,
        error: flowView.state.error,
        errorFile: flowView.state.errorFile ?? '',
        testMode: !session.liveMode,
      })
    },
  )

  app.post<{ Params: { id: string } }>(
    '/widget/flows/:id',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const record = await service.authorise(request.params.id, request.cookies[PAGE_COOKIE])
      if (!record) return expired(reply, 403)
      const { fields, files } = await readForm(request.body)
      const action = fields.action
      const outcome = await service.act(record, {
        action: action === 'back' || action === 'cancel' ? action : 'continue',
        fields,
        files,
      } satisfies PageAction)
      if (outcome.kind === 'redirect') return reply.redirect(outcome.url, 303)
      if (outcome.kind === 'expired') return expired(reply, 410, record)
      return reply.redirect(`/widget/flows/${record.session.id}`, 303)
    },
  )
}
