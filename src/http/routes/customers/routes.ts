import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../../../app/customers.ts'
import type { Customer } from '../../../app/ports.ts'
import { projectOf } from '../../plugins/auth.ts'
import { listOf, pageBody, pageRequest, PageQuery } from '../../plugins/pagination.ts'
import { CustomerParams, ErrorBody } from '../../schemas.ts'
import type { RoutePlugin } from '../types.ts'
import { CustomerBody, CustomerPatch, CustomerResponse } from './schemas.ts'

const toWire = (customer: Customer) => ({
  id: customer.id,
  customIdentifier: customer.customIdentifier,
  ...(customer.aggregationDetails && { aggregationDetails: customer.aggregationDetails }),
  ...(customer.personalDetails && { personalDetails: customer.personalDetails }),
  createdAt: customer.createdAt.toISOString(),
  updatedAt: customer.updatedAt.toISOString(),
})

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody }
const config = { auth: 'project' } as const
const tags = ['Customer']

export const customerRoutes: RoutePlugin = async (app, { deps }) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()

  api.get(
    '/customers',
    {
      config,
      schema: {
        tags,
        summary: 'Get a list of customers',
        querystring: PageQuery,
        response: { 200: listOf(CustomerResponse), ...errors },
      },
    },
    async (request) => {
      const page = pageRequest(request.query)
      const { items, total } = await listCustomers(deps, projectOf(request), page)
      return pageBody(request, page, items.map(toWire), total)
    },
  )

  api.post(
    '/customers',
    {
      config,
      schema: {
        tags,
        summary: 'Create a customer',
        body: CustomerBody,
        response: { 201: CustomerResponse, 422: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const customer = await createCustomer(deps, projectOf(request), request.body)
      return reply.status(201).send(toWire(customer))
    },
  )

  api.get(
    '/customers/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Get a single customer',
        params: CustomerParams,
        response: { 200: CustomerResponse, ...errors },
      },
    },
    async (request) => toWire(await getCustomer(deps, projectOf(request), request.params.id)),
  )

  api.patch(
    '/customers/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Update a customer',
        params: CustomerParams,
        body: CustomerPatch,
        response: { 200: CustomerResponse, ...errors },
      },
    },
    async (request) =>
      toWire(await updateCustomer(deps, projectOf(request), request.params.id, request.body)),
  )

  api.delete(
    '/customers/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a customer with its accounts, transactions, analyses and events',
        params: CustomerParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
      },
    },
    async (request, reply) => {
      await deleteCustomer(deps, projectOf(request), request.params.id)
      return reply.status(204).send(null)
    },
  )
}
