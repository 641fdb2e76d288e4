/**
 * Typing, categorisation and linking of every transaction of a customer.
 *
 * @example
 * const [checking] = enrichAccounts(accounts)
 * checking[0].enrichments // { type: 'DIRECT_DEBIT', category: 'LOAN_REPAYMENT_PERSONAL', ruleId: 'LOAN_LENDER_OR_WORDING', … }
 */
import {
  toDayNumber,
  type Account,
  type Category,
  type EngineContext,
  type EnrichedTransaction,
  type Transaction,
  type TransactionType,
} from '../model/index.ts'
import { labelRootOf, normaliseDescription, normaliseText } from '../normalise/index.ts'
import { compileMatcher, findHits, type Matcher } from './matcher.ts'
import { MATCHER_SOURCES } from './merchants/index.ts'
import {
  ALL_MARKETS,
  dominantLanguages,
  LANGUAGE_BIT,
  LANGUAGES,
  resolveMarkets,
  type Language,
  type ResolvedMarkets,
} from './merchants/markets.ts'
import { TAG_COUNT, TAG_ID } from './tags.ts'
import { typeOf } from './typing.ts'
import { firstOrg, type Facts } from './facts.ts'
import { RULES } from './rules/index.ts'
import { extractCounterparty, isFillerWord } from './counterparty.ts'
import type { Draft } from './draft.ts'
import {
  linkCardSettlements,
  linkInternalTransfers,
  linkOwnTransfersBeforeIncome,
  linkRejections,
} from './links.ts'
import { applyRecurringEmployer } from './recurring-employer.ts'
import { applyFinancePayees } from './finance-payee.ts'
import { holderNamesOf } from './payee-kind.ts'
import { CIVIL_TITLES } from './name-words.ts'

/** Compiled once: an immutable lookup table, not state. */
const MATCHER: Matcher = compileMatcher(MATCHER_SOURCES)

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

/** FEES_* and REFUND_*_FEES: operations the bank books itself. */
const isBankFee = (category: Category): boolean =>
  category.startsWith('FEES_') || (category.startsWith('REFUND_') && category.endsWith('_FEES'))

/** Reads one normalised description: find dictionary entries, type it, run the rules. */
const readNormalised = (
  normalised: string,
  labelRoot: string,
  credit: boolean,
  accountType: Account['type'],
  markets: number,
  firstHitBuffer: Int32Array,
): Reading => {
  const words = normalised === '' ? [] : normalised.split(' ')
  const hits = findHits(MATCHER, words, markets, isFillerWord)
  const firstHit = firstHitBuffer.fill(-1)
  for (let h = hits.length - 1; h >= 0; h--) firstHit[hits[h]?.tag ?? 0] = h
  const returnedDebit = firstHit[TAG_ID.REJECT_DIRECT_DEBIT] ?? -1
  if (returnedDebit >= 0) {
    for (const tag of [TAG_ID.REJECT, TAG_ID.T_DIRECT_DEBIT]) {
      const at = firstHit[tag] ?? -1
      if (at < 0 || returnedDebit < at) firstHit[tag] = returnedDebit
    }
  }
  let type = typeOf(firstHit, credit, accountType)
  const facts: Facts = { words, hits, firstHit, credit, type, accountType, markets }
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
  // Fees are booked by the bank itself, whatever rail they mention (`FRAIS REJET PRLV`); on a
  // card account every debit is a card operation, its fees included (LABELLING.md).
  if (isBankFee(category))
    type = credit ? 'CREDIT' : accountType === 'CREDIT_CARD' ? 'CARD' : 'DEBIT'
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
    // A payment intermediary's company form (PAYPAL EUROPE SARL) names no payer.
    companyName: found(TAG_ID.LEGAL_FORM) && !found(TAG_ID.NEUTRAL),
  }
}

/**
 * Reads descriptions for one `enrichAccounts` call. Most of a history repeats: the same raw
 * description (a monthly direct debit), or the same text once dates and references are gone
 * (card payments): each is read once. Local to the call, so nothing outlives it.
 */
const createReader = (
  markets: number,
  normalisedOf: ReadonlyMap<string, string>,
): ((description: string, credit: boolean, accountType: Account['type']) => Reading) => {
  // First hit of each tag for the description being read: one buffer per call, reset on every
  // read (`readNormalised` keeps no reference to it once it returns).
  const firstHit = new Int32Array(TAG_COUNT)
  // One map per sign and account type, keyed by the description itself: no key string to build
  // on the hot path, and a string's hash is computed once.
  const byRaw: [Map<string, Map<string, Reading>>, Map<string, Map<string, Reading>>] = [
    new Map(),
    new Map(),
  ]
  // The same, keyed by the normalised text: many raw descriptions (card payments with their
  // dates) share one normalised text, so its root and reading are computed once.
  const byNormalised: [Map<string, Map<string, Reading>>, Map<string, Map<string, Reading>>] = [
    new Map(),
    new Map(),
  ]
  const mapOf = (
    bySign: Map<string, Map<string, Reading>>,
    accountType: Account['type'],
  ): Map<string, Reading> => {
    let map = bySign.get(accountType)
    if (!map) {
      map = new Map()
      bySign.set(accountType, map)
    }
    return map
  }
  return (description, credit, accountType) => {
    const raw = mapOf(byRaw[credit ? 1 : 0], accountType)
    let reading = raw.get(description)
    if (reading) return reading
    const normalised = normalisedOf.get(description) ?? normaliseText(description)
    const sameText = mapOf(byNormalised[credit ? 1 : 0], accountType)
    reading = sameText.get(normalised)
    if (!reading) {
      reading = readNormalised(
        normalised,
        labelRootOf(normalised),
        credit,
        accountType,
        markets,
        firstHit,
      )
      sameText.set(normalised, reading)
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

/** Words that join two holders in one owner name (`MR JEAN DUPONT ET MME MARIE DUPONT`). */
const JOINS: ReadonlySet<string> = new Set(['ET', 'AND', 'Y', 'UND', 'EN', '&', 'OU', 'OR', 'OF'])

/** Each holder's name as words, civil titles (`name-words.ts`) left out; one name may hold two holders. */
const ownerNameWords = (accounts: readonly Account[]): string[][] => {
  const names: string[][] = []
  for (const account of accounts) {
    for (const owner of account.owners) {
      if (!owner.name) continue
      let holder: string[] = []
      for (const word of [...normaliseDescription(owner.name).normalised.split(' '), '&']) {
        if (JOINS.has(word)) {
          // A single word (a family name) also names relatives: require first and last name.
          if (holder.length >= 2) names.push(holder)
          holder = []
        } else if (word.length > 1 && !CIVIL_TITLES.has(word)) {
          holder.push(word)
        }
      }
    }
  }
  return names
}

/**
 * Why 300: each description gives a few vocabulary hits, so a few hundred descriptions make a
 * clear majority; beyond that, the extra matcher pass only costs time (a third of enrichment
 * on a history of distinct descriptions).
 */
const LANGUAGE_SAMPLE = 300

/** FNV-1a of a text: picks the sample by content, so the input's order changes nothing. */
const hashOf = (text: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/**
 * The languages of a customer's descriptions: hits of each language's hand vocabulary, counted
 * once per distinct normalised description (a monthly debit is one habit, not twelve votes),
 * over a sample of about `LANGUAGE_SAMPLE` of them chosen by their hash when there are more.
 * Fills `normalisedOf` so that the reader does not normalise the same descriptions again.
 */
const detectLanguages = (
  accounts: readonly Account[],
  normalisedOf: Map<string, string>,
): number => {
  const counts: Record<Language, number> = { fr: 0, en: 0, es: 0, nl: 0, de: 0 }
  const distinct = new Set<string>()
  for (const account of accounts) {
    for (const { description } of account.transactions) {
      if (normalisedOf.has(description)) continue
      const normalised = normaliseText(description)
      normalisedOf.set(description, normalised)
      if (normalised !== '') distinct.add(normalised)
    }
  }
  const step = Math.ceil(distinct.size / LANGUAGE_SAMPLE)
  for (const normalised of distinct) {
    if (step > 1 && hashOf(normalised) % step !== 0) continue
    for (const hit of findHits(MATCHER, normalised.split(' '), ALL_MARKETS, isFillerWord)) {
      for (const language of LANGUAGES) {
        if ((hit.language & LANGUAGE_BIT[language]) !== 0) counts[language]++
      }
    }
  }
  return dominantLanguages(counts)
}

/**
 * The markets whose brands apply to these accounts (see `merchants/markets.ts`). Exported for
 * diagnostics and tests; `enrichAccounts` resolves them itself.
 */
export const resolveAccountMarkets = (
  accounts: readonly Account[],
  context?: EngineContext,
): ResolvedMarkets => resolveMarkets(accounts, context, () => detectLanguages(accounts, new Map()))

/**
 * Types, categorises and links every transaction. Returns one array per account, in the
 * input order of accounts and transactions. Pure: same accounts, same result, whatever their
 * order. Brands and ambiguous names apply in the customer's markets: from `context.locales`,
 * else the accounts, else the languages of the descriptions.
 */
export const enrichAccounts = (
  accounts: readonly Account[],
  context?: EngineContext,
): EnrichedTransaction[][] => {
  const normalisedOf = new Map<string, string>()
  const { mask } = resolveMarkets(accounts, context, () => detectLanguages(accounts, normalisedOf))
  const read = createReader(mask, normalisedOf)
  // Transactions of one day follow each other: the day number is computed once per run (a
  // string comparison, no hashing of each transaction's date).
  let lastDate: string | undefined
  let lastDay = 0
  const dayOf = (date: string): number => {
    if (date !== lastDate) {
      lastDate = date
      lastDay = toDayNumber(date)
    }
    return lastDay
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
  const owners = ownerNameWords(accounts)
  const holders = holderNamesOf(owners)
  // Own transfers first: a savings account's monthly credit is no employer's pay.
  linkOwnTransfersBeforeIncome(drafts)
  for (const accountDrafts of drafts) {
    applyRecurringEmployer(accountDrafts, holders)
    applyFinancePayees(accountDrafts, holders)
    linkRejections(accountDrafts)
  }
  // Transactions with the same description share one `words` array: each is checked once.
  const ownName = new Map<readonly string[], boolean>()
  const isOwnName = (draft: Draft): boolean => {
    if (owners.length === 0) return false
    let own = ownName.get(draft.words)
    if (own === undefined) {
      own = owners.some((name) => name.every((word) => draft.words.includes(word)))
      ownName.set(draft.words, own)
    }
    return own
  }
  linkCardSettlements(drafts)
  linkInternalTransfers(drafts, isOwnName)
  return drafts.map((accountDrafts) => accountDrafts.map(toEnriched))
}
