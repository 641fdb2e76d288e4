/**
 * Our extensions of the v2 API for the scoring API's decisions: the project's decision policy
 * (`GET/PUT /v2/policy`) and the affordability what-if of any credit on a computed analysis
 * (`POST /v2/customers/{id}/analyses/{analysisId}/affordability`). v2 errors and auth.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type TSchema } from 'typebox'
import { badRequest } from '../../../app/errors.ts'
import { whatIf } from '../../../app/scoring/assess.ts'
import type { ScoringDeps } from '../../../app/scoring/ports.ts'
import { getPolicy, putPolicy } from '../../../app/scoring/policy.ts'
import { toMinor } from '../../../engine/model/index.ts'
import { affordabilityToWire } from '../../../app/scoring/affordability-wire.ts'
import { projectOf } from '../../plugins/auth.ts'
import { ErrorBody } from '../../schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { AffordabilityBody, AffordabilityParams, PolicyBody } from './schemas.ts'

/**
 * Refuses a property the schema does not list (the app's validator drops them silently, and a
 * misspelt rule must not vanish from a lender's policy).
 */
const rejectUnknown = (value: unknown, schema: TSchema, path: string): void => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return
  const properties = (schema as { properties?: Record<string, TSchema> }).properties
  if (properties === undefined) return
  for (const [key, inner] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`
    const known = properties[key]
    if (known === undefined) throw badRequest(`${field} is not a known property`)
    rejectUnknown(inner, known, field)
  }
}

const config = { auth: 'project' } as const

export const policyRoutes =
  (deps: ScoringDeps): RoutePlugin =>
  async (app) => {
    const api = app.withTypeProvider<TypeBoxTypeProvider>()
    api.get(
      '/policy',
      {
        config,
        schema: {
          tags: ['Policy'],
          summary: "The project's decision policy (our extension)",
          response: { 200: PolicyBody, 401: ErrorBody },
        },
      },
      async (request) => getPolicy(deps, projectOf(request)),
    )
    api.put(
      '/policy',
      {
        config,
        preValidation: async (request) => rejectUnknown(request.body, PolicyBody, ''),
        schema: {
          tags: ['Policy'],
          summary: "Replaces the project's decision policy (our extension)",
          body: PolicyBody,
          response: { 200: PolicyBody, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request) => putPolicy(deps, projectOf(request), request.body),
    )
    api.post(
      '/customers/:id/analyses/:analysisId/affordability',
      {
        config,
        preValidation: async (request) => rejectUnknown(request.body, AffordabilityBody, ''),
        schema: {
          tags: ['Analysis'],
          summary: 'Affordability, score and decision of a credit on a computed analysis',
          params: AffordabilityParams,
          body: AffordabilityBody,
          response: {
            200: Type.Unknown({ description: 'score, decision, reasons and affordability' }),
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
          },
        },
      },
      async (request) => {
        const { amount, duration, upfront = 0 } = request.body
        if (upfront >= amount) throw badRequest('upfront must be less than amount')
        const { id, analysisId } = request.params
        // The what-if reads amounts in the analysis' currency; EUR's two decimals here.
        const result = await whatIf(deps, projectOf(request), id, analysisId, {
          amount: toMinor(amount, 'EUR'),
          upfront: toMinor(upfront, 'EUR'),
          duration,
        })
        return { analysisId, ...affordabilityToWire(result) }
      },
    )
  }
