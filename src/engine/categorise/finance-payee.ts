/**
 * FINANCE_NAME_REPAYMENT: a lender the dictionaries do not know, found across an account's
 * history. Debits nothing else explained, to one organisation whose name reads like a lender's
 * (`… FINANCE`, `… CREDIT`, `… KREDIET`, `… LEASING`, `… LOANS`, `… BANK`, `… CAPITAL`,
 * `… FUNDING`, `… MONEY`), of a near-constant amount in at least two months, roughly monthly,
 * are credit repayments to that lender: LEASING for a lease name, otherwise
 * LOAN_REPAYMENT_PERSONAL (LABELLING.md's default). The loans insight then counts each amount as
 * a contract with that lender.
 *
 * Knowingly wrong: a bank's own monthly account package worded with the bank's name and not
 * read as a fee by the rules (guarded by the account's bank name and a minimum amount); a
 * savings plan or an investment firm named `… CAPITAL` paid monthly by direct debit; a revolving
 * credit whose instalment varies by more than 3 % is left alone.
 */
import { currencyExponent } from '../model/index.ts'
import { normaliseText } from '../normalise/index.ts'
import type { Draft } from './draft.ts'
import { isPersonName, type HolderNames } from './payee-kind.ts'

export const FINANCE_NAME_RULE_ID = 'FINANCE_NAME_REPAYMENT'

/** Words of lenders' names in the five markets. */
const FINANCE_WORDS: ReadonlySet<string> = new Set([
  'FINANCE',
  'FINANCES',
  'FINANCIAL',
  'FINANCIERE',
  'FINANCEMENT',
  'FINANCEMENTS',
  'FINANCIACION',
  'FINANCIERA',
  'FINANCIERING',
  'FINANCIERINGEN',
  'FINANZ',
  'FINANZIERUNG',
  'CREDIT',
  'CREDITS',
  'CREDITO',
  'CREDITOS',
  'KREDIT',
  'KREDIET',
  'KREDIETEN',
  'LENDING',
  'LENDER',
  'LOAN',
  'LOANS',
  'BANK',
  'BANQUE',
  'BANCO',
  'BANCA',
  'CAPITAL',
  'FUNDING',
  'MONEY',
])
const LEASE_WORDS: ReadonlySet<string> = new Set(['LEASE', 'LEASING', 'LEASEPLAN', 'RENTING'])

/** Why: near-constant means one contract's instalment; 3 % allows insurance or rate changes. */
const SAME_INSTALMENT = 0.03
/** Why: one debit proves nothing regular. */
const MIN_MONTHS = 2
/** Why: see recurring-employer.ts, "roughly monthly" is most months of the span. */
const MIN_MONTH_COVERAGE = 0.6
/** Why: a monthly instalment is one debit a month; two allow a re-presented one. */
const MAX_DEBITS_PER_MONTH = 2
/**
 * Why: below this (major units) a monthly debit to a bank is its service fee or a card
 * subscription; the smallest consumer-credit instalments (store cards) start about there.
 */
const MIN_INSTALMENT_MAJOR = 20

const DEBIT_TYPES: ReadonlySet<string> = new Set(['DIRECT_DEBIT', 'OUTGOING_TRANSFER', 'DEBIT'])

const isPlainDebit = (draft: Draft): boolean =>
  draft.category === 'OTHER_EXPENSE' &&
  draft.ruleId === 'OTHER' &&
  draft.transaction.amount < 0 &&
  !draft.internalWording &&
  DEBIT_TYPES.has(draft.type) &&
  (draft.account.type === 'CHECKING' || draft.account.type === 'UNKNOWN')

const monthIndex = (draft: Draft): number =>
  Number(draft.transaction.date.slice(0, 4)) * 12 + Number(draft.transaction.date.slice(5, 7))

/** Debits of similar amounts (within SAME_INSTALMENT of the cluster's smallest), by amount. */
const clusters = (group: readonly Draft[]): Draft[][] => {
  const sorted = [...group].sort(
    (a, b) =>
      b.transaction.amount - a.transaction.amount ||
      (a.transaction.id < b.transaction.id ? -1 : a.transaction.id > b.transaction.id ? 1 : 0),
  )
  const result: Draft[][] = []
  let current: Draft[] = []
  let floor = 0
  for (const d of sorted) {
    const amount = -d.transaction.amount
    if (current.length > 0 && amount > floor * (1 + SAME_INSTALMENT) + 1) {
      result.push(current)
      current = []
    }
    if (current.length === 0) floor = amount
    current.push(d)
  }
  if (current.length > 0) result.push(current)
  return result
}

const isMonthlyInstalment = (cluster: readonly Draft[]): boolean => {
  const months = new Set(cluster.map(monthIndex))
  if (months.size < MIN_MONTHS || cluster.length > months.size * MAX_DEBITS_PER_MONTH) return false
  const sorted = [...months].sort((a, b) => a - b)
  const span = (sorted[sorted.length - 1] ?? 0) - (sorted[0] ?? 0) + 1
  return months.size >= span * MIN_MONTH_COVERAGE
}

/** The account's own bank name as words (its fees are not a loan). */
const bankWordsOf = (draft: Draft): ReadonlySet<string> => {
  const name = draft.account.bank?.name
  return new Set(name ? normaliseText(name).split(' ') : [])
}

/**
 * Marks an account's regular debits to lender-named organisations as credit repayments.
 * @param drafts one account's transactions
 * @param holders the holders' names: a person is never a lender here
 */
export const applyFinancePayees = (drafts: readonly Draft[], holders: HolderNames): void => {
  const byPayee = new Map<string, Draft[]>()
  for (const draft of drafts) {
    if (!isPlainDebit(draft) || draft.counterparty === null) continue
    const list = byPayee.get(draft.counterparty)
    if (list) list.push(draft)
    else byPayee.set(draft.counterparty, [draft])
  }
  if (byPayee.size === 0) return
  for (const [payee, group] of byPayee) {
    // Most payees are paid once: nothing regular to read, and no need to read their name.
    if (group.length < MIN_MONTHS) continue
    const words = payee.split(' ')
    const lease = words.some((w) => LEASE_WORDS.has(w))
    if (!lease && !words.some((w) => FINANCE_WORDS.has(w))) continue
    const first = group[0]
    if (first === undefined) continue
    // The account's own bank named alone (`BANQUE EXEMPLE`) is its fees, not a loan.
    const bank = bankWordsOf(first)
    if (bank.size > 0 && words.every((w) => bank.has(w) || FINANCE_WORDS.has(w))) continue
    if (group.some((d) => isPersonName(payee, d.words, holders))) continue
    const minimum = MIN_INSTALMENT_MAJOR * 10 ** currencyExponent(first.transaction.currency)
    for (const cluster of clusters(group)) {
      if (-(cluster[0]?.transaction.amount ?? 0) < minimum) continue
      if (!isMonthlyInstalment(cluster)) continue
      for (const draft of cluster) {
        draft.category = lease ? 'LEASING' : 'LOAN_REPAYMENT_PERSONAL'
        draft.ruleId = FINANCE_NAME_RULE_ID
      }
    }
  }
}
