/** Customer use cases: create, read, list, update, delete, all within one project. */
import { AppError, checkId, unknownEntity } from './errors.ts'
import type { AppDeps, Customer, JsonObject, Page, PageRequest } from './ports.ts'

export interface CustomerInput {
  customIdentifier: string
  aggregationDetails?: JsonObject
  personalDetails?: JsonObject
}

/** Creates a customer; with aggregationDetails, a connector is asked for a link. */
export const createCustomer = async (
  deps: AppDeps,
  projectId: string,
  input: CustomerInput,
): Promise<Customer> => {
  const now = deps.clock.now()
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
    if (input.aggregationDetails !== undefined) {
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

export const updateCustomer = async (
  deps: AppDeps,
  projectId: string,
  id: string,
  patch: { aggregationDetails?: JsonObject; personalDetails?: JsonObject },
): Promise<Customer> => {
  checkId(id, 'Customer')
  const updated = await deps.inTransaction((tx) =>
    deps.customers.update(tx, projectId, id, patch, deps.clock.now()),
  )
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
