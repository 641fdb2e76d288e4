import { test } from 'node:test'
import { checkTable, type Row } from '../../../test/support/categorise-table.ts'

// Credits on a card account: the card's settlement, or a purchase given back.
const ROWS: readonly Row[] = [
  ['PAYMENT RECEIVED THANK YOU', 412.5, 'CREDIT', 'CREDIT_CARD_RESET', 'CREDIT_CARD'],
  ['REGLEMENT DE VOTRE RELEVE', 380.0, 'CREDIT', 'CREDIT_CARD_RESET', 'CREDIT_CARD'],
  ['REMBOURSEMENT FNAC LILLE', 89.99, 'CARD_REFUND', 'REFUND', 'CREDIT_CARD'],
  ['REFUND ARGOS LTD', 24.99, 'CARD_REFUND', 'REFUND', 'CREDIT_CARD'],
  ['DECATHLON ROTTERDAM NL', 39.95, 'CARD_REFUND', 'REFUND', 'CREDIT_CARD'],
  ['CARD PURCHASE DECATHLON', -39.95, 'CARD', 'SPORT', 'CREDIT_CARD'],
]

test('types a credit on a card account as its settlement or as a purchase given back', () => {
  checkTable(ROWS)
})
