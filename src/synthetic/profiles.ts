/**
 * Customer profiles: the parameters of a budget. Amounts in major units of the market's
 * currency, probabilities per month unless said otherwise.
 */
export type Profile = 'good' | 'risky' | 'very-risky' | 'student' | 'retired' | 'self-employed'
export const PROFILES: readonly Profile[] = [
  'good',
  'risky',
  'very-risky',
  'student',
  'retired',
  'self-employed',
]

export interface ProfileParameters {
  income: 'salary' | 'pension' | 'student' | 'clients'
  /** Net monthly income. */
  monthlyIncome: number
  housing: 'rent' | 'mortgage' | 'none'
  housingAmount: number
  /** Monthly instalments of consumer credits (one contract each). */
  loans: readonly number[]
  /** A revolving credit repaid with varying amounts around this figure (0 = none). */
  revolving: number
  /** Split-payment plans started per year. */
  splitPlansPerYear: number
  /**
   * Share of what is left after income and fixed charges that goes to everyday spending (cards,
   * cash): below 1 the balance grows, above 1 it drifts down and dips before payday.
   */
  spendRatio: number
  /** Mean card payment. */
  cardAmount: number
  /** Probability that a given direct debit is rejected. */
  rejectionRate: number
  /** Gambling stakes per month. */
  gamblingPerMonth: number
  /** Monthly transfer to a savings account (0 = no savings account). */
  monthlySaving: number
  /** Debt recoveries / seizures per year. */
  recoveriesPerYear: number
  openingBalance: number
  /** Allowances on top of the income (family, housing). */
  allowance: number
  /** Payday (short-term) loans taken per year: paid out, then repaid in three monthly debits. */
  paydayLoansPerYear: number
  /** Probability that a payday instalment (and its re-presentation) is rejected. */
  paydayMissRate: number
}

export const PROFILE_PARAMETERS: Readonly<Record<Profile, ProfileParameters>> = {
  good: {
    income: 'salary',
    monthlyIncome: 3200,
    housing: 'mortgage',
    housingAmount: 850,
    loans: [180],
    revolving: 0,
    splitPlansPerYear: 0,
    spendRatio: 0.7,
    cardAmount: 38,
    rejectionRate: 0,
    gamblingPerMonth: 0,
    monthlySaving: 300,
    recoveriesPerYear: 0,
    openingBalance: 3500,
    allowance: 0,
    paydayLoansPerYear: 0,
    paydayMissRate: 0,
  },
  risky: {
    income: 'salary',
    monthlyIncome: 2100,
    housing: 'rent',
    housingAmount: 780,
    loans: [240, 160, 95],
    revolving: 70,
    splitPlansPerYear: 4,
    spendRatio: 1.03,
    cardAmount: 30,
    rejectionRate: 0.04,
    gamblingPerMonth: 2,
    monthlySaving: 0,
    recoveriesPerYear: 0,
    openingBalance: 300,
    allowance: 0,
    paydayLoansPerYear: 0,
    paydayMissRate: 0,
  },
  'very-risky': {
    income: 'salary',
    monthlyIncome: 1500,
    housing: 'rent',
    housingAmount: 690,
    loans: [210, 150, 120, 90],
    revolving: 90,
    splitPlansPerYear: 8,
    spendRatio: 1.1,
    cardAmount: 28,
    rejectionRate: 0.12,
    gamblingPerMonth: 8,
    monthlySaving: 0,
    recoveriesPerYear: 2,
    openingBalance: -150,
    allowance: 120,
    paydayLoansPerYear: 5,
    paydayMissRate: 0.4,
  },
  student: {
    income: 'student',
    monthlyIncome: 650,
    housing: 'rent',
    housingAmount: 420,
    loans: [],
    revolving: 0,
    splitPlansPerYear: 1,
    spendRatio: 0.85,
    cardAmount: 12,
    rejectionRate: 0.01,
    gamblingPerMonth: 0,
    monthlySaving: 0,
    recoveriesPerYear: 0,
    openingBalance: 600,
    allowance: 180,
    paydayLoansPerYear: 0,
    paydayMissRate: 0,
  },
  retired: {
    income: 'pension',
    monthlyIncome: 1900,
    housing: 'none',
    housingAmount: 0,
    loans: [],
    revolving: 0,
    splitPlansPerYear: 0,
    spendRatio: 0.75,
    cardAmount: 35,
    rejectionRate: 0,
    gamblingPerMonth: 1,
    monthlySaving: 150,
    recoveriesPerYear: 0,
    openingBalance: 4000,
    allowance: 0,
    paydayLoansPerYear: 0,
    paydayMissRate: 0,
  },
  'self-employed': {
    income: 'clients',
    monthlyIncome: 3000,
    housing: 'rent',
    housingAmount: 950,
    loans: [320],
    revolving: 0,
    splitPlansPerYear: 1,
    spendRatio: 0.8,
    cardAmount: 40,
    rejectionRate: 0.01,
    gamblingPerMonth: 0,
    monthlySaving: 100,
    recoveriesPerYear: 0,
    openingBalance: 4000,
    allowance: 0,
    paydayLoansPerYear: 0,
    paydayMissRate: 0,
  },
}
