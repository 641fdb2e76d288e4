import { clusterByAmount, groupBySamePayee } from './grouping.ts'
import type { DetectedFlow, RecurrenceDetector } from './types.ts'

const ID = 'FIXED_AMOUNT'

/**
 * Subscriptions, rents and salaries move by a few percent at most (rounding, a yearly index);
 * beyond 5 % the amounts belong to the variable-amount detector.
 */
const SAME_AMOUNT = 0.05

/**
 * Transactions of one payee and one category whose amounts agree within 5 %, at least twice:
 * rent, salary, telecom, insurance, subscriptions. Two amounts for one payee give two flows (two
 * phone lines, two insurance contracts). Known misses: a rent that rises by more than 5 % during
 * the period is split in two flows.
 */
export const fixedAmount: RecurrenceDetector = {
  id: ID,
  detect: (candidates) => {
    const flows: DetectedFlow[] = []
    for (const group of groupBySamePayee(candidates, () => true)) {
      for (const cluster of clusterByAmount(group, SAME_AMOUNT)) {
        if (cluster.length >= 2) flows.push({ detectorId: ID, entries: cluster })
      }
    }
    return flows
  },
}
