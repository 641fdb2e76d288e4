/** What nothing else explained: cash withdrawals and other money out, other money in. */
import type { Rule } from './rule.ts'

export const CASH_WITHDRAWAL: Rule = {
  id: 'CASH_WITHDRAWAL',
  categories: ['OTHER_EXPENSE'],
  counterparty: 'none',
  decide: (facts) => (facts.type === 'CASH_WITHDRAWAL' ? 'OTHER_EXPENSE' : null),
  examples: [
    {
      description: 'CARTE X2517 A 06H23 RETRAIT DAB LA BANQUE POSTALE',
      amount: -120,
      category: 'OTHER_EXPENSE',
    },
    { description: 'GELDAUTOMAT SPARKASSE KOELN', amount: -50, category: 'OTHER_EXPENSE' },
    { description: 'BARGELDAUSZAHLUNG REWE KASSE', amount: -50, category: 'OTHER_EXPENSE' },
  ],
}

export const OTHER: Rule = {
  id: 'OTHER',
  categories: ['OTHER_EXPENSE', 'OTHER_ENTRY'],
  counterparty: 'text',
  decide: (facts) => (facts.credit ? 'OTHER_ENTRY' : 'OTHER_EXPENSE'),
  examples: [
    { description: 'VIREMENT EMIS M POTTER', amount: -900, category: 'OTHER_EXPENSE' },
    { description: 'VIREMENT RECU DE M. POTTER', amount: 900, category: 'OTHER_ENTRY' },
  ],
}
