/**
 * Every reason code a score can give, with the indicator it feeds and its meaning. Codes are a
 * public contract (never renamed); docs/reason-codes.md lists the same codes, a test keeps both
 * in sync.
 */
export type Indicator = 'livingStandard' | 'budgetManagement' | 'financialEvolution'

export interface ReasonCodeInfo {
  /** The credit-score indicator the code counts towards; payment-score and affordability codes have none. */
  indicator: Indicator | null
  description: string
}

export const REASON_CODES = {
  // credit score, living standard
  INCOME_NONE: { indicator: 'livingStandard', description: 'No income found over the period.' },
  INCOME_LOW: { indicator: 'livingStandard', description: 'Monthly income below 1,000.' },
  INCOME_MODEST: {
    indicator: 'livingStandard',
    description: 'Monthly income between 1,000 and 1,800.',
  },
  INCOME_COMFORTABLE: {
    indicator: 'livingStandard',
    description: 'Monthly income between 1,800 and 3,500.',
  },
  INCOME_HIGH: { indicator: 'livingStandard', description: 'Monthly income of 3,500 or more.' },
  INCOME_STABLE: {
    indicator: 'livingStandard',
    description: 'A wage or pension paid every month.',
  },
  INCOME_UNSTABLE: {
    indicator: 'livingStandard',
    description: 'No wage or pension paid every month.',
  },
  ALLOWANCES_DEPENDENT: {
    indicator: 'livingStandard',
    description: 'Half of the income or more comes from allowances.',
  },
  DEBT_SERVICE_LOW: {
    indicator: 'livingStandard',
    description: 'Credit repayments below 20 % of income.',
  },
  DEBT_SERVICE_HIGH: {
    indicator: 'livingStandard',
    description: 'Credit repayments between 38 % and 50 % of income.',
  },
  DEBT_SERVICE_VERY_HIGH: {
    indicator: 'livingStandard',
    description: 'Credit repayments of 50 % of income or more.',
  },
  RESIDUAL_INCOME_LOW: {
    indicator: 'livingStandard',
    description: 'Less than 500 a month left after credits and rent.',
  },
  RESIDUAL_INCOME_HIGH: {
    indicator: 'livingStandard',
    description: 'At least 1,500 a month left after credits and rent.',
  },
  MORTGAGE_HOLDER: {
    indicator: 'livingStandard',
    description: 'Repays a mortgage: owns their home.',
  },
  SAVINGS_BUFFER: {
    indicator: 'livingStandard',
    description: 'Savings of at least one month of income.',
  },
  // credit score, budget management
  CONSUMER_CREDITS_SEVERAL: {
    indicator: 'budgetManagement',
    description: 'Three or four consumer credits repaid.',
  },
  CONSUMER_CREDITS_MANY: {
    indicator: 'budgetManagement',
    description: 'Five consumer credits or more repaid.',
  },
  LENDERS_SEVERAL: {
    indicator: 'budgetManagement',
    description: 'Three lenders of consumer credit or split payments.',
  },
  LENDERS_MANY: {
    indicator: 'budgetManagement',
    description: 'Four or more lenders of consumer credit or split payments.',
  },
  SPLIT_PAYMENT_PLANS: {
    indicator: 'budgetManagement',
    description: 'Purchases paid in instalments (3x, 4x, buy now pay later).',
  },
  PAYMENT_REJECTIONS: {
    indicator: 'budgetManagement',
    description: 'Payments or credit repayments rejected for lack of funds.',
  },
  LOAN_REPAYMENT_REJECTIONS: {
    indicator: 'budgetManagement',
    description: 'Credit repayments rejected (missed instalments).',
  },
  SHORT_TERM_LENDER: {
    indicator: 'budgetManagement',
    description: 'Short-term (payday) credit from one lender.',
  },
  SHORT_TERM_LENDERS_MANY: {
    indicator: 'budgetManagement',
    description: 'Short-term (payday) credit from two lenders or more.',
  },
  SHORT_TERM_CREDIT_MISSED: {
    indicator: 'budgetManagement',
    description: 'A short-term (payday) credit instalment rejected.',
  },
  CHECK_REJECTIONS: { indicator: 'budgetManagement', description: 'Cheques rejected.' },
  INCIDENT_FEES: {
    indicator: 'budgetManagement',
    description: 'Bank fees for rejections, interventions or incidents.',
  },
  OVERDRAFT_NONE: {
    indicator: 'budgetManagement',
    description: 'The checking accounts never went below zero.',
  },
  OVERDRAFT_OCCASIONAL: {
    indicator: 'budgetManagement',
    description: 'Below zero on up to 3 days a month.',
  },
  OVERDRAFT_REGULAR: {
    indicator: 'budgetManagement',
    description: 'Below zero on 3 to 10 days a month.',
  },
  OVERDRAFT_FREQUENT: {
    indicator: 'budgetManagement',
    description: 'Below zero on more than 10 days a month.',
  },
  OVERDRAFT_DEEP: {
    indicator: 'budgetManagement',
    description: 'Overdraft deeper than half a month of income.',
  },
  OVERDRAFT_FEES: {
    indicator: 'budgetManagement',
    description: 'Overdraft interest or fees charged.',
  },
  GAMBLING_SOME: { indicator: 'budgetManagement', description: 'Gambling above 2 % of income.' },
  GAMBLING_HIGH: { indicator: 'budgetManagement', description: 'Gambling above 10 % of income.' },
  DEBT_RECOVERY: {
    indicator: 'budgetManagement',
    description: 'A creditor recovered a debt directly from the account.',
  },
  ACCOUNT_SEIZURE: {
    indicator: 'budgetManagement',
    description: 'The account was seized (bailiff, garnishment).',
  },
  WAGE_ADVANCE: { indicator: 'budgetManagement', description: 'Salary advances taken.' },
  CLEAN_HISTORY: {
    indicator: 'budgetManagement',
    description: 'No rejection, incident or overdraft fee, recovery, seizure.',
  },
  // credit score, financial evolution
  BALANCE_FALLING: {
    indicator: 'financialEvolution',
    description: 'Balances fell by more than a quarter of a month of income.',
  },
  BALANCE_RISING: {
    indicator: 'financialEvolution',
    description: 'Balances rose by more than a quarter of a month of income.',
  },
  SPENDING_ABOVE_INCOME: {
    indicator: 'financialEvolution',
    description: 'Spending and credits exceed income.',
  },
  SPENDING_BELOW_INCOME: {
    indicator: 'financialEvolution',
    description: 'More than 10 % of income left each month.',
  },
  SHORT_HISTORY: {
    indicator: 'financialEvolution',
    description: 'Less than 60 days of history: little evidence either way.',
  },
  // payment score (short horizon)
  RECENT_PAYMENT_REJECTIONS: {
    indicator: null,
    description: 'Payments rejected in the last 90 days.',
  },
  RECENT_OVERDRAFT: { indicator: null, description: 'Below zero in the last 60 days.' },
  RECENT_INCIDENT_FEES: {
    indicator: null,
    description: 'Incident or overdraft fees in the last 90 days.',
  },
  LOW_BALANCE_FOR_REPAYMENTS: {
    indicator: null,
    description: 'Balance at the analysis date below a month of repayments.',
  },
  HEAVY_FAILURE: {
    indicator: null,
    description: 'Debt recovery or account seizure in the period.',
  },
  HEAVY_DEBT_SERVICE: {
    indicator: null,
    description: 'Credit repayments of 50 % of income or more.',
  },
  STABLE_INCOME_NO_INCIDENT: {
    indicator: null,
    description: 'Regular income and no incident in the period.',
  },
  // affordability of a requested credit (the 0–100 scoring score)
  RESIDUAL_AFTER_NEGATIVE: {
    indicator: null,
    description: 'The instalment exceeds the residual income.',
  },
  RESIDUAL_AFTER_LOW: {
    indicator: null,
    description: 'Less than 500 a month left after the new instalment.',
  },
  RESIDUAL_AFTER_COMFORTABLE: {
    indicator: null,
    description: 'At least 1,500 a month left after the new instalment.',
  },
  INSTALMENT_HEAVY: {
    indicator: null,
    description: 'The instalment takes over half of the residual income.',
  },
  INSTALMENT_SIGNIFICANT: {
    indicator: null,
    description: 'The instalment takes 30 % to 50 % of the residual income.',
  },
  INSTALMENT_LIGHT: {
    indicator: null,
    description: 'The instalment takes at most 10 % of the residual income.',
  },
  DTI_AFTER_VERY_HIGH: {
    indicator: null,
    description: 'Credits would take 50 % of income or more.',
  },
  DTI_AFTER_HIGH: { indicator: null, description: 'Credits would take 35 % to 50 % of income.' },
  REPLAY_NO_SHORTFALL: {
    indicator: null,
    description: 'With the instalment, balances would not have run short.',
  },
  REPLAY_SHORTFALL_SOME: {
    indicator: null,
    description: 'With the instalment, short on up to 3 days a month.',
  },
  REPLAY_SHORTFALL_FREQUENT: {
    indicator: null,
    description: 'With the instalment, short on over 3 days a month.',
  },
  REPLAY_DEEP: {
    indicator: null,
    description: 'With the instalment, balances would have gone deep.',
  },
  REPLAY_SHORT: { indicator: null, description: 'Less than 3 months of balances to replay.' },
  REPLAY_UNAVAILABLE: {
    indicator: null,
    description: 'No checking balances to replay the instalment on.',
  },
  CREDIT_SCORE_MISSING: {
    indicator: null,
    description: 'No credit score: the base is the middle of the scale.',
  },
} as const satisfies Record<string, ReasonCodeInfo>

export type ReasonCode = keyof typeof REASON_CODES
