import { toMajor } from '../../engine/model/index.ts'
import type { ScoringResult } from './ports.ts'

/**
 * An affordability result as the v2 what-if and `creditlens analyze --loan-amount` show it:
 * camel case, amounts in major units of the analysis currency.
 */
export const affordabilityToWire = (result: ScoringResult) => {
  const a = result.affordability
  const major = (minor: number): number => toMajor(minor, a.currency)
  return {
    currency: a.currency,
    score: a.score,
    decision: { outcome: result.decision.decision, rules: result.decision.firedRules },
    reasons: a.reasons,
    affordability: {
      principal: major(a.principal),
      instalment: major(a.instalment),
      annualRatePercent: a.annualRatePercent,
      monthlyIncome: major(a.monthlyIncome),
      recurringExpenses: major(a.monthlyRecurringExpenses),
      creditRepayments: major(a.monthlyCreditRepayments),
      housing: major(a.monthlyHousing),
      residualIncome: major(a.residualIncome),
      residualAfterInstalment: major(a.residualAfterInstalment),
      debtToIncomeBefore: a.debtToIncomeBefore,
      debtToIncomeAfter: a.debtToIncomeAfter,
      replay:
        a.replay === null
          ? null
          : {
              ...a.replay,
              lowestBalanceBefore: major(a.replay.lowestBalanceBefore),
              deepestBalance: major(a.replay.deepestBalance),
            },
    },
  }
}
