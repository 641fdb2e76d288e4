import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { createAnalysis } from '../../../app/create-analysis.ts'
import { getAnalysisWire, listAnalyses } from '../../../app/get-analysis.ts'
import { updateAnalysis } from '../../../app/update-analysis.ts'
import { analysisToJson } from '../../../app/wire.ts'
import { ANALYSIS_WIRE_CACHE_BYTES, createWireCache } from '../../../app/wire-cache.ts'
import { projectOf } from '../../plugins/auth.ts'
import { sendJsonStream, sendJsonText } from '../../plugins/json-text.ts'
import { listOf, pageBody, pageQuery, pageRequest } from '../../plugins/pagination.ts'
import { CustomerParams, ErrorBody } from '../../schemas.ts'
import type { RoutePlugin } from '../types.ts'
import {
  AnalysisParams,
  AnalysisResponse,
  CreateAnalysisBody,
  UpdateAnalysisBody,
} from './schemas.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const config = { auth: 'project' } as const
const tags = ['Analysis']
/**
 * The analyses list pages 20 by default, 100 at most, not the reference's 200 / 1,000: each
 * analysis carries its full results (docs/decisions/bounded-customer-data.md).
 */
const ANALYSES_PAGE = { defaultLimit: 20, maxLimit: 100 }

export const analysisRoutes: RoutePlugin = async (app, { deps }) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  // Shared with this process's worker when it has one: it primes the analyses it completes.
  const wireCache = deps.analysisWire ?? createWireCache(ANALYSIS_WIRE_CACHE_BYTES)

  api.post(
    '/customers/:id/analyses',
    {
      config,
      schema: {
        tags,
        summary: 'Create an analysis (202: computed in the background)',
        params: CustomerParams,
        body: CreateAnalysisBody,
        response: { 202: AnalysisResponse, 413: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const analysis = await createAnalysis(
        deps,
        projectOf(request),
        request.params.id,
        request.body,
      )
      return sendJsonText(reply, analysisToJson(analysis), 202)
    },
  )

  api.get(
    '/customers/:id/analyses',
    {
      config,
      schema: {
        tags,
        summary: "Get all the customer's analyses",
        params: CustomerParams,
        querystring: pageQuery(ANALYSES_PAGE),
        response: { 200: listOf(AnalysisResponse), ...errors },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query, ANALYSES_PAGE)
      const { total, resources } = await listAnalyses(
        deps,
        projectOf(request),
        request.params.id,
        page,
      )
      // Streamed: each analysis carries its results, and a page of them may be large.
      const pagination = pageBody(request, page, [], total).pagination
      return sendJsonStream(
        reply,
        (async function* () {
          yield '{"resources":['
          yield* resources()
          yield `],"pagination":${JSON.stringify(pagination)}}`
        })(),
      )
    },
  )

  api.get(
    '/customers/:id/analyses/:analysisId',
    {
      config,
      schema: {
        tags,
        summary: 'Get an analysis',
        params: AnalysisParams,
        response: { 200: AnalysisResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { id, analysisId } = request.params
      const body = await getAnalysisWire(deps, wireCache, projectOf(request), id, analysisId)
      return body instanceof Uint8Array ? sendJsonText(reply, body) : sendJsonStream(reply, body)
    },
  )

  api.patch(
    '/customers/:id/analyses/:analysisId',
    {
      config,
      schema: {
        tags,
        summary: 'Update an analysis: status, error, or accounts while it has none',
        params: AnalysisParams,
        body: UpdateAnalysisBody,
        response: { 200: AnalysisResponse, 413: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const { id, analysisId } = request.params
      const analysis = await updateAnalysis(deps, projectOf(request), id, analysisId, request.body)
      return sendJsonText(reply, analysisToJson(analysis))
    },
  )
}
