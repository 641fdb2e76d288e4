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
    const { balances, startDay } = s
    for (let i = 0; i < balances.length; i++) {
      const balance = balances[i] ?? 0
      if (balance < 0) {
        negativeDays.add(startDay + i)
        if (balance < minimumMinor) minimumMinor = balance
      }
    }
  }
  return { minimumMinor, days: negativeDays.size }
}

const RISK_GROUPS = {
  gambling: GAMBLING,
  paymentRejections: PAYMENT_REJECTIONS,
  paymentRejectionFees: PAYMENT_REJECTION_FEES,
  checkRejections: CHECK_REJECTIONS,
  checkRejectionFees: CHECK_REJECTION_FEES,
  interventionFees: INTERVENTION_FEES,
  overdraftFees: OVERDRAFT_FEES,
  directRecoveryOfDebt: DIRECT_RECOVERY_OF_DEBT,
  bankAccountSeizure: ACCOUNT_SEIZURE,
  wageAdvance: WAGE_ADVANCE,
} as const satisfies Record<string, ReadonlySet<Category>>

type RiskGroup = keyof typeof RISK_GROUPS

/** Category → the risk group it feeds (the sets are disjoint). */
const GROUP_OF: ReadonlyMap<Category, RiskGroup> = new Map<Category, RiskGroup>(
  (Object.keys(RISK_GROUPS) as RiskGroup[]).flatMap((group) =>
    [...RISK_GROUPS[group]].map((category): [Category, RiskGroup] => [category, group]),
  ), // Object.keys loses the key type; the keys are RISK_GROUPS' own
)

/** The checking transactions of each risk group, in one pass. Gambling counts stakes (debits). */
export const riskEntries = (ledger: Ledger): Record<RiskGroup, LedgerEntry[]> => {
  const groups = Object.fromEntries(
    Object.keys(RISK_GROUPS).map((group) => [group, [] as LedgerEntry[]]),
  ) as Record<RiskGroup, LedgerEntry[]> // filled with every key just above
  for (const e of ledger.checking) {
    const group = GROUP_OF.get(e.tx.enrichments.category)
    if (group === undefined || (group === 'gambling' && e.tx.amount >= 0)) continue
    groups[group].push(e)
  }
  return groups
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
