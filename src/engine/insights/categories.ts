/**
 * Which categories feed which insight. One table, so that "no transaction counted twice in
 * incomes, expenses and loan repayments" holds by construction: the three sets are disjoint.
 */
import type { Category, TransactionType } from '../model/index.ts'
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES, TAX_CATEGORIES } from '../model/index.ts'

const set = (...values: readonly Category[]): ReadonlySet<Category> => new Set(values)

/** Money in that counts as income (internal transfers are excluded by type, see `isInternal`). */
export const INCOME: ReadonlySet<Category> = set(...INCOME_CATEGORIES)

/** Allowances and benefits, the numerator of `allowancesRatio`. */
export const ALLOWANCES: ReadonlySet<Category> = set(
  'ALLOWANCE',
  'ALLOWANCE_FAMILY',
  'ALLOWANCE_HOUSING',
  'ALLOWANCE_UNEMPLOYMENT',
  'ALLOWANCE_HEALTH',
  'ALLOWANCE_INCOME_SUPPORT',
  'STATE_SUBSIDY',
)

/** Work income, whose counterparties are the employers. */
export const WAGES: ReadonlySet<Category> = set(
  'WAGE',
  'WAGE_BONUS',
  'WAGE_SALARY_ADVANCE',
  'WAGE_ADVANCE_PAYMENT',
)

/** Stable incomes for the scorecard: wages and pensions. */
export const STABLE_INCOME: ReadonlySet<Category> = set(
  'WAGE',
  'RETIREMENT_PENSION',
  'REVERSIONARY_PENSION',
)

/**
 * Money out that counts as spending: the expense vocabulary, taxes and the bank's ordinary
 * service fees. Incident fees are not here: they are risk indicators.
 */
export const EXPENSE: ReadonlySet<Category> = set(
  ...EXPENSE_CATEGORIES,
  ...TAX_CATEGORIES,
  'FEES_BANK_SERVICE',
)

/** Repayments of a credit contract (split payments are one contract per plan). */
export const LOAN_REPAYMENT: ReadonlySet<Category> = set(
  'LOAN_REPAYMENT',
  'LOAN_REPAYMENT_REAL_ESTATE',
  'LOAN_REPAYMENT_PERSONAL',
  'LOAN_REPAYMENT_REVOLVING',
  'LOAN_PREPAYMENT',
  'SPLIT_PAYMENT',
  'LEASING',
)

/** Consumer credit (what lenders count as "other credits"): everything but a mortgage. */
export const CONSUMER_CREDIT: ReadonlySet<Category> = set(
  'LOAN_REPAYMENT',
  'LOAN_REPAYMENT_PERSONAL',
  'LOAN_REPAYMENT_REVOLVING',
  'LEASING',
)

export const LOAN_DRAWDOWN: ReadonlySet<Category> = set(
  'LOAN_DRAWDOWN',
  'LOAN_DRAWDOWN_REAL_ESTATE',
  'LOAN_DRAWDOWN_PERSONAL',
  'LOAN_DRAWDOWN_REVOLVING',
)

export const GAMBLING: ReadonlySet<Category> = set('GAMBLING')
export const PAYMENT_REJECTIONS: ReadonlySet<Category> = set(
  'REJECTION_PAYMENT',
  'REJECTION_LOAN_REPAYMENT',
)
export const PAYMENT_REJECTION_FEES: ReadonlySet<Category> = set('FEES_PAYMENT_REJECTION')
export const CHECK_REJECTIONS: ReadonlySet<Category> = set('REJECTION_CHECK')
export const CHECK_REJECTION_FEES: ReadonlySet<Category> = set('FEES_CHECK_REJECTION')
export const INTERVENTION_FEES: ReadonlySet<Category> = set('FEES_INTERVENTION', 'FEES_INCIDENT')
export const OVERDRAFT_FEES: ReadonlySet<Category> = set('FEES_OVERDRAFT')
export const DIRECT_RECOVERY_OF_DEBT: ReadonlySet<Category> = set(
  'PROVISION_DIRECT_DEBT_RECOVERY',
  'FEES_DIRECT_DEBT_RECOVERY',
  'DEBT_RECOVERY',
  'DEBT_COLLECTION',
)
export const ACCOUNT_SEIZURE: ReadonlySet<Category> = set(
  'PROVISION_ACCOUNT_SEIZURE',
  'FEES_ACCOUNT_SEIZURE',
  'PROVISION_PREVENTIVE_SEIZURE',
  'FEES_PREVENTIVE_SEIZURE',
  'BAILIFF',
)
export const WAGE_ADVANCE: ReadonlySet<Category> = set(
  'WAGE_SALARY_ADVANCE',
  'WAGE_ADVANCE_PAYMENT',
)
export const SAVING: ReadonlySet<Category> = set(
  'SAVING',
  'BANKBOOK_SAVING',
  'SHARE_SAVING',
  'INTEREST',
)

const REJECTIONS: ReadonlySet<Category> = set(
  'REJECTION_PAYMENT',
  'REJECTION_LOAN_REPAYMENT',
  'REJECTION_CHECK',
)

/** The line that reverses a payment (the rejection itself, not the payment it rejects). */
export const isRejectionCategory = (category: Category): boolean => REJECTIONS.has(category)

/** Money moved between the customer's own accounts: neither income nor spending. */
export const isInternal = (type: TransactionType): boolean =>
  type === 'INCOMING_INTERNAL_TRANSFER' || type === 'OUTGOING_INTERNAL_TRANSFER'
