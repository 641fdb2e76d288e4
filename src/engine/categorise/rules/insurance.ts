/**
 * Insurance premiums. The cover comes from the wording (auto, home, health), then from the
 * insurer's main line (a health mutual is health cover); otherwise generic insurance. A debit to
 * a health fund that pays benefits (a Belgian mutualité, a Spanish mutua) is its membership fee:
 * health cover.
 */
import { firstOrg, has, hasAny } from '../facts.ts'
import { TAG_ID } from '../tags.ts'
import type { Rule } from './rule.ts'

const INSURERS = ['INSURER', 'INSURER_HEALTH', 'INSURER_AUTO', 'INSURER_HOME'] as const

export const INSURANCE: Rule = {
  id: 'INSURANCE_PREMIUM',
  categories: ['INSURANCE_AUTO', 'INSURANCE_HOME', 'INSURANCE_HEALTH', 'INSURANCE'],
  counterparty: 'org',
  orgTags: [...INSURERS, 'PAYER_HEALTH'],
  decide: (facts) => {
    if (facts.credit) return null
    const healthFund = has(facts, 'PAYER_HEALTH')
    if (!healthFund && !hasAny(facts, [...INSURERS, 'INSURANCE', 'HEALTH_COVER'])) return null
    if (has(facts, 'AUTO')) return 'INSURANCE_AUTO'
    if (has(facts, 'HOME')) return 'INSURANCE_HOME'
    if (healthFund || has(facts, 'HEALTH_COVER')) return 'INSURANCE_HEALTH'
    const insurer = firstOrg(facts, INSURERS)
    if (insurer?.tag === TAG_ID.INSURER_AUTO) return 'INSURANCE_AUTO'
    if (insurer?.tag === TAG_ID.INSURER_HOME) return 'INSURANCE_HOME'
    if (insurer?.tag === TAG_ID.INSURER_HEALTH) return 'INSURANCE_HEALTH'
    return 'INSURANCE'
  },
  examples: [
    {
      description:
        "PRELEVEMENT CRCAM CENTRE LOIRE 0224392 COTISATION D'ASSURANCE PACIFICA DU CONTRAT AUTOMOBILE",
      amount: -101.74,
      category: 'INSURANCE_AUTO',
    },
    {
      description: 'PRELEVEMENT DE LUKO COVER SAS REF : 2RQ0IPC',
      amount: -20,
      category: 'INSURANCE_HOME',
    },
    { description: 'DD BUPA INSURANCE', amount: -65, category: 'INSURANCE_HEALTH' },
    {
      description: 'DOMICILIATION EUROPEENNE SOLIDARIS COTISATION ASSURANCE COMPLEMENTAIRE',
      amount: -12.5,
      category: 'INSURANCE_HEALTH',
    },
    { description: 'PRLV SEPA AXA FRANCE VIE', amount: -30, category: 'INSURANCE' },
  ],
}
