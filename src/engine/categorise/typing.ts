/**
 * Transaction type from the banking vocabulary of the description and the amount's sign.
 * Cash and cheque wording wins (a card used at a cash machine is a withdrawal); otherwise the
 * payment rail named first wins (`SEPA OVERBOEKING … INCASSO` is a transfer). Internal transfers are decided
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
// `VIREMENT INTERNATIONAL`, `WESTERN UNION`: an international transfer is a transfer.
const INTERNATIONAL = TAG_ID.INTERNATIONAL
// `RELEVE CARTE`, `LIQUIDACION TARJETA`: a deferred-card total is a card operation, though its
// phrase consumes the card word.
const DEFERRED_CARD = TAG_ID.DEFERRED_CARD
const REFUND = TAG_ID.REFUND
/** Shops a card pays: money from one of them on a card account gives a purchase back. */
const MERCHANTS = [
  TAG_ID.GROCERY,
  TAG_ID.SHOPPING,
  TAG_ID.LEISURE,
  TAG_ID.TRANSPORT,
  TAG_ID.HEALTH,
  TAG_ID.SPORT,
  TAG_ID.MULTIMEDIA,
  TAG_ID.TELECOM,
  TAG_ID.TOBACCO,
] as const

/** Rails whose wording comes first in the description wins: banks print the rail first. */
const RAILS = [
  DIRECT_DEBIT,
  INCOMING_CARD,
  TRANSFER,
  INTERNAL,
  INTERNATIONAL,
  CARD,
  DEFERRED_CARD,
] as const

export const typeOf = (
  firstHit: Int32Array,
  credit: boolean,
  accountType: AccountType,
): TransactionType => {
  const found = (tag: number): boolean => (firstHit[tag] ?? -1) >= 0
  // On a credit card account every spending is a card operation, whatever the wording.
  if (accountType === 'CREDIT_CARD' && !credit) return 'CARD'
  // On a card account a credit is the card's settlement unless it gives a purchase back
  // (`AVOIR DARTY`, `TERUGBETALING ZALANDO`): a refund word or a shop's name says so.
  if (accountType === 'CREDIT_CARD' && (found(REFUND) || MERCHANTS.some(found))) {
    return 'CARD_REFUND'
  }
  if (!credit && found(WITHDRAWAL)) return 'CASH_WITHDRAWAL'
  if (credit && found(CASH_DEPOSIT)) return 'CASH_DEPOSIT'
  if (found(CHECK_DEPOSIT) || found(CHECK)) return credit ? 'CHECK_DEPOSIT' : 'CHECK'
  let rail = -1
  let railAt = Infinity
  for (const tag of RAILS) {
    const at = firstHit[tag] ?? -1
    if (at >= 0 && at < railAt && !(tag === INCOMING_CARD && !credit)) {
      rail = tag
      railAt = at
    }
  }
  if (rail === DIRECT_DEBIT) return 'DIRECT_DEBIT'
  if (rail === INCOMING_CARD) return 'INCOMING_CARD'
  if (rail === TRANSFER || rail === INTERNAL || rail === INTERNATIONAL)
    return credit ? 'INCOMING_TRANSFER' : 'OUTGOING_TRANSFER'
  if (rail === CARD || rail === DEFERRED_CARD) return credit ? 'CARD_REFUND' : 'CARD'
  return credit ? 'CREDIT' : 'DEBIT'
}
