/**
 * Deferred-debit cards: the monthly total taken from the checking account, and on the card
 * account the credit that settles (resets) the card balance.
 */
import { hasAny } from '../facts.ts'
import type { Rule } from './rule.ts'

export const CREDIT_CARD_RESET: Rule = {
  id: 'CREDIT_CARD_RESET',
  categories: ['CREDIT_CARD_RESET'],
  counterparty: 'none',
  decide: (facts) =>
    facts.accountType === 'CREDIT_CARD' && facts.credit && facts.type !== 'CARD_REFUND'
      ? 'CREDIT_CARD_RESET'
      : null,
  examples: [
    {
      description: 'PAYMENT RECEIVED - THANK YOU',
      amount: 843.2,
      accountType: 'CREDIT_CARD',
      category: 'CREDIT_CARD_RESET',
    },
  ],
}

export const DEFERRED_CARD: Rule = {
  id: 'DEFERRED_CARD_TOTAL',
  categories: ['DEFERRED_TOTAL_PAYMENT'],
  counterparty: 'none',
  decide: (facts) =>
    !facts.credit && hasAny(facts, ['DEFERRED_CARD', 'DEFERRED_STATEMENT'])
      ? 'DEFERRED_TOTAL_PAYMENT'
      : null,
  examples: [
    {
      description: 'CB 5132******118829 TOT DIF',
      amount: -989.34,
      category: 'DEFERRED_TOTAL_PAYMENT',
    },
    {
      description: 'KREDITKARTENABRECHNUNG 03/2026',
      amount: -640.1,
      category: 'DEFERRED_TOTAL_PAYMENT',
    },
  ],
}
