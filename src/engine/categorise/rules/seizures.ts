/**
 * Money blocked or taken by a seizure (provision) and given back (release), then payments to
 * bailiffs, collection agencies and recoveries of arrears. Fees for these are bank fees.
 */
import { has } from '../facts.ts'
import type { Rule } from './rule.ts'

export const SEIZURES: Rule = {
  id: 'SEIZURE_WORDING',
  categories: [
    'PROVISION_DIRECT_DEBT_RECOVERY',
    'PROVISION_ACCOUNT_SEIZURE',
    'PROVISION_PREVENTIVE_SEIZURE',
    'RELEASE_DIRECT_DEBT_RECOVERY',
    'RELEASE_ACCOUNT_SEIZURE',
    'RELEASE_PREVENTIVE_SEIZURE',
  ],
  counterparty: 'none',
  decide: (facts) => {
    const release = facts.credit
    if (has(facts, 'DIRECT_RECOVERY')) {
      return release ? 'RELEASE_DIRECT_DEBT_RECOVERY' : 'PROVISION_DIRECT_DEBT_RECOVERY'
    }
    if (has(facts, 'PREVENTIVE_SEIZURE')) {
      return release ? 'RELEASE_PREVENTIVE_SEIZURE' : 'PROVISION_PREVENTIVE_SEIZURE'
    }
    if (has(facts, 'SEIZURE'))
      return release ? 'RELEASE_ACCOUNT_SEIZURE' : 'PROVISION_ACCOUNT_SEIZURE'
    return null
  },
  examples: [
    { description: 'SATD DGFIP 123456', amount: -450, category: 'PROVISION_DIRECT_DEBT_RECOVERY' },
    {
      description: 'SAISIE ATTRIBUTION 2026-123',
      amount: -800,
      category: 'PROVISION_ACCOUNT_SEIZURE',
    },
    { description: 'KONTOPFAENDUNG AZ 12345', amount: -300, category: 'PROVISION_ACCOUNT_SEIZURE' },
    {
      description: 'SAISIE CONSERVATOIRE',
      amount: -1200,
      category: 'PROVISION_PREVENTIVE_SEIZURE',
    },
    { description: 'MAINLEVEE ATD', amount: 450, category: 'RELEASE_DIRECT_DEBT_RECOVERY' },
    {
      description: 'MAINLEVEE SAISIE ATTRIBUTION',
      amount: 800,
      category: 'RELEASE_ACCOUNT_SEIZURE',
    },
    {
      description: 'MAINLEVEE SAISIE CONSERVATOIRE',
      amount: 1200,
      category: 'RELEASE_PREVENTIVE_SEIZURE',
    },
  ],
}

export const BAILIFF_PAYMENT: Rule = {
  id: 'BAILIFF_PAYMENT',
  categories: ['BAILIFF'],
  counterparty: 'org',
  orgTags: ['BAILIFF'],
  decide: (facts) => (!facts.credit && has(facts, 'BAILIFF') ? 'BAILIFF' : null),
  examples: [
    { description: 'VIR SCP DURAND HUISSIER DE JUSTICE', amount: -150, category: 'BAILIFF' },
    { description: 'FPS MARSTON HOLDINGS ENFORCEMENT', amount: -75, category: 'BAILIFF' },
  ],
}

export const DEBT_COLLECTION: Rule = {
  id: 'DEBT_COLLECTION_AGENCY',
  categories: ['DEBT_COLLECTION'],
  counterparty: 'org',
  orgTags: ['DEBT_COLLECTOR'],
  decide: (facts) => (!facts.credit && has(facts, 'DEBT_COLLECTOR') ? 'DEBT_COLLECTION' : null),
  examples: [
    { description: 'PRLV SEPA INTRUM JUSTITIA', amount: -50, category: 'DEBT_COLLECTION' },
    { description: 'DD LOWELL FINANCIAL LTD', amount: -25, category: 'DEBT_COLLECTION' },
  ],
}

export const DEBT_RECOVERY: Rule = {
  id: 'DEBT_RECOVERY_WORDING',
  categories: ['DEBT_RECOVERY'],
  counterparty: 'text',
  decide: (facts) => (!facts.credit && has(facts, 'DEBT_RECOVERY') ? 'DEBT_RECOVERY' : null),
  examples: [
    {
      description: 'VIREMENT RECOUVREMENT CREANCE DOSSIER 123',
      amount: -60,
      category: 'DEBT_RECOVERY',
    },
  ],
}
