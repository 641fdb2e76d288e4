import type { Account, EngineContext, LocalDate } from './model/index.ts'
import { localDateOf } from './model/index.ts'

/** The context with every default applied: what the pipeline actually runs on. */
export interface ResolvedContext {
  asOf: LocalDate
  supportedCurrencies: readonly string[]
  disableScores: boolean
  disableCreditInsights: boolean
}

/** EUR and GBP: the currencies the reference API accepts unless a project says otherwise. */
export const DEFAULT_CURRENCIES: readonly string[] = ['EUR', 'GBP']

/**
 * The latest date found in the data: account balance dates and transaction dates. Never the
 * clock, so that replaying a stored input gives the same analysis years later. `null` for an
 * input with no date at all.
 */
export const latestDateOf = (accounts: readonly Account[]): LocalDate | null => {
  let latest: LocalDate | null = null
  for (const account of accounts) {
    if (account.balanceDate !== null) {
      const day = localDateOf(account.balanceDate)
      if (latest === null || day > latest) latest = day
    }
    for (const transaction of account.transactions) {
      if (latest === null || transaction.date > latest) latest = transaction.date
    }
  }
  return latest
}

/**
 * Applies the defaults of `EngineContext`: `asOf` from the data, EUR + GBP, scores and insights
 * enabled. An input without any date gets 1970-01-01, which only a refused input can have.
 */
export const resolveContext = (
  accounts: readonly Account[],
  ctx: EngineContext = {},
): ResolvedContext => ({
  asOf: ctx.asOf ?? latestDateOf(accounts) ?? '1970-01-01',
  supportedCurrencies: (ctx.supportedCurrencies ?? DEFAULT_CURRENCIES).map((c) => c.toUpperCase()),
  disableScores: ctx.parameters?.disableScores === true,
  disableCreditInsights: ctx.parameters?.disableCreditInsights === true,
})
