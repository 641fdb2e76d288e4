/**
 * One list shape for every collection, exactly as the reference: `{ resources, pagination: {
 * next, previous, first, last, totalPages, totalResources } }`, default limit 200, links null
 * when there is a single page.
 */
import type { FastifyRequest } from 'fastify'
import { Type, type TSchema } from 'typebox'
import { AppError } from '../../app/errors.ts'
import type { JsonText, PageRequest } from '../../app/ports.ts'

export const DEFAULT_LIMIT = 200
/**
 * Upper bound so one request cannot ask for a whole table: a larger `limit` answers pages of
 * this size (the links say `limit=1000`), as the reference's clients expect a page, not a 400.
 */
export const MAX_LIMIT = 1000

export const PageQuery = Type.Object({
  limit: Type.Optional(
    Type.String({
      description: `Page size, default ${DEFAULT_LIMIT}; above ${MAX_LIMIT}, pages of ${MAX_LIMIT}`,
    }),
  ),
  page: Type.Optional(Type.String({ description: 'Page number, from 1' })),
})

export const PaginationSchema = Type.Object({
  next: Type.Union([Type.String(), Type.Null()]),
  previous: Type.Union([Type.String(), Type.Null()]),
  first: Type.Union([Type.String(), Type.Null()]),
  last: Type.Union([Type.String(), Type.Null()]),
  totalPages: Type.Integer(),
  totalResources: Type.Integer(),
})

export const listOf = <T extends TSchema>(item: T) =>
  Type.Object({ resources: Type.Array(item), pagination: PaginationSchema })

const positiveInteger = (raw: string | undefined, name: string, fallback: number) => {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > Number.MAX_SAFE_INTEGER) {
    throw new AppError('BAD_REQUEST', `${name} must be a positive integer`)
  }
  return Number(raw)
}

/** A list's page sizes: the reference's 200 / 1,000 unless a list says otherwise. */
export interface PageSizes {
  defaultLimit: number
  maxLimit: number
}

/** The page query of a list with its own page sizes, for the OpenAPI. */
export const pageQuery = ({ defaultLimit, maxLimit }: PageSizes) =>
  Type.Object({
    limit: Type.Optional(
      Type.String({
        description: `Page size, default ${defaultLimit}; above ${maxLimit}, pages of ${maxLimit}`,
      }),
    ),
    page: Type.Optional(Type.String({ description: 'Page number, from 1' })),
  })

/** `limit` above the list's maximum is served as the maximum (not refused). */
export const pageRequest = (
  query: { limit?: string; page?: string },
  sizes: PageSizes = { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT },
): PageRequest => ({
  limit: Math.min(positiveInteger(query.limit, 'limit', sizes.defaultLimit), sizes.maxLimit),
  page: positiveInteger(query.page, 'page', 1),
})

export interface ListBody<T> {
  resources: T[]
  pagination: {
    next: string | null
    previous: string | null
    first: string | null
    last: string | null
    totalPages: number
    totalResources: number
  }
}

export const pageBody = <T>(
  request: FastifyRequest,
  { limit, page }: PageRequest,
  resources: T[],
  totalResources: number,
): ListBody<T> => {
  const totalPages = Math.max(1, Math.ceil(totalResources / limit))
  const path = request.url.split('?')[0] ?? ''
  const link = (n: number) => `${path}?page=${n}&limit=${limit}`
  const single = totalPages === 1
  return {
    resources,
    pagination: {
      next: single || page >= totalPages ? null : link(page + 1),
      previous: single || page <= 1 ? null : link(Math.min(page - 1, totalPages)),
      first: single ? null : link(1),
      last: single ? null : link(totalPages),
      totalPages,
      totalResources,
    },
  }
}

/** The same list shape, as JSON text, for resources already stored as JSON text. */
export const pageJson = (
  request: FastifyRequest,
  page: PageRequest,
  resources: readonly JsonText[],
  totalResources: number,
): string =>
  `{"resources":[${resources.map((resource) => resource.json).join(',')}],"pagination":${JSON.stringify(
    pageBody(request, page, [], totalResources).pagination,
  )}}`
