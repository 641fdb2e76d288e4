/**
 * Every `ruleId` a categorised transaction and every `detectorId` a cash flow can carry on the
 * wire, with where its knowledge comes from. A public contract like the reason codes: ids are
 * never renamed once shipped, `docs/rule-ids.md` lists exactly these (a test keeps them in
 * sync), and a test fails if the engine emits an id that is not here.
 *
 * Sources:
 * - `hand dictionary`: a rule of `categorise/rules/` reading the hand-kept vocabulary and
 *   organisation names of `categorise/dictionaries/`.
 * - `OSM`: names and place words generated from OpenStreetMap's name-suggestion-index and
 *   id-tagging-schema (`npm run dictionaries:build`).
 * - `structural`: a pass over the whole history (links between transactions, regularity).
 * - `fallback`: nothing known decided; the default category of the sign.
 * - `project rule`: a lender's own correction (`engine/project-rules.ts`); emitted as
 *   `PROJECT_RULE:<id of the rule in its project>`, the only id family with a suffix.
 */
export type RuleSource = 'hand dictionary' | 'OSM' | 'structural' | 'fallback' | 'project rule'

export interface RuleIdInfo {
  readonly source: RuleSource
  readonly meaning: string
}

/** `ruleId` of a categorised transaction. */
export const RULE_IDS = {
  CREDIT_CARD_RESET: {
    source: 'structural',
    meaning: 'A credit on a card account settling the card.',
  },
  BANK_FEE_WORDING: {
    source: 'hand dictionary',
    meaning: 'A fee the bank books (overdraft, rejection, package, intervention).',
  },
  SEIZURE_WORDING: {
    source: 'hand dictionary',
    meaning: 'An account seizure, its fees or its release.',
  },
  BAILIFF_PAYMENT: {
    source: 'hand dictionary',
    meaning: 'A payment to a bailiff or enforcement agent.',
  },
  DEBT_COLLECTION_AGENCY: {
    source: 'hand dictionary',
    meaning: 'A payment to a debt collection agency.',
  },
  DEBT_RECOVERY_WORDING: {
    source: 'hand dictionary',
    meaning: 'A direct debt recovery by a creditor.',
  },
  REJECTION_WORDING: {
    source: 'hand dictionary',
    meaning: 'A payment, credit repayment or cheque returned unpaid.',
  },
  TAX_SPECIFIC_WORDING: {
    source: 'hand dictionary',
    meaning: 'A tax named by its kind (income, housing, property).',
  },
  SPLIT_PAYMENT: {
    source: 'hand dictionary',
    meaning: 'A purchase paid in instalments (pay in 3/4, buy now pay later).',
  },
  BORROWER_INSURANCE: { source: 'hand dictionary', meaning: 'Insurance attached to a loan.' },
  LOAN_PREPAYMENT: { source: 'hand dictionary', meaning: 'An early repayment of a loan.' },
  LEASING: { source: 'hand dictionary', meaning: 'A lease or hire-purchase instalment.' },
  LOAN_LENDER_OR_WORDING: {
    source: 'hand dictionary',
    meaning: 'A repayment to or money lent by a lender, or loan wording.',
  },
  WAGE_ADVANCE_PROVIDER: {
    source: 'hand dictionary',
    meaning: 'Earned-wage access: the advance or its repayment.',
  },
  SALARY_WORDING: {
    source: 'hand dictionary',
    meaning: 'Pay named as such (salary, payroll, wages, bonus).',
  },
  PENSION_WORDING: { source: 'hand dictionary', meaning: 'A retirement or reversionary pension.' },
  ALIMONY_WORDING: { source: 'hand dictionary', meaning: 'Alimony or child support received.' },
  ALLOWANCE_WORDING: { source: 'hand dictionary', meaning: 'A benefit named by its kind.' },
  BENEFIT_PAYER: {
    source: 'hand dictionary',
    meaning: 'A benefit named by the body that pays it.',
  },
  TAX_AUTHORITY: { source: 'hand dictionary', meaning: 'A payment to or from the tax authority.' },
  INTEREST_EARNED: { source: 'hand dictionary', meaning: 'Interest credited by the bank.' },
  SAVING_WORDING: {
    source: 'hand dictionary',
    meaning: "Money moved to or from the holder's own savings or investments.",
  },
  EXPENSE_REPORT_REFUND: {
    source: 'hand dictionary',
    meaning: 'Expenses paid back by an employer.',
  },
  INSURANCE_REFUND: {
    source: 'hand dictionary',
    meaning: 'An insurer or health fund paying a claim back.',
  },
  REFUND_WORDING: { source: 'hand dictionary', meaning: 'A purchase or payment given back.' },
  DEFERRED_CARD_TOTAL: {
    source: 'hand dictionary',
    meaning: 'The monthly total of a deferred-debit card.',
  },
  RENT_WORDING: {
    source: 'hand dictionary',
    meaning: 'Rent paid or received, or a landlord named.',
  },
  INSURANCE_PREMIUM: { source: 'hand dictionary', meaning: 'An insurance premium, by its cover.' },
  MERCHANT: {
    source: 'hand dictionary',
    meaning: 'A known merchant, utility or operator, or a shop-type word.',
  },
  MERCHANT_OSM_BRAND: {
    source: 'OSM',
    meaning: "A brand of the customer's markets from OpenStreetMap's name-suggestion-index.",
  },
  MERCHANT_PLACE_WORD: {
    source: 'OSM',
    meaning: 'A shop-type word (bakery, pharmacy) from OpenStreetMap, also as a word start.',
  },
  CASH_WITHDRAWAL: { source: 'hand dictionary', meaning: 'Cash taken out.' },
  OTHER: { source: 'fallback', meaning: 'Nothing known: OTHER_EXPENSE or OTHER_ENTRY.' },
  REJECTION_LINKED: {
    source: 'structural',
    meaning: 'A returned payment linked to the payment it reverses.',
  },
  INTERNAL_TRANSFER_SAVINGS: {
    source: 'structural',
    meaning: "A transfer paired with the holder's own savings account.",
  },
  INTERNAL_TRANSFER_CARD: {
    source: 'structural',
    meaning: "A transfer paired with the holder's own card account.",
  },
  INTERNAL_TRANSFER_LOAN: {
    source: 'structural',
    meaning: "A transfer paired with the holder's own loan account.",
  },
  RECURRING_EMPLOYER_TRANSFER: {
    source: 'structural',
    meaning: 'A company crediting a wage-sized amount every month.',
  },
  ONE_COMPANY_PAY_TRANSFER: {
    source: 'structural',
    meaning: 'A lone wage-sized credit from an unknown company: pay.',
  },
  GIG_PLATFORM_PAYOUT: {
    source: 'structural',
    meaning: 'Repeated payouts from a gig platform (delivery, ride-hailing): pay.',
  },
  CARD_SETTLEMENT_LINKED: {
    source: 'structural',
    meaning: "A checking debit paired with the credit that settles the holder's card account.",
  },
  FINANCE_NAME_REPAYMENT: {
    source: 'structural',
    meaning: 'Near-constant monthly debits to a finance-named organisation: a loan.',
  },
  PROJECT_RULE: {
    source: 'project rule',
    meaning: "The project's own rule (an analyst's correction), as PROJECT_RULE:<rule id>.",
  },
} as const satisfies Record<string, RuleIdInfo>

/** The catalogue entry of an emitted rule id: `PROJECT_RULE:<id>` is the `PROJECT_RULE` family. */
export const ruleIdFamily = (ruleId: string): string => ruleId.split(':')[0] ?? ruleId

/** `detectorId` of a cash flow. */
export const DETECTOR_IDS = {
  LOAN_CONTRACT: { source: 'structural', meaning: 'Repayments of one credit contract.' },
  SPLIT_PAYMENT_PLAN: { source: 'structural', meaning: 'The instalments of one split payment.' },
  LOAN_DRAWDOWN: { source: 'structural', meaning: 'Money lent to the holder.' },
  FIXED_AMOUNT: {
    source: 'structural',
    meaning: 'The same amount to or from one payee at a regular interval.',
  },
  VARIABLE_AMOUNT: {
    source: 'structural',
    meaning: 'Varying amounts to or from one payee at a regular interval.',
  },
} as const satisfies Record<string, RuleIdInfo>
