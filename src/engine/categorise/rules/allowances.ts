/**
 * Social benefits: the wording names the benefit (APL, Universal Credit, Kindergeld, WW …);
 * otherwise the payer's usual benefit decides (CAF → family, France Travail → unemployment).
 */
import type { Category } from '../../model/index.ts'
import { firstOrg, has, hasAny } from '../facts.ts'
import { TAG_ID, type Tag } from '../tags.ts'
import type { Rule } from './rule.ts'

const BY_WORD: readonly (readonly [Tag, Category])[] = [
  ['FAMILY_AID', 'ALLOWANCE_FAMILY'],
  ['HOUSING_AID', 'ALLOWANCE_HOUSING'],
  ['UNEMPLOYMENT_AID', 'ALLOWANCE_UNEMPLOYMENT'],
  ['HEALTH_AID', 'ALLOWANCE_HEALTH'],
  ['INCOME_SUPPORT', 'ALLOWANCE_INCOME_SUPPORT'],
  ['SUBSIDY', 'STATE_SUBSIDY'],
]

const PAYERS: readonly Tag[] = [
  'PAYER_FAMILY',
  'PAYER_HOUSING',
  'PAYER_UNEMPLOYMENT',
  'PAYER_HEALTH',
  'PAYER_INCOME_SUPPORT',
  'PAYER_ALLOWANCE',
]

const BY_PAYER: ReadonlyMap<number, Category> = new Map([
  [TAG_ID.PAYER_FAMILY, 'ALLOWANCE_FAMILY'],
  [TAG_ID.PAYER_HOUSING, 'ALLOWANCE_HOUSING'],
  [TAG_ID.PAYER_UNEMPLOYMENT, 'ALLOWANCE_UNEMPLOYMENT'],
  [TAG_ID.PAYER_HEALTH, 'ALLOWANCE_HEALTH'],
  [TAG_ID.PAYER_INCOME_SUPPORT, 'ALLOWANCE_INCOME_SUPPORT'],
  [TAG_ID.PAYER_ALLOWANCE, 'ALLOWANCE'],
])

export const ALLOWANCE_WORDING: Rule = {
  id: 'ALLOWANCE_WORDING',
  categories: [
    'ALLOWANCE_FAMILY',
    'ALLOWANCE_HOUSING',
    'ALLOWANCE_UNEMPLOYMENT',
    'ALLOWANCE_HEALTH',
    'ALLOWANCE_INCOME_SUPPORT',
    'STATE_SUBSIDY',
  ],
  counterparty: 'org',
  orgTags: PAYERS,
  decide: (facts) => {
    if (!facts.credit) return null
    for (const [tag, category] of BY_WORD) if (has(facts, tag)) return category
    return null
  },
  examples: [
    { description: 'VIR CAF DE PARIS APL', amount: 280, category: 'ALLOWANCE_HOUSING' },
    { description: 'DWP UC', amount: 612.5, category: 'ALLOWANCE_INCOME_SUPPORT' },
    { description: 'FAMILIENKASSE KINDERGELD', amount: 250, category: 'ALLOWANCE_FAMILY' },
    { description: 'UWV WW UITKERING', amount: 1100, category: 'ALLOWANCE_UNEMPLOYMENT' },
    { description: 'CPAM INDEMNITES JOURNALIERES', amount: 640, category: 'ALLOWANCE_HEALTH' },
    { description: 'ASP PRIME CONVERSION', amount: 2500, category: 'STATE_SUBSIDY' },
    {
      description: 'TRANSFERENCIA INSS PRESTACION NACIMIENTO',
      amount: 1500,
      category: 'ALLOWANCE_FAMILY',
    },
  ],
}

export const BENEFIT_PAYER: Rule = {
  id: 'BENEFIT_PAYER',
  categories: [
    'ALLOWANCE_FAMILY',
    'ALLOWANCE_HOUSING',
    'ALLOWANCE_UNEMPLOYMENT',
    'ALLOWANCE_HEALTH',
    'ALLOWANCE_INCOME_SUPPORT',
    'ALLOWANCE',
  ],
  counterparty: 'org',
  orgTags: PAYERS,
  decide: (facts) => {
    if (!facts.credit) return null
    const payer = firstOrg(facts, PAYERS)
    // A health insurer paying back care costs is a refund, not a benefit.
    if (payer?.tag === TAG_ID.PAYER_HEALTH && hasAny(facts, ['REFUND', 'HEALTH_COVER'])) {
      return null
    }
    if (payer) return BY_PAYER.get(payer.tag) ?? null
    return has(facts, 'ALLOWANCE') ? 'ALLOWANCE' : null
  },
  examples: [
    { description: 'VIR CAF DE LA GIRONDE', amount: 190, category: 'ALLOWANCE_FAMILY' },
    { description: 'VIR FRANCE TRAVAIL', amount: 980, category: 'ALLOWANCE_UNEMPLOYMENT' },
    { description: 'BELASTINGDIENST TOESLAGEN', amount: 310, category: 'ALLOWANCE_HOUSING' },
    { description: 'VIR CPAM DE PARIS', amount: 45, category: 'ALLOWANCE_HEALTH' },
    { description: 'JOBCENTER BERLIN MITTE', amount: 560, category: 'ALLOWANCE_INCOME_SUPPORT' },
    {
      description: 'TRANSFERENCIA SEGURIDAD SOCIAL PRESTACION',
      amount: 450,
      category: 'ALLOWANCE',
    },
  ],
}
