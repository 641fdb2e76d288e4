import type { Account, AccountType, LocalDate, Refusal } from './model/index.ts'

/** Account types the engine analyses; anything else (UNKNOWN) is listed but ignored. */
const SUPPORTED_TYPES: ReadonlySet<AccountType> = new Set([
  'CHECKING',
  'SAVINGS',
  'LOAN',
  'CREDIT_CARD',
])

/** Fewer transactions than this on the analysed checking accounts: nothing reliable to say. */
export const MIN_CHECKING_TRANSACTIONS = 20

/**
 * An account whose transactions feed the insights: a supported type, not a professional
 * account, not held under power of attorney.
 */
export const isAnalysedAccount = (account: Account): boolean =>
  SUPPORTED_TYPES.has(account.type) &&
  account.usage !== 'PROFESSIONAL' &&
  account.ownership !== 'ATTORNEY'

/** Checking accounts that are analysed: the ones incomes, expenses and risks are read from. */
export const isAnalysedChecking = (account: Account): boolean =>
  account.type === 'CHECKING' && isAnalysedAccount(account)

const refusal = (code: Refusal['code'], message: string): Refusal => ({ code, message })

/**
 * The first refusal that applies, in the order of ARCHITECTURE.md, or `null` when the input can
 * be analysed. Transactions count when booked by `asOf` (an earlier analysis date sees fewer). Messages are for the lender's support team: they name the rule, never bank data.
 */
export const findRefusal = (
  accounts: readonly Account[],
  supportedCurrencies: readonly string[],
  asOf: LocalDate,
): Refusal | null => {
  if (!accounts.some((a) => SUPPORTED_TYPES.has(a.type))) {
    return refusal(
      'ACCOUNT_TYPE_NOT_SUPPORTED',
      'No account of a supported type (CHECKING, SAVINGS, LOAN, CREDIT_CARD).',
    )
  }
  const checkings = accounts.filter((a) => a.type === 'CHECKING')
  if (checkings.length === 0) {
    return refusal('NO_CHECKING_ACCOUNT', 'At least one CHECKING account is required.')
  }
  const personal = checkings.filter((a) => a.usage !== 'PROFESSIONAL')
  if (personal.length === 0) {
    return refusal(
      'USAGE_NOT_SUPPORTED',
      'No personal CHECKING account: professional accounts are not analysed.',
    )
  }
  if (accounts.every((a) => a.ownership === 'ATTORNEY') || !personal.some(isAnalysedChecking)) {
    return refusal(
      'OWNERSHIP_NOT_SUPPORTED',
      'Accounts held under power of attorney are not analysed, and no other checking account remains.',
    )
  }
  const analysed = accounts.filter(isAnalysedAccount)
  const allowed = new Set(supportedCurrencies)
  const unsupported = analysed.find((a) => !allowed.has(a.currency))
  if (unsupported !== undefined) {
    return refusal(
      'CURRENCY_NOT_SUPPORTED',
      `Currency ${unsupported.currency} is not supported (supported: ${[...allowed].join(', ')}).`,
    )
  }
  if (new Set(analysed.map((a) => a.currency)).size > 1) {
    return refusal('CURRENCY_NOT_SUPPORTED', 'The analysed accounts mix several currencies.')
  }
  const count = analysed
    .filter((a) => a.type === 'CHECKING')
    .reduce((n, a) => n + a.transactions.filter((t) => !t.isComing && t.date <= asOf).length, 0)
  if (count < MIN_CHECKING_TRANSACTIONS) {
    return refusal(
      'NOT_ENOUGH_TRANSACTIONS',
      `${count} transactions on the analysed checking accounts; at least ${MIN_CHECKING_TRANSACTIONS} are required.`,
    )
  }
  return null
}
