/**
 * Validation of `POST /v1/scoring/` at the edge, field by field, so that each error names its
 * field the way the vendor's error shape does (`{"message":{"error","id"}}`). Nothing is stored
 * before the whole body passed.
 */
import { isValidIban } from '../../app/scoring/iban.ts'
import type { CreateScoringInput } from '../../app/scoring/scorings.ts'

export class FieldError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(message)
    this.field = field
  }
}

/** 1,000,000.00: above this a consumer credit is not what this API scores. */
export const MAX_AMOUNT = 100_000_000
/** 0.50, the vendor's smallest payment. */
export const MIN_AMOUNT = 50
export const MAX_DURATION = 24
export const MAX_URL_LENGTH = 2048

const TOP_FIELDS = new Set([
  'amount',
  'currency',
  'duration',
  'upfront',
  'customer',
  'sepa',
  'return_url',
])
const CUSTOMER_FIELDS = new Set(['email', 'mobile', 'name'])
const SEPA_FIELDS = new Set(['iban', 'name', 'bic'])

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const integer = (body: Record<string, unknown>, field: string, required: boolean) => {
  const value = body[field]
  if (value === undefined || value === null) {
    if (required) throw new FieldError(field, `${field} is required`)
    return undefined
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new FieldError(field, `${field} must be an integer`)
  }
  return value
}

const text = (
  body: Record<string, unknown>,
  field: string,
  path: string,
  limits: { required: boolean; min?: number; max: number },
): string | undefined => {
  const value = body[field]
  if (value === undefined || value === null) {
    if (limits.required) throw new FieldError(path, `${path} is required`)
    return undefined
  }
  if (typeof value !== 'string') throw new FieldError(path, `${path} must be a string`)
  const min = limits.min ?? 1
  if (value.length < min || value.length > limits.max) {
    throw new FieldError(path, `${path} must be ${min} to ${limits.max} characters long`)
  }
  return value
}

const unknownField = (object: Record<string, unknown>, known: Set<string>, prefix: string) => {
  const extra = Object.keys(object).find((key) => !known.has(key))
  if (extra !== undefined)
    throw new FieldError(prefix + extra, `${prefix + extra} is not a field of a scoring`)
}

// Practical, not RFC 5322: one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// E.164-like: an optional +, 8 to 16 digits.
const MOBILE = /^\+?[0-9]{8,16}$/
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/
const CUSTOMER_ID = /^cust_[A-Za-z0-9]{24}$/
const SEPA_ID = /^sepa_[A-Za-z0-9]{24}$/

const customerOf = (value: unknown): CreateScoringInput['customer'] => {
  if (value === undefined || value === null)
    throw new FieldError('customer', 'customer is required')
  if (typeof value === 'string') {
    if (!CUSTOMER_ID.test(value)) {
      throw new FieldError('customer', 'customer must be a customer object or a cust_ id')
    }
    return value
  }
  if (!isObject(value)) {
    throw new FieldError('customer', 'customer must be a customer object or a cust_ id')
  }
  unknownField(value, CUSTOMER_FIELDS, 'customer.')
  const email = text(value, 'email', 'customer.email', { required: true, min: 5, max: 64 })
  if (email === undefined || !EMAIL.test(email)) {
    throw new FieldError('customer.email', 'customer.email must be an email address')
  }
  const mobile = text(value, 'mobile', 'customer.mobile', { required: false, min: 8, max: 16 })
  if (mobile !== undefined && !MOBILE.test(mobile)) {
    throw new FieldError(
      'customer.mobile',
      'customer.mobile must be a phone number (+ and 8–16 digits)',
    )
  }
  const name = text(value, 'name', 'customer.name', { required: false, min: 4, max: 64 })
  return { email, ...(mobile !== undefined && { mobile }), ...(name !== undefined && { name }) }
}

const sepaOf = (value: unknown): CreateScoringInput['sepa'] => {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') {
    if (!SEPA_ID.test(value))
      throw new FieldError('sepa', 'sepa must be a sepa object or a sepa_ id')
    return value
  }
  if (!isObject(value)) throw new FieldError('sepa', 'sepa must be a sepa object or a sepa_ id')
  unknownField(value, SEPA_FIELDS, 'sepa.')
  const iban = text(value, 'iban', 'sepa.iban', { required: true, min: 16, max: 34 })
  if (iban === undefined || !isValidIban(iban)) {
    throw new FieldError('sepa.iban', 'sepa.iban is not a valid IBAN (checksum)')
  }
  const name = text(value, 'name', 'sepa.name', { required: true, min: 4, max: 64 })
  const bic = text(value, 'bic', 'sepa.bic', { required: false, min: 8, max: 11 })
  if (bic !== undefined && !BIC.test(bic.toUpperCase())) {
    throw new FieldError('sepa.bic', 'sepa.bic is not a valid BIC')
  }
  return { iban, name: name ?? '', ...(bic !== undefined && { bic: bic.toUpperCase() }) }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

const returnUrlOf = (value: unknown, liveMode: boolean): string => {
  if (value === undefined || value === null) {
    throw new FieldError('return_url', 'return_url is required')
  }
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) {
    throw new FieldError(
      'return_url',
      `return_url must be a URL of at most ${MAX_URL_LENGTH} characters`,
    )
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new FieldError('return_url', 'return_url must be an absolute URL')
  }
  if (url.protocol === 'https:') return value
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) {
    if (!liveMode) return value
    throw new FieldError(
      'return_url',
      'return_url must be https in live mode (http://localhost is for test mode)',
    )
  }
  throw new FieldError('return_url', 'return_url must be an https URL')
}

/** The create body, checked; throws a `FieldError` (or a plain Error for a non-object body). */
export const readCreateBody = (body: unknown, liveMode: boolean): CreateScoringInput => {
  if (!isObject(body)) throw new FieldError('', 'The body must be a JSON object')
  unknownField(body, TOP_FIELDS, '')
  const amount = integer(body, 'amount', true) ?? 0
  if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) {
    throw new FieldError(
      'amount',
      `amount must be between ${MIN_AMOUNT} and ${MAX_AMOUNT} (minor units)`,
    )
  }
  const currency = body.currency
  if (currency === undefined || currency === null) {
    throw new FieldError('currency', 'currency is required')
  }
  if (typeof currency !== 'string' || currency.toLowerCase() !== 'eur') {
    throw new FieldError('currency', 'currency must be eur')
  }
  const duration = integer(body, 'duration', true) ?? 0
  if (duration < 1 || duration > MAX_DURATION) {
    throw new FieldError('duration', `duration must be between 1 and ${MAX_DURATION} months`)
  }
  const upfront = integer(body, 'upfront', false) ?? 0
  if (upfront < 0 || upfront >= amount) {
    throw new FieldError('upfront', 'upfront must be at least 0 and less than amount')
  }
  const customer = customerOf(body.customer)
  const sepa = sepaOf(body.sepa)
  const returnUrl = returnUrlOf(body.return_url, liveMode)
  return {
    amount,
    upfront,
    currency: 'eur',
    duration,
    returnUrl,
    customer,
    ...(sepa !== undefined && { sepa }),
  }
}
