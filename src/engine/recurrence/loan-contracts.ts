import type { Category } from '../model/index.ts'
import type { LedgerEntry } from '../insights/ledger.ts'
import { byDateThenId } from '../insights/ledger.ts'
import { LOAN_REPAYMENT } from '../insights/categories.ts'
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

const isRepayment = (category: Category): boolean =>
  LOAN_REPAYMENT.has(category) && category !== 'SPLIT_PAYMENT'

/**
 * Same lender, same instalment, but two wordings that each come back every month (two contract
 * references): two contracts. A wording seen once (a re-presented debit) joins the largest one.
 */
const splitByWording = (cluster: LedgerEntry[]): LedgerEntry[][] => {
  const byRoot = new Map<string, LedgerEntry[]>()
  for (const e of cluster) {
    const list = byRoot.get(e.tx.labelRoot)
    if (list === undefined) byRoot.set(e.tx.labelRoot, [e])
    else list.push(e)
  }
  const steady = [...byRoot.values()].filter((list) => list.length >= 2)
  if (steady.length < 2) return [cluster]
  steady.sort((a, b) => b.length - a.length)
  const strays = [...byRoot.values()].filter((list) => list.length < 2).flat()
  const [largest, ...others] = steady
  return [[...(largest ?? []), ...strays].sort(byDateThenId), ...others]
}

/**
 * One cash flow per credit contract: repayments to the same lender (whatever the wording) and of
 * the same amount form a contract; the lender's instalments that match no other one (a revolving
 * credit's varying monthly debits) form one more contract together. A single repayment is a
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
    for (const e of candidates) {
      const { category, counterparty } = e.tx.enrichments
      if (e.tx.amount >= 0 || !isRepayment(category)) continue
      // By lender, not by wording: a re-presented debit ("… REPRESENTATION") and a lender's
      // second wording belong to the same contracts; amounts then tell the contracts apart.
      const text = `${counterparty ?? ''}|${e.tx.labelRoot}`
      let lender = lenders.get(text)
      if (lender === undefined) {
        lender = lenderName(counterparty, e.tx.labelRoot, e.tx.labelRoot)
        lenders.set(text, lender)
      }
      const key = `${category}|${lender}`
      const group = groups.get(key)
      if (group === undefined) groups.set(key, [e])
      else group.push(e)
    }
    for (const group of groups.values()) {
      const clusters = clusterByAmount(group, SAME_INSTALMENT)
      const leftovers: LedgerEntry[] = []
      for (const cluster of clusters) {
        if (cluster.length < 2) leftovers.push(...cluster)
        else for (const entries of splitByWording(cluster)) flows.push({ detectorId: ID, entries })
      }
      if (leftovers.length > 0) flows.push({ detectorId: ID, entries: leftovers })
    }
    return flows
  },
}
