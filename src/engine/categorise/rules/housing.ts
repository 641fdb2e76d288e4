/** Rent paid (wording or a known landlord / letting agent) and rent received. */
import { has } from '../facts.ts'
import type { Rule } from './rule.ts'

export const RENT: Rule = {
  id: 'RENT_WORDING',
  categories: ['RENT', 'RENTAL_INCOME'],
  counterparty: 'text',
  decide: (facts) => {
    // Rent received, possibly through a letting agent.
    if (facts.credit) return has(facts, 'RENT') ? 'RENTAL_INCOME' : null
    return has(facts, 'RENT') || has(facts, 'LANDLORD') ? 'RENT' : null
  },
  examples: [
    { description: 'VIREMENT EMIS AGENCE DU CENTRE LOYER', amount: -879.78, category: 'RENT' },
    { description: 'DAUERAUFTRAG MIETE WOHNUNG', amount: -750, category: 'RENT' },
    {
      description: 'VIR SEPA RECU /DE M MARTIN /MOTIF LOYER AVRIL',
      amount: 650,
      category: 'RENTAL_INCOME',
    },
  ],
}
