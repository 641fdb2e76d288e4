/**
 * Project rules over the API (our extension to the reference): `GET/POST /v2/rules`,
 * `DELETE /v2/rules/{id}`. Errors in the v2 shape; the rule applies to every later analysis.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { createRule, deleteRule, listRules, type RuleDeps } from '../../../app/project-rules.ts'
import type { StoredRule } from '../../../app/rule-ports.ts'
import { PROJECT_RULE_PREFIX } from '../../../engine/project-rules.ts'
import { projectOf } from '../../plugins/auth.ts'
import { listOf, pageBody, pageRequest, PageQuery } from '../../plugins/pagination.ts'
import { ErrorBody } from '../../schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { RuleBody, RuleParams, RuleResponse } from './schemas.ts'

export const ruleToWire = (rule: StoredRule) => ({
  id: rule.id,
  ...(rule.labelRoot !== null && { labelRoot: rule.labelRoot }),
  ...(rule.pattern !== null && { pattern: rule.pattern }),
  category: rule.category,
  createdBy: rule.createdBy,
  createdAt: rule.createdAt.toISOString(),
  ruleId: `${PROJECT_RULE_PREFIX}${rule.id}`,
})

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody }
const config = { auth: 'project' } as const
const tags = ['Rule']

export const ruleRoutes: RoutePlugin = async (app, { deps }) => {
  const rules = deps.rules
  if (!rules) return
  const ruleDeps: RuleDeps = { ...deps, rules }
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const by = (clientId: string) => `client:${clientId}`

  api.get(
    '/rules',
    {
      config,
      schema: {
        tags,
        summary: "List the project's live categorisation rules, newest first",
        querystring: PageQuery,
        response: { 200: listOf(RuleResponse), ...errors },
      },
    },
    async (request) => {
      const page = pageRequest(request.query)
      const all = await listRules(ruleDeps, projectOf(request))
      const items = all.slice((page.page - 1) * page.limit, page.page * page.limit)
      return pageBody(request, page, items.map(ruleToWire), all.length)
    },
  )

  api.post(
    '/rules',
    {
      config,
      schema: {
        tags,
        summary: 'Create a categorisation rule applied by every later analysis of the project',
        body: RuleBody,
        response: { 201: RuleResponse, ...errors },
      },
    },
    async (request, reply) => {
      const rule = await createRule(
        ruleDeps,
        projectOf(request),
        request.body,
        by(request.principal?.clientId ?? ''),
      )
      return reply.status(201).send(ruleToWire(rule))
    },
  )

  api.delete(
    '/rules/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a rule: later analyses no longer apply it',
        params: RuleParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
      },
    },
    async (request, reply) => {
      await deleteRule(
        ruleDeps,
        projectOf(request),
        request.params.id,
        by(request.principal?.clientId ?? ''),
      )
      return reply.status(204).send(null)
    },
  )
}
