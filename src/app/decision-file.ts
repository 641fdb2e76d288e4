/**
 * The decision file of one analysis, as the console page and the PDF show it: scores with their
 * reasons in plain words, income, housing, credits, incidents and risks, daily balances per
 * account with the incidents marked, expenses, transactions, the rules it ran with and, for a
 * re-analysis, what changed since the analysis it started from. Read from the store only.
 */
import { REASON_CODES } from '../engine/scoring/reason-codes.ts'
import type {
  CreditInsights,
  DailyBalance,
  Scores,
  WireAccount,
  WireTransaction,
} from '../engine/model/index.ts'
import type { ConsoleStore } from './console-ports.ts'
import { unknownEntity, checkId } from './errors.ts'
import type { Analysis, AppDeps, Customer, JsonText } from './ports.ts'
import type { EngineRule } from './rule-ports.ts'

export type DecisionDeps = Pick<AppDeps, 'analyses' | 'customers' | 'rules'> & {
  console: ConsoleStore
}

export interface Reason {
  code: string
  impact: number
  /** The catalogue's plain-words meaning (docs/reason-codes.md). */
  text: string
}

export interface AccountFile {
  account: WireAccount
  balances: DailyBalance[]
  /** Days of incidents on this account: rejections, intervention and overdraft fees. */
  incidents: { date: string; label: string }[]
}

export interface Changes {
  previousAnalysisId: string
  creditScore: { before: number | null; after: number | null }
  paymentScore: { before: number | null; after: number | null }
  monthlyIncome: { before: number | null; after: number | null }
  incomeCategories: { name: string; before: number; after: number }[]
  transactions: {
    id: string
    description: string
    amount: number
    before: string
    after: string
    ruleId: string
  }[]
}

export interface DecisionFile {
  analysis: Analysis
  customer: Customer
  /** BCP 47 locale of the customer's bank data, for dates and amounts. */
  locale: string
  currency: string
  scores: Scores | null
  creditReasons: Reason[]
  paymentReasons: Reason[]
  insights: CreditInsights | null
  accounts: AccountFile[]
  transactions: WireTransaction[]
  rules: EngineRule[] | undefined
  changes: Changes | null
}

const parse = <T>(text: JsonText | null): T | null =>
  // Texts the store wrote from the engine's typed output.
  text === null ? null : (JSON.parse(text.json) as T)

const reasonsOf = (reasons: readonly { code: string; impact: number }[] | undefined): Reason[] =>
  (reasons ?? []).map((reason) => ({
    ...reason,
    text:
      (REASON_CODES as Record<string, { description: string } | undefined>)[reason.code]
        ?.description ?? reason.code,
  }))

const LOCALE_OF_COUNTRY: Readonly<Record<string, string>> = {
  FR: 'fr-FR',
  GB: 'en-GB',
  UK: 'en-GB',
  IE: 'en-IE',
  DE: 'de-DE',
  AT: 'de-AT',
  ES: 'es-ES',
  NL: 'nl-NL',
  BE: 'fr-BE',
  IT: 'it-IT',
  PT: 'pt-PT',
  LU: 'fr-LU',
}

/**
 * The customer's locale, from their bank data: the account's country, else its IBAN's country
 * code, else the currency (GBP: en-GB), else French (the reference's home market).
 */
export const localeOf = (accounts: readonly WireAccount[]): string => {
  for (const account of accounts) {
    const country = (account.country ?? account.iban?.slice(0, 2) ?? '').toUpperCase()
    const locale = LOCALE_OF_COUNTRY[country]
    if (locale) return locale
  }
  return accounts.some((account) => account.currency === 'GBP') ? 'en-GB' : 'fr-FR'
}

const PAGE_ALL = { limit: 100_000, page: 1 }

const incidentsOf = (insights: CreditInsights | null): Map<string, AccountFile['incidents']> => {
  const byAccount = new Map<string, AccountFile['incidents']>()
  if (!insights) return byAccount
  const { incidents, overdraft, heavyFailures } = insights.risks
  const groups: [string, readonly WireTransaction[]][] = [
    ['payment rejected', incidents.paymentRejections.transactions],
    ['rejection fee', incidents.paymentRejections.feesTransactions],
    ['cheque rejected', incidents.checkRejections.transactions],
    ['intervention fee', incidents.interventionFees.transactions],
    ['overdraft fee', overdraft.fees.transactions],
    ['debt recovery', heavyFailures.directRecoveryOfDebt.transactions],
    ['account seizure', heavyFailures.bankAccountSeizure.transactions],
  ]
  for (const [label, transactions] of groups) {
    for (const tx of transactions) {
      const date = (tx.dates.debitedAt ?? tx.dates.bookedAt ?? '').slice(0, 10)
      if (date === '') continue
      const list = byAccount.get(tx.accountId) ?? []
      list.push({ date, label })
      byAccount.set(tx.accountId, list)
    }
  }
  return byAccount
}

/** An analysis of the project, or UNKNOWN_ENTITY (another project's analysis is not found). */
export const findProjectAnalysis = async (
  deps: Pick<AppDeps, 'analyses'>,
  projectId: string,
  analysisId: string,
): Promise<Analysis> => {
  checkId(analysisId, 'Analysis')
  const analysis = await deps.analyses.findById(analysisId)
  if (!analysis || analysis.projectId !== projectId) throw unknownEntity('Analysis')
  return analysis
}

const transactionsOf = async (deps: DecisionDeps, analysisId: string) =>
  (await deps.analyses.listTransactions(analysisId, undefined, PAGE_ALL)).items.map(
    (item) => parse<WireTransaction>(item) as WireTransaction,
  )

const compare = async (
  deps: DecisionDeps,
  previous: Analysis,
  file: Pick<DecisionFile, 'scores' | 'insights' | 'transactions'>,
): Promise<Changes> => {
  const scores = parse<Scores>(previous.scores)
  const insights = parse<CreditInsights>(previous.creditInsights)
  const before = new Map((await transactionsOf(deps, previous.id)).map((tx) => [tx.id, tx]))
  const incomeOf = (value: CreditInsights | null) =>
    new Map((value?.incomes.categories ?? []).map((c) => [c.name as string, c.totalAmount]))
  const incomeBefore = incomeOf(insights)
  const incomeAfter = incomeOf(file.insights)
  const names = [...new Set([...incomeBefore.keys(), ...incomeAfter.keys()])].sort()
  return {
    previousAnalysisId: previous.id,
    creditScore: {
      before: scores?.creditScore?.value ?? null,
      after: file.scores?.creditScore?.value ?? null,
    },
    paymentScore: {
      before: scores?.paymentScore?.value ?? null,
      after: file.scores?.paymentScore?.value ?? null,
    },
    monthlyIncome: {
      before: insights?.incomes.monthlyAmount ?? null,
      after: file.insights?.incomes.monthlyAmount ?? null,
    },
    incomeCategories: names
      .map((name) => ({
        name,
        before: incomeBefore.get(name) ?? 0,
        after: incomeAfter.get(name) ?? 0,
      }))
      .filter((row) => row.before !== row.after),
    transactions: file.transactions.flatMap((tx) => {
      const old = before.get(tx.id)
      if (!old || old.enrichments.category === tx.enrichments.category) return []
      return [
        {
          id: tx.id,
          description: tx.description,
          amount: tx.amount,
          before: old.enrichments.category,
          after: tx.enrichments.category,
          ruleId: tx.enrichments.ruleId,
        },
      ]
    }),
  }
}

/** Loads the decision file of an analysis of the project. */
export const loadDecisionFile = async (
  deps: DecisionDeps,
  projectId: string,
  analysisId: string,
  /** Hidden customers' analyses too (Report API, risk reports): the console links them. */
  options: { hiddenCustomers?: boolean } = {},
): Promise<DecisionFile> => {
  const analysis = await findProjectAnalysis(deps, projectId, analysisId)
  const customer = options.hiddenCustomers
    ? await deps.console.findCustomer(projectId, analysis.customerId)
    : await deps.customers.find(projectId, analysis.customerId)
  if (!customer) throw unknownEntity('Analysis')
  const scores = parse<Scores>(analysis.scores)
  const insights = parse<CreditInsights>(analysis.creditInsights)
  const wireAccounts = (await deps.analyses.listAccounts(analysisId, PAGE_ALL)).items.map(
    (item) => parse<WireAccount>(item) as WireAccount,
  )
  const incidents = incidentsOf(insights)
  const accounts: AccountFile[] = []
  for (const account of wireAccounts) {
    const balances = await deps.analyses.listBalances(analysisId, account.id, PAGE_ALL)
    accounts.push({ account, balances: balances.items, incidents: incidents.get(account.id) ?? [] })
  }
  const transactions = await transactionsOf(deps, analysisId)
  const previousId = await deps.console.previousOf(analysisId)
  const previous = previousId ? await deps.analyses.findById(previousId) : undefined
  return {
    analysis,
    customer,
    locale: localeOf(wireAccounts),
    currency: wireAccounts[0]?.currency ?? 'EUR',
    scores,
    creditReasons: reasonsOf(scores?.creditScore?.reasons),
    paymentReasons: reasonsOf(scores?.paymentScore?.reasons),
    insights,
    accounts,
    transactions,
    rules: await deps.rules?.loadRuleSet(analysisId),
    changes:
      previous && previous.status === 'COMPLETED' && analysis.status === 'COMPLETED'
        ? await compare(deps, previous, { scores, insights, transactions })
        : null,
  }
}
