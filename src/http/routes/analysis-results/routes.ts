/**
 * The results of an analysis: credit insights, scores, accounts, daily balances and enriched
 * transactions. While the analysis is being computed they answer 202 with its status. Credit
 * insights and scores exist only for a COMPLETED analysis; accounts, balances and transactions
 * are also kept for an analysis refused by the engine (ERROR), so a lender can see why.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { AppError, unknownEntity } from '../../../app/errors.ts'
import {
  checkAnalysisAccount,
  getAnalysisHead,
  getTransactionsPage,
} from '../../../app/get-analysis.ts'
import type { AnalysisHead } from '../../../app/ports.ts'
import { projectOf } from '../../plugins/auth.ts'
import { sendJsonText } from '../../plugins/json-text.ts'
import { listOf, pageBody, pageJson, pageRequest, PageQuery } from '../../plugins/pagination.ts'
import { ErrorBody } from '../../schemas.ts'
import { AnalysisParams, NotReadyResponse } from '../analyses/schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { AccountParams, Balance, Result } from './schemas.ts'

const config = { auth: 'project' } as const
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody }

/** What the answers below need of an analysis. */
type AnalysisState = Pick<AnalysisHead, 'id' | 'status' | 'error' | 'hasAccounts'>

const notReady = (reply: FastifyReply, analysis: AnalysisState) =>
  reply.status(202).send({
    id: analysis.id,
    status: analysis.status,
    message:
      analysis.status === 'ERROR'
        ? 'The analysis ended in error: no result'
        : 'The analysis is not completed yet',
    ...(analysis.error && { error: analysis.error }),
  })

const isComputed = (analysis: AnalysisState) =>
  analysis.status === 'COMPLETED' || (analysis.status === 'ERROR' && analysis.hasAccounts)

export const analysisResultRoutes: RoutePlugin = async (app, { deps }) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const base = '/customers/:id/analyses/:analysisId'

  for (const part of ['incomes', 'expenses', 'loans', 'risks'] as const) {
    api.get(
      `${base}/credit-insights/${part}`,
      {
        config,
        schema: {
          tags: ['Credit Insights'],
          summary: `Get the ${part}`,
          params: AnalysisParams,
          response: { 200: Result, 202: NotReadyResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { id, analysisId } = request.params
        const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
        if (analysis.status !== 'COMPLETED') return notReady(reply, analysis)
        const insights = await deps.analyses.readInsights(analysis.id, part)
        if (!insights) throw disabled('Credit insights')
        return sendJsonText(reply, insights.json)
      },
    )
  }

  api.get(
    `${base}/credit-insights/cash-flows`,
    {
      config,
      schema: {
        tags: ['Credit Insights'],
        summary: 'Get the cash flows',
        params: AnalysisParams,
        querystring: PageQuery,
        response: { 200: listOf(Result), 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      if (analysis.status !== 'COMPLETED') return notReady(reply, analysis)
      const cashFlows = await deps.analyses.listCashFlows(analysis.id, page)
      if (!cashFlows) throw disabled('Credit insights')
      return sendJsonText(reply, pageJson(request, page, cashFlows.items, cashFlows.total))
    },
  )

  api.get(
    `${base}/scores`,
    {
      config,
      schema: {
        tags: ['Score'],
        summary: 'Get the scores',
        params: AnalysisParams,
        response: { 200: Result, 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { id, analysisId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      if (analysis.status !== 'COMPLETED') return notReady(reply, analysis)
      if (!analysis.scores) throw disabled('Scores')
      return sendJsonText(reply, analysis.scores.json)
    },
  )

  api.get(
    `${base}/accounts`,
    {
      config,
      schema: {
        tags: ['Account'],
        summary: 'Get the accounts used for the analysis',
        params: AnalysisParams,
        querystring: PageQuery,
        response: { 200: listOf(Result), 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      if (!isComputed(analysis)) return notReady(reply, analysis)
      const { items, total } = await deps.analyses.listAccounts(analysis.id, page)
      return sendJsonText(reply, pageJson(request, page, items, total))
    },
  )

  api.get(
    `${base}/accounts/:accountId/balances`,
    {
      config,
      schema: {
        tags: ['Account'],
        summary: 'Get the daily balances of one account',
        params: AccountParams,
        querystring: PageQuery,
        response: { 200: listOf(Balance), 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId, accountId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      if (!isComputed(analysis)) return notReady(reply, analysis)
      await checkAnalysisAccount(deps, analysis.id, accountId)
      const { items, total } = await deps.analyses.listBalances(analysis.id, accountId, page)
      return pageBody(request, page, items, total)
    },
  )

  const transactionsSchema = {
    tags: ['Transaction'],
    querystring: PageQuery,
    response: { 200: listOf(Result), 202: NotReadyResponse, ...errors },
  }

  api.get(
    `${base}/transactions`,
    {
      config,
      schema: {
        ...transactionsSchema,
        summary: 'Get all the enriched transactions used for the analysis',
        params: AnalysisParams,
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId } = request.params
      // One query: the analysis's state and the stored chunk(s) the page overlaps.
      const found = await getTransactionsPage(
        deps,
        projectOf(request),
        id,
        analysisId,
        undefined,
        page,
      )
      if (!isComputed(found.analysis)) return notReady(reply, found.analysis)
      return sendJsonText(reply, pageJson(request, page, found.page.items, found.page.total))
    },
  )

  api.get(
    `${base}/accounts/:accountId/transactions`,
    {
      config,
      schema: {
        ...transactionsSchema,
        summary: 'Get the enriched transactions of one account',
        params: AccountParams,
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId, accountId } = request.params
      const found = await getTransactionsPage(
        deps,
        projectOf(request),
        id,
        analysisId,
        accountId,
        page,
      )
      if (!isComputed(found.analysis)) return notReady(reply, found.analysis)
      if (!found.accountFound) throw unknownEntity('Account')
      return sendJsonText(reply, pageJson(request, page, found.page.items, found.page.total))
    },
  )
}

const disabled = (what: string) =>
  new AppError('UNKNOWN_ENTITY', `${what} were disabled for this analysis`)
