/**
 * Use case behind `creditlens categorise`: read one input file in any supported format and
 * enrich every transaction (type, category, counterparty, links). No refusal here: whatever the
 * file holds is categorised, even what an analysis would refuse.
 */
import { hasErrors, parseInput, type AdapterIssue } from '../adapters/index.ts'
import { enrichAccounts } from '../engine/categorise/index.ts'
import type { Account, EnrichedTransaction } from '../engine/model/index.ts'
import {
  warningsOf,
  withHolderNames,
  type InputWarning,
  type OwnAccountDetection,
} from './analysis-notes.ts'

export type CategorisedInput =
  | {
      ok: true
      format: string
      /** The accounts as read (owners as the file gives them). */
      accounts: Account[]
      enriched: EnrichedTransaction[][]
      warnings: InputWarning[]
      ownAccountDetection: OwnAccountDetection
    }
  | { ok: false; format: string; issues: AdapterIssue[] }

/**
 * Reads and categorises one file. `holderNames` name the holder for accounts whose owners the
 * file does not name, so that transfers between the holder's own accounts are recognised.
 */
export const categoriseInput = (
  input: string | Uint8Array,
  options: {
    fileName?: string
    format?: string
    holderNames?: readonly string[]
    locales?: readonly string[]
  } = {},
): CategorisedInput => {
  const { holderNames = [], locales, ...parseOptions } = options
  const parsed = parseInput(input, parseOptions)
  if (hasErrors(parsed)) {
    return {
      ok: false,
      format: parsed.format,
      issues: parsed.issues.filter((issue) => issue.severity === 'error'),
    }
  }
  const named = withHolderNames(parsed.accounts, [
    { source: 'HOLDER_NAME_OPTION', names: [...holderNames] },
  ])
  return {
    ok: true,
    format: parsed.format,
    accounts: parsed.accounts,
    // The customer's markets (which brands apply) come from the locales when given, else
    // from the accounts themselves.
    enriched: enrichAccounts(named.accounts, locales === undefined ? {} : { locales }),
    warnings: warningsOf(parsed.issues),
    ownAccountDetection: named.ownAccountDetection,
  }
}
