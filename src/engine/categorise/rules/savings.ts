/** Interest earned, money put into savings or investments, and money taken out of them. */
import { has, hasAny } from '../facts.ts'
import type { Rule } from './rule.ts'

export const INTEREST: Rule = {
  id: 'INTEREST_EARNED',
  categories: ['INTEREST'],
  counterparty: 'none',
  decide: (facts) => (facts.credit && has(facts, 'INTEREST') ? 'INTEREST' : null),
  examples: [
    { description: 'INTERETS CREDITEURS LIVRET A', amount: 35.2, category: 'INTEREST' },
    { description: 'CREDIT INTEREST', amount: 1.2, category: 'INTEREST' },
  ],
}

export const SAVINGS: Rule = {
  id: 'SAVING_WORDING',
  categories: ['BANKBOOK_SAVING', 'SHARE_SAVING', 'SAVING', 'DISSAVING'],
  counterparty: 'org',
  orgTags: ['INVESTMENT'],
  decide: (facts) => {
    if (!hasAny(facts, ['BANKBOOK', 'SHARES', 'INVESTMENT', 'SAVING'])) return null
    if (facts.credit) return 'DISSAVING'
    if (has(facts, 'BANKBOOK')) return 'BANKBOOK_SAVING'
    return hasAny(facts, ['SHARES', 'INVESTMENT']) ? 'SHARE_SAVING' : 'SAVING'
  },
  examples: [
    { description: 'VIREMENT VERS LIVRET A', amount: -100, category: 'BANKBOOK_SAVING' },
    { description: 'VERSEMENT PEA', amount: -200, category: 'SHARE_SAVING' },
    { description: 'TRANSFER TO SAVINGS POT', amount: -50, category: 'SAVING' },
    { description: 'VIREMENT DEPUIS LIVRET A', amount: 300, category: 'DISSAVING' },
  ],
}
