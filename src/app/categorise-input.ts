/**
 * Use case behind `creditlens categorise`: read one input file in any supported format and
 * enrich every transaction (type, category, counterparty, links). No refusal here: whatever the
 * file holds is categorised, even what an analysis would refuse.
 */
import { hasErrors, parseInput, type AdapterIssue } from '../adapters/index.ts'
import { enrichAccounts } from '../engine/categorise/index.ts'
import type { Account, EnrichedTransaction } from '../engine/model/index.ts'

export type CategorisedInput =
  | { ok: true; format: string; accounts: Account[]; enriched: EnrichedTransaction[][] }
  | { ok: false; format: string; issues: AdapterIssue[] }

export const categoriseInput = (
  input: string | Uint8Array,
  options: { fileName?: string; format?: string; locales?: readonly string[] } = {},
): CategorisedInput => {
  const parsed = parseInput(input, options)
  if (hasErrors(parsed)) {
    return {
      ok: false,
      format: parsed.format,
      issues: parsed.issues.filter((issue) => issue.severity === 'error'),
    }
  }
  return {
    ok: true,
    format: parsed.format,
    accounts: parsed.accounts,
    // The customer's markets (which brands apply) come from the locales when given, else
    // from the accounts themselves.
    enriched: enrichAccounts(
      parsed.accounts,
      options.locales === undefined ? {} : { locales: options.locales },
    ),
  }
}
