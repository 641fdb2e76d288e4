/**
 * The engine's output, in the wire shape of the analyses API reference (Get an analysis,
 * Credit Insights, Score, Get the daily balances). Amounts here are major units (JSON numbers
 * such as 2581.45), dates ISO date-times: the HTTP layer serves these objects as they are.
 */
import type {
  AccountOwnership,
  AccountType,
  AccountUsage,
  Category,
  Periodicity,
  Repartition,
  RefusalCode,
  TransactionType,
} from './vocabulary.ts'
import type { Bank, Owner } from './account.ts'

export interface WireEnrichments {
  category: Category
  type: TransactionType
  isInternationalTransfer: boolean
  isRejected: boolean
  counterPartId: string | null
  /** Our extension: the counterparty named in the description. */
  counterparty: string | null
  /** Our extension: the rule that decided the category. */
  ruleId: string
}

export interface WireTransaction {
  id: string
  accountId: string
  description: string
  dates: { debitedAt: string | null; bookedAt: string | null }
  amount: number
  currency: string
  enrichments: WireEnrichments
  isComing: boolean
  aggregator: { id?: string; category?: string; type?: string }
  isNonAnalysed: boolean
}

export interface CalendarAmount {
  month: string
  amount: number
}

export interface Regularity {
  dueDays: number[]
  interval: { min: number; max: number }
  meanNumberOfDaysInInterval: number
  /** 0–100. */
  accuracy: number
  periodicity: Periodicity
  repartition: Repartition
}

export interface CashFlow {
  type: TransactionType
  category: Category
  labelRoot: string
  label: string
  totalAmount: number
  totalRejectedAmount: number
  calendar: CalendarAmount[]
  transactions: WireTransaction[]
  regularity: Regularity
  /** Our extension, on loan cash flows: one normalised name per lender across its products. */
  lender?: { name: string }
  /** Our extension: the detector that built this cash flow. */
  detectorId?: string
}

export interface CategoryGroup {
  name: Category
  totalAmount: number
  monthlyAmount: number
  calendar: CalendarAmount[]
  transactions: WireTransaction[]
}

export interface Incomes {
  totalAmount: number
  monthlyAmount: number
  indicators: { allowancesRatio: number }
  /** `staffing` (the employer's size, e.g. SMALL) is null when unknown, never absent. */
  employers: { name: string; staffing: string | null }[]
  categories: CategoryGroup[]
}

export interface Expenses {
  totalAmount: number
  monthlyAmount: number
  frequentTransactions: { label: string; transactions: WireTransaction[] }[]
  categories: CategoryGroup[]
}

export interface Loans {
  repayments: {
    totalAmount: number
    monthlyAmount: number
    lendingOrganizations: { name: string }[]
    details: CashFlow[]
  }
  drawdowns: {
    count: number
    totalAmount: number
    lendingOrganizations: { name: string }[]
    details: CashFlow[]
  }
}

export interface TransactionsGroup {
  totalAmount: number
  transactions: WireTransaction[]
}

export interface RejectionsGroup extends TransactionsGroup {
  totalFeesAmount: number
  feesTransactions: WireTransaction[]
}

export interface Risks {
  gambling: TransactionsGroup
  incidents: {
    paymentRejections: RejectionsGroup
    checkRejections: RejectionsGroup
    interventionFees: TransactionsGroup
  }
  overdraft: {
    minimumBalanceReached: number
    /** Days with an end-of-day balance below zero. */
    duration: number
    fees: TransactionsGroup
  }
  heavyFailures: {
    directRecoveryOfDebt: TransactionsGroup
    bankAccountSeizure: TransactionsGroup
  }
  wageAdvance: TransactionsGroup
}

export interface CreditInsights {
  version: string
  cashFlows: CashFlow[]
  incomes: Incomes
  expenses: Expenses
  loans: Loans
  risks: Risks
}

export interface Metadata {
  lastTransactionGap: number
  historicalDepth: number
  monthlyTransactionCount: number
  numberOfCheckings: number
  numberOfSavings: number
  numberOfLoans: number
  firstTransactionDate: string | null
  calendar: { month: string; nbDays: number }[]
  totalTransactionCount: number
}

/** One reason that moved a score, strongest first. Codes are listed in docs/reason-codes.md. */
export interface ScoreReason {
  code: string
  /** Signed points contributed (positive = safer). */
  impact: number
}

export interface Scores {
  creditScore?: {
    version: string
    /** 0–1000, 1000 = safest. */
    value: number
    indicators: { livingStandard: number; budgetManagement: number; financialEvolution: number }
    reasons: ScoreReason[]
  }
  paymentScore?: {
    version: string
    /** 1–10, 10 = safest. */
    value: number
    reasons: ScoreReason[]
  }
}

export interface DailyBalance {
  date: string
  balance: number
}

/** The reference's Account resource (without its transactions), amounts in major units. */
export interface WireAccount {
  id: string
  type: AccountType
  usage: AccountUsage
  ownership: AccountOwnership
  balance: number | null
  balanceDate: string | null
  currency: string
  owners: Owner[]
  name?: string
  number?: string
  iban?: string
  bic?: string
  bank?: Bank
  country?: string
  coming?: number
  details?: {
    loan?: Record<string, string | number | undefined>
    savings?: Record<string, string | number | undefined>
  }
  aggregator?: { id?: string }
}

/** Per-account output: the account, its enriched transactions (input order), its daily balances. */
export interface AnalysedAccount {
  id: string
  account: WireAccount
  transactions: WireTransaction[]
  /** One entry per day from the first transaction to the analysis date; empty without a balance. */
  dailyBalances: DailyBalance[]
}

export interface AnalysisParameters {
  disableScores?: boolean
  disableCreditInsights?: boolean
}

export interface Refusal {
  code: RefusalCode
  message: string
}

/** What `analyse()` returns: the analysis, or a refusal (a value, never an exception). */
export type AnalyseResult =
  | {
      ok: true
      metadata: Metadata
      creditInsights?: CreditInsights
      scores?: Scores
      accounts: AnalysedAccount[]
      engineVersion: string
    }
  | {
      ok: false
      refusal: Refusal
      /** Enriched transactions are still returned for a refused input. */
      accounts: AnalysedAccount[]
      engineVersion: string
    }
