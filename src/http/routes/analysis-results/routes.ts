/**
 * The results of an analysis: credit insights, scores, accounts, daily balances and enriched
 * transactions. What each answers by the analysis status is decided in app/stored-data.ts and
 * listed in docs/error-codes.md: 202 with the status while not ready, accounts and transactions
 * as soon as they are stored (enrichments empty until computed), ANALYSIS_IN_ERROR for an
 * analysis in ERROR without the result, PRODUCT_DISABLED for a disabled product.
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
import {
  balancesSource,
  dataSource,
  insightsSource,
  listStoredAccounts,
  listStoredTransactions,
} from '../../../app/stored-data.ts'
import { projectOf } from '../../plugins/auth.ts'
import { sendJsonText } from '../../plugins/json-text.ts'
import { listOf, pageBody, pageJson, pageRequest, PageQuery } from '../../plugins/pagination.ts'
import { ErrorBody } from '../../schemas.ts'
import { AnalysisParams, NotReadyResponse } from '../analyses/schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { ref } from '../../result-schemas.ts'
import { AccountParams } from './schemas.ts'

const PART_SCHEMA = {
  incomes: 'Incomes',
  expenses: 'Expenses',
  loans: 'Loans',
  risks: 'Risks',
} as const

const config = { auth: 'project' } as const
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** What the answers below need of an analysis. */
type AnalysisState = Pick<AnalysisHead, 'id' | 'status' | 'error' | 'hasAccounts'>

const notReady = (reply: FastifyReply, analysis: AnalysisState) =>
  reply.status(202).send({
    id: analysis.id,
    status: analysis.status,
    message: 'The analysis is not completed yet',
  })

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
          response: { 200: ref(PART_SCHEMA[part]), 202: NotReadyResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { id, analysisId } = request.params
        const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
        if (insightsSource(analysis, 'credit insights') !== 'computed') {
          return notReady(reply, analysis)
        }
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
        response: { 200: listOf(ref('CashFlow')), 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      if (insightsSource(analysis, 'credit insights') !== 'computed') {
        return notReady(reply, analysis)
      }
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
        response: { 200: ref('Scores'), 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { id, analysisId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      if (insightsSource(analysis, 'scores') !== 'computed') return notReady(reply, analysis)
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
        response: { 200: listOf(ref('Account')), 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      const source = dataSource(analysis, 'accounts')
      if (source === 'not_ready') return notReady(reply, analysis)
      const { items, total } =
        source === 'stored'
          ? await listStoredAccounts(deps, analysis, page)
          : await deps.analyses.listAccounts(analysis.id, page)
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
        response: { 200: listOf(ref('DailyBalance')), 202: NotReadyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const page = pageRequest(request.query)
      const { id, analysisId, accountId } = request.params
      const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
      if (balancesSource(analysis) === 'not_ready') return notReady(reply, analysis)
      await checkAnalysisAccount(deps, analysis.id, accountId)
      const { items, total } = await deps.analyses.listBalances(analysis.id, accountId, page)
      return pageBody(request, page, items, total)
    },
  )

  const transactionsSchema = {
    tags: ['Transaction'],
    querystring: PageQuery,
    response: { 200: listOf(ref('Transaction')), 202: NotReadyResponse, ...errors },
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
      // One query for a computed analysis: its state and the stored chunk(s) the page overlaps.
      const found = await getTransactionsPage(
        deps,
        projectOf(request),
        id,
        analysisId,
        undefined,
        page,
      )
      const source = dataSource(found.analysis, 'transactions')
      if (source === 'not_ready') return notReady(reply, found.analysis)
      if (source === 'stored') {
        const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
        const { items, total } = await listStoredTransactions(deps, analysis, undefined, page)
        return sendJsonText(reply, pageJson(request, page, items, total))
      }
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
      const source = dataSource(found.analysis, 'transactions')
      if (source === 'not_ready') return notReady(reply, found.analysis)
      if (source === 'stored') {
        const analysis = await getAnalysisHead(deps, projectOf(request), id, analysisId)
        const stored = await listStoredTransactions(deps, analysis, accountId, page)
        return sendJsonText(reply, pageJson(request, page, stored.items, stored.total))
      }
      if (!found.accountFound) throw unknownEntity('Account')
      return sendJsonText(reply, pageJson(request, page, found.page.items, found.page.total))
    },
  )
}

const disabled = (what: string) =>
  new AppError('PRODUCT_DISABLED', `${what} were disabled for this analysis (parameters)`)
