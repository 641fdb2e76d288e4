/**
 * A payment that came back unpaid (`REJET PRLV`, `IMPAYE`, returned direct debit,
 * `DEVOLUCION RECIBO`, `STORNO`, `RUECKLASTSCHRIFT`). links.ts later pairs it with the payment
 * it reverses and takes the category from that payment; this rule decides from the words alone
 * when the original is not in the data.
 */
import { has, hasAny } from '../facts.ts'
import type { Rule } from './rule.ts'

const LOAN_TAGS = [
  'LOAN',
  'MORTGAGE',
  'REVOLVING',
  'PERSONAL_LOAN',
  'LENDER',
  'LENDER_PERSONAL',
  'LENDER_REVOLVING',
  'LENDER_MORTGAGE',
] as const

export const REJECTIONS: Rule = {
  id: 'REJECTION_WORDING',
  categories: ['REJECTION_CHECK', 'REJECTION_LOAN_REPAYMENT', 'REJECTION_PAYMENT'],
  counterparty: 'org',
  decide: (facts) => {
    if (!has(facts, 'REJECT')) return null
    // A card purchase given back (`RETOURE` of goods) is a refund, not a returned payment.
    if (facts.type === 'CARD_REFUND') return null
    if (has(facts, 'T_CHECK') || has(facts, 'T_CHECK_DEPOSIT')) return 'REJECTION_CHECK'
    if (hasAny(facts, LOAN_TAGS)) return 'REJECTION_LOAN_REPAYMENT'
    return 'REJECTION_PAYMENT'
  },
  examples: [
    {
      description: 'REJET PRLV SEPA COFIDIS',
      amount: 343.45,
      category: 'REJECTION_LOAN_REPAYMENT',
    },
    { description: 'REJET PRLV DEEZER', amount: 9.99, category: 'REJECTION_PAYMENT' },
    { description: 'CHEQUE IMPAYE 1234567', amount: -250, category: 'REJECTION_CHECK' },
    { description: 'RUECKLASTSCHRIFT VODAFONE GMBH', amount: 39.99, category: 'REJECTION_PAYMENT' },
  ],
}
