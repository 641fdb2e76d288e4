/** Money given back: expense reports, insurers paying claims, merchants' and others' refunds. */
import { has, hasAny } from '../facts.ts'
import type { Rule } from './rule.ts'

const INSURERS = ['INSURER', 'INSURER_HEALTH', 'INSURER_AUTO', 'INSURER_HOME'] as const

export const EXPENSE_REPORT: Rule = {
  id: 'EXPENSE_REPORT_REFUND',
  categories: ['REFUND_EXPENSE_REPORT'],
  counterparty: 'text',
  // A claim (`DECLARATIE`) paid by an insurer or health fund is an insurance refund.
  decide: (facts) =>
    facts.credit && has(facts, 'EXPENSE_REPORT') && !hasAny(facts, [...INSURERS, 'PAYER_HEALTH'])
      ? 'REFUND_EXPENSE_REPORT'
      : null,
  examples: [
    {
      description: 'VIR ACME SAS NOTE DE FRAIS MARS',
      amount: 84.5,
      category: 'REFUND_EXPENSE_REPORT',
    },
    { description: 'ACME LTD EXPENSES', amount: 120, category: 'REFUND_EXPENSE_REPORT' },
  ],
}

export const INSURANCE_REFUND: Rule = {
  id: 'INSURANCE_REFUND',
  categories: ['REFUND_INSURANCE'],
  counterparty: 'org',
  orgTags: [...INSURERS, 'PAYER_HEALTH'],
  decide: (facts) =>
    facts.credit &&
    (hasAny(facts, [...INSURERS, 'INSURANCE', 'HEALTH_COVER', 'AUTO_COVER', 'HOME_COVER']) ||
      (has(facts, 'PAYER_HEALTH') && has(facts, 'REFUND')))
      ? 'REFUND_INSURANCE'
      : null,
  examples: [
    { description: 'REMBOURSEMENT SECU CPAM', amount: 25, category: 'REFUND_INSURANCE' },
    {
      description: 'VIR HARMONIE MUTUELLE REMBT SOINS',
      amount: 45.6,
      category: 'REFUND_INSURANCE',
    },
    {
      description: 'MAPFRE SEGUROS INDEMNIZACION SINIESTRO',
      amount: 800,
      category: 'REFUND_INSURANCE',
    },
  ],
}

export const REFUNDS: Rule = {
  id: 'REFUND_WORDING',
  categories: ['REFUND'],
  counterparty: 'org',
  decide: (facts) =>
    facts.credit && (facts.type === 'CARD_REFUND' || has(facts, 'REFUND')) ? 'REFUND' : null,
  examples: [
    { description: 'AVOIR CARTE DECATHLON', amount: 39.99, category: 'REFUND' },
    { description: 'AMAZON REFUND', amount: 19.99, category: 'REFUND' },
  ],
}
