/** What nothing else explained: cash withdrawals and other money out, other money in. */
import type { Rule } from './rule.ts'

export const CASH_WITHDRAWAL: Rule = {
  id: 'CASH_WITHDRAWAL',
  categories: ['OTHER_EXPENSE'],
  counterparty: 'none',
  decide: (facts) => (facts.type === 'CASH_WITHDRAWAL' ? 'OTHER_EXPENSE' : null),
  examples: [
    {
      description: 'CARTE X4410 A 18H02 RETRAIT DAB CAISSE EPARGNE',
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
    { description: 'VIREMENT EMIS M LEFEVRE', amount: -900, category: 'OTHER_EXPENSE' },
    { description: 'VIREMENT RECU DE MME GIRARD', amount: 900, category: 'OTHER_ENTRY' },
  ],
}
