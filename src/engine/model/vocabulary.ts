/**
 * The wire vocabulary of the analyses API (ARCHITECTURE.md, "Vocabulary"). These strings are a
 * public contract: never rename one once shipped.
 */

export const INCOME_CATEGORIES = [
  'WAGE',
  'WAGE_BONUS',
  'WAGE_SALARY_ADVANCE',
  'WAGE_ADVANCE_PAYMENT',
  'RETIREMENT_PENSION',
  'REVERSIONARY_PENSION',
  'ALLOWANCE',
  'ALLOWANCE_FAMILY',
  'ALLOWANCE_HOUSING',
  'ALLOWANCE_UNEMPLOYMENT',
  'ALLOWANCE_HEALTH',
  'ALLOWANCE_INCOME_SUPPORT',
  'STATE_SUBSIDY',
  'RENTAL_INCOME',
  'RECEIVED_ALIMONY',
  'GAMBLING_GAIN',
  'DISSAVING',
  'OTHER_ENTRY',
] as const

export const EXPENSE_CATEGORIES = [
  'RENT',
  'POWER',
  'TELECOM',
  'INSURANCE',
  'INSURANCE_HEALTH',
  'INSURANCE_AUTO',
  'INSURANCE_HOME',
  'TRANSPORT',
  'HEALTH',
  'GROCERY',
  'TOBACCO',
  'GAMBLING',
  'LEISURE',
  'SHOPPING',
  'MULTIMEDIA',
  'SPORT',
  'DEFERRED_TOTAL_PAYMENT',
  'OTHER_EXPENSE',
] as const

export const CREDIT_CATEGORIES = [
  'LOAN_DRAWDOWN',
  'LOAN_DRAWDOWN_REAL_ESTATE',
  'LOAN_DRAWDOWN_PERSONAL',
  'LOAN_DRAWDOWN_REVOLVING',
  'LOAN_REPAYMENT',
  'LOAN_REPAYMENT_REAL_ESTATE',
  'LOAN_REPAYMENT_PERSONAL',
  'LOAN_REPAYMENT_REVOLVING',
  'LOAN_PREPAYMENT',
  'SPLIT_PAYMENT',
  'DEBT_RECOVERY',
  'DEBT_COLLECTION',
  'BAILIFF',
  'LEASING',
] as const

export const SAVING_CATEGORIES = ['INTEREST', 'SAVING', 'BANKBOOK_SAVING', 'SHARE_SAVING'] as const

/** Kinds of fee that have a matching REFUND_<kind>_FEES category. */
export const REFUNDABLE_FEES = [
  'BANK_SERVICE',
  'OVERDRAFT',
  'CHECK_REJECTION',
  'PAYMENT_REJECTION',
  'INTERVENTION',
  'INCIDENT',
  'DIRECT_DEBT_RECOVERY',
  'ACCOUNT_SEIZURE',
  'PREVENTIVE_SEIZURE',
] as const

/** Provisions (amounts blocked by the bank) that have a matching RELEASE_<kind> category. */
export const RELEASABLE_PROVISIONS = [
  'DIRECT_DEBT_RECOVERY',
  'ACCOUNT_SEIZURE',
  'PREVENTIVE_SEIZURE',
] as const

export const BANK_OPERATION_CATEGORIES = [
  'REJECTION_PAYMENT',
  'REJECTION_LOAN_REPAYMENT',
  'REJECTION_CHECK',
  'FEES_BANK_SERVICE',
  'FEES_OVERDRAFT',
  'FEES_CHECK_REJECTION',
  'FEES_PAYMENT_REJECTION',
  'FEES_INTERVENTION',
  'FEES_INCIDENT',
  'FEES_DIRECT_DEBT_RECOVERY',
  'FEES_ACCOUNT_SEIZURE',
  'FEES_PREVENTIVE_SEIZURE',
  'REFUND_BANK_SERVICE_FEES',
  'REFUND_OVERDRAFT_FEES',
  'REFUND_CHECK_REJECTION_FEES',
  'REFUND_PAYMENT_REJECTION_FEES',
  'REFUND_INTERVENTION_FEES',
  'REFUND_INCIDENT_FEES',
  'REFUND_DIRECT_DEBT_RECOVERY_FEES',
  'REFUND_ACCOUNT_SEIZURE_FEES',
  'REFUND_PREVENTIVE_SEIZURE_FEES',
  'RELEASE_DIRECT_DEBT_RECOVERY',
  'RELEASE_ACCOUNT_SEIZURE',
  'RELEASE_PREVENTIVE_SEIZURE',
  'PROVISION_DIRECT_DEBT_RECOVERY',
  'PROVISION_ACCOUNT_SEIZURE',
  'PROVISION_PREVENTIVE_SEIZURE',
  'CREDIT_CARD_RESET',
] as const

export const REFUND_CATEGORIES = ['REFUND', 'REFUND_INSURANCE', 'REFUND_EXPENSE_REPORT'] as const

export const TAX_CATEGORIES = [
  'PRO_TAX',
  'PRO_TAX_REFUND',
  'PERSO_TAX',
  'INCOME_TAX',
  'HOUSING_TAX',
  'PROPERTY_TAX',
  'PERSO_TAX_CREDIT',
  'PERSO_TAX_REFUND',
] as const

export const CATEGORIES = [
  ...INCOME_CATEGORIES,
  ...EXPENSE_CATEGORIES,
  ...CREDIT_CATEGORIES,
  ...SAVING_CATEGORIES,
  ...BANK_OPERATION_CATEGORIES,
  ...REFUND_CATEGORIES,
  ...TAX_CATEGORIES,
] as const

export type IncomeCategory = (typeof INCOME_CATEGORIES)[number]
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number]
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number]
export type SavingCategory = (typeof SAVING_CATEGORIES)[number]
export type BankOperationCategory = (typeof BANK_OPERATION_CATEGORIES)[number]
export type RefundCategory = (typeof REFUND_CATEGORIES)[number]
export type TaxCategory = (typeof TAX_CATEGORIES)[number]
/** Every category a transaction or a cash flow can carry. */
export type Category = (typeof CATEGORIES)[number]

export const TRANSACTION_TYPES = [
  'CASH_DEPOSIT',
  'CASH_WITHDRAWAL',
  'CHECK_DEPOSIT',
  'CHECK',
  'INCOMING_TRANSFER',
  'INCOMING_INTERNAL_TRANSFER',
  'OUTGOING_TRANSFER',
  'OUTGOING_INTERNAL_TRANSFER',
  'CARD',
  'CARD_REFUND',
  'DIRECT_DEBIT',
  'INCOMING_CARD',
  'CREDIT',
  'DEBIT',
] as const
export type TransactionType = (typeof TRANSACTION_TYPES)[number]

export const PERIODICITIES = [
  'DAILY',
  'WEEKLY',
  'BIWEEKLY',
  'MONTHLY',
  'BIMONTHLY',
  'QUARTERLY',
  'SEMI_ANNUAL',
  'YEARLY',
  'OTHER',
] as const
export type Periodicity = (typeof PERIODICITIES)[number]

export const REPARTITIONS = [
  'HAS_BEGUN_AND_STOPPED_DURING_ANALYSIS',
  'HAS_STOPPED_BEFORE_END_OF_ANALYSIS',
  'HAS_BEGUN_AFTER_START_OF_ANALYSIS',
  'HAS_NOT_CHANGED_DURING_ANALYSIS',
] as const
export type Repartition = (typeof REPARTITIONS)[number]

export const ACCOUNT_TYPES = ['CHECKING', 'SAVINGS', 'LOAN', 'CREDIT_CARD', 'UNKNOWN'] as const
export type AccountType = (typeof ACCOUNT_TYPES)[number]

export const ACCOUNT_USAGES = ['PERSONAL', 'PROFESSIONAL', 'UNKNOWN'] as const
export type AccountUsage = (typeof ACCOUNT_USAGES)[number]

/** `ATTORNEY` = held under power of attorney (refused when every account is). */
export const ACCOUNT_OWNERSHIPS = ['HOLDER', 'CO_HOLDER', 'ATTORNEY', 'UNKNOWN'] as const
export type AccountOwnership = (typeof ACCOUNT_OWNERSHIPS)[number]

/** Refusal codes, in the order they are checked (ARCHITECTURE.md). */
export const REFUSAL_CODES = [
  'ACCOUNT_TYPE_NOT_SUPPORTED',
  'NO_CHECKING_ACCOUNT',
  'USAGE_NOT_SUPPORTED',
  'OWNERSHIP_NOT_SUPPORTED',
  'CURRENCY_NOT_SUPPORTED',
  'NOT_ENOUGH_TRANSACTIONS',
] as const
export type RefusalCode = (typeof REFUSAL_CODES)[number]

/** Error codes an analysis can end with: a refusal, or an internal error. */
export type AnalysisErrorCode = RefusalCode | 'INTERNAL_ERROR'

const categorySet: ReadonlySet<string> = new Set(CATEGORIES)
const typeSet: ReadonlySet<string> = new Set(TRANSACTION_TYPES)

export const isCategory = (value: string): value is Category => categorySet.has(value)
export const isTransactionType = (value: string): value is TransactionType => typeSet.has(value)
