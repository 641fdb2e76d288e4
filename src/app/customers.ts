/** Customer use cases: create, read, list, update, delete, all within one project. */
import { AppError, checkId, unknownEntity } from './errors.ts'
import type { AppDeps, Customer, JsonObject, Page, PageRequest } from './ports.ts'

export interface CustomerInput {
  customIdentifier: string
  aggregationDetails?: JsonObject
  personalDetails?: JsonObject
}

/**
 * Whether the customer's bank data comes through an aggregator connector: its project is in
 * connector mode, or it was given aggregationDetails.
 */
export const usesConnector = async (
  deps: AppDeps,
  customer: Pick<Customer, 'projectId' | 'aggregationDetails'>,
): Promise<boolean> =>
  customer.aggregationDetails !== null ||
  ((await deps.credentials.findProject(customer.projectId))?.usesConnector ?? false)

/**
 * Creates a customer; in connector mode (or with aggregationDetails), the connector is asked for
 * an aggregator link (`aggregator_link_required`).
 */
export const createCustomer = async (
  deps: AppDeps,
  projectId: string,
  input: CustomerInput,
): Promise<Customer> => {
  const now = deps.clock.now()
  const project = await deps.credentials.findProject(projectId)
  return deps.inTransaction(async (tx) => {
    const created = await deps.customers.insert(tx, {
      id: deps.ids.next(),
      projectId,
      customIdentifier: input.customIdentifier,
      aggregationDetails: input.aggregationDetails ?? null,
      personalDetails: input.personalDetails ?? null,
      createdAt: now,
      updatedAt: now,
    })
    if (!created) {
      throw new AppError(
        'ALREADY_EXISTS',
        `A customer with customIdentifier "${input.customIdentifier}" already exists`,
      )
    }
    if (input.aggregationDetails !== undefined || project?.usesConnector === true) {
      await deps.events.publish(tx, {
        projectId,
        customerId: created.id,
        name: 'aggregator_link_required',
      })
    }
    return created
  })
}

export const getCustomer = async (
  deps: AppDeps,
  projectId: string,
  id: string,
): Promise<Customer> => {
  checkId(id, 'Customer')
  const customer = await deps.customers.find(projectId, id)
  if (!customer) throw unknownEntity('Customer')
  return customer
}

export const listCustomers = (
  deps: AppDeps,
  projectId: string,
  page: PageRequest,
): Promise<Page<Customer>> => deps.customers.list(projectId, page)

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `patch` merged into `stored`: objects field by field (at every depth), anything else replaced.
 * A connector that sends only `{ redirectUrl }` keeps aggregatorName, mode, callbackUrl, userId.
 */
export const mergeDetails = (stored: JsonObject | null, patch: JsonObject): JsonObject => {
  const merged: JsonObject = { ...stored }
  for (const [key, value] of Object.entries(patch)) {
    const before = merged[key]
    merged[key] =
      isPlainObject(before) && isPlainObject(value) ? mergeDetails(before, value) : value
  }
  return merged
}

/** PATCH: `aggregationDetails` and `personalDetails` are merged into the stored ones. */
export const updateCustomer = async (
  deps: AppDeps,
  projectId: string,
  id: string,
  patch: { aggregationDetails?: JsonObject; personalDetails?: JsonObject },
): Promise<Customer> => {
  checkId(id, 'Customer')
  const updated = await deps.inTransaction(async (tx) => {
    const stored = await deps.customers.find(projectId, id, tx)
    if (!stored) return undefined
    const merged = {
      ...(patch.aggregationDetails && {
        aggregationDetails: mergeDetails(stored.aggregationDetails, patch.aggregationDetails),
      }),
      ...(patch.personalDetails && {
        personalDetails: mergeDetails(stored.personalDetails, patch.personalDetails),
      }),
    }
    return deps.customers.update(tx, projectId, id, merged, deps.clock.now())
  })
  if (!updated) throw unknownEntity('Customer')
  return updated
}

/** Deletes the customer with its accounts, transactions, analyses and events. */
export const deleteCustomer = async (
  deps: AppDeps,
  projectId: string,
  id: string,
): Promise<void> => {
  checkId(id, 'Customer')
  const removed = await deps.inTransaction((tx) => deps.customers.remove(tx, projectId, id))
  if (!removed) throw unknownEntity('Customer')
}
