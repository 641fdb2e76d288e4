/**
 * Links between transactions: a rejected payment and the payment it reverses, and the two
 * legs of a transfer between the customer's own accounts. Every choice is made in a sorted
 * order (compareDrafts), so the result does not depend on the order of the input.
 */
import type { Category } from '../model/index.ts'
import { compareDrafts, type Draft } from './draft.ts'
import { SAVINGS } from './rules/savings.ts'

const SAVINGS_RULE_ID = SAVINGS.id

/** Why 45 days: a direct debit comes back within days, a cheque within a few weeks. */
const REJECTION_WINDOW_DAYS = 45
/** Why 4 days: a SEPA transfer between two banks takes up to 3 business days. */
const TRANSFER_WINDOW_DAYS = 4

const rejectionCategoryOf = (original: Draft): Category => {
  if (original.category.startsWith('LOAN_REPAYMENT')) return 'REJECTION_LOAN_REPAYMENT'
  if (original.type === 'CHECK' || original.type === 'CHECK_DEPOSIT') return 'REJECTION_CHECK'
  return 'REJECTION_PAYMENT'
}

/** `accounts.flat().filter(keep)` without the flattened copy of every draft. */
const draftsWhere = (
  accounts: readonly (readonly Draft[])[],
  keep: (draft: Draft) => boolean,
): Draft[] => {
  const kept: Draft[] = []
  for (const drafts of accounts) for (const draft of drafts) if (keep(draft)) kept.push(draft)
  return kept
}

const byAmount = (drafts: readonly Draft[]): Map<number, Draft[]> => {
  const map = new Map<number, Draft[]>()
  for (const draft of drafts) {
    const list = map.get(draft.transaction.amount)
    if (list) list.push(draft)
    else map.set(draft.transaction.amount, [draft])
  }
  return map
}

/** Pairs each rejection of one account with the payment it reverses. */
export const linkRejections = (drafts: readonly Draft[]): void => {
  const rejections = drafts.filter((d) => d.rejectWording && d.category.startsWith('REJECTION_'))
  if (rejections.length === 0) return
  rejections.sort(compareDrafts)
  // Only payments of an amount some rejection gives back can be reversed: sort just those.
  const wanted = new Set(rejections.map((r) => -r.transaction.amount))
  const candidates = byAmount(
    drafts.filter((d) => !d.rejectWording && wanted.has(d.transaction.amount)).sort(compareDrafts),
  )
  for (const rejection of rejections) {
    const list = candidates.get(-rejection.transaction.amount)
    if (!list) continue
    let best: Draft | undefined
    let bestScore = Infinity
    for (const original of list) {
      if (original.counterPartId !== null) continue
      const days = rejection.day - original.day
      if (days < 0 || days > REJECTION_WINDOW_DAYS) continue
      // Same payee first, then the closest date; ties keep the sorted order.
      const samePayee =
        original.counterparty !== null && original.counterparty === rejection.counterparty
      const score = (samePayee ? 0 : 1000) + days
      if (score < bestScore) {
        best = original
        bestScore = score
      }
    }
    if (!best) continue
    rejection.isRejected = true
    best.isRejected = true
    rejection.counterPartId = best.transaction.id
    best.counterPartId = rejection.transaction.id
    rejection.category = rejectionCategoryOf(best)
    rejection.ruleId = 'REJECTION_LINKED'
    rejection.counterparty ??= best.counterparty
    if (rejection.type === 'CREDIT' || rejection.type === 'DEBIT') rejection.type = best.type
  }
}

const TRANSFER_TYPES: ReadonlySet<string> = new Set([
  'INCOMING_TRANSFER',
  'OUTGOING_TRANSFER',
  'CREDIT',
  'DEBIT',
])
/** Money moved to or from the customer's own savings or investments is internal. */
const isSavingsWording = (draft: Draft): boolean => draft.ruleId === SAVINGS_RULE_ID
const isFallback = (category: Category): boolean =>
  category === 'OTHER_ENTRY' || category === 'OTHER_EXPENSE'

/**
 * Pay, pensions and benefits: income whatever else the description says. The holder's name on
 * a payslip transfer, or a same-amount debit on another account, never makes them own transfers.
 */
const isPayOrBenefit = (category: Category): boolean =>
  category.startsWith('WAGE') ||
  category.endsWith('_PENSION') ||
  category.startsWith('ALLOWANCE') ||
  category === 'STATE_SUBSIDY'

const markInternal = (draft: Draft): void => {
  draft.type =
    draft.transaction.amount >= 0 ? 'INCOMING_INTERNAL_TRANSFER' : 'OUTGOING_INTERNAL_TRANSFER'
}

/** Category of one leg, seen from the other account (savings, card, loan). */
const recategorise = (draft: Draft, other: Draft): void => {
  if (!isFallback(draft.category)) return
  const out = draft.transaction.amount < 0
  const savingsLeg = other.account.type === 'SAVINGS' || draft.account.type === 'SAVINGS'
  if (savingsLeg) {
    // An own transfer stays OTHER_EXPENSE / OTHER_ENTRY (LABELLING.md): only the rule says why.
    draft.ruleId = 'INTERNAL_TRANSFER_SAVINGS'
  } else if (out && other.account.type === 'CREDIT_CARD') {
    draft.category = 'DEFERRED_TOTAL_PAYMENT'
    draft.ruleId = 'INTERNAL_TRANSFER_CARD'
  } else if (out && other.account.type === 'LOAN') {
    draft.category = 'LOAN_REPAYMENT_PERSONAL'
    draft.ruleId = 'INTERNAL_TRANSFER_LOAN'
  }
}

/**
 * Pairs each debit with the credit of the opposite amount on another account of the same
 * currency, closest in date within TRANSFER_WINDOW_DAYS; debits are taken in sorted order and
 * ties keep the sorted order (compareDrafts), so the pairs do not depend on the input order.
 * `mayPair` may refuse a debit (another link claims it).
 */
const pairOppositeLegs = (
  debitLegs: readonly Draft[],
  creditLegs: readonly Draft[],
  mayPair: (debit: Draft) => boolean = () => true,
): void => {
  const credits = byAmount(creditLegs)
  // Only debits with a credit of the opposite amount can pair: sort just those.
  const debits = debitLegs.filter((d) => credits.has(-d.transaction.amount)).sort(compareDrafts)
  for (const list of credits.values()) list.sort(compareDrafts)
  for (const debit of debits) {
    const list = credits.get(-debit.transaction.amount)
    if (!list || !mayPair(debit)) continue
    let best: Draft | undefined
    let bestDistance = Infinity
    for (const credit of list) {
      if (credit.counterPartId !== null || credit.account === debit.account) continue
      if (credit.account.currency !== debit.account.currency) continue
      const distance = Math.abs(credit.day - debit.day)
      if (distance <= TRANSFER_WINDOW_DAYS && distance < bestDistance) {
        best = credit
        bestDistance = distance
      }
    }
    if (!best) continue
    debit.counterPartId = best.transaction.id
    best.counterPartId = debit.transaction.id
    markInternal(debit)
    markInternal(best)
    recategorise(debit, best)
    recategorise(best, debit)
  }
}

/**
 * The two legs of a transfer between the customer's own accounts,
 * paired before any pass reads a credit's history as pay (recurring-employer.ts) or a debit's as
 * a loan (finance-payee.ts). When a file gives no account types (UNKNOWN), a savings account
 * looks like a current account, and the monthly transfer into it, a regular credit nothing
 * explains, would otherwise read as an employer's pay.
 *
 * Only credits nothing explains are taken: a credit whose wording says pay, a benefit or
 * anything else keeps its reading (`SALAIRE` is pay even when the same amount leaves another
 * account that day), and so does a credit naming a company form (SAS, LTD, GMBH): a third party
 * pays it, not the customer's own account. A debit that a card account's reset
 * (CREDIT_CARD_RESET) of the opposite amount may settle is left to linkCardSettlements. Same
 * pairing as linkInternalTransfers (pairOppositeLegs), on fewer legs, with the same output (the
 * legs' types and recategorise): no rule id of its own, as the later pairing has none.
 *
 * Knowingly wrong: an employer whose pay names no company form, paid the same amount as the
 * customer moves between two of their accounts within TRANSFER_WINDOW_DAYS, reads as an own
 * transfer.
 */
export const linkOwnTransfersBeforeIncome = (accounts: readonly (readonly Draft[])[]): void => {
  if (accounts.length < 2) return
  const resets = byAmount(
    draftsWhere(accounts, (d) => d.category === 'CREDIT_CARD_RESET' && d.counterPartId === null),
  )
  const settledByCard = (debit: Draft): boolean =>
    (resets.get(-debit.transaction.amount) ?? []).some(
      (reset) =>
        reset.account !== debit.account && Math.abs(reset.day - debit.day) <= TRANSFER_WINDOW_DAYS,
    )
  const open = (d: Draft): boolean => TRANSFER_TYPES.has(d.type) && d.counterPartId === null
  pairOppositeLegs(
    draftsWhere(
      accounts,
      (d) => open(d) && d.transaction.amount < 0 && !isPayOrBenefit(d.category),
    ),
    draftsWhere(
      accounts,
      (d) =>
        open(d) &&
        d.transaction.amount > 0 &&
        d.category === 'OTHER_ENTRY' &&
        d.ruleId === 'OTHER' &&
        !d.companyName,
    ),
    (debit) => !settledByCard(debit),
  )
}

/**
 * Transfers between the customer's own accounts: opposite amounts on two accounts within a few
 * days, or a description that says so (`COMPTE A COMPTE`, the owner's full name).
 */
export const linkInternalTransfers = (
  accounts: readonly (readonly Draft[])[],
  isOwnName: (draft: Draft) => boolean,
): void => {
  const legs = draftsWhere(
    accounts,
    (d) => TRANSFER_TYPES.has(d.type) && d.counterPartId === null && !isPayOrBenefit(d.category),
  )
  if (accounts.length > 1) {
    pairOppositeLegs(
      legs.filter((d) => d.transaction.amount < 0),
      legs.filter((d) => d.transaction.amount > 0),
    )
  }
  for (const draft of legs) {
    if (draft.counterPartId !== null) continue
    if (draft.type === 'CREDIT' || draft.type === 'DEBIT') continue
    // The holder's name alone proves nothing on pay or a benefit (`SALAIRE M JEAN MARTIN`):
    // only a transfer nothing else explains is taken for an own transfer by the name.
    const byName = isFallback(draft.category) && isOwnName(draft)
    if (draft.internalWording || isSavingsWording(draft) || byName) {
      markInternal(draft)
    }
  }
}

/**
 * What a card's settlement debit may have been read as before its card account is seen: the
 * deferred total itself, a credit card's repayment (`CREDIT CARD PAYMENT`), or nothing known.
 */
const SETTLEMENT_CATEGORIES: ReadonlySet<Category> = new Set([
  'DEFERRED_TOTAL_PAYMENT',
  'LOAN_REPAYMENT_REVOLVING',
  'OTHER_EXPENSE',
])

/**
 * Deferred-debit card settlements: the monthly total taken from a checking account and the
 * credit that resets the card account (CREDIT_CARD_RESET), same amount within a few days, point
 * at each other. The debit is DEFERRED_TOTAL_PAYMENT: when the card account is in the file, its
 * purchases are there, and a credit card paid off from the checking account is no loan
 * repayment on top of them (`CARD_SETTLEMENT_LINKED`). Types stay as they are.
 */
export const linkCardSettlements = (accounts: readonly (readonly Draft[])[]): void => {
  const resets = byAmount(
    draftsWhere(
      accounts,
      (d) => d.category === 'CREDIT_CARD_RESET' && d.counterPartId === null,
    ).sort(compareDrafts),
  )
  if (resets.size === 0) return
  const totals = draftsWhere(
    accounts,
    (d) =>
      SETTLEMENT_CATEGORIES.has(d.category) &&
      d.account.type !== 'CREDIT_CARD' &&
      d.counterPartId === null &&
      resets.has(-d.transaction.amount),
  ).sort(compareDrafts)
  for (const total of totals) {
    let best: Draft | undefined
    let bestDistance = Infinity
    for (const reset of resets.get(-total.transaction.amount) ?? []) {
      if (reset.counterPartId !== null || reset.account === total.account) continue
      const distance = Math.abs(reset.day - total.day)
      if (distance <= TRANSFER_WINDOW_DAYS && distance < bestDistance) {
        best = reset
        bestDistance = distance
      }
    }
    if (!best) continue
    total.counterPartId = best.transaction.id
    best.counterPartId = total.transaction.id
    if (total.category !== 'DEFERRED_TOTAL_PAYMENT') {
      total.category = 'DEFERRED_TOTAL_PAYMENT'
      total.ruleId = 'CARD_SETTLEMENT_LINKED'
      total.counterparty = null
    }
  }
}
