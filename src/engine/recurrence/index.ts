/**
 * Cash flows: the detectors run in this order, each on the transactions the previous ones left,
 * so a transaction belongs to one cash flow at most. Credit first (contracts must not be eaten by
 * the generic detectors), then fixed amounts, then variable amounts.
 */
import type { CashFlow, Category, TransactionType, WireTransaction } from '../model/index.ts'
import { toMajor } from '../model/index.ts'
import type { LedgerEntry, Period } from '../insights/ledger.ts'
import { calendarOf, sumMinor } from '../insights/amounts.ts'
import { isRejectionCategory, LOAN_DRAWDOWN, LOAN_REPAYMENT } from '../insights/categories.ts'
import { lenderName } from '../insights/lenders.ts'
import { fixedAmount } from './fixed-amount.ts'
import { loanContracts } from './loan-contracts.ts'
import { loanDrawdowns } from './loan-drawdowns.ts'
import { regularityOf } from './regularity.ts'
import { splitPaymentPlans } from './split-payment-plans.ts'
import type { DetectedFlow, RecurrenceDetector } from './types.ts'
import { variableAmount } from './variable-amount.ts'

export type { DetectedFlow, RecurrenceDetector } from './types.ts'

export const recurrenceDetectors: readonly RecurrenceDetector[] = [
  loanContracts,
  splitPaymentPlans,
  loanDrawdowns,
  fixedAmount,
  variableAmount,
]

/** A cash flow plus the ledger entries behind it, for the insights that need amounts in minor units. */
export interface DetectedCashFlow {
  cashFlow: CashFlow
  entries: LedgerEntry[]
}

/**
 * Runs every detector over the checking transactions (rejection lines aside: they are reported
 * through the payment they reverse) and shapes the flows as the reference's cash flows.
 * `bankOf` names the bank of an account, the lender of a loan debit that names nobody.
 */
export const detectCashFlows = (
  checking: readonly LedgerEntry[],
  period: Period,
  currency: string,
  bankOf: (accountId: string) => string,
): DetectedCashFlow[] => {
  let candidates = checking.filter((e) => !isRejectionCategory(e.tx.enrichments.category))
  let ledgerSize = 0
  for (const e of checking) if (e.index >= ledgerSize) ledgerSize = e.index + 1
  const flows: DetectedFlow[] = []
  for (const detector of recurrenceDetectors) {
    const found = detector.detect(candidates, { period })
    if (found.length === 0) continue
    // Marked by ledger position: no hashing of entries.
    const claimed = new Uint8Array(ledgerSize)
    for (const flow of found) {
      flows.push(flow)
      for (const e of flow.entries) claimed[e.index] = 1
    }
    candidates = candidates.filter((e) => claimed[e.index] === 0)
  }
  const perRoot = new Map<string, number>()
  return flows.map((flow) => {
    const first = flow.entries[0]
    const labelRoot = first?.tx.labelRoot ?? ''
    const seen = (perRoot.get(labelRoot) ?? 0) + 1
    perRoot.set(labelRoot, seen)
    return {
      entries: flow.entries,
      cashFlow: toCashFlow(flow, labelRoot, seen, period, currency, bankOf),
    }
  })
}

const mostFrequent = <T extends string>(values: readonly T[]): T | undefined => {
  // Few distinct values (a transaction type, a lender): parallel arrays beat a map.
  const seen: T[] = []
  const counts: number[] = []
  let best: T | undefined
  let bestCount = 0
  for (const v of values) {
    let k = seen.indexOf(v)
    if (k < 0) {
      k = seen.length
      seen.push(v)
      counts.push(0)
    }
    const n = (counts[k] ?? 0) + 1
    counts[k] = n
    if (n > bestCount) {
      best = v
      bestCount = n
    }
  }
  return best
}

const toCashFlow = (
  flow: DetectedFlow,
  labelRoot: string,
  rank: number,
  period: Period,
  currency: string,
  bankOf: (accountId: string) => string,
): CashFlow => {
  const counted: LedgerEntry[] = []
  let reversedMinor = 0
  const days = new Array<number>(flow.entries.length)
  const transactions = new Array<WireTransaction>(flow.entries.length)
  flow.entries.forEach((e, i) => {
    if (e.isReversed) reversedMinor += e.tx.amount
    else counted.push(e)
    days[i] = e.day
    transactions[i] = e.wire
  })
  // Detectors group by category, so every entry of a flow shares its first entry's category.
  const category: Category = first(flow).tx.enrichments.category
  const type: TransactionType =
    mostFrequent(flow.entries.map((e) => e.tx.enrichments.type)) ?? 'DEBIT'
  const cashFlow: CashFlow = {
    type,
    category,
    labelRoot,
    label: rank === 1 ? labelRoot : `${labelRoot} - ${rank}`,
    totalAmount: toMajor(sumMinor(counted), currency),
    totalRejectedAmount: toMajor(Math.abs(reversedMinor), currency),
    calendar: calendarOf(counted, currency),
    transactions,
    regularity: regularityOf(days, period),
    detectorId: flow.detectorId,
  }
  if (LOAN_REPAYMENT.has(category) || LOAN_DRAWDOWN.has(category)) {
    const counterparty = mostFrequent(
      flow.entries.flatMap((e) =>
        e.tx.enrichments.counterparty === null ? [] : [e.tx.enrichments.counterparty],
      ),
    )
    cashFlow.lender = {
      name: lenderName(counterparty ?? null, labelRoot, bankOf(first(flow).tx.accountId)),
    }
  }
  return cashFlow
}

const first = (flow: DetectedFlow): LedgerEntry => {
  const entry = flow.entries[0]
  // Detectors never emit an empty flow; an empty one is a bug in a detector.
  if (entry === undefined) throw new Error(`empty cash flow from ${flow.detectorId}`)
  return entry
}
