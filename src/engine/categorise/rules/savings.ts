/** Interest earned, money put into savings or investments, and money taken out of them. */
import { has, hasAny } from '../facts.ts'
import type { Rule } from './rule.ts'

export const INTEREST: Rule = {
  id: 'INTEREST_EARNED',
  categories: ['INTEREST'],
  counterparty: 'none',
  decide: (facts) => (facts.credit && has(facts, 'INTEREST') ? 'INTEREST' : null),
  examples: [
    { description: 'INTERETS ANNUELS LIVRET A', amount: 35.2, category: 'INTEREST' },
    { description: 'CREDIT INTEREST', amount: 1.2, category: 'INTEREST' },
  ],
}

/**
 * Money moved to or from the holder's own savings is an own transfer: LABELLING.md files it
 * OTHER_EXPENSE / OTHER_ENTRY (left out of income and spending, typed internal by links.ts),
 * not SAVING or DISSAVING. Paying into an investment product (shares, a broker) stays
 * SHARE_SAVING. Knowingly wrong: a savings account held by someone else (a child's) looks the same.
 */
export const SAVINGS: Rule = {
  id: 'SAVING_WORDING',
  categories: ['SHARE_SAVING', 'OTHER_EXPENSE', 'OTHER_ENTRY'],
  counterparty: 'org',
  orgTags: ['INVESTMENT'],
  decide: (facts) => {
    if (!hasAny(facts, ['BANKBOOK', 'SHARES', 'INVESTMENT', 'SAVING'])) return null
    // Cash or a card at a savings bank (`RETRAIT DAB CAISSE EPARGNE`) moves no savings.
    if (facts.type === 'CASH_WITHDRAWAL' || facts.type === 'CARD') return null
    if (facts.credit) return 'OTHER_ENTRY'
    if (!has(facts, 'BANKBOOK') && hasAny(facts, ['SHARES', 'INVESTMENT'])) return 'SHARE_SAVING'
    return 'OTHER_EXPENSE'
  },
  examples: [
    { description: 'VIREMENT VERS LIVRET A', amount: -100, category: 'OTHER_EXPENSE' },
    { description: 'VERSEMENT PEA', amount: -200, category: 'SHARE_SAVING' },
    { description: 'TRANSFER TO SAVINGS POT', amount: -50, category: 'OTHER_EXPENSE' },
    { description: 'VIREMENT DEPUIS LIVRET A', amount: 300, category: 'OTHER_ENTRY' },
  ],
}
