/**
 * The risk report (docs/risk-report.md, "The report") mapped from a completed analysis: the
 * engine's credit insights, scores, analysed accounts and their daily balances. Nothing is
 * re-computed here beyond sums, counts and averages of what the engine decided: incomes and
 * expenses are the engine's, streams are its cash flows, risks its risk insights, reasons its
 * credit score's. Pure: the caller reads the stored analysis and passes it in.
 *
 * Conventions: amounts in major units, expenses as positive numbers; `regular` streams are the
 * engine's recurring cash flows, `variable` the rest grouped by category; categories carry the
 * report API tree's node (`id`, English `name`) and our category (`code`, an extension).
 */
import type {
  CashFlow,
  CreditInsights,
  DailyBalance,
  Scores,
  TransactionsGroup,
  WireAccount,
  WireTransaction,
} from '../../engine/model/index.ts'
import { findNode, nodeOf } from '../report-api/category-tree.ts'
import { bestOwnerMatch, type Affinity } from './name-match.ts'

export interface ReportInput {
  flowId: string
  period: number
  /** The holder name the lender gave; no verification without it. */
  name?: string
  /** The accounts the lender gave (IBAN or number). */
  givenAccounts: readonly { id: string }[]
  accounts: readonly {
    account: WireAccount
    balances: readonly DailyBalance[]
    transactions: readonly WireTransaction[]
  }[]
  creditInsights: CreditInsights | null
  scores: Scores | null
}

interface Figures {
  count: number
  total: number
  low: number
  high: number
  average: number
}

interface Stream extends Figures {
  category: { id: number; name: string; code: string }
  payment_partner?: { name: string }
  first_booked_on: string
  last_booked_on: string
}

const round = (value: number): number => Math.round(value * 100) / 100

const dayOf = (t: WireTransaction): string =>
  (t.dates.bookedAt ?? t.dates.debitedAt ?? '').slice(0, 10)

const figures = (amounts: readonly number[]): Figures => {
  if (amounts.length === 0) return { count: 0, total: 0, low: 0, high: 0, average: 0 }
  const total = amounts.reduce((sum, amount) => sum + amount, 0)
  return {
    count: amounts.length,
    total: round(total),
    low: round(Math.min(...amounts)),
    high: round(Math.max(...amounts)),
    average: round(total / amounts.length),
  }
}

const categoryOf = (t: WireTransaction): Stream['category'] => {
  const id = nodeOf(t.enrichments.category, t.enrichments.type)
  return {
    id,
    name: findNode(id)?.titles.en ?? t.enrichments.category,
    code: t.enrichments.category,
  }
}

const stream = (transactions: readonly WireTransaction[], partner?: string): Stream | undefined => {
  const first = transactions[0]
  if (!first) return undefined
  const days = transactions.map(dayOf).sort()
  return {
    ...figures(transactions.map((t) => Math.abs(t.amount))),
    category: categoryOf(first),
    ...(partner && { payment_partner: { name: partner } }),
    first_booked_on: days[0] ?? '',
    last_booked_on: days.at(-1) ?? '',
  }
}

/** Regular (recurring cash flows) and variable streams of one side, income or expenses. */
const side = (transactions: readonly WireTransaction[], cashFlows: readonly CashFlow[]) => {
  const ids = new Set(transactions.map((t) => t.id))
  const inRegular = new Set<string>()
  const regular: Stream[] = []
  for (const flow of cashFlows) {
    const own = flow.transactions.filter((t) => ids.has(t.id) && !inRegular.has(t.id))
    if (own.length < 2) continue
    for (const t of own) inRegular.add(t.id)
    const partner = flow.lender?.name ?? own[0]?.enrichments.counterparty ?? flow.label
    const built = stream(own, partner ?? undefined)
    if (built) regular.push(built)
  }
  const byCategory = new Map<string, WireTransaction[]>()
  for (const t of transactions) {
    if (inRegular.has(t.id)) continue
    const key = t.enrichments.category
    byCategory.set(key, [...(byCategory.get(key) ?? []), t])
  }
  const variable = [...byCategory.values()]
    .map((list) => stream(list))
    .filter((s): s is Stream => s !== undefined)
  const sortStreams = (list: Stream[]) =>
    list.sort((a, b) => b.total - a.total || a.category.code.localeCompare(b.category.code))
  const regularTx = transactions.filter((t) => inRegular.has(t.id))
  const variableTx = transactions.filter((t) => !inRegular.has(t.id))
  const amounts = (list: readonly WireTransaction[]) => list.map((t) => Math.abs(t.amount))
  return {
    summary: figures(amounts(transactions)),
    regular: { summary: figures(amounts(regularTx)), streams: sortStreams(regular) },
    variable: { summary: figures(amounts(variableTx)), streams: sortStreams(variable) },
  }
}

const ACCOUNT_TYPE_NAMES: Readonly<Record<string, string>> = {
  CHECKING: 'Giro account',
  SAVINGS: 'Savings account',
  CREDIT_CARD: 'Credit card',
  LOAN: 'Loan account',
}

const averageOver = (balances: readonly DailyBalance[], days: number): number | null => {
  const last = balances.slice(-days)
  if (last.length === 0) return null
  return round(last.reduce((sum, b) => sum + b.balance, 0) / last.length)
}

const normId = (value: string | undefined): string =>
  (value ?? '').replace(/\s+/g, '').toUpperCase()

const group = (g: TransactionsGroup) => ({
  count: g.transactions.length,
  total: round(Math.abs(g.totalAmount)),
})

/** Reason codes of the short-term (payday) credit the credit score saw. */
const PAYDAY_REASONS = ['SHORT_TERM_LENDER', 'SHORT_TERM_LENDERS_MANY', 'SHORT_TERM_CREDIT_MISSED']

export const buildReport = (input: ReportInput) => {
  const insights = input.creditInsights
  const checkings = input.accounts.filter((a) => a.account.type === 'CHECKING')
  const main = [...checkings].sort(
    (a, b) =>
      b.transactions.length - a.transactions.length || a.account.id.localeCompare(b.account.id),
  )[0]
  const accounts = input.accounts.map(({ account, balances, transactions }) => {
    const owners = account.owners.map((o) => o.name).filter((n): n is string => !!n)
    const iban = account.iban ?? account.number
    const last = transactions.map(dayOf).sort().at(-1)
    const given = input.givenAccounts.find((g) => normId(g.id) === normId(iban))
    const match = input.name !== undefined ? bestOwnerMatch(input.name, owners) : undefined
    const affinity: Affinity | undefined =
      input.name !== undefined ? (match?.affinity ?? 'LOW') : undefined
    return {
      id: account.id,
      name: account.name ?? ACCOUNT_TYPE_NAMES[account.type] ?? account.type,
      type: ACCOUNT_TYPE_NAMES[account.type] ?? account.type,
      owners,
      ...(iban !== undefined && { iban }),
      currency: account.currency,
      is_jointly_managed: owners.length > 1,
      is_main_account: main !== undefined && main.account.id === account.id,
      last_transaction_on: last ?? null,
      balance: {
        current: account.balance,
        // A credit card's balance is below zero by nature: no overdraft there.
        days_in_overdraft:
          account.type === 'CREDIT_CARD'
            ? 0
            : balances.slice(-input.period * 31).filter((b) => b.balance < 0).length,
        average: {
          one_month: averageOver(balances, 30),
          three_months: averageOver(balances, 91),
          six_months: averageOver(balances, 182),
        },
      },
      ...(input.name !== undefined && {
        verification_result: {
          provided: { name: input.name, ...(given && { iban: given.id }) },
          matched: { name: match?.name ?? null, affinity },
        },
      }),
    }
  })
  const incomeTx = insights?.incomes.categories.flatMap((c) => c.transactions) ?? []
  const expenseTx = insights?.expenses.categories.flatMap((c) => c.transactions) ?? []
  const cashFlows = insights?.cashFlows ?? []
  const reasons = input.scores?.creditScore?.reasons ?? []
  const risks = insights?.risks
  const paydayReasons = reasons.filter((r) => PAYDAY_REASONS.includes(r.code)).map((r) => r.code)
  return {
    id: input.flowId,
    period: input.period,
    accounts,
    income: side(incomeTx, cashFlows),
    expenses: side(expenseTx, cashFlows),
    risk: risks
      ? {
          returned_debits: group(risks.incidents.paymentRejections),
          debt_collection: group(risks.heavyFailures.directRecoveryOfDebt),
          garnishment: group(risks.heavyFailures.bankAccountSeizure),
          gambling: group(risks.gambling),
          overdraft_fees: group(risks.overdraft.fees),
          payday_loans: { detected: paydayReasons.length > 0, reason_codes: paydayReasons },
          reason_codes: reasons.map((r) => ({ code: r.code, impact: r.impact })),
          credit_score: input.scores?.creditScore?.value ?? null,
        }
      : null,
  }
}

export type RiskReport = ReturnType<typeof buildReport>
