/**
 * The figures the scorecards read, computed once from the insights. Amounts in minor units of
 * the analysis currency; ratios as plain numbers (0.35 = 35 %).
 */
import type { Account } from '../model/index.ts'
import { toMajor } from '../model/index.ts'
import type { DetectedCashFlow } from '../recurrence/index.ts'
import { monthlyMinor, sumMinor } from '../insights/amounts.ts'
import {
  ALLOWANCES,
  CONSUMER_CREDIT,
  LOAN_REPAYMENT,
  STABLE_INCOME,
} from '../insights/categories.ts'
import type { BalanceSeries } from '../insights/daily-balances.ts'
import type { Ledger, LedgerEntry } from '../insights/ledger.ts'
import { periodMonths } from '../insights/ledger.ts'
import type { OverdraftFigures, RiskEntries } from '../insights/risks.ts'
import { shortTermCreditOf } from './short-term-credit.ts'

export interface ScoreFeatures {
  monthlyIncome: number
  /** Monthly income in major units (euros, pounds), what the income bands are written in. */
  monthlyIncomeMajor: number
  /** A wage or pension in every complete month of the period (every month when none is complete). */
  hasStableIncome: boolean
  allowancesRatio: number
  monthlyRepayments: number
  debtServiceRatio: number
  /** Monthly income minus credit repayments and rent. */
  residualIncome: number
  residualIncomeMajor: number
  consumerCredits: number
  consumerLenders: number
  splitPlans: number
  paymentRejections: number
  /** Rejected credit repayments (missed instalments), a subset of `paymentRejections`. */
  loanRepaymentRejections: number
  /** Lenders of short-term (payday) credit, see short-term-credit.ts. */
  shortTermLenders: number
  /** Rejected instalments of those lenders. */
  missedShortTermRepayments: number
  checkRejections: number
  incidentFees: number
  overdraftDays: number
  /** Overdraft days per month of history (30.44 days). */
  overdraftDaysPerMonth: number
  /** Repays a mortgage: the customer owns their home. */
  hasMortgage: boolean
  overdraftDepthRatio: number
  overdraftFees: number
  gamblingShare: number
  debtRecoveries: number
  seizures: number
  wageAdvances: number
  /** Change of the summed checking balance (last third vs first third), in months of income. */
  balanceTrend: number
  /** Monthly income minus monthly spending and repayments, as a share of income. */
  netFlowShare: number
  savingsMonths: number
  historyDays: number
  // short horizon (payment score)
  recentPaymentRejections: number
  recentOverdraftDays: number
  recentIncidentFees: number
  /** Summed checking balance at the analysis date. */
  currentBalance: number
}

/** The payment score looks back 90 days for incidents and 60 days for overdraft. */
const RECENT_INCIDENT_DAYS = 90
const RECENT_OVERDRAFT_DAYS = 60

const within = (entries: readonly LedgerEntry[], fromDay: number): number =>
  entries.filter((e) => e.day > fromDay).length

/** Summed end-of-day balance of several accounts per day over [startDay, endDay]. */
const summedBalances = (
  series: readonly BalanceSeries[],
  startDay: number,
  endDay: number,
): number[] => {
  const sums = new Array<number>(Math.max(endDay - startDay + 1, 0)).fill(0)
  for (const s of series) {
    for (let day = startDay; day <= endDay; day++) {
      const i = day - s.startDay
      // Before an account's first day its balance is its first known one: nothing moved yet.
      const balance = s.balances[Math.min(Math.max(i, 0), s.balances.length - 1)] ?? 0
      sums[day - startDay] = (sums[day - startDay] ?? 0) + balance
    }
  }
  return sums
}

/** Mean of `values[from, to)` (clamped to the array), 0 when that is empty; no copy. */
const meanOf = (values: readonly number[], from: number, to: number): number => {
  const start = Math.max(from, 0)
  const end = Math.min(to, values.length)
  if (end <= start) return 0
  let sum = 0
  for (let i = start; i < end; i++) sum += values[i] ?? 0
  return sum / (end - start)
}

export interface FeatureInputs {
  accounts: readonly Account[]
  ledger: Ledger
  incomes: readonly LedgerEntry[]
  expenses: readonly LedgerEntry[]
  cashFlows: readonly DetectedCashFlow[]
  risks: RiskEntries
  overdraft: OverdraftFigures
  checkingSeries: readonly BalanceSeries[]
  isAnalysed: (account: Account) => boolean
}

export const computeFeatures = (input: FeatureInputs): ScoreFeatures => {
  const { ledger, incomes, expenses, cashFlows, risks, overdraft, checkingSeries } = input
  const { period } = ledger
  const monthlyIncome = monthlyMinor(incomes, period)
  const totalIncome = sumMinor(incomes)
  const repaymentFlows = cashFlows.filter((f) => LOAN_REPAYMENT.has(f.cashFlow.category))
  const repaid = repaymentFlows.flatMap((f) => f.entries.filter((e) => !e.isReversed))
  const monthlyRepayments = -monthlyMinor(repaid, period)
  const monthlyRent = -monthlyMinor(
    expenses.filter((e) => e.tx.enrichments.category === 'RENT'),
    period,
  )
  const monthlySpending = -monthlyMinor(expenses, period)
  const consumer = repaymentFlows.filter((f) => CONSUMER_CREDIT.has(f.cashFlow.category))
  const split = repaymentFlows.filter((f) => f.cashFlow.category === 'SPLIT_PAYMENT')
  const lenders = new Set(
    [...consumer, ...split].flatMap((f) =>
      f.cashFlow.lender === undefined ? [] : [f.cashFlow.lender.name],
    ),
  )
  const stableMonths = new Set(
    incomes.filter((e) => STABLE_INCOME.has(e.tx.enrichments.category)).map((e) => e.month),
  )
  const monthsToCheck = period.completeMonths.length > 0 ? period.completeMonths : period.months
  const hasStableIncome =
    stableMonths.size > 0 && monthsToCheck.every((month) => stableMonths.has(month))

  const balances = summedBalances(checkingSeries, period.startDay, period.endDay)
  const third = Math.max(Math.floor(balances.length / 3), 1)
  const trend =
    meanOf(balances, balances.length - third, balances.length) - meanOf(balances, 0, third)
  const income = Math.max(monthlyIncome, 1)
  const savings = input.accounts
    .filter((a) => a.type === 'SAVINGS' && input.isAnalysed(a))
    .reduce((s, a) => s + Math.max(a.balance ?? 0, 0), 0)
  const recentIncidentFrom = period.endDay - RECENT_INCIDENT_DAYS
  const recentOverdraftFrom = period.endDay - RECENT_OVERDRAFT_DAYS
  const incidentFees = [
    ...risks.paymentRejectionFees,
    ...risks.checkRejectionFees,
    ...risks.interventionFees,
  ]
  let recentOverdraftDays = 0
  balances.forEach((b, i) => {
    if (b < 0 && period.startDay + i > recentOverdraftFrom) recentOverdraftDays++
  })
  const residualIncome = monthlyIncome - monthlyRepayments - monthlyRent
  const shortTerm = shortTermCreditOf(cashFlows)
  return {
    monthlyIncome,
    monthlyIncomeMajor: toMajor(monthlyIncome, ledger.currency),
    hasStableIncome,
    allowancesRatio:
      totalIncome > 0
        ? sumMinor(incomes.filter((e) => ALLOWANCES.has(e.tx.enrichments.category))) / totalIncome
        : 0,
    monthlyRepayments,
    debtServiceRatio:
      monthlyIncome > 0 ? monthlyRepayments / monthlyIncome : monthlyRepayments > 0 ? 1 : 0,
    residualIncome,
    residualIncomeMajor: toMajor(residualIncome, ledger.currency),
    consumerCredits: consumer.length,
    consumerLenders: lenders.size,
    splitPlans: split.length,
    paymentRejections: risks.paymentRejections.length,
    loanRepaymentRejections: risks.paymentRejections.filter(
      (e) => e.tx.enrichments.category === 'REJECTION_LOAN_REPAYMENT',
    ).length,
    shortTermLenders: shortTerm.lenders.length,
    missedShortTermRepayments: shortTerm.missedRepayments,
    checkRejections: risks.checkRejections.length,
    incidentFees: incidentFees.length,
    overdraftDays: overdraft.days,
    overdraftDaysPerMonth: overdraft.days / Math.max(periodMonths(period), 1),
    hasMortgage: repaymentFlows.some((f) => f.cashFlow.category === 'LOAN_REPAYMENT_REAL_ESTATE'),
    overdraftDepthRatio: -overdraft.minimumMinor / income,
    overdraftFees: risks.overdraftFees.length,
    gamblingShare: -sumMinor(risks.gambling) / Math.max(totalIncome, 1),
    debtRecoveries: risks.directRecoveryOfDebt.length,
    seizures: risks.bankAccountSeizure.length,
    wageAdvances: risks.wageAdvance.length,
    balanceTrend: trend / income,
    netFlowShare: (monthlyIncome - monthlySpending - monthlyRepayments) / income,
    savingsMonths: savings / income,
    historyDays: period.endDay - period.startDay + 1,
    recentPaymentRejections: within(risks.paymentRejections, recentIncidentFrom),
    recentOverdraftDays,
    recentIncidentFees: within([...incidentFees, ...risks.overdraftFees], recentIncidentFrom),
    currentBalance: balances[balances.length - 1] ?? 0,
  }
}
