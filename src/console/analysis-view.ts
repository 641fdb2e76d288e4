/**
 * What the analysis page and the PDF show, computed once from the decision file: sections as
 * plain rows of text, so that the templates only lay them out.
 */
import type { DecisionFile } from '../app/decision-file.ts'
import { INCOME_CATEGORIES, type CashFlow, type TransactionsGroup } from '../engine/model/index.ts'
import { balanceSvg, chartModel, type ChartModel } from './chart.ts'
import { formatter, type Formatter } from './format.ts'

const INCOME: ReadonlySet<string> = new Set(INCOME_CATEGORIES)

export interface Row {
  cells: string[]
}

export interface AccountView {
  title: string
  chart: ChartModel | null
  svg: string
  summary: string
}

export interface AnalysisView {
  fmt: Formatter
  title: string
  creditScore: string
  paymentScore: string
  indicators: Row[]
  creditReasons: { text: string; impact: string; positive: boolean }[]
  paymentReasons: { text: string; impact: string; positive: boolean }[]
  income: { summary: string[]; employers: string[]; streams: Row[]; categories: Row[] }
  housing: string[]
  credits: Row[]
  drawdowns: Row[]
  risks: Row[]
  accounts: AccountView[]
  expenses: Row[]
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n))

const perMonth = (flow: CashFlow): number => {
  const months = new Set(flow.calendar.map((entry) => entry.month)).size || 1
  return flow.totalAmount / months
}

const riskRow = (fmt: Formatter, label: string, group: TransactionsGroup, extra?: string): Row => ({
  cells: [label, String(group.transactions.length), fmt.money(group.totalAmount), extra ?? ''],
})

export const analysisView = (file: DecisionFile): AnalysisView => {
  const fmt = formatter(file.locale, file.currency)
  const credit = file.scores?.creditScore
  const payment = file.scores?.paymentScore
  const insights = file.insights
  const reasons = (list: DecisionFile['creditReasons']) =>
    list.map((reason) => ({
      text: reason.text,
      impact: signed(reason.impact),
      positive: reason.impact >= 0,
    }))
  const flows = insights?.cashFlows ?? []
  const incomeFlows = flows.filter((flow) => INCOME.has(flow.category))
  const rent = flows.filter((flow) => flow.category === 'RENT')
  const mortgage = (insights?.loans.repayments.details ?? []).filter(
    (flow) => flow.category === 'LOAN_REPAYMENT_REAL_ESTATE',
  )
  const housing: string[] = [
    ...rent.map(
      (flow) =>
        `Rent to ${flow.label}: ${fmt.money(perMonth(flow))} a month (${flow.regularity.periodicity.toLowerCase()})`,
    ),
    ...mortgage.map(
      (flow) =>
        `Mortgage with ${flow.lender?.name ?? flow.label}: ${fmt.money(perMonth(flow))} a month`,
    ),
  ]
  if (housing.length === 0) housing.push('No rent or mortgage found.')
  const risks = insights?.risks
  const accounts: AccountView[] = file.accounts.map((entry, index) => {
    const chart = chartModel(entry.balances, entry.incidents)
    const title = `${entry.account.name ?? entry.account.type} (${entry.account.type.toLowerCase()}, ${entry.account.currency})`
    const summary = chart
      ? `From ${fmt.day(entry.balances[0]?.date)} to ${fmt.day(entry.balances.at(-1)?.date)}: lowest ${fmt.money(chart.min, entry.account.currency)}, highest ${fmt.money(chart.max, entry.account.currency)}, ${chart.daysBelowZero} days below zero, ${entry.incidents.length} incidents marked.`
      : 'No daily balances: the account gave no balance.'
    return {
      title,
      chart,
      summary,
      svg: chart
        ? balanceSvg(chart, {
            id: `balance-${index}`,
            title: `Daily balance of ${title}`,
            description: summary,
            money: (n) => fmt.money(n, entry.account.currency),
            day: fmt.shortDay,
          })
        : '',
    }
  })
  return {
    fmt,
    title: `Analysis of ${file.customer.customIdentifier}`,
    creditScore: credit ? `${credit.value} / 1000` : 'not computed',
    paymentScore: payment ? `${payment.value} / 10` : 'not computed',
    indicators: credit
      ? [
          { cells: ['Living standard', String(credit.indicators.livingStandard)] },
          { cells: ['Budget management', String(credit.indicators.budgetManagement)] },
          { cells: ['Financial evolution', String(credit.indicators.financialEvolution)] },
        ]
      : [],
    creditReasons: reasons(file.creditReasons),
    paymentReasons: reasons(file.paymentReasons),
    income: {
      summary: insights
        ? [
            `Total income ${fmt.money(insights.incomes.totalAmount)}, ${fmt.money(insights.incomes.monthlyAmount)} a month`,
            `Share from allowances: ${Math.round(insights.incomes.indicators.allowancesRatio * 100)} %`,
          ]
        : [],
      employers: insights?.incomes.employers.map((employer) => employer.name) ?? [],
      streams: incomeFlows.map((flow) => ({
        cells: [
          flow.label,
          fmt.category(flow.category),
          flow.regularity.periodicity.toLowerCase(),
          fmt.money(perMonth(flow)),
        ],
      })),
      categories:
        insights?.incomes.categories.map((group) => ({
          cells: [
            fmt.category(group.name),
            fmt.money(group.totalAmount),
            fmt.money(group.monthlyAmount),
          ],
        })) ?? [],
    },
    housing,
    credits:
      insights?.loans.repayments.details.map((flow) => ({
        cells: [
          flow.lender?.name ?? flow.label,
          flow.label,
          fmt.category(flow.category),
          fmt.money(perMonth(flow)),
          fmt.money(flow.totalAmount),
        ],
      })) ?? [],
    drawdowns:
      insights?.loans.drawdowns.details.map((flow) => ({
        cells: [
          flow.lender?.name ?? flow.label,
          fmt.category(flow.category),
          fmt.money(flow.totalAmount),
        ],
      })) ?? [],
    risks: risks
      ? [
          riskRow(
            fmt,
            'Payments rejected',
            risks.incidents.paymentRejections,
            `fees ${fmt.money(risks.incidents.paymentRejections.totalFeesAmount)}`,
          ),
          riskRow(
            fmt,
            'Cheques rejected',
            risks.incidents.checkRejections,
            `fees ${fmt.money(risks.incidents.checkRejections.totalFeesAmount)}`,
          ),
          riskRow(fmt, 'Intervention fees', risks.incidents.interventionFees),
          riskRow(
            fmt,
            'Overdraft fees',
            risks.overdraft.fees,
            `${risks.overdraft.duration} days overdrawn, lowest ${fmt.money(risks.overdraft.minimumBalanceReached)}`,
          ),
          riskRow(fmt, 'Gambling', risks.gambling),
          riskRow(fmt, 'Direct debt recovery', risks.heavyFailures.directRecoveryOfDebt),
          riskRow(fmt, 'Account seizure', risks.heavyFailures.bankAccountSeizure),
          riskRow(fmt, 'Wage advances', risks.wageAdvance),
        ]
      : [],
    accounts,
    expenses:
      insights?.expenses.categories.map((group) => ({
        cells: [
          fmt.category(group.name),
          fmt.money(group.totalAmount),
          fmt.money(group.monthlyAmount),
        ],
      })) ?? [],
  }
}
