/**
 * Credit: split payments, borrower insurance, early repayments, leasing, then loans told by the
 * lender's name or the loan wording. The product (real estate, revolving, personal) comes from
 * the wording first (`PRET IMMOBILIER`, `CREDIT RENOUVELABLE`), then from what the lender
 * mostly sells; a loan whose product is unknown is a personal loan, the conventions' default
 * (never the bare LOAN_REPAYMENT or LOAN_DRAWDOWN).
 */
import type { Category } from '../../model/index.ts'
import { has, hasAny, type Facts } from '../facts.ts'
import type { Rule } from './rule.ts'
import { MARKET_BIT } from '../merchants/markets.ts'

/** Whether the customer banks in the Netherlands (or nothing says where: every market). */
const isDutch = (facts: Facts): boolean => (facts.markets & MARKET_BIT.NL) !== 0

type Product = 'REAL_ESTATE' | 'REVOLVING' | 'PERSONAL' | null

const LENDERS = ['LENDER', 'LENDER_PERSONAL', 'LENDER_REVOLVING', 'LENDER_MORTGAGE'] as const

const productOf = (facts: Facts): Product => {
  if (has(facts, 'MORTGAGE')) return 'REAL_ESTATE'
  if (has(facts, 'REVOLVING')) return 'REVOLVING'
  if (has(facts, 'PERSONAL_LOAN')) return 'PERSONAL'
  if (has(facts, 'LENDER_MORTGAGE')) return 'REAL_ESTATE'
  if (has(facts, 'LENDER_REVOLVING')) return 'REVOLVING'
  if (has(facts, 'LENDER_PERSONAL')) return 'PERSONAL'
  return null
}

/**
 * Shops whose purchases consumer lenders finance in instalments (`CETELEM FINANCIACION
 * CONFORAMA`). Groceries are left out: a supermarket's name with a lender is its store card.
 */
const FINANCED_SHOPS = ['SHOPPING', 'SPORT', 'LEISURE', 'HEALTH', 'MULTIMEDIA'] as const

/** Organisations that bill in monthly instalments without lending. */
const BILLERS = [
  'POWER',
  'TELECOM',
  'INSURER',
  'INSURER_HEALTH',
  'INSURER_AUTO',
  'INSURER_HOME',
] as const

export const SPLIT_PAYMENTS: Rule = {
  id: 'SPLIT_PAYMENT',
  categories: ['SPLIT_PAYMENT'],
  counterparty: 'org',
  orgTags: ['BNPL', ...LENDERS],
  decide: (facts) =>
    !facts.credit &&
    (has(facts, 'BNPL') ||
      // Instalments of a credit card's balance (`KREDITKARTE TEILZAHLUNG`) are revolving credit.
      (has(facts, 'SPLIT') && !has(facts, 'REVOLVING')) ||
      // A lender's plan for a named shop (LABELLING.md).
      (hasAny(facts, LENDERS) && hasAny(facts, FINANCED_SHOPS)))
      ? 'SPLIT_PAYMENT'
      : null,
  examples: [
    {
      description: 'RECIBO CETELEM FINANCIACION MEDIA MARKT',
      amount: -41.58,
      category: 'SPLIT_PAYMENT',
    },
    {
      description: 'CARTE X7731 4X CB ONEY. COMMERCE ELECTRONIQUE',
      amount: -126.99,
      category: 'SPLIT_PAYMENT',
    },
    { description: 'KLARNA*ZALANDO', amount: -33.3, category: 'SPLIT_PAYMENT' },
    { description: 'CLEARPAY UK LTD', amount: -21.25, category: 'SPLIT_PAYMENT' },
  ],
}

export const LOAN_INSURANCE: Rule = {
  id: 'BORROWER_INSURANCE',
  categories: ['INSURANCE'],
  counterparty: 'org',
  orgTags: ['INSURER', 'INSURER_HEALTH', 'INSURER_AUTO', 'INSURER_HOME'],
  // In the Netherlands insurers sell mortgages (Nationale-Nederlanden, a.s.r., Aegon): there an
  // insurer named with mortgage wording and no insurance word is the lender. Elsewhere it is the
  // borrower's insurance (`CNP ASSURANCES PRET HABITAT`).
  decide: (facts) =>
    !facts.credit &&
    hasAny(facts, ['INSURANCE', 'INSURER']) &&
    hasAny(facts, ['LOAN', 'MORTGAGE', 'PERSONAL_LOAN']) &&
    !hasAny(facts, LENDERS) &&
    !(isDutch(facts) && has(facts, 'MORTGAGE') && !has(facts, 'INSURANCE'))
      ? 'INSURANCE'
      : null,
  examples: [
    { description: 'REGLEMENT ASSU. CARDIF PRET HABITAT', amount: -17.8, category: 'INSURANCE' },
  ],
}

export const LOAN_PREPAYMENT: Rule = {
  id: 'LOAN_PREPAYMENT',
  categories: ['LOAN_PREPAYMENT'],
  counterparty: 'org',
  orgTags: LENDERS,
  decide: (facts) => (!facts.credit && has(facts, 'PREPAYMENT') ? 'LOAN_PREPAYMENT' : null),
  examples: [
    {
      description: 'REMBOURSEMENT ANTICIPE PRET 123456',
      amount: -5000,
      category: 'LOAN_PREPAYMENT',
    },
  ],
}

export const LEASING: Rule = {
  id: 'LEASING',
  categories: ['LEASING'],
  counterparty: 'org',
  orgTags: ['LEASING', ...LENDERS],
  decide: (facts) => (!facts.credit && has(facts, 'LEASING') ? 'LEASING' : null),
  examples: [
    { description: 'PRLV SEPA DIAC LOA RENAULT CLIO', amount: -289, category: 'LEASING' },
    { description: 'LEASEPLAN NEDERLAND PRIVATE LEASE', amount: -399, category: 'LEASING' },
  ],
}

export const LOANS: Rule = {
  id: 'LOAN_LENDER_OR_WORDING',
  categories: [
    'LOAN_REPAYMENT_REAL_ESTATE',
    'LOAN_REPAYMENT_PERSONAL',
    'LOAN_REPAYMENT_REVOLVING',
    'LOAN_DRAWDOWN_REAL_ESTATE',
    'LOAN_DRAWDOWN_PERSONAL',
    'LOAN_DRAWDOWN_REVOLVING',
  ],
  counterparty: 'org',
  orgTags: LENDERS,
  decide: (facts) => {
    const lender = hasAny(facts, LENDERS)
    if (!lender && !hasAny(facts, ['LOAN', 'MORTGAGE', 'REVOLVING', 'PERSONAL_LOAN'])) return null
    // A utility, operator or insurer's monthly instalment (`MAANDTERMIJN` of an energy bill)
    // is no credit when no lender is named and no kind of credit either (an insurer that
    // lends says `HYPOTHEEK`).
    if (
      !lender &&
      !hasAny(facts, ['MORTGAGE', 'REVOLVING', 'PERSONAL_LOAN']) &&
      hasAny(facts, BILLERS)
    )
      return null
    // A lender paying back an overpayment is a refund, not a new loan.
    if (facts.credit && has(facts, 'REFUND') && !has(facts, 'DRAWDOWN')) return null
    // A credit of unknown kind is a personal loan (LABELLING.md): never a bare LOAN_REPAYMENT.
    const product = productOf(facts) ?? 'PERSONAL'
    const base = facts.credit ? 'LOAN_DRAWDOWN' : 'LOAN_REPAYMENT'
    // Template literal loses the literal type; every combination is listed in `categories`.
    return `${base}_${product}` as Category
  },
  examples: [
    {
      description: 'PRLV SEPA BANQUE FICTIVE ECHEANCE PRET',
      amount: -300,
      category: 'LOAN_REPAYMENT_PERSONAL',
    },
    {
      description: 'ECHEANCE PRET IMMOBILIER 0042',
      amount: -522.31,
      category: 'LOAN_REPAYMENT_REAL_ESTATE',
    },
    {
      description: 'PRLV SEPA CREDIPAR Motif : 101M3323222',
      amount: -399.89,
      category: 'LOAN_REPAYMENT_PERSONAL',
    },
    { description: 'DD VANQUIS BANK', amount: -45, category: 'LOAN_REPAYMENT_REVOLVING' },
    {
      description: 'VIREMENT DEBLOCAGE FONDS PRET',
      amount: 15000,
      category: 'LOAN_DRAWDOWN_PERSONAL',
    },
    {
      description: 'VIREMENT DEBLOCAGE PRET IMMOBILIER',
      amount: 180000,
      category: 'LOAN_DRAWDOWN_REAL_ESTATE',
    },
    {
      description: 'VIREMENT DE SOGEFINANCE VERSEMENT PRET PERSONNEL',
      amount: 5500,
      category: 'LOAN_DRAWDOWN_PERSONAL',
    },
    {
      description: 'VIR COFIDIS CREDIT RENOUVELABLE',
      amount: 1000,
      category: 'LOAN_DRAWDOWN_REVOLVING',
    },
  ],
}

export const WAGE_ADVANCE: Rule = {
  id: 'WAGE_ADVANCE_PROVIDER',
  categories: ['WAGE_ADVANCE_PAYMENT', 'LOAN_REPAYMENT_PERSONAL'],
  counterparty: 'org',
  orgTags: ['WAGE_ADVANCE'],
  // Paying an advance back is a repayment, never a bare one: personal is the default product.
  decide: (facts) =>
    has(facts, 'WAGE_ADVANCE')
      ? facts.credit
        ? 'WAGE_ADVANCE_PAYMENT'
        : 'LOAN_REPAYMENT_PERSONAL'
      : null,
  examples: [
    {
      description: 'VIR SEPA RECU /DE ROSALY /MOTIF AVANCE',
      amount: 150,
      category: 'WAGE_ADVANCE_PAYMENT',
    },
    { description: 'WAGESTREAM LTD', amount: 200, category: 'WAGE_ADVANCE_PAYMENT' },
    {
      description: 'PRLV SEPA ROSALY REMBOURSEMENT AVANCE',
      amount: -150,
      category: 'LOAN_REPAYMENT_PERSONAL',
    },
  ],
}
