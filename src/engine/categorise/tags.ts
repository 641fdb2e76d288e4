/**
 * Tags: what a dictionary entry means. Dictionaries map words and names to tags; rules read
 * tags, never raw words. A tag is either vocabulary (a word such as SALAIRE, no counterparty)
 * or an organisation (a name such as COFIDIS, which becomes the counterparty).
 */

/** Words that say how the money moved: they decide the transaction type. */
export const TYPE_TAGS = [
  'T_CARD',
  'T_DIRECT_DEBIT',
  'T_TRANSFER',
  'T_WITHDRAWAL',
  'T_CASH_DEPOSIT',
  'T_CHECK',
  'T_CHECK_DEPOSIT',
  'T_INTERNAL',
  'T_INCOMING_CARD',
] as const

/** Vocabulary: words that carry meaning but name nobody. */
export const WORD_TAGS = [
  // consumes words that would otherwise mislead (APPLE PAY, CHEQUE DEJEUNER)
  'NEUTRAL',
  'SALARY',
  'BONUS',
  'SALARY_ADVANCE',
  'PENSION',
  'REVERSION',
  'ALLOWANCE',
  'FAMILY_AID',
  'HOUSING_AID',
  'UNEMPLOYMENT_AID',
  'HEALTH_AID',
  'INCOME_SUPPORT',
  'SUBSIDY',
  'RENT',
  'ALIMONY',
  'LOAN',
  'MORTGAGE',
  'REVOLVING',
  'PERSONAL_LOAN',
  'DRAWDOWN',
  'PREPAYMENT',
  'SPLIT',
  'DEBT_RECOVERY',
  'INTEREST',
  'SAVING',
  'BANKBOOK',
  'SHARES',
  'REJECT',
  // A returned direct debit in one phrase (`DEVOLUCION RECIBO`): counts as REJECT and T_DIRECT_DEBIT.
  'REJECT_DIRECT_DEBIT',
  'FEE',
  'BANK_SERVICE_FEE',
  'OVERDRAFT',
  'INTERVENTION',
  'INCIDENT',
  'SEIZURE',
  'DIRECT_RECOVERY',
  'PREVENTIVE_SEIZURE',
  'RELEASE',
  'REFUND',
  'EXPENSE_REPORT',
  'INSURANCE',
  'AUTO',
  'HOME',
  'HEALTH_COVER',
  'TAX',
  'INCOME_TAX',
  'HOUSING_TAX',
  'PROPERTY_TAX',
  'PRO_TAX',
  'TAX_CREDIT',
  'DEFERRED_CARD',
  'INTERNATIONAL',
  'LEGAL_FORM',
  'GROCERY_WORD',
  'TRANSPORT_WORD',
  'HEALTH_WORD',
  'LEISURE_WORD',
  'SPORT_WORD',
  'TOBACCO_WORD',
  'SHOPPING_WORD',
  'MULTIMEDIA_WORD',
  'GAMBLING_WORD',
  // One compound word that says both "insurance" and its cover (`HAUSRATVERSICHERUNG`,
  // `AUTOVERZEKERING`), as HEALTH_COVER does for health.
  'AUTO_COVER',
  'HOME_COVER',
  // One compound word that says both "fee" and what for (`RUECKLASTSCHRIFTGEBUEHR`,
  // `PFAENDUNGSGEBUEHR`).
  'REJECTION_FEE',
  'SEIZURE_FEE',
  // Booking and field words that name no rail (`GUTSCHRIFT`, `IDEAL`, `SVWZ`): no rule reads
  // them; being vocabulary keeps them out of the counterparty's name.
  'BOOKING_WORD',
  // A deferred-card settlement worded without a card word (`KREDITKARTENABRECHNUNG`,
  // `DEBIT DIFFERE`): DEFERRED_TOTAL_PAYMENT like DEFERRED_CARD, but typed from its other words,
  // since LABELLING.md types CARD only on card words (CB, CARTE, card, Visa, TARJETA …).
  'DEFERRED_STATEMENT',
] as const

/** Organisations: the entry's name is the counterparty. */
export const ORG_TAGS = [
  'PAYER_FAMILY',
  'PAYER_HOUSING',
  'PAYER_UNEMPLOYMENT',
  'PAYER_HEALTH',
  'PAYER_PENSION',
  'PAYER_INCOME_SUPPORT',
  'PAYER_ALLOWANCE',
  'TAX_AUTHORITY',
  'LENDER',
  'LENDER_PERSONAL',
  'LENDER_REVOLVING',
  'LENDER_MORTGAGE',
  'BNPL',
  'WAGE_ADVANCE',
  'DEBT_COLLECTOR',
  'BAILIFF',
  'LEASING',
  'LANDLORD',
  'INVESTMENT',
  'INSURER',
  'INSURER_HEALTH',
  'INSURER_AUTO',
  'INSURER_HOME',
  'POWER',
  'TELECOM',
  'MULTIMEDIA',
  'SPORT',
  'HEALTH',
  'GROCERY',
  'TOBACCO',
  'GAMBLING',
  'TRANSPORT',
  'LEISURE',
  'SHOPPING',
  // A platform that pays riders, drivers or freelancers (Roofoods, Uber Portier): its payout is pay.
  'GIG_PLATFORM',
] as const

export const TAGS = [...TYPE_TAGS, ...WORD_TAGS, ...ORG_TAGS] as const
export type Tag = (typeof TAGS)[number]
export type OrgTag = (typeof ORG_TAGS)[number]

/** Numeric ids for the hot path: `TAG_ID.SALARY` indexes the per-transaction hit table. */
export const TAG_ID = Object.fromEntries(TAGS.map((tag, index) => [tag, index])) as Readonly<
  // Object.fromEntries loses the key type; every tag is mapped just above.
  Record<Tag, number>
>
export const TAG_COUNT = TAGS.length
const orgStart = TYPE_TAGS.length + WORD_TAGS.length
export const isOrgTagId = (id: number): boolean => id >= orgStart
