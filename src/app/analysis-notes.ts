/**
 * What an analysis says about its own input, beside the engine's figures: the warnings the
 * adapters raised (a value dropped or read as UNKNOWN), and which holder names own-account
 * detection could use. Both travel in the analysis `metadata` (additive fields) and in the CLI's
 * outputs, so that nothing is dropped or guessed silently.
 *
 * Holder names: the engine recognises a transfer between the holder's own accounts by the
 * holder's name in its wording, and reads the names from the accounts' `owners`. Aggregator files
 * often carry none, so accounts without a named owner are given the names of the first source
 * that has some, in this order: the accounts' own owners (kept as they are), the v2 customer's
 * `personalDetails.identity` first and last names, the names given on the command line
 * (`--holder-name`). The names only feed the engine: the accounts served keep their own owners.
 */
import type { AdapterIssue } from '../adapters/index.ts'
import type { Account, AnalyseResult, Metadata } from '../engine/model/index.ts'
import type { JsonObject } from './ports.ts'

/** An adapter warning as the user sees it: where (JSON path or file line) and what. */
export interface InputWarning {
  path: string
  message: string
}

export type HolderNameSource = 'ACCOUNT_OWNERS' | 'CUSTOMER_IDENTITY' | 'HOLDER_NAME_OPTION'

export interface OwnAccountDetection {
  /** True when no holder name was known: own transfers are then recognised by wording only. */
  limited: boolean
  /** Where the holder names used came from, in the order they were applied. */
  nameSources: HolderNameSource[]
  message?: string
}

/** The engine's metadata plus our additive fields. */
export type AnalysisMetadata = Metadata & {
  warnings: InputWarning[]
  ownAccountDetection: OwnAccountDetection
}

/** Most warnings a result carries: a file with thousands of bad lines must not bloat it. */
export const MAX_WARNINGS = 200

/** The warnings among the issues of a parse, as the user sees them. */
export const warningsOf = (issues: readonly AdapterIssue[]): InputWarning[] =>
  issues
    .filter((issue) => issue.severity === 'warning')
    .map((issue) => ({ path: issue.path, message: issue.message }))

/** Caps a list of warnings at MAX_WARNINGS, saying how many more there were. */
export const capWarnings = (warnings: readonly InputWarning[]): InputWarning[] =>
  warnings.length <= MAX_WARNINGS
    ? [...warnings]
    : [
        ...warnings.slice(0, MAX_WARNINGS - 1),
        { path: '$', message: `… and ${warnings.length - MAX_WARNINGS + 1} more warning(s)` },
      ]

const LIMITED_MESSAGE =
  'No holder name known: transfers between the holder’s own accounts are recognised by their ' +
  'wording only, which can count them as income or spending. Give the accounts’ owners, the ' +
  'customer’s personalDetails.identity, or --holder-name on the command line.'

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

/**
 * The holder's name from a v2 customer's `personalDetails.identity` (`firstName`, `lastName`,
 * and `birthName` as a second spelling); none when either part is missing, because the engine
 * needs a first and a last name (a family name alone also names relatives).
 */
export const customerHolderNames = (personalDetails: JsonObject | null | undefined): string[] => {
  const identity = personalDetails?.identity
  if (typeof identity !== 'object' || identity === null || Array.isArray(identity)) return []
  // Checked to be a plain object just above.
  const fields = identity as JsonObject
  const first = text(fields.firstName)
  if (first === undefined) return []
  return [text(fields.lastName), text(fields.birthName)]
    .filter((last): last is string => last !== undefined)
    .filter((last, index, all) => all.indexOf(last) === index)
    .map((last) => `${first} ${last}`)
}

const hasNamedOwner = (account: Account): boolean =>
  account.owners.some((owner) => text(owner.name) !== undefined)

/**
 * The accounts the engine should read: accounts without a named owner get the names of the first
 * source that has some. Returns them with what own-account detection could rely on.
 *
 * @example withHolderNames(accounts, [{ source: 'HOLDER_NAME_OPTION', names: ['JEAN DUPONT'] }])
 */
export const withHolderNames = (
  accounts: readonly Account[],
  sources: readonly { source: Exclude<HolderNameSource, 'ACCOUNT_OWNERS'>; names: string[] }[],
): { accounts: Account[]; ownAccountDetection: OwnAccountDetection } => {
  const nameSources: HolderNameSource[] = []
  if (accounts.some(hasNamedOwner)) nameSources.push('ACCOUNT_OWNERS')
  const fallback = sources.find((entry) => entry.names.some((name) => text(name) !== undefined))
  const missing = accounts.some((account) => !hasNamedOwner(account))
  let filled: Account[] = [...accounts]
  if (fallback !== undefined && missing) {
    nameSources.push(fallback.source)
    const owners = fallback.names.flatMap((name) => {
      const trimmed = text(name)
      return trimmed === undefined ? [] : [{ name: trimmed }]
    })
    filled = accounts.map((account) => (hasNamedOwner(account) ? account : { ...account, owners }))
  }
  const limited = nameSources.length === 0
  return {
    accounts: filled,
    ownAccountDetection: limited
      ? { limited, nameSources, message: LIMITED_MESSAGE }
      : { limited, nameSources },
  }
}

/**
 * The engine's result with each served account's `owners` put back as uploaded: the names lent
 * by `withHolderNames` are an input to the engine, not a fact about the account.
 */
export const restoreOwners = (result: AnalyseResult, given: readonly Account[]): AnalyseResult => {
  const ownersById = new Map(given.map((account) => [account.id, account.owners]))
  return {
    ...result,
    accounts: result.accounts.map((analysed) => {
      const owners = ownersById.get(analysed.id)
      return owners === undefined
        ? analysed
        : { ...analysed, account: { ...analysed.account, owners: owners.map((o) => ({ ...o })) } }
    }),
  }
}

/** The engine's metadata with the warnings and own-account detection added. */
export const withNotes = (
  metadata: Metadata,
  warnings: readonly InputWarning[],
  ownAccountDetection: OwnAccountDetection,
): AnalysisMetadata => ({ ...metadata, warnings: capWarnings(warnings), ownAccountDetection })
