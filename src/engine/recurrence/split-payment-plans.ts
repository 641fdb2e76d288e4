import type { LedgerEntry } from '../insights/ledger.ts'
import { clusterByAmount, groupBySamePayee } from './grouping.ts'
import type { DetectedFlow, RecurrenceDetector } from './types.ts'

const ID = 'SPLIT_PAYMENT_PLAN'

/** Split-payment offers (3x, 4x, BNPL) run for four instalments at most. */
const MAX_INSTALMENTS = 4
/** Instalments fall monthly; more than 45 days between two means a new purchase. */
const MAX_GAP_DAYS = 45

/**
 * One cash flow per split-payment plan: instalments of one provider and one amount, a month
 * apart, at most four of them. Known misses: two plans of the same amount bought the same month
 * look like one; a plan whose first instalment differs (fees added) starts a separate plan.
 */
export const splitPaymentPlans: RecurrenceDetector = {
  id: ID,
  detect: (candidates) => {
    const flows: DetectedFlow[] = []
    // Split-payment debits only: a handful, picked without copying every debit first.
    const instalments = candidates.filter(
      (e) => e.tx.enrichments.category === 'SPLIT_PAYMENT' && e.tx.amount < 0,
    )
    const groups = groupBySamePayee(instalments, () => true)
    for (const group of groups) {
      for (const cluster of clusterByAmount(group, 0.02)) {
        let plan: LedgerEntry[] = []
        for (const e of cluster) {
          const last = plan[plan.length - 1]
          if (
            last !== undefined &&
            (e.day - last.day > MAX_GAP_DAYS || plan.length >= MAX_INSTALMENTS)
          ) {
            flows.push({ detectorId: ID, entries: plan })
            plan = []
          }
          plan.push(e)
        }
        if (plan.length > 0) flows.push({ detectorId: ID, entries: plan })
      }
    }
    return flows
  },
}
