import type { LedgerEntry, Period } from '../insights/ledger.ts'

/** A group of transactions a detector recognised as one recurring stream (or one credit contract). */
export interface DetectedFlow {
  detectorId: string
  /** By date then id; may include payments later reversed by a rejection. */
  entries: LedgerEntry[]
}

export interface DetectionContext {
  period: Period
}

/**
 * A cash-flow detector: a stable id and a pure function that builds flows from the transactions
 * no earlier detector claimed. Detectors run in the order of `recurrenceDetectors` (index.ts).
 */
export interface RecurrenceDetector {
  id: string
  detect: (candidates: readonly LedgerEntry[], ctx: DetectionContext) => DetectedFlow[]
}
