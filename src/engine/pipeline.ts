/**
 * Steps 5–7 of the engine pipeline (ARCHITECTURE.md) on transactions already typed, categorised
 * and linked: refusals, cash flows, insights, daily balances, metadata and scores.
 */
import type {
  Account,
  AnalyseResult,
  AnalysedAccount,
  EnrichedTransaction,
  EngineContext,
  WireTransaction,
} from './model/index.ts'
import { computeExpenses, expenseEntries } from './insights/expenses.ts'
import { computeIncomes, incomeEntries } from './insights/incomes.ts'
import { buildLedger } from './insights/ledger.ts'
import { computeLoans } from './insights/loans.ts'
import { computeMetadata } from './insights/metadata.ts'
import { computeRisks, overdraftOf, riskEntries } from './insights/risks.ts'
import type { BalanceSeries } from './insights/daily-balances.ts'
import { balanceSeries, toDailyBalances } from './insights/daily-balances.ts'
import { detectCashFlows } from './recurrence/index.ts'
import { findRefusal, isAnalysedAccount, isAnalysedChecking } from './refusals.ts'
import { resolveContext } from './resolve-context.ts'
import { computeFeatures, computeScores } from './scoring/index.ts'
import { CREDIT_INSIGHTS_VERSION, ENGINE_VERSION } from './version.ts'
import { toWireAccount, toWireTransaction } from './wire.ts'

/**
 * Analyses accounts whose transactions are already enriched (`enriched[i]` holds the enriched
 * transactions of `accounts[i]`, in input order). Pure and deterministic: the output depends on
 * the data and `ctx` only, never on the order of accounts or transactions beyond listing them.
 */
export const analyseEnriched = (
  accounts: readonly Account[],
  enriched: readonly (readonly EnrichedTransaction[])[],
  context: EngineContext = {},
): AnalyseResult => {
  const ctx = resolveContext(accounts, context)
  const analysed = accounts.map(isAnalysedAccount)
  const wires: WireTransaction[][] = accounts.map((_account, a) =>
    (enriched[a] ?? []).map((tx) =>
      toWireTransaction(tx, !(analysed[a] ?? false) || tx.isComing || tx.date > ctx.asOf),
    ),
  )
  const series: (BalanceSeries | null)[] = accounts.map((account, a) =>
    balanceSeries(account, enriched[a] ?? [], ctx.asOf),
  )
  const analysedAccounts: AnalysedAccount[] = accounts.map((account, a) => ({
    id: account.id,
    account: toWireAccount(account),
    transactions: wires[a] ?? [],
    dailyBalances: toDailyBalances(series[a] ?? null, account.currency),
  }))

  const refusal = findRefusal(accounts, ctx.supportedCurrencies, ctx.asOf)
  if (refusal !== null) {
    return { ok: false, refusal, accounts: analysedAccounts, engineVersion: ENGINE_VERSION }
  }

  const ledger = buildLedger(accounts, enriched, wires, isAnalysedAccount, ctx.asOf)
  const metadata = computeMetadata(accounts, ledger)
  const bankNames = new Map(accounts.map((a) => [a.id, a.bank?.name?.toUpperCase() ?? 'OWN BANK']))
  const cashFlows = detectCashFlows(
    ledger.checking,
    ledger.period,
    ledger.currency,
    (id) => bankNames.get(id) ?? 'OWN BANK',
  )
  const incomes = incomeEntries(ledger)
  const expenses = expenseEntries(ledger)
  const risks = riskEntries(ledger)
  const checkingSeries = accounts.flatMap((account, a) => {
    const s = series[a]
    return isAnalysedChecking(account) && s !== null && s !== undefined ? [s] : []
  })
  const overdraft = overdraftOf(checkingSeries)

  const result: AnalyseResult = {
    ok: true,
    metadata,
    accounts: analysedAccounts,
    engineVersion: ENGINE_VERSION,
  }
  if (!ctx.disableCreditInsights) {
    result.creditInsights = {
      version: CREDIT_INSIGHTS_VERSION,
      cashFlows: cashFlows.map((f) => f.cashFlow),
      incomes: computeIncomes(ledger, incomes),
      expenses: computeExpenses(ledger, expenses),
      loans: computeLoans(ledger, cashFlows),
      risks: computeRisks(ledger, risks, overdraft),
    }
  }
  if (!ctx.disableScores) {
    result.scores = computeScores(
      computeFeatures({
        accounts,
        ledger,
        incomes,
        expenses,
        cashFlows,
        risks,
        overdraft,
        checkingSeries,
        isAnalysed: isAnalysedAccount,
      }),
    )
  }
  return result
}
