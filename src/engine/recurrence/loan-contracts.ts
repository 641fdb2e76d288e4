import type { Category } from '../model/index.ts'
import type { LedgerEntry } from '../insights/ledger.ts'
import { byDateThenId } from '../insights/ledger.ts'
import { LOAN_DRAWDOWN, LOAN_REPAYMENT } from '../insights/categories.ts'
import { lenderName } from '../insights/lenders.ts'
import { clusterByAmount } from './grouping.ts'
import type { DetectedFlow, RecurrenceDetector } from './types.ts'

const ID = 'LOAN_CONTRACT'

/**
 * Instalments of one credit contract are the same to the cent, except for insurance or rate
 * changes: 2 % keeps a contract together while two contracts of one lender (399.89 and 343.45)
 * stay apart.
 */
const SAME_INSTALMENT = 0.02

const REVOLVING_KEY: string = `${'LOAN_REPAYMENT_REVOLVING' satisfies Category}|`

const isRepayment = (category: Category): boolean =>
  LOAN_REPAYMENT.has(category) && category !== 'SPLIT_PAYMENT'

/** Why 5: contract numbers and mandate references are longer; dates and "03/12" counters not. */
const MIN_REFERENCE_DIGITS = 5

/**
 * The contract references of a description: its tokens of at least five digits
 * (`CT100234`, `10600220302032`), which normalisation removes from the label root.
 */
const referencesOf = (description: string): string => {
  let references = ''
  for (const token of description.toUpperCase().split(/[^A-Z0-9]+/)) {
    let digits = 0
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i)
      if (c >= 48 && c <= 57) digits++
    }
    if (digits >= MIN_REFERENCE_DIGITS) references += ` ${token}`
  }
  return references
}

/**
 * Same lender, same instalment, but two wordings or two references that each come back every
 * month: two contracts (LABELLING.md: "a different amount or reference from the same lender is
 * a distinct contract"). A wording or reference seen once (a re-presented debit, a reference
 * that changes every month) joins the largest one.
 */
const splitByWording = (
  cluster: LedgerEntry[],
  references: Map<string, string>,
): LedgerEntry[][] => {
  const byRoot = new Map<string, LedgerEntry[]>()
  for (const e of cluster) {
    // A contract's debits repeat one description: each distinct one is read once per call.
    let reference = references.get(e.tx.description)
    if (reference === undefined) {
      reference = referencesOf(e.tx.description)
      references.set(e.tx.description, reference)
    }
    const key = reference === '' ? e.tx.labelRoot : `${e.tx.labelRoot}|${reference}`
    const list = byRoot.get(key)
    if (list === undefined) byRoot.set(key, [e])
    else list.push(e)
  }
  const steady = [...byRoot.values()].filter((list) => list.length >= 2)
  if (steady.length < 2) return [cluster]
  steady.sort((a, b) => b.length - a.length)
  const strays = [...byRoot.values()].filter((list) => list.length < 2).flat()
  const [largest, ...others] = steady
  return [[...(largest ?? []), ...strays].sort(byDateThenId), ...others]
}

/** Why 45: a monthly instalment a few days late is no pause; a month skipped is. */
const PAUSE_DAYS = 45

/**
 * Same lender, same instalment, but the debits stop, the lender lends again, and the debits
 * resume: a new loan (short-term lenders lend the same sums again and again), not one contract.
 * `entries` are in date order.
 */
const splitByNewLoan = (
  entries: LedgerEntry[],
  drawdownDays: readonly number[] | undefined,
): LedgerEntry[][] => {
  if (drawdownDays === undefined) return [entries]
  const contracts: LedgerEntry[][] = []
  let current: LedgerEntry[] = []
  let previous: LedgerEntry | undefined
  for (const e of entries) {
    if (
      previous !== undefined &&
      e.day - previous.day > PAUSE_DAYS &&
      drawdownDays.some((day) => day > previous!.day && day < e.day)
    ) {
      contracts.push(current)
      current = []
    }
    current.push(e)
    previous = e
  }
  contracts.push(current)
  return contracts
}

/**
 * One cash flow per credit contract: repayments to the same lender (whatever the wording) and of
 * the same amount form a contract; the lender's instalments that match no other one (a revolving
 * credit's varying monthly debits) form one more contract together; a revolving credit's
 * repayments are one contract per wording or reference, whatever their amounts; debits that
 * pause and resume after the lender lent again are a new contract. A single repayment is a
 * contract too: a loan that started a month before the analysis date has one instalment.
 * Known misses: two contracts of one lender with the same instalment and the same wording are
 * seen as one; a contract whose reference changes every month is one flow per reference only
 * when each reference repeats.
 */
export const loanContracts: RecurrenceDetector = {
  id: ID,
  detect: (candidates) => {
    const flows: DetectedFlow[] = []
    const groups = new Map<string, LedgerEntry[]>()
    const lenders = new Map<string, string>()
    const lenderOf = (e: LedgerEntry): string => {
      const { counterparty } = e.tx.enrichments
      const text = `${counterparty ?? ''}|${e.tx.labelRoot}`
      let lender = lenders.get(text)
      if (lender === undefined) {
        lender = lenderName(counterparty, e.tx.labelRoot, e.tx.labelRoot)
        lenders.set(text, lender)
      }
      return lender
    }
    /** Days on which each lender paid money out to the holder. */
    const drawdowns = new Map<string, number[]>()
    for (const e of candidates) {
      const { category } = e.tx.enrichments
      if (e.tx.amount > 0 && LOAN_DRAWDOWN.has(category)) {
        const lender = lenderOf(e)
        const days = drawdowns.get(lender)
        if (days === undefined) drawdowns.set(lender, [e.day])
        else days.push(e.day)
        continue
      }
      if (e.tx.amount >= 0 || !isRepayment(category)) continue
      // By lender, not by wording: a re-presented debit ("… REPRESENTATION") and a lender's
      // second wording belong to the same contracts; amounts then tell the contracts apart.
      const lender = lenderOf(e)
      const key = `${category}|${lender}`
      const group = groups.get(key)
      if (group === undefined) groups.set(key, [e])
      else group.push(e)
    }
    const references = new Map<string, string>()
    for (const [key, group] of groups) {
      // A revolving credit's instalments vary by definition (LABELLING.md): one contract per
      // lender and wording or reference, whatever the amounts.
      if (key.startsWith(REVOLVING_KEY)) {
        for (const entries of splitByWording(group.sort(byDateThenId), references))
          flows.push({ detectorId: ID, entries })
        continue
      }
      const clusters = clusterByAmount(group, SAME_INSTALMENT)
      const leftovers: LedgerEntry[] = []
      for (const cluster of clusters) {
        if (cluster.length < 2) leftovers.push(...cluster)
        else
          for (const contract of splitByWording(cluster, references))
            for (const entries of splitByNewLoan(
              contract,
              drawdowns.get(lenderOf(contract[0] as LedgerEntry)),
            ))
              flows.push({ detectorId: ID, entries })
      }
      if (leftovers.length > 0) flows.push({ detectorId: ID, entries: leftovers })
    }
    return flows
  },
}
