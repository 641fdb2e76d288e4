/**
 * Earned and replacement income told by its wording: salary and its variants, pensions,
 * alimony. Credits only: a debit that says SALAIRE is an employer paying someone else.
 */
import { has, hasAny } from '../facts.ts'
import type { Tag } from '../tags.ts'
import type { Rule } from './rule.ts'

export const SALARY: Rule = {
  id: 'SALARY_WORDING',
  categories: ['WAGE_SALARY_ADVANCE', 'WAGE_BONUS', 'WAGE'],
  counterparty: 'text',
  decide: (facts) => {
    if (!facts.credit) return null
    if (has(facts, 'SALARY_ADVANCE')) return 'WAGE_SALARY_ADVANCE'
    if (has(facts, 'BONUS')) return 'WAGE_BONUS'
    // A gig platform's payout is pay by convention, though it may be self-employment.
    return has(facts, 'SALARY') || has(facts, 'GIG_PLATFORM') ? 'WAGE' : null
  },
  examples: [
    {
      description: 'VIR SEPA RECU /DE BOULANGERIES MARCEL SAS /MOTIF SALAIRE /REF 448213-7',
      amount: 2581.45,
      category: 'WAGE',
    },
    { description: 'BGC ACME LTD SALARY', amount: 2100, category: 'WAGE' },
    { description: 'ROOFOODS LTD FPI', amount: 312.45, category: 'WAGE' },
    { description: 'ACOMPTE SUR SALAIRE MARS', amount: 400, category: 'WAGE_SALARY_ADVANCE' },
    { description: 'VIR PRIME EXCEPTIONNELLE ACME', amount: 500, category: 'WAGE_BONUS' },
  ],
}

/** Words that name a benefit, whoever pays it. */
export const BENEFIT_WORDS: readonly Tag[] = [
  'FAMILY_AID',
  'HOUSING_AID',
  'UNEMPLOYMENT_AID',
  'HEALTH_AID',
  'INCOME_SUPPORT',
  'SUBSIDY',
]

export const PENSIONS: Rule = {
  id: 'PENSION_WORDING',
  categories: ['REVERSIONARY_PENSION', 'RETIREMENT_PENSION'],
  counterparty: 'org',
  orgTags: ['PAYER_PENSION'],
  decide: (facts) => {
    if (!facts.credit) return null
    if (has(facts, 'REVERSION')) return 'REVERSIONARY_PENSION'
    if (has(facts, 'PENSION')) return 'RETIREMENT_PENSION'
    // A pension fund that also pays other benefits (INSS: birth, minimum income) lets the
    // benefit's name decide (allowances.ts).
    if (hasAny(facts, BENEFIT_WORDS)) return null
    return has(facts, 'PAYER_PENSION') ? 'RETIREMENT_PENSION' : null
  },
  examples: [
    { description: 'VIR CNAV RETRAITE', amount: 1200, category: 'RETIREMENT_PENSION' },
    {
      description: 'DEUTSCHE RENTENVERSICHERUNG RENTE 04/26',
      amount: 1350,
      category: 'RETIREMENT_PENSION',
    },
    {
      description: 'VIR CARSAT PENSION DE REVERSION',
      amount: 430,
      category: 'REVERSIONARY_PENSION',
    },
  ],
}

export const ALIMONY: Rule = {
  id: 'ALIMONY_WORDING',
  categories: ['RECEIVED_ALIMONY'],
  counterparty: 'text',
  decide: (facts) => (facts.credit && has(facts, 'ALIMONY') ? 'RECEIVED_ALIMONY' : null),
  examples: [
    {
      description: 'VIREMENT DE M DUPONT PENSION ALIMENTAIRE',
      amount: 250,
      category: 'RECEIVED_ALIMONY',
    },
  ],
}
