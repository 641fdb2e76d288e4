/**
 * Reads what affordability and the decision policy need from an analysis in its wire shape (the
 * engine's output, or the same texts read back from the store): so a what-if on a stored
 * analysis needs no new data and gives what the scoring gave. Pure.
 */
import type {
  AccountType,
  CashFlow,
  CreditInsights,
  DailyBalance,
  LocalDate,
  Minor,
  Periodicity,
  Scores,
} from '../model/index.ts'
import { localDateOf, toDayNumber, toMinor } from '../model/index.ts'
import { EXPENSE, LOAN_REPAYMENT } from '../insights/categories.ts'
import type { AffordabilityInput } from './affordability.ts'

/** The parts of an analysis read here. */
export interface AnalysisView {
  creditInsights?: CreditInsights | null
  scores?: Scores | null
  /** Every analysed account with its type and daily balances (major units, as served). */
  accounts: readonly {
    type: AccountType
    currency: string
    dailyBalances: readonly DailyBalance[]
  }[]
}

/** What the decision policy's hard rules read. */
export interface RiskFacts {
  /** Gambling spent / income over the period (0.1 = 10 %). */
  gamblingShare: number
  seizures: number
  /** Payment and cheque rejections in the 90 days up to `asOf`. */
  recentRejections: number
}

/** Occurrences per month of a periodicity: what turns a recurring charge into a monthly one. */
const PER_MONTH: Partial<Record<Periodicity, number>> = {
  WEEKLY: 52 / 12,
  BIWEEKLY: 26 / 12,
  MONTHLY: 1,
  BIMONTHLY: 1 / 2,
  QUARTERLY: 1 / 3,
  SEMI_ANNUAL: 1 / 6,
  YEARLY: 1 / 12,
}

/** Cash flows that ended before the analysis date no longer weigh on the budget. */
const STOPPED: ReadonlySet<string> = new Set([
  'HAS_STOPPED_BEFORE_END_OF_ANALYSIS',
  'HAS_BEGUN_AND_STOPPED_DURING_ANALYSIS',
])

/**
 * Fixed charges: the recurring expense categories a budget cannot skip next month. Groceries,
 * leisure and shopping recur too, but are living costs the residual income is there to pay.
 */
const FIXED_CHARGES: ReadonlySet<string> = new Set<string>([
  'POWER',
  'TELECOM',
  'INSURANCE',
  'INSURANCE_HEALTH',
  'INSURANCE_AUTO',
  'INSURANCE_HOME',
  'MULTIMEDIA',
  'SPORT',
  'DEFERRED_TOTAL_PAYMENT',
  'PERSO_TAX',
  'INCOME_TAX',
  'HOUSING_TAX',
  'PROPERTY_TAX',
  'FEES_BANK_SERVICE',
])

const isRecurringCharge = (flow: CashFlow): boolean =>
  flow.totalAmount < 0 &&
  EXPENSE.has(flow.category) &&
  flow.category !== 'RENT' &&
  (FIXED_CHARGES.has(flow.category) || flow.type === 'DIRECT_DEBIT') &&
  PER_MONTH[flow.regularity.periodicity] !== undefined &&
  !STOPPED.has(flow.regularity.repartition)

/** Mean debit of a cash flow × occurrences per month, in minor units. */
const monthlyOf = (flow: CashFlow, currency: string): Minor => {
  const paid = flow.transactions.filter((t) => t.amount < 0 && !t.enrichments.isRejected)
  if (paid.length === 0) return 0
  const mean = paid.reduce((s, t) => s + toMinor(-t.amount, currency), 0) / paid.length
  return Math.round(mean * (PER_MONTH[flow.regularity.periodicity] ?? 0))
}

/** The most frequent value, ties to the smallest. */
const modal = (values: readonly number[]): number | undefined => {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: number | undefined
  let bestCount = 0
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && v < best)) {
      best = v
      bestCount = c
    }
  }
  return best
}

const dayOfMonth = (isoDate: string): number => Number(isoDate.slice(8, 10))

/** Debits on the 29th–31st move to the 28th: every month has one. */
const DEFAULT_DEBIT_DAY = 5

/**
 * The customer's usual debit day: the day most of their credit repayments fall on; without
 * credits, two days after their usual pay day (when lenders set a new credit's debit); else the
 * 5th. Capped at the 28th.
 */
export const usualDebitDay = (insights: CreditInsights | null | undefined): number => {
  if (!insights) return DEFAULT_DEBIT_DAY
  const repaymentDays = insights.cashFlows
    .filter((f) => LOAN_REPAYMENT.has(f.category))
    .flatMap((f) =>
      f.transactions.map((t) => dayOfMonth(t.dates.debitedAt ?? t.dates.bookedAt ?? '')),
    )
    .filter((d) => d >= 1)
  const fromCredits = modal(repaymentDays)
  if (fromCredits !== undefined) return Math.min(fromCredits, 28)
  const wages = insights.incomes.categories.find(
    (g) => g.name === 'WAGE' || g.name === 'RETIREMENT_PENSION',
  )
  const payDay = modal(
    (wages?.transactions ?? [])
      .map((t) => dayOfMonth(t.dates.debitedAt ?? t.dates.bookedAt ?? ''))
      .filter((d) => d >= 1),
  )
  if (payDay !== undefined) return Math.min(((payDay + 1) % 31) + 1, 28)
  return DEFAULT_DEBIT_DAY
}

/** Summed daily balances of the CHECKING accounts over the days they share. */
const summedChecking = (
  accounts: AnalysisView['accounts'],
  currency: string,
): AffordabilityInput['dailyBalances'] => {
  const checking = accounts.filter((a) => a.type === 'CHECKING' && a.dailyBalances.length > 0)
  if (checking.length === 0) return null
  const starts = checking.map((a) => toDayNumber(localDateOf(a.dailyBalances[0]?.date ?? '')))
  const ends = checking.map((a, i) => (starts[i] ?? 0) + a.dailyBalances.length - 1)
  const start = Math.min(...starts)
  const end = Math.max(...ends)
  const balances = new Array<number>(end - start + 1).fill(0)
  checking.forEach((a, i) => {
    const offset = (starts[i] ?? 0) - start
    const series = a.dailyBalances
    for (let d = 0; d < balances.length; d++) {
      // Before an account's first day its first balance holds, after its last day its last.
      const k = Math.min(Math.max(d - offset, 0), series.length - 1)
      balances[d] = (balances[d] ?? 0) + toMinor(series[k]?.balance ?? 0, currency)
    }
  })
  const first = checking[starts.indexOf(start)]?.dailyBalances[0]?.date ?? ''
  return { startDate: localDateOf(first), balances }
}

/** The analysis date of a view: its last daily balance, else its latest transaction. */
export const asOfOf = (view: AnalysisView): LocalDate | undefined => {
  const days = view.accounts.flatMap((a) => {
    const last = a.dailyBalances[a.dailyBalances.length - 1]
    return last === undefined ? [] : [localDateOf(last.date)]
  })
  return days.sort().at(-1)
}

const currencyOf = (view: AnalysisView): string =>
  view.accounts.find((a) => a.type === 'CHECKING')?.currency ?? view.accounts[0]?.currency ?? 'EUR'

/** The affordability input of an analysis. */
export const affordabilityInputOf = (view: AnalysisView): AffordabilityInput => {
  const currency = currencyOf(view)
  const insights = view.creditInsights ?? null
  const minor = (major: number | undefined): Minor => toMinor(major ?? 0, currency)
  const credit = view.scores?.creditScore
  return {
    currency,
    monthlyIncome: Math.max(minor(insights?.incomes.monthlyAmount), 0),
    monthlyRecurringExpenses: (insights?.cashFlows ?? [])
      .filter(isRecurringCharge)
      .reduce((s, f) => s + monthlyOf(f, currency), 0),
    monthlyCreditRepayments: Math.max(-minor(insights?.loans.repayments.monthlyAmount), 0),
    monthlyHousing: Math.max(
      -minor(insights?.expenses.categories.find((g) => g.name === 'RENT')?.monthlyAmount),
      0,
    ),
    creditScore: credit?.value ?? null,
    creditScoreReasons: credit?.reasons ?? [],
    dailyBalances: summedChecking(view.accounts, currency),
    debitDay: usualDebitDay(insights),
  }
}

/** The 90 days the policy looks back for rejections (as the payment score does). */
const RECENT_DAYS = 90

export const riskFactsOf = (view: AnalysisView, asOf: LocalDate): RiskFacts => {
  const risks = view.creditInsights?.risks
  const income = view.creditInsights?.incomes.totalAmount ?? 0
  const gambling = Math.abs(risks?.gambling.totalAmount ?? 0)
  const from = toDayNumber(asOf) - RECENT_DAYS
  const rejections = [
    ...(risks?.incidents.paymentRejections.transactions ?? []),
    ...(risks?.incidents.checkRejections.transactions ?? []),
  ]
  return {
    gamblingShare:
      income > 0 ? Math.round((gambling / income) * 10000) / 10000 : gambling > 0 ? 1 : 0,
    seizures: risks?.heavyFailures.bankAccountSeizure.transactions.length ?? 0,
    recentRejections: rejections.filter((t) => {
      const date = t.dates.debitedAt ?? t.dates.bookedAt
      return date !== null && toDayNumber(localDateOf(date)) > from
    }).length,
  }
}
