import type { Category } from '../model/index.ts'
import type { LedgerEntry } from '../insights/ledger.ts'
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
 * One cash flow per credit contract: repayments to the same lender (whatever the wording) and of
 * the same amount form a contract; the lender's instalments that match no other one (a revolving
 * credit's varying monthly debits) form one more contract together. A single repayment is a
 * contract too: a loan that started a month before the analysis date has one instalment.
 * Known misses: two contracts of one lender with the same instalment are seen as one; a
 * contract whose wording changes (new reference every month) is split.
 */
export const loanContracts: RecurrenceDetector = {
  id: ID,
  detect: (candidates) => {
    const flows: DetectedFlow[] = []
    const groups = new Map<string, LedgerEntry[]>()
    for (const e of candidates) {
      const { category, counterparty } = e.tx.enrichments
      if (e.tx.amount >= 0 || !isRepayment(category)) continue
      // By lender, not by wording: a re-presented debit ("… REPRESENTATION") and a lender's
      // second wording belong to the same contracts; amounts then tell the contracts apart.
      const key = `${category}|${lenderName(counterparty, e.tx.labelRoot, e.tx.labelRoot)}`
      const group = groups.get(key)
      if (group === undefined) groups.set(key, [e])
      else group.push(e)
    }
    for (const group of groups.values()) {
      const clusters = clusterByAmount(group, SAME_INSTALMENT)
      const leftovers: LedgerEntry[] = []
      for (const cluster of clusters) {
        if (cluster.length >= 2) flows.push({ detectorId: ID, entries: cluster })
        else leftovers.push(...cluster)
      }
      if (leftovers.length > 0) flows.push({ detectorId: ID, entries: leftovers })
    }
    return flows
  },
}
