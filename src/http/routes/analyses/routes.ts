import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { createAnalysis } from '../../../app/create-analysis.ts'
import { getAnalysis, listAnalyses } from '../../../app/get-analysis.ts'
import { updateAnalysis } from '../../../app/update-analysis.ts'
import { analysisToWire } from '../../../app/wire.ts'
import { projectOf } from '../../plugins/auth.ts'
import { listOf, pageBody, pageRequest, PageQuery } from '../../plugins/pagination.ts'
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

export const analysisRoutes: RoutePlugin = async (app, { deps }) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()

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
      return reply.status(202).send(analysisToWire(analysis))
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
        querystring: PageQuery,
        response: { 200: listOf(AnalysisResponse), ...errors },
      },
    },
    async (request) => {
      const page = pageRequest(request.query)
      const { items, total } = await listAnalyses(deps, projectOf(request), request.params.id, page)
      return pageBody(request, page, items.map(analysisToWire), total)
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
    async (request) =>
      analysisToWire(
        await getAnalysis(deps, projectOf(request), request.params.id, request.params.analysisId),
      ),
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
    async (request) =>
      analysisToWire(
        await updateAnalysis(
          deps,
          projectOf(request),
          request.params.id,
          request.params.analysisId,
          request.body,
        ),
      ),
  )
}
