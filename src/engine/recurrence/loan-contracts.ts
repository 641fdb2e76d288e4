import type { Category } from '../model/index.ts'
import type { LedgerEntry } from '../insights/ledger.ts'
import { LOAN_REPAYMENT } from '../insights/categories.ts'
import { clusterByAmount, groupBySamePayee } from './grouping.ts'
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
 * One cash flow per credit contract: repayments to the same lender wording and of the same
 * amount form a contract; the instalments of that wording that match no other one (a revolving
 * credit's varying monthly debits) form one more contract together. A single repayment is a
 * contract too: a loan that started a month before the analysis date has one instalment.
 * Known misses: two contracts of one lender with the same instalment are seen as one; a
 * contract whose wording changes (new reference every month) is split.
 */
export const loanContracts: RecurrenceDetector = {
  id: ID,
  detect: (candidates) => {
    const flows: DetectedFlow[] = []
    const debits = candidates.filter((e) => e.tx.amount < 0)
    for (const group of groupBySamePayee(debits, isRepayment)) {
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
