/**
 * Insurance premiums. The cover comes from the wording (auto, home, health), then from the
 * insurer's main line (a health mutual is health cover); otherwise generic insurance. A debit
 * to a health fund that pays benefits (Krankenkasse, ziekenfonds, a mutualité, a mutua) is its
 * contribution: health cover.
 */
import { firstOrg, has, hasAny } from '../facts.ts'
import { TAG_ID } from '../tags.ts'
import type { Rule } from './rule.ts'

const INSURERS = ['INSURER', 'INSURER_HEALTH', 'INSURER_AUTO', 'INSURER_HOME'] as const
const COVER_WORDS = ['INSURANCE', 'HEALTH_COVER', 'AUTO_COVER', 'HOME_COVER'] as const

export const INSURANCE: Rule = {
  id: 'INSURANCE_PREMIUM',
  categories: ['INSURANCE_AUTO', 'INSURANCE_HOME', 'INSURANCE_HEALTH', 'INSURANCE'],
  counterparty: 'org',
  orgTags: [...INSURERS, 'PAYER_HEALTH'],
  decide: (facts) => {
    if (facts.credit) return null
    if (!hasAny(facts, [...INSURERS, ...COVER_WORDS, 'PAYER_HEALTH'])) return null
    if (hasAny(facts, ['AUTO', 'AUTO_COVER'])) return 'INSURANCE_AUTO'
    if (hasAny(facts, ['HOME', 'HOME_COVER'])) return 'INSURANCE_HOME'
    if (hasAny(facts, ['HEALTH_COVER', 'PAYER_HEALTH'])) return 'INSURANCE_HEALTH'
    const insurer = firstOrg(facts, INSURERS)
    if (insurer?.tag === TAG_ID.INSURER_AUTO) return 'INSURANCE_AUTO'
    if (insurer?.tag === TAG_ID.INSURER_HOME) return 'INSURANCE_HOME'
    if (insurer?.tag === TAG_ID.INSURER_HEALTH) return 'INSURANCE_HEALTH'
    if (!insurer && has(facts, 'PAYER_HEALTH')) return 'INSURANCE_HEALTH'
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
    {
      description: 'LASTSCHRIFT TECHNIKER KRANKENKASSE',
      amount: -210,
      category: 'INSURANCE_HEALTH',
    },
    { description: 'LASTSCHRIFT HAUSRATVERSICHERUNG', amount: -9.5, category: 'INSURANCE_HOME' },
    { description: 'PRLV SEPA AXA FRANCE VIE', amount: -30, category: 'INSURANCE' },
  ],
}
