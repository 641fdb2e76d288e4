/**
 * Transaction type from the banking vocabulary of the description and the amount's sign.
 * The strongest wording wins: a card used at a cash machine is a withdrawal, a direct debit
 * that names a card (`PRLV CARTE ZERO`) is a direct debit. Internal transfers are decided
 * later, once every account is known (links.ts).
 */
import type { AccountType, TransactionType } from '../model/index.ts'
import { TAG_ID } from './tags.ts'

const WITHDRAWAL = TAG_ID.T_WITHDRAWAL
const CASH_DEPOSIT = TAG_ID.T_CASH_DEPOSIT
const CHECK_DEPOSIT = TAG_ID.T_CHECK_DEPOSIT
const CHECK = TAG_ID.T_CHECK
const DIRECT_DEBIT = TAG_ID.T_DIRECT_DEBIT
const INCOMING_CARD = TAG_ID.T_INCOMING_CARD
const TRANSFER = TAG_ID.T_TRANSFER
const INTERNAL = TAG_ID.T_INTERNAL
const CARD = TAG_ID.T_CARD

export const typeOf = (
  firstHit: Int32Array,
  credit: boolean,
  accountType: AccountType,
): TransactionType => {
  const found = (tag: number): boolean => (firstHit[tag] ?? -1) >= 0
  // On a credit card account every spending is a card operation, whatever the wording.
  if (accountType === 'CREDIT_CARD' && !credit) return 'CARD'
  if (!credit && found(WITHDRAWAL)) return 'CASH_WITHDRAWAL'
  if (credit && found(CASH_DEPOSIT)) return 'CASH_DEPOSIT'
  if (found(CHECK_DEPOSIT) || found(CHECK)) return credit ? 'CHECK_DEPOSIT' : 'CHECK'
  if (found(DIRECT_DEBIT)) return 'DIRECT_DEBIT'
  if (credit && found(INCOMING_CARD)) return 'INCOMING_CARD'
  if (found(TRANSFER) || found(INTERNAL)) return credit ? 'INCOMING_TRANSFER' : 'OUTGOING_TRANSFER'
  if (found(CARD)) return credit ? 'CARD_REFUND' : 'CARD'
  return credit ? 'CREDIT' : 'DEBIT'
}
