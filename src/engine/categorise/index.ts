/**
 * Typing, categorisation and linking of every transaction of a customer.
 *
 * @example
 * const [checking] = enrichAccounts(accounts)
 * checking[0].enrichments // { type: 'DIRECT_DEBIT', category: 'LOAN_REPAYMENT_PERSONAL', ruleId: 'LOAN_LENDER_OR_WORDING', … }
 */
import { toDayNumber } from '../model/index.ts'
import type {
  Account,
  Category,
  EngineContext,
  EnrichedTransaction,
  Transaction,
  TransactionType,
} from '../model/index.ts'
import { normaliseDescription } from '../normalise/index.ts'
import { DICTIONARIES } from './dictionaries/index.ts'
import { compileDictionaries, findHits, type Matcher } from './matcher.ts'
import { TAG_COUNT, TAG_ID } from './tags.ts'
import { typeOf } from './typing.ts'
import type { Facts } from './facts.ts'
import { RULES } from './rules/index.ts'
import { firstOrg } from './facts.ts'
import { extractCounterparty } from './counterparty.ts'
import type { Draft } from './draft.ts'
import { linkCardSettlements, linkInternalTransfers, linkRejections } from './links.ts'
import { applyRecurringEmployer } from './recurring-employer.ts'

/** Compiled once: an immutable lookup table, not state. */
const MATCHER: Matcher = compileDictionaries(Object.values(DICTIONARIES))

/** What one description says, whatever transaction carries it. */
interface Reading {
  readonly labelRoot: string
  readonly words: readonly string[]
  readonly type: TransactionType
  readonly category: Category
  readonly ruleId: string
  readonly counterparty: string | null
  readonly isInternational: boolean
  readonly rejectWording: boolean
  readonly internalWording: boolean
  readonly companyName: boolean
}

const FEE_PREFIXES = ['FEES_', 'REFUND_'] as const
const isBankFee = (category: Category): boolean =>
  category.startsWith(FEE_PREFIXES[0]) ||
  (category.startsWith(FEE_PREFIXES[1]) && category.endsWith('_FEES'))

/** Reads one description: normalise, then find dictionary entries, type, run the rules. */
export const readDescription = (
  description: string,
  amount: number,
  accountType: Account['type'],
): Reading => {
  const { normalised, labelRoot } = normaliseDescription(description)
  return readNormalised(normalised, labelRoot, amount > 0, accountType)
}

const readNormalised = (
  normalised: string,
  labelRoot: string,
  credit: boolean,
  accountType: Account['type'],
): Reading => {
  const words = normalised === '' ? [] : normalised.split(' ')
  const hits = findHits(MATCHER, words)
  const firstHit = new Int32Array(TAG_COUNT).fill(-1)
  for (let h = hits.length - 1; h >= 0; h--) firstHit[hits[h]?.tag ?? 0] = h
  let type = typeOf(firstHit, credit, accountType)
  const facts: Facts = { words, hits, firstHit, credit, type, accountType }
  let category: Category = credit ? 'OTHER_ENTRY' : 'OTHER_EXPENSE'
  let ruleId = 'OTHER'
  let counterparty: string | null = null
  for (const rule of RULES) {
    const decided = rule.decide(facts)
    if (decided === null) continue
    category = decided
    ruleId = rule.id
    if (rule.counterparty === 'org') {
      counterparty = firstOrg(facts, rule.orgTags)?.name ?? extractCounterparty(words, hits)
    } else if (rule.counterparty === 'text') {
      counterparty = extractCounterparty(words, hits) ?? firstOrg(facts)?.name ?? null
    }
    break
  }
  // Fees are booked by the bank itself, whatever rail they mention (`FRAIS REJET PRLV`).
  if (isBankFee(category)) type = credit ? 'CREDIT' : 'DEBIT'
  const found = (tag: number): boolean => (firstHit[tag] ?? -1) >= 0
  return {
    labelRoot,
    words,
    type,
    category,
    ruleId,
    counterparty,
    isInternational: found(TAG_ID.INTERNATIONAL),
    rejectWording: found(TAG_ID.REJECT) && !isBankFee(category),
    internalWording: found(TAG_ID.T_INTERNAL),
    companyName: found(TAG_ID.LEGAL_FORM),
  }
}

/**
 * Reads descriptions for one `enrichAccounts` call. Most of a history repeats: the same raw
 * description (a monthly direct debit), or the same text once dates and references are gone
 * (card payments): each is read once. Local to the call, so nothing outlives it.
 */
const createReader = (): ((
  description: string,
  credit: boolean,
  accountType: Account['type'],
) => Reading) => {
  // One map per account type and sign, keyed by the description itself: no key to build, and
  // a string's hash is computed once.
  const byRaw = new Map<string, Map<string, Reading>>()
  const byNormalised = new Map<string, Reading>()
  return (description, credit, accountType) => {
    const prefix = `${accountType}${credit ? '+' : '-'}`
    let raw = byRaw.get(prefix)
    if (!raw) {
      raw = new Map()
      byRaw.set(prefix, raw)
    }
    let reading = raw.get(description)
    if (reading) return reading
    const { normalised, labelRoot } = normaliseDescription(description)
    const normalisedKey = prefix + normalised
    reading = byNormalised.get(normalisedKey)
    if (!reading) {
      reading = readNormalised(normalised, labelRoot, credit, accountType)
      byNormalised.set(normalisedKey, reading)
    }
    raw.set(description, reading)
    return reading
  }
}

/**
 * The output transaction, built field by field: V8 builds a fixed shape much faster than it
 * spreads one object into another, and this runs once per transaction.
 */
const toEnriched = (draft: Draft): EnrichedTransaction => {
  const tx = draft.transaction
  const enriched: EnrichedTransaction = {
    id: tx.id,
    accountId: tx.accountId,
    description: tx.description,
    amount: tx.amount,
    currency: tx.currency,
    date: tx.date,
    dates: tx.dates,
    isComing: tx.isComing,
    labelRoot: draft.labelRoot,
    enrichments: {
      category: draft.category,
      type: draft.type,
      isRejected: draft.isRejected,
      counterPartId: draft.counterPartId,
      counterparty: draft.counterparty,
      isInternationalTransfer: draft.isInternational,
      ruleId: draft.ruleId,
    },
  }
  if (tx.aggregator !== undefined) enriched.aggregator = tx.aggregator
  return enriched
}

const ownerNameWords = (accounts: readonly Account[]): string[][] => {
  const names: string[][] = []
  for (const account of accounts) {
    for (const owner of account.owners) {
      if (!owner.name) continue
      const words = normaliseDescription(owner.name)
        .normalised.split(' ')
        .filter((w) => w.length > 1)
      // A single word (a family name) also names relatives: require first and last name.
      if (words.length >= 2) names.push(words)
    }
  }
  return names
}

/**
 * Types, categorises and links every transaction. Returns one array per account, in the
 * input order of accounts and transactions. Pure: same accounts, same result, whatever their
 * order.
 */
export const enrichAccounts = (
  accounts: readonly Account[],
  _context?: EngineContext,
): EnrichedTransaction[][] => {
  const read = createReader()
  // Many transactions share a date: turn each date into a day number once.
  const days = new Map<string, number>()
  const dayOf = (date: string): number => {
    let day = days.get(date)
    if (day === undefined) {
      day = toDayNumber(date)
      days.set(date, day)
    }
    return day
  }
  const drafts: Draft[][] = accounts.map((account) =>
    account.transactions.map((transaction: Transaction): Draft => {
      const reading = read(transaction.description, transaction.amount > 0, account.type)
      return {
        transaction,
        account,
        labelRoot: reading.labelRoot,
        day: dayOf(transaction.date),
        words: reading.words,
        type: reading.type,
        category: reading.category,
        ruleId: reading.ruleId,
        counterparty: reading.counterparty,
        isRejected: false,
        counterPartId: null,
        isInternational: reading.isInternational && reading.type.endsWith('TRANSFER'),
        rejectWording: reading.rejectWording,
        internalWording: reading.internalWording,
        companyName: reading.companyName,
      }
    }),
  )
  for (const accountDrafts of drafts) {
    applyRecurringEmployer(accountDrafts)
    linkRejections(accountDrafts)
  }
  const owners = ownerNameWords(accounts)
  const isOwnName = (draft: Draft): boolean =>
    owners.some((name) => name.every((word) => draft.words.includes(word)))
  linkCardSettlements(drafts)
  linkInternalTransfers(drafts, isOwnName)
  return drafts.map((accountDrafts) => accountDrafts.map(toEnriched))
}
