/**
 * Taxes. Specific taxes and tax credits are told by their names; a bare tax authority or
 * tax word comes later in the order (after allowances), because tax offices also pay
 * benefits (HMRC Child Benefit, Belastingdienst toeslagen).
 */
import { has, hasAny } from '../facts.ts'
import type { Rule } from './rule.ts'
import type { Tag } from '../tags.ts'
import { BENEFIT_WORDS } from './income.ts'

/** On a credit, a benefit or pay word says what the money is, whoever pays it. */
const NOT_A_REFUND: readonly Tag[] = [...BENEFIT_WORDS, 'ALLOWANCE', 'SALARY', 'PENSION']

export const SPECIFIC_TAXES: Rule = {
  id: 'TAX_SPECIFIC_WORDING',
  categories: [
    'PERSO_TAX_CREDIT',
    'PRO_TAX',
    'PRO_TAX_REFUND',
    'INCOME_TAX',
    'HOUSING_TAX',
    'PROPERTY_TAX',
    'PERSO_TAX_REFUND',
  ],
  counterparty: 'org',
  orgTags: ['TAX_AUTHORITY'],
  decide: (facts) => {
    if (has(facts, 'TAX_CREDIT')) return facts.credit ? 'PERSO_TAX_CREDIT' : null
    if (has(facts, 'PRO_TAX')) return facts.credit ? 'PRO_TAX_REFUND' : 'PRO_TAX'
    if (!hasAny(facts, ['INCOME_TAX', 'HOUSING_TAX', 'PROPERTY_TAX'])) return null
    // A local authority also pays benefits and wages (`… BOROUGH COUNCIL HB`, `… COUNCIL
    // SALARIES`): the benefit or the pay decides.
    if (facts.credit && hasAny(facts, NOT_A_REFUND)) return null
    if (facts.credit) return 'PERSO_TAX_REFUND'
    if (has(facts, 'INCOME_TAX')) return 'INCOME_TAX'
    return has(facts, 'HOUSING_TAX') ? 'HOUSING_TAX' : 'PROPERTY_TAX'
  },
  examples: [
    { description: 'VIR DGFIP CREDIT D IMPOT', amount: 650, category: 'PERSO_TAX_CREDIT' },
    { description: 'HMRC VAT', amount: -1250, category: 'PRO_TAX' },
    { description: 'DEVOLUCION IVA AEAT', amount: 310, category: 'PRO_TAX_REFUND' },
    { description: 'PRLV IMPOT SUR LE REVENU DGFIP', amount: -180, category: 'INCOME_TAX' },
    { description: 'DD BRISTOL CITY COUNCIL TAX', amount: -145, category: 'HOUSING_TAX' },
    { description: 'PRLV TAXE FONCIERE DGFIP', amount: -95, category: 'PROPERTY_TAX' },
    {
      description: 'EINKOMMENSTEUER ERSTATTUNG FINANZAMT',
      amount: 420,
      category: 'PERSO_TAX_REFUND',
    },
  ],
}

export const GENERIC_TAXES: Rule = {
  id: 'TAX_AUTHORITY',
  categories: ['PERSO_TAX', 'PERSO_TAX_REFUND'],
  counterparty: 'org',
  orgTags: ['TAX_AUTHORITY'],
  decide: (facts) =>
    hasAny(facts, ['TAX', 'TAX_AUTHORITY'])
      ? facts.credit
        ? 'PERSO_TAX_REFUND'
        : 'PERSO_TAX'
      : null,
  examples: [
    {
      description: 'PRLV SEPA DIRECTION GENERALE DES FINANCES PUBLIQUES',
      amount: -120,
      category: 'PERSO_TAX',
    },
    { description: 'BELASTINGDIENST TERUGGAAF', amount: 250, category: 'PERSO_TAX_REFUND' },
  ],
}
