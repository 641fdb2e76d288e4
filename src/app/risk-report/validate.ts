/**
 * The widget link's body, checked field by field into the vendor's error `data`
 * (`{"redirect_uri":["Not a valid URL."]}`): every problem is reported at once, nothing is stored
 * when one is found. Unknown fields are ignored, as the vendor does.
 */
import {
  HOSTED_ACCOUNT_TYPES,
  HOSTED_LANGUAGES,
  type HostedAccountType,
  type HostedLanguage,
} from '../hosted-flow.ts'
import { findUnsafeValue } from '../text-check.ts'
import { RiskReportError } from './errors.ts'
import type { RiskReportAccess, RiskReportParameters } from './ports.ts'

const MAX_URL = 2048
const MAX_TEXT = 255

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isUrl = (value: string, liveMode: boolean): boolean => {
  try {
    const url = new URL(value)
    if (url.protocol === 'https:') return true
    // Plain http only for a test client's local development server.
    return (
      !liveMode &&
      url.protocol === 'http:' &&
      ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    )
  } catch {
    return false
  }
}

export const validateLink = (
  body: unknown,
  access: RiskReportAccess,
  liveMode: boolean,
): { parameters: RiskReportParameters; userId?: string } => {
  const problems: Record<string, string[]> = {}
  const problem = (field: string, message: string) => {
    ;(problems[field] ??= []).push(message)
  }
  if (!isObject(body))
    throw new RiskReportError('INVALID_REQUEST', { _schema: ['Invalid input type.'] })
  if (findUnsafeValue(body)) {
    throw new RiskReportError('INVALID_REQUEST', { _schema: ['Text the service cannot store.'] })
  }
  const text = (field: string, max: number, required = false): string | undefined => {
    const value = body[field]
    if (value === undefined || value === null) {
      if (required) problem(field, 'Missing data for required field.')
      return undefined
    }
    if (typeof value !== 'string') return (problem(field, 'Not a valid string.'), undefined)
    if (value.trim() === '') return (problem(field, 'Must not be empty.'), undefined)
    if (value.length > max) return (problem(field, `Longer than maximum length ${max}.`), undefined)
    return value
  }
  const flag = (field: string, fallback: boolean): boolean => {
    const value = body[field]
    if (value === undefined || value === null) return fallback
    if (typeof value !== 'boolean') problem(field, 'Not a valid boolean.')
    return value === true
  }

  const redirectUri = text('redirect_uri', MAX_URL, true)
  if (redirectUri !== undefined && !isUrl(redirectUri, liveMode)) {
    problem('redirect_uri', liveMode ? 'Not a valid HTTPS URL.' : 'Not a valid URL.')
  }
  const userId = text('user_id', MAX_TEXT, access === 'ongoing')
  const state = text('state', MAX_URL)
  const name = text('name', MAX_TEXT)
  const language = (body.language ?? 'de') as HostedLanguage
  if (!HOSTED_LANGUAGES.includes(language)) {
    problem('language', `Must be one of: ${HOSTED_LANGUAGES.join(', ')}.`)
  }
  const period = body.reporting_period ?? 12
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1 || period > 24) {
    problem('reporting_period', 'Must be an integer between 1 and 24.')
  }
  let accounts: { id: string; currency?: string }[] | undefined
  if (body.accounts !== undefined && body.accounts !== null) {
    if (!Array.isArray(body.accounts) || body.accounts.length > 20) {
      problem('accounts', 'Must be a list of at most 20 accounts.')
    } else {
      accounts = []
      body.accounts.forEach((entry: unknown, index) => {
        const id = isObject(entry) ? entry.id : undefined
        const currency = isObject(entry) ? entry.currency : undefined
        if (typeof id !== 'string' || id.trim() === '' || id.length > 64) {
          problem(`accounts.${index}.id`, 'Not a valid account identifier.')
        } else if (
          currency !== undefined &&
          (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
        ) {
          problem(`accounts.${index}.currency`, 'Not a valid currency code.')
        } else {
          accounts?.push({ id, ...(typeof currency === 'string' && { currency }) })
        }
      })
    }
  }
  let accountTypes: HostedAccountType[] | undefined
  if (body.account_types !== undefined && body.account_types !== null) {
    const types = body.account_types
    if (
      !Array.isArray(types) ||
      !types.every((t): t is HostedAccountType =>
        HOSTED_ACCOUNT_TYPES.includes(t as HostedAccountType),
      )
    ) {
      problem('account_types', `Must be a list of: ${HOSTED_ACCOUNT_TYPES.join(', ')}.`)
    } else if (types.length > 0) {
      accountTypes = [...new Set(types)]
    }
  }
  const allowMulti = flag('allow_multi_selection', true)
  const saveSecrets = flag('save_secrets', false)
  if (Object.keys(problems).length > 0 || redirectUri === undefined) {
    throw new RiskReportError('INVALID_REQUEST', problems)
  }
  return {
    parameters: {
      redirect_uri: redirectUri,
      ...(state !== undefined && { state }),
      language,
      reporting_period: period as number,
      ...(accounts && accounts.length > 0 && { accounts }),
      ...(accountTypes && { account_types: accountTypes }),
      allow_multi_selection: allowMulti,
      ...(name !== undefined && { name }),
      ...(access === 'ongoing' && { save_secrets: saveSecrets }),
    },
    ...(userId !== undefined && { userId }),
  }
}
