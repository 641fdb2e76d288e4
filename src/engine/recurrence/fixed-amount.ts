import { clusterByAmount, groupBySamePayee } from './grouping.ts'
import { hasCadence } from './regularity.ts'
import type { DetectedFlow, RecurrenceDetector } from './types.ts'
import type { LedgerEntry } from '../insights/ledger.ts'

const ID = 'FIXED_AMOUNT'

/**
 * Subscriptions, rents and salaries move by a few percent at most (rounding, a yearly index);
 * beyond 5 % the amounts belong to the variable-amount detector.
 */
const SAME_AMOUNT = 0.05

/**
 * A cluster is a stream when it keeps a cadence, or when its amounts are identical to the cent
 * (a subscription paid by card at irregular dates). Without this, a year of groceries at one
 * shop yields dozens of "fixed" pairs that merely happen to cost about the same.
 */
const isStream = (cluster: readonly LedgerEntry[]): boolean => {
  const first = cluster[0]?.tx.amount
  return cluster.every((e) => e.tx.amount === first) || hasCadence(cluster.map((e) => e.day))
}

/**
 * Transactions of one payee and one category whose amounts agree within 5 %, at least twice,
 * that keep a cadence or repeat the same amount: rent, salary, telecom, insurance,
 * subscriptions. Two amounts for one payee give two flows (two phone lines, two insurance
 * contracts). Known misses: a rent that rises by more than 5 % during the period is split in two
 * flows; two purchases of the same price at one shop look like a subscription.
 */
export const fixedAmount: RecurrenceDetector = {
  id: ID,
  detect: (candidates) => {
    const flows: DetectedFlow[] = []
    for (const group of groupBySamePayee(candidates, () => true)) {
      for (const cluster of clusterByAmount(group, SAME_AMOUNT)) {
        if (cluster.length >= 2 && isStream(cluster)) {
          flows.push({ detectorId: ID, entries: cluster })
        }
      }
    }
    return flows
  },
}
