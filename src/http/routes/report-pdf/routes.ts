/**
 * `GET /v2/customers/{customerId}/analyses/{analysisId}/report.pdf` (our extension): the
 * decision file of an analysis as a paginated A4 PDF, the same document as the console's
 * download. 202 with the status while the analysis runs, as every result route.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { ConsoleStore } from '../../../app/console-ports.ts'
import { loadDecisionFile } from '../../../app/decision-file.ts'
import { getAnalysisHead } from '../../../app/get-analysis.ts'
import { decisionFilePdf } from '../../../console/pdf.ts'
import { projectOf } from '../../plugins/auth.ts'
import { ErrorBody } from '../../schemas.ts'
import { AnalysisParams, NotReadyResponse } from '../analyses/schemas.ts'
import type { RoutePlugin } from '../types.ts'

export const reportPdfRoutes =
  (console: ConsoleStore): RoutePlugin =>
  async (app, { deps }) => {
    const api = app.withTypeProvider<TypeBoxTypeProvider>()
    api.get(
      '/customers/:id/analyses/:analysisId/report.pdf',
      {
        config: { auth: 'project' },
        schema: {
          tags: ['Analysis'],
          summary: 'Get the decision file of an analysis as a PDF (A4)',
          params: AnalysisParams,
          response: {
            200: Type.Unknown({ description: 'application/pdf' }),
            202: NotReadyResponse,
            400: ErrorBody,
            401: ErrorBody,
            404: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const projectId = projectOf(request)
        const { id, analysisId } = request.params
        const head = await getAnalysisHead(deps, projectId, id, analysisId)
        if (head.status === 'CREATED' || head.status === 'IN_PROGRESS') {
          return reply.status(202).send({
            id: head.id,
            status: head.status,
            message: 'The analysis is not completed yet',
          })
        }
        const file = await loadDecisionFile({ ...deps, console }, projectId, analysisId)
        const pdf = await decisionFilePdf(file)
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="decision-file-${head.id}.pdf"`)
          .send(pdf)
      },
    )
  }
