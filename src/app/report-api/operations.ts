/**
 * The five operations of the Report API, mapped from what the engine computed (pure: engine
 * output in, the vendor's field names and units out). Categories come from the engine, through
 * the one category-tree table; lenders, gambling, rejections, seizures, debt recovery and the
 * score are the engine's own groups and values. What the vendor asks and our engine cannot say
 * (paid alimony, loan fines, the kind of gambling) is null, never a guess. Monthly figures are
 * averaged over the complete calendar months of the period (see months.ts).
 */
import type {
  AnalyseResult,
  AnalysedAccount,
  Category,
  CreditInsights,
  Scores,
  TransactionType,
  WireTransaction,
} from '../../engine/model/index.ts'
import { monthOf } from '../../engine/model/index.ts'
import type { ReportAccountMeta } from '../../adapters/report-api/index.ts'
import { isWithin, nodeOf, titleOf, treeVersion } from './category-tree.ts'
import {
  daysSince,
  lastDayOf,
  mean,
  median,
  perMonth,
  previousMonth,
  ratio,
  round2,
  slope,
  type ReportPeriod,
} from './months.ts'

export const OPERATIONS = [
  'categorisation',
  'insights-income',
  'insights-loans',
  'insights-risk',
  'simple-score',
] as const
export type Operation = (typeof OPERATIONS)[number]

/** One currency's accounts as the engine analysed them. */
export interface AnalysedGroup {
  currency: string
  result: AnalyseResult
}

export interface OperationsInput {
  country: string
  operations: readonly Operation[]
  incomeDefinition: readonly number[]
  expenseDefinition: readonly number[]
  groups: readonly AnalysedGroup[]
  /** The currency whose accounts the insights and the score are about. */
  insightsCurrency: string | null
  meta: readonly ReportAccountMeta[]
  period: ReportPeriod
}

interface Row {
  key: string
  /** The engine's id of the transaction (what its risk groups list). */
  wireId: string
  transactionId: string
  date: string
  amount: number
  category: Category
  type: TransactionType
  node: number
  rejected: boolean
  counterparty: string | null
  description: string
}

const dateOf = (transaction: WireTransaction): string =>
  (transaction.dates.debitedAt ?? transaction.dates.bookedAt ?? '').slice(0, 10)

const keyOf = (account: AnalysedAccount): string => account.account.aggregator?.id ?? account.id

const rowsOf = (accounts: readonly AnalysedAccount[]): Row[] =>
  accounts.flatMap((account) =>
    account.transactions.map((transaction) => ({
      key: keyOf(account),
      wireId: transaction.id,
      transactionId: transaction.aggregator.id ?? transaction.id,
      date: dateOf(transaction),
      amount: transaction.amount,
      category: transaction.enrichments.category,
      type: transaction.enrichments.type,
      node: nodeOf(transaction.enrichments.category, transaction.enrichments.type),
      rejected: transaction.enrichments.isRejected,
      counterparty: transaction.enrichments.counterparty,
      description: transaction.description,
    })),
  )

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)

const within = (node: number, definition: readonly number[]): boolean =>
  definition.some((id) => isWithin(node, id))

/** The bank's own text: the description without the partner the adapter appended. */
const infoOf = (row: Row, partner: string | undefined): string =>
  partner !== undefined && row.description.endsWith(` ${partner}`)
    ? row.description.slice(0, -partner.length - 1)
    : row.description

// ---- categorisation ----------------------------------------------------------------------------

const categorisation = (input: OperationsInput, rows: readonly Row[]) => {
  const byKey = new Map<string, Row[]>()
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row])
  const accounts: Record<string, unknown>[] = []
  const byNumber = new Map<string, Record<string, unknown>[]>()
  for (const meta of input.meta) {
    const own = [...(byKey.get(meta.key) ?? [])].sort((a, b) => a.date.localeCompare(b.date))
    const credit = sum(own.filter((row) => row.amount > 0).map((row) => row.amount))
    const debit = -sum(own.filter((row) => row.amount < 0).map((row) => row.amount))
    const net = sum(own.map((row) => row.amount))
    const end = meta.endBalance ?? (meta.startBalance === null ? null : meta.startBalance + net)
    const start = meta.startBalance ?? (end === null ? null : end - net)
    const currency = {
      code: meta.code,
      credit_turnover: meta.creditTurnover ?? round2(credit),
      debit_turnover: meta.debitTurnover ?? round2(debit),
      start_balance: round2(start),
      end_balance: round2(end),
      transactions: own.map((row) => ({
        amount: row.amount,
        category_id: row.node,
        title: titleOf(row.node, input.country),
        date: row.date,
        info: infoOf(row, meta.partners[row.transactionId]),
        transaction_id: row.transactionId,
        partner: meta.partners[row.transactionId] ?? row.counterparty,
      })),
    }
    // One account per account number, with one entry per currency, as the input gave them.
    const groupKey = meta.accountNumber ?? meta.key
    const existing = byNumber.get(groupKey)
    if (existing) {
      existing.push(currency)
      continue
    }
    const currencies = [currency]
    byNumber.set(groupKey, currencies)
    accounts.push({
      account_number: meta.accountNumber,
      bank: meta.bank,
      country: meta.country,
      holders: meta.holders,
      is_joint_ownership: meta.isJointOwnership,
      is_shared_ownership: meta.isSharedOwnership,
      period_start: meta.periodStart,
      period_end: meta.periodEnd,
      currencies,
    })
  }
  return { accounts, category_tree_version: treeVersion(input.country) }
}

// ---- insights ----------------------------------------------------------------------------------

interface Context {
  input: OperationsInput
  period: ReportPeriod
  months: number
  rows: Row[]
  insights: CreditInsights | undefined
  accounts: readonly AnalysedAccount[]
}

const monthlyAverage = (context: Context, rows: readonly Row[]): number | null =>
  context.months === 0
    ? null
    : sum(
        perMonth(
          context.period,
          rows,
          (row) => row.date,
          (row) => Math.abs(row.amount),
        ),
      ) / context.months

const monthsWith = (context: Context, rows: readonly Row[]): number =>
  perMonth(
    context.period,
    rows,
    (row) => row.date,
    () => 1,
  ).filter((count) => count > 0).length

const lastDate = (rows: readonly Row[]): string | undefined =>
  rows.reduce<string | undefined>(
    (last, row) => (last === undefined || row.date > last ? row.date : last),
    undefined,
  )

/** Slope of the monthly sums over the last three complete months (the vendor's weighting). */
const recentTrend = (context: Context, rows: readonly Row[]): number | null =>
  round2(
    slope(
      perMonth(
        context.period,
        rows,
        (row) => row.date,
        (row) => Math.abs(row.amount),
      ).slice(-3),
    ),
  )

const incomeRows = (context: Context): Row[] =>
  context.rows.filter(
    (row) => row.amount > 0 && !row.rejected && within(row.node, context.input.incomeDefinition),
  )

const expenseRows = (context: Context): Row[] =>
  context.rows.filter(
    (row) => row.amount < 0 && !row.rejected && within(row.node, context.input.expenseDefinition),
  )

const outgoingLoans = (context: Context): Row[] =>
  context.rows.filter((row) => row.amount < 0 && !row.rejected && isWithin(row.node, 79))

const incomingLoans = (context: Context): Row[] =>
  context.rows.filter((row) => row.amount > 0 && isWithin(row.node, 22))

const definitionList = (ids: readonly number[], country: string) =>
  ids.map((id) => ({ category_id: String(id), title: titleOf(id, country) }))

const incomeInsights = (context: Context) => {
  const { period, input } = context
  const incomes = incomeRows(context)
  const expenses = expenseRows(context)
  const monthly = perMonth(
    period,
    incomes,
    (row) => row.date,
    (row) => row.amount,
  )
  const averageIncome = mean(monthly)
  const averageExpenses = monthlyAverage(context, expenses)
  const averageLoans = monthlyAverage(context, outgoingLoans(context))
  const deviation =
    averageIncome === null || monthly.length === 0
      ? null
      : Math.sqrt(mean(monthly.map((value) => (value - averageIncome) ** 2)) ?? 0)
  const dates = [...new Set(incomes.map((row) => row.date))].sort()
  const gaps = dates.slice(1).map((date, index) => daysSince(dates[index], date) ?? 0)
  const byNode = new Map<number, Row[]>()
  for (const row of incomes) byNode.set(row.node, [...(byNode.get(row.node) ?? []), row])
  const incomeByCategory = Object.fromEntries(
    [...byNode.entries()]
      .sort(([a], [b]) => a - b)
      .map(([node, rows]) => [
        String(node),
        {
          average_income_payment: round2(mean(rows.map((row) => row.amount))),
          average_monthly_income: round2(monthlyAverage(context, rows)),
          days_since_last_income_payment: daysSince(lastDate(rows), period.end),
          median_income_payment: round2(median(rows.map((row) => row.amount))),
          number_of_income_payments: rows.length,
        },
      ]),
  )
  const incomplete = period.incompleteMonth
  const lastIncompleteMonth = (() => {
    if (incomplete === null) return null
    const inMonth = (row: Row) => monthOf(row.date) === incomplete
    const received = sum(incomes.filter(inMonth).map((row) => row.amount))
    const spent = -sum(expenses.filter(inMonth).map((row) => row.amount))
    const expected = averageIncome === null ? null : Math.max(0, averageIncome - received)
    return {
      month: incomplete,
      received_income: round2(received),
      expected_remaining_income: round2(expected),
      remaining_monthly_discretionary_income:
        expected === null || averageExpenses === null
          ? null
          : round2(received + expected - Math.max(spent, averageExpenses)),
    }
  })()
  return {
    average_days_between_income_payments: round2(mean(gaps)),
    average_monthly_discretionary_income:
      averageIncome === null || averageExpenses === null
        ? null
        : round2(averageIncome - averageExpenses),
    average_monthly_income: round2(averageIncome),
    calendar_months: context.months,
    calendar_months_with_income: monthly.filter((value) => value > 0).length,
    days_since_last_income_payment: daysSince(lastDate(incomes), period.end),
    debt_to_income_ratio: ratio(averageLoans, averageIncome),
    monthly_regularity:
      context.months === 0
        ? null
        : round2(monthly.filter((value) => value > 0).length / context.months),
    monthly_stability:
      averageIncome === null || averageIncome === 0 || deviation === null
        ? null
        : round2(Math.max(0, 1 - deviation / averageIncome)),
    monthly_trend: round2(slope(monthly)),
    definitions: {
      income: definitionList(input.incomeDefinition, input.country),
      expenses: definitionList(input.expenseDefinition, input.country),
    },
    income_by_category: incomeByCategory,
    last_incomplete_month: lastIncompleteMonth,
  }
}

/** Lenders the engine named on the loan cash flows whose category maps under `nodes`. */
const lendersOf = (
  insights: CreditInsights | undefined,
  direction: 'repayments' | 'drawdowns',
  accept: (node: number) => boolean,
): number | null => {
  if (!insights) return null
  const names = new Set<string>()
  for (const flow of insights.loans[direction].details) {
    const node = nodeOf(flow.category, flow.type)
    if (accept(node) && flow.lender?.name) names.add(flow.lender.name)
  }
  return names.size
}

/** Expense node → the income node of the same kind of loan (the vendor's pairs). */
const LOAN_PAIRS: readonly { expense: number | null; income: number | null }[] = [
  { expense: 81, income: 117 },
  { expense: 94, income: 91 },
  { expense: 97, income: 10020 },
  { expense: 10053, income: 10021 },
  { expense: 10054, income: 10022 },
  { expense: 10055, income: null },
  { expense: 10056, income: null },
  { expense: 10057, income: null },
]

const loanFigures = (
  context: Context,
  outgoing: readonly Row[],
  incoming: readonly Row[],
  sources: { outgoing: number | null; incoming: number | null },
) => ({
  average_monthly_outgoing_loan_payment: round2(monthlyAverage(context, outgoing)),
  calendar_months: context.months,
  calendar_months_with_incoming_loans: monthsWith(context, incoming),
  calendar_months_with_outgoing_loans: monthsWith(context, outgoing),
  days_since_last_incoming_loan: daysSince(lastDate(incoming), context.period.end),
  monthly_incoming_loan_trend: recentTrend(context, incoming),
  monthly_outgoing_loan_trend: recentTrend(context, outgoing),
  number_of_incoming_loan_sources: sources.incoming,
  number_of_outgoing_loan_sources: sources.outgoing,
})

const loanInsights = (context: Context) => {
  const outgoing = outgoingLoans(context)
  const incoming = incomingLoans(context)
  const total = -sum(outgoing.map((row) => row.amount))
  const insights = context.insights
  const byCategory = LOAN_PAIRS.flatMap((pair) => {
    const out = outgoing.filter((row) => row.node === pair.expense)
    const into = incoming.filter((row) => row.node === pair.income)
    if (out.length === 0 && into.length === 0) return []
    const title = titleOf(pair.expense ?? pair.income ?? 0, context.input.country)
    return [
      {
        category_id: { expense: pair.expense, income: pair.income },
        category_title: title,
        ...loanFigures(context, out, into, {
          outgoing: lendersOf(insights, 'repayments', (node) => node === pair.expense),
          incoming: lendersOf(insights, 'drawdowns', (node) => node === pair.income),
        }),
        ratio_of_outgoing_loan_category_to_loans: ratio(-sum(out.map((row) => row.amount)), total),
      },
    ]
  })
  return {
    ...loanFigures(context, outgoing, incoming, {
      outgoing: insights ? insights.loans.repayments.lendingOrganizations.length : null,
      incoming: insights ? insights.loans.drawdowns.lendingOrganizations.length : null,
    }),
    loans_by_category: byCategory,
  }
}

const countAndSum = (context: Context, rows: readonly Row[]) =>
  context.months === 0
    ? { average_count_a_month: null, average_sum_a_month: null }
    : {
        average_count_a_month: round2(
          sum(
            perMonth(
              context.period,
              rows,
              (row) => row.date,
              () => 1,
            ),
          ) / context.months,
        ),
        average_sum_a_month: round2(monthlyAverage(context, rows)),
      }

/** Rows of the engine's transactions in one of its risk groups. */
const rowsIn = (
  context: Context,
  groups: readonly { transactions: WireTransaction[] }[],
): Row[] => {
  const ids = new Set(
    groups.flatMap((group) => group.transactions.map((transaction) => transaction.id)),
  )
  return context.rows.filter((row) => ids.has(row.wireId))
}

/** End-of-day balance summed over the accounts on `date` (null when any account has none). */
const balanceOn = (context: Context, date: string): number | null => {
  let total = 0
  for (const account of context.accounts) {
    const series = account.dailyBalances
    if (series.length === 0) return null
    const found = [...series].reverse().find((entry) => entry.date.slice(0, 10) <= date)
    if (!found) return null
    total += found.balance
  }
  return round2(total)
}

const riskInsights = (context: Context) => {
  const { insights, period } = context
  const nullCounts = { average_count_a_month: null, average_sum_a_month: null }
  const incomeAverage = mean(
    perMonth(
      period,
      incomeRows(context),
      (row) => row.date,
      (row) => row.amount,
    ),
  )
  const expensesAverage = monthlyAverage(context, expenseRows(context))
  const deposits = context.rows.filter((row) => row.type === 'CASH_DEPOSIT' && row.amount > 0)
  const withdrawals = context.rows.filter((row) => row.type === 'CASH_WITHDRAWAL' && row.amount < 0)
  const depositsPerMonth = perMonth(
    period,
    deposits,
    (row) => row.date,
    (row) => row.amount,
  )
  const allDebits = context.rows.filter((row) => row.amount < 0 && !row.rejected)
  const gambling = insights ? rowsIn(context, [insights.risks.gambling]) : []
  const lastComplete = period.completeMonths[period.completeMonths.length - 1]
  const net = sum(
    context.rows
      .filter((row) => period.completeMonths.includes(monthOf(row.date)))
      .map((row) => row.amount),
  )
  const statementEnd = balanceOn(context, period.end)
  const statementNet = sum(context.rows.map((row) => row.amount))
  return {
    alimony_payments: nullCounts,
    bailiffs: insights
      ? countAndSum(context, rowsIn(context, [insights.risks.heavyFailures.bankAccountSeizure]))
      : nullCounts,
    debt_collection: insights
      ? countAndSum(context, rowsIn(context, [insights.risks.heavyFailures.directRecoveryOfDebt]))
      : nullCounts,
    dishonours: insights
      ? countAndSum(
          context,
          rowsIn(context, [
            insights.risks.incidents.paymentRejections,
            insights.risks.incidents.checkRejections,
          ]),
        )
      : nullCounts,
    loan_fines: nullCounts,
    balance: {
      calendar_month_start_balance:
        lastComplete === undefined
          ? null
          : balanceOn(context, lastDayOf(previousMonth(lastComplete))),
      calendar_month_end_balance:
        lastComplete === undefined ? null : balanceOn(context, lastDayOf(lastComplete)),
      net_cash_flow: context.months === 0 ? null : round2(net / context.months),
      statement_start_balance: statementEnd === null ? null : round2(statementEnd - statementNet),
      statement_end_balance: statementEnd,
    },
    cash: {
      average_count_of_cash_deposit_a_month: countAndSum(context, deposits).average_count_a_month,
      average_count_of_cash_withdrawal_a_month: countAndSum(context, withdrawals)
        .average_count_a_month,
      average_sum_of_cash_deposit_a_month: round2(monthlyAverage(context, deposits)),
      average_sum_of_cash_withdrawal_a_month: round2(monthlyAverage(context, withdrawals)),
      cash_deposit_monthly_trend: recentTrend(context, deposits),
      cash_withdrawal_monthly_trend: recentTrend(context, withdrawals),
      cash_deposit_to_income: ratio(monthlyAverage(context, deposits), incomeAverage),
      cash_withdrawal_to_expenses: ratio(monthlyAverage(context, withdrawals), expensesAverage),
      cash_withdrawal_to_income: ratio(monthlyAverage(context, withdrawals), incomeAverage),
      stable_monthly_cash_deposits:
        context.months === 0 ? null : depositsPerMonth.every((value) => value > 0),
    },
    gambling: {
      ...countAndSum(context, gambling),
      days_since_last_transaction: daysSince(lastDate(gambling), period.end),
      gambling_to_all_expenses: ratio(
        -sum(gambling.map((row) => row.amount)),
        -sum(allDebits.map((row) => row.amount)),
      ),
      monthly_regularity_of_gambling:
        context.months === 0 ? null : round2(monthsWith(context, gambling) / context.months),
      // The engine does not tell betting, casino and lottery apart.
      ratio_of_betting: null,
      ratio_of_casino: null,
      ratio_of_lottery: null,
    },
  }
}

/** The credit score 0–1000 (1000 safest) on the vendor's 0–10 scale (10 best). */
export const simpleScoreOf = (scores: Scores | undefined): number | null =>
  scores?.creditScore === undefined
    ? null
    : Math.max(0, Math.min(10, Math.round(scores.creditScore.value / 100)))

/** The report's `attributes` for the requested operations (status added by the caller). */
export const computeOperations = (input: OperationsInput): Record<string, unknown> => {
  const all = input.groups.flatMap((group) => group.result.accounts)
  const attributes: Record<string, unknown> = {}
  const wants = (operation: Operation) => input.operations.includes(operation)
  if (wants('categorisation')) attributes.categorisation = categorisation(input, rowsOf(all))
  const group = input.groups.find((candidate) => candidate.currency === input.insightsCurrency)
  const result = group?.result
  const accounts = result?.accounts ?? []
  const context: Context = {
    input,
    period: input.period,
    months: input.period.completeMonths.length,
    rows: rowsOf(accounts),
    insights: result?.ok === true ? result.creditInsights : undefined,
    accounts,
  }
  const insights: Record<string, unknown> = {}
  if (wants('insights-income')) insights['insights-income'] = incomeInsights(context)
  if (wants('insights-loans')) insights['insights-loans'] = loanInsights(context)
  if (wants('insights-risk')) insights['insights-risk'] = riskInsights(context)
  if (Object.keys(insights).length > 0) attributes.insights = insights
  if (wants('simple-score')) {
    attributes['simple-score'] = result?.ok === true ? simpleScoreOf(result.scores) : null
  }
  return attributes
}
