import type { Category, Risks, TransactionsGroup } from '../model/index.ts'
import { toMajor } from '../model/index.ts'
import { sumMinor } from './amounts.ts'
import {
  ACCOUNT_SEIZURE,
  CHECK_REJECTION_FEES,
  CHECK_REJECTIONS,
  DIRECT_RECOVERY_OF_DEBT,
  GAMBLING,
  INTERVENTION_FEES,
  OVERDRAFT_FEES,
  PAYMENT_REJECTION_FEES,
  PAYMENT_REJECTIONS,
  WAGE_ADVANCE,
} from './categories.ts'
import type { BalanceSeries } from './daily-balances.ts'
import type { Ledger, LedgerEntry } from './ledger.ts'

/** Overdraft depth and length over the checking accounts' rebuilt end-of-day balances. */
export interface OverdraftFigures {
  /** Lowest end-of-day balance of any checking account, minor units (0 when none goes lower). */
  minimumMinor: number
  /** Days on which at least one checking account ended below zero. */
  days: number
}

export const overdraftOf = (series: readonly BalanceSeries[]): OverdraftFigures => {
  let minimumMinor = 0
  const negativeDays = new Set<number>()
  for (const s of series) {
    s.balances.forEach((balance, i) => {
      if (balance < 0) negativeDays.add(s.startDay + i)
      if (balance < minimumMinor) minimumMinor = balance
    })
  }
  return { minimumMinor, days: negativeDays.size }
}

/** The checking transactions of each risk category, split once. */
export const riskEntries = (ledger: Ledger) => {
  const pick = (categories: ReadonlySet<Category>): LedgerEntry[] =>
    ledger.checking.filter((e) => categories.has(e.tx.enrichments.category))
  return {
    gambling: pick(GAMBLING).filter((e) => e.tx.amount < 0),
    paymentRejections: pick(PAYMENT_REJECTIONS),
    paymentRejectionFees: pick(PAYMENT_REJECTION_FEES),
    checkRejections: pick(CHECK_REJECTIONS),
    checkRejectionFees: pick(CHECK_REJECTION_FEES),
    interventionFees: pick(INTERVENTION_FEES),
    overdraftFees: pick(OVERDRAFT_FEES),
    directRecoveryOfDebt: pick(DIRECT_RECOVERY_OF_DEBT),
    bankAccountSeizure: pick(ACCOUNT_SEIZURE),
    wageAdvance: pick(WAGE_ADVANCE),
  }
}
export type RiskEntries = ReturnType<typeof riskEntries>

/**
 * Risk indicators of the reference. Amounts keep their sign (fees are negative, the rejection
 * lines that give money back are positive), as the transactions they sum.
 */
export const computeRisks = (
  ledger: Ledger,
  entries: RiskEntries,
  overdraft: OverdraftFigures,
): Risks => {
  const { currency } = ledger
  const group = (list: readonly LedgerEntry[]): TransactionsGroup => ({
    totalAmount: toMajor(sumMinor(list), currency),
    transactions: list.map((e) => e.wire),
  })
  const rejections = (list: readonly LedgerEntry[], fees: readonly LedgerEntry[]) => ({
    ...group(list),
    totalFeesAmount: toMajor(sumMinor(fees), currency),
    feesTransactions: fees.map((e) => e.wire),
  })
  return {
    gambling: group(entries.gambling),
    incidents: {
      paymentRejections: rejections(entries.paymentRejections, entries.paymentRejectionFees),
      checkRejections: rejections(entries.checkRejections, entries.checkRejectionFees),
      interventionFees: group(entries.interventionFees),
    },
    overdraft: {
      minimumBalanceReached: toMajor(overdraft.minimumMinor, currency),
      duration: overdraft.days,
      fees: group(entries.overdraftFees),
    },
    heavyFailures: {
      directRecoveryOfDebt: group(entries.directRecoveryOfDebt),
      bankAccountSeizure: group(entries.bankAccountSeizure),
    },
    wageAdvance: group(entries.wageAdvance),
  }
}
