/**
 * Bank fees, by kind, and their refunds. The kind comes from the wording (`AGIOS`,
 * `COMMISSION D'INTERVENTION`, `FRAIS REJET PRLV`, `FRAIS SAISIE`); a bare fee word counts as
 * a bank service fee only on an operation the bank itself books (no payment rail, no
 * merchant), so `FRAIS DE PORT AMAZON` stays a purchase.
 */
import type { Category } from '../../model/index.ts'
import { has, type Facts } from '../facts.ts'
import { ORIGIN } from '../matcher.ts'
import { isOrgTagId } from '../tags.ts'
import type { Rule } from './rule.ts'

type FeeKind =
  | 'BANK_SERVICE'
  | 'OVERDRAFT'
  | 'CHECK_REJECTION'
  | 'PAYMENT_REJECTION'
  | 'INTERVENTION'
  | 'INCIDENT'
  | 'DIRECT_DEBT_RECOVERY'
  | 'ACCOUNT_SEIZURE'
  | 'PREVENTIVE_SEIZURE'

/**
 * No rail and no organisation of the hand dictionaries: a brand known only from OpenStreetMap
 * is often a plan's name (`SMART`, `METAL`), not a payee.
 */
const bookedByTheBank = (facts: Facts): boolean =>
  (facts.type === 'DEBIT' || facts.type === 'CREDIT') &&
  !facts.hits.some((hit) => isOrgTagId(hit.tag) && hit.origin === ORIGIN.HAND)

const isLoan = (facts: Facts): boolean =>
  has(facts, 'LOAN') ||
  has(facts, 'MORTGAGE') ||
  has(facts, 'PERSONAL_LOAN') ||
  has(facts, 'REVOLVING')

const feeKind = (facts: Facts): FeeKind | null => {
  if (has(facts, 'OVERDRAFT')) return 'OVERDRAFT'
  if (has(facts, 'INTERVENTION')) return 'INTERVENTION'
  if (has(facts, 'SEIZURE_FEE')) return 'ACCOUNT_SEIZURE'
  if (has(facts, 'REJECTION_FEE')) return 'PAYMENT_REJECTION'
  const fee = has(facts, 'FEE')
  if (fee) {
    if (has(facts, 'DIRECT_RECOVERY')) return 'DIRECT_DEBT_RECOVERY'
    if (has(facts, 'PREVENTIVE_SEIZURE')) return 'PREVENTIVE_SEIZURE'
    if (has(facts, 'SEIZURE')) return 'ACCOUNT_SEIZURE'
    if (has(facts, 'REJECT')) {
      return has(facts, 'T_CHECK') || has(facts, 'T_CHECK_DEPOSIT')
        ? 'CHECK_REJECTION'
        : 'PAYMENT_REJECTION'
    }
  }
  if (has(facts, 'INCIDENT')) return 'INCIDENT'
  if (has(facts, 'BANK_SERVICE_FEE')) return 'BANK_SERVICE'
  if (fee && bookedByTheBank(facts)) return 'BANK_SERVICE'
  // Interest the bank takes itself (`RENTE`, `ZINSEN` with no payee) is overdraft interest,
  // unless it is the interest part of a loan instalment (`CAPITAL 612,33 INTERETS 401,20`).
  if (!facts.credit && has(facts, 'INTEREST') && bookedByTheBank(facts) && !isLoan(facts))
    return 'OVERDRAFT'
  return null
}

export const BANK_FEES: Rule = {
  id: 'BANK_FEE_WORDING',
  categories: [
    'FEES_BANK_SERVICE',
    'FEES_OVERDRAFT',
    'FEES_CHECK_REJECTION',
    'FEES_PAYMENT_REJECTION',
    'FEES_INTERVENTION',
    'FEES_INCIDENT',
    'FEES_DIRECT_DEBT_RECOVERY',
    'FEES_ACCOUNT_SEIZURE',
    'FEES_PREVENTIVE_SEIZURE',
    'REFUND_BANK_SERVICE_FEES',
    'REFUND_OVERDRAFT_FEES',
    'REFUND_CHECK_REJECTION_FEES',
    'REFUND_PAYMENT_REJECTION_FEES',
    'REFUND_INTERVENTION_FEES',
    'REFUND_INCIDENT_FEES',
    'REFUND_DIRECT_DEBT_RECOVERY_FEES',
    'REFUND_ACCOUNT_SEIZURE_FEES',
    'REFUND_PREVENTIVE_SEIZURE_FEES',
  ],
  counterparty: 'none',
  decide: (facts) => {
    const kind = feeKind(facts)
    if (kind === null) return null
    // Template literals lose the literal type; both forms are listed in `categories`.
    return (facts.credit ? `REFUND_${kind}_FEES` : `FEES_${kind}`) as Category
  },
  examples: [
    { description: 'COTISATION CARTE VISA PREMIER', amount: -12.5, category: 'FEES_BANK_SERVICE' },
    { description: 'AGIOS ARRETE AU 31/03/2026', amount: -23.12, category: 'FEES_OVERDRAFT' },
    { description: 'RENTE 01-01-2026 T/M 31-03-2026', amount: -12.4, category: 'FEES_OVERDRAFT' },
    { description: 'RUECKLASTSCHRIFTGEBUEHR', amount: -3, category: 'FEES_PAYMENT_REJECTION' },
    { description: 'PFAENDUNGSGEBUEHR', amount: -15, category: 'FEES_ACCOUNT_SEIZURE' },
    { description: 'FRAIS REJET CHEQUE 1234567', amount: -30, category: 'FEES_CHECK_REJECTION' },
    { description: 'FRAIS REJET PRLV SEPA', amount: -20, category: 'FEES_PAYMENT_REJECTION' },
    { description: 'COMMISSION D INTERVENTION', amount: -8, category: 'FEES_INTERVENTION' },
    { description: 'FRAIS LETTRE INFORMATION INCIDENT', amount: -15, category: 'FEES_INCIDENT' },
    { description: 'FRAIS SATD TRESOR PUBLIC', amount: -10, category: 'FEES_DIRECT_DEBT_RECOVERY' },
    { description: 'FRAIS SAISIE ATTRIBUTION', amount: -100, category: 'FEES_ACCOUNT_SEIZURE' },
    { description: 'FRAIS SAISIE CONSERVATOIRE', amount: -95, category: 'FEES_PREVENTIVE_SEIZURE' },
    {
      description: 'REMBOURSEMENT COTISATION CARTE',
      amount: 12.5,
      category: 'REFUND_BANK_SERVICE_FEES',
    },
    { description: 'RESTITUTION AGIOS', amount: 23.12, category: 'REFUND_OVERDRAFT_FEES' },
    { description: 'REMB FRAIS REJET CHEQUE', amount: 30, category: 'REFUND_CHECK_REJECTION_FEES' },
    { description: 'REMB FRAIS REJET PRLV', amount: 20, category: 'REFUND_PAYMENT_REJECTION_FEES' },
    {
      description: 'REMB COMMISSION D INTERVENTION',
      amount: 8,
      category: 'REFUND_INTERVENTION_FEES',
    },
    { description: 'REMB FRAIS D INCIDENT', amount: 15, category: 'REFUND_INCIDENT_FEES' },
    { description: 'REMB FRAIS ATD', amount: 10, category: 'REFUND_DIRECT_DEBT_RECOVERY_FEES' },
    { description: 'REMB FRAIS SAISIE', amount: 100, category: 'REFUND_ACCOUNT_SEIZURE_FEES' },
    {
      description: 'REMB FRAIS SAISIE CONSERVATOIRE',
      amount: 95,
      category: 'REFUND_PREVENTIVE_SEIZURE_FEES',
    },
  ],
}
