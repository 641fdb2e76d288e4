/** Grouping helpers shared by the detectors: same payee, compatible amounts. */
import type { Category } from '../model/index.ts'
import type { LedgerEntry } from '../insights/ledger.ts'
import { byDateThenId } from '../insights/ledger.ts'

/**
 * Groups by direction, payee (labelRoot) and category (`payeeId`), keeping the first-seen order.
 * Entries are expected by date then id, so the groups are too.
 */
export const groupBySamePayee = (
  entries: readonly LedgerEntry[],
  accepts: (category: Category) => boolean,
): LedgerEntry[][] => {
  // Indexed by payee id (small integers): a sparse array, no hashing.
  const byPayee: LedgerEntry[][] = []
  const groups: LedgerEntry[][] = []
  for (const e of entries) {
    if (!accepts(e.tx.enrichments.category)) continue
    const group = byPayee[e.payeeId]
    if (group === undefined) {
      const created = [e]
      byPayee[e.payeeId] = created
      groups.push(created)
    } else group.push(e)
  }
  return groups
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
  const n = entries.length
  if (n === 0) return []
  if (n === 1) return [[entries[0] as LedgerEntry]] // n === 1
  // Input by date then id (every detector passes ledger order): clusters then keep that order
  // by walking the input once. Equal date and id on two entries would leave the order to the
  // amounts: the general path below.
  for (let i = 1; i < n; i++) {
    if (byDateThenId(entries[i - 1] as LedgerEntry, entries[i] as LedgerEntry) >= 0) {
      return clusterBySorting(entries, tolerance) // i - 1 and i are within bounds
    }
  }
  // By amount only (stable: equal amounts keep the input order, as Array.prototype.sort does).
  const amounts: number[] = new Array<number>(n)
  let allEqual = true
  for (let i = 0; i < n; i++) {
    amounts[i] = Math.abs((entries[i] as LedgerEntry).tx.amount) // i < n
    if (amounts[i] !== amounts[0]) allEqual = false
  }
  if (allEqual) return [entries.slice()] // a subscription: one cluster, nothing to sort
  const order = sortedIndexes(amounts)
  const clusterOf: number[] = new Array<number>(n)
  let cluster = -1
  let floor = 0
  for (let k = 0; k < n; k++) {
    const i = order[k] as number // k < n
    const amount = amounts[i] as number // i < n
    if (cluster < 0 || amount > floor * (1 + tolerance) + 1) {
      cluster++
      floor = amount
    }
    clusterOf[i] = cluster
  }
  // Clusters in the order of their first (earliest) entry, entries in input order.
  const byCluster: LedgerEntry[][] = []
  const clusters: LedgerEntry[][] = []
  for (let i = 0; i < n; i++) {
    const e = entries[i] as LedgerEntry // i < n
    const c = clusterOf[i] as number // i < n
    const list = byCluster[c]
    if (list === undefined) {
      const created = [e]
      byCluster[c] = created
      clusters.push(created)
    } else list.push(e)
  }
  return clusters
}

/** Indexes of `values` in ascending order of value, equal values by index (a stable sort). */
const sortedIndexes = (values: readonly number[]): number[] => {
  const n = values.length
  const order: number[] = new Array<number>(n)
  for (let i = 0; i < n; i++) order[i] = i
  if (n > 24) {
    // Integer values (minor units) and their index packed in one number: the typed array's
    // own numeric sort (no comparator calls), equal values ordered by index.
    const keys = new Float64Array(n)
    let packable = true
    for (let i = 0; i < n; i++) {
      const v = values[i] as number // i < n
      if (!Number.isInteger(v) || v < 0 || v * n + i > Number.MAX_SAFE_INTEGER) packable = false
      keys[i] = v * n + i
    }
    if (!packable) {
      return order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b) // a, b < n
    }
    keys.sort()
    for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % n // k < n
    return order
  }
  // Insertion sort: most payees have a handful of transactions.
  for (let i = 1; i < n; i++) {
    const index = order[i] as number // i < n
    const value = values[index] as number // index < n
    let j = i - 1
    while (j >= 0 && (values[order[j] as number] as number) > value) {
      order[j + 1] = order[j] as number // 0 <= j < i
      j--
    }
    order[j + 1] = index
  }
  return order
}

/** `clusterByAmount` for any input order: sorts by amount, then each cluster by date then id. */
const clusterBySorting = (entries: readonly LedgerEntry[], tolerance: number): LedgerEntry[][] => {
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
