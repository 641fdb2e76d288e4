/** Grouping helpers shared by the detectors: same payee, compatible amounts. */
import type { Category } from '../model/index.ts'
import type { LedgerEntry } from '../insights/ledger.ts'
import { byDateThenId } from '../insights/ledger.ts'

/**
 * Groups by direction, payee (labelRoot) and category, keeping the first-seen order of the keys.
 * Entries are expected by date then id, so the groups are too.
 */
export const groupBySamePayee = (
  entries: readonly LedgerEntry[],
  accepts: (category: Category) => boolean,
): LedgerEntry[][] => {
  const groups = new Map<string, LedgerEntry[]>()
  for (const e of entries) {
    const { category } = e.tx.enrichments
    if (!accepts(category)) continue
    const group = groups.get(e.payeeKey)
    if (group === undefined) groups.set(e.payeeKey, [e])
    else group.push(e)
  }
  return [...groups.values()]
}

/**
 * Splits a payee's transactions into clusters of similar amounts: a new cluster starts when an
 * amount exceeds the smallest amount of the current one by more than `tolerance` (relative) plus
 * one minor unit. Returns clusters by date then id, ordered by their first transaction.
 */
export const clusterByAmount = (
  entries: readonly LedgerEntry[],
  tolerance: number,
): LedgerEntry[][] => {
  // By amount only: equal amounts always share a cluster, and clusters are re-sorted by date.
  const sorted = [...entries].sort((a, b) => Math.abs(a.tx.amount) - Math.abs(b.tx.amount))
  const clusters: LedgerEntry[][] = []
  let current: LedgerEntry[] = []
  let floor = 0
  for (const e of sorted) {
    const amount = Math.abs(e.tx.amount)
    if (current.length > 0 && amount > floor * (1 + tolerance) + 1) {
      clusters.push(current)
      current = []
    }
    if (current.length === 0) floor = amount
    current.push(e)
  }
  if (current.length > 0) clusters.push(current)
  return clusters
    .map((c) => c.sort(byDateThenId))
    .sort((a, b) => byDateThenId(a[0] as LedgerEntry, b[0] as LedgerEntry)) // clusters are never empty
}
