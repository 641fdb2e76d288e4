/**
 * The scoring object as the v1 API serves it: the vendor's fields (snake case, amounts in minor
 * units, `created` in Unix seconds), plus our additive ones once scored (`reasons`,
 * `affordability`, `decision`) or failed (`error`).
 */
import type { Scoring } from '../../app/scoring/ports.ts'

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000)

export const scoringToWire = (scoring: Scoring, redirectUrl: string) => {
  const { customer, sepa, result } = scoring
  const affordability = result?.affordability
  return {
    id: scoring.id,
    duration: scoring.duration,
    amount: scoring.amount,
    upfront: scoring.upfront,
    currency: scoring.currency,
    status: scoring.status,
    score: scoring.status === 'scored' ? scoring.score : null,
    customer: {
      id: customer.id,
      email: customer.email,
      ...(customer.mobile !== null && { mobile: customer.mobile }),
      ...(customer.name !== null && { name: customer.name }),
      live_mode: customer.liveMode,
      created: seconds(customer.createdAt),
    },
    sepa:
      sepa === null
        ? null
        : {
            id: sepa.id,
            last4: sepa.iban.slice(-4),
            name: sepa.name,
            ...(sepa.bic !== null && { bic: sepa.bic }),
            live_mode: sepa.liveMode,
            created: seconds(sepa.createdAt),
          },
    redirect_url: redirectUrl,
    return_url: scoring.returnUrl,
    live_mode: scoring.liveMode,
    created: seconds(scoring.createdAt),
    ...(scoring.status === 'failed' && scoring.error !== null && { error: scoring.error }),
    ...(scoring.status === 'scored' &&
      affordability !== undefined &&
      result !== null && {
        reasons: affordability.reasons,
        affordability: {
          instalment: affordability.instalment,
          annual_rate_percent: affordability.annualRatePercent,
          monthly_income: affordability.monthlyIncome,
          recurring_expenses: affordability.monthlyRecurringExpenses,
          credit_repayments: affordability.monthlyCreditRepayments,
          housing: affordability.monthlyHousing,
          residual_income: affordability.residualIncome,
          residual_after_instalment: affordability.residualAfterInstalment,
          debt_to_income_before: affordability.debtToIncomeBefore,
          debt_to_income_after: affordability.debtToIncomeAfter,
          shortfall_days: affordability.replay?.shortfallDays ?? null,
          replay:
            affordability.replay === null
              ? null
              : {
                  from: affordability.replay.from,
                  to: affordability.replay.to,
                  debit_day: affordability.replay.debitDay,
                  days_below_zero_before: affordability.replay.daysBelowZeroBefore,
                  days_below_zero: affordability.replay.daysBelowZero,
                  days_below_lowest: affordability.replay.daysBelowLowest,
                  lowest_balance_before: affordability.replay.lowestBalanceBefore,
                  deepest_balance: affordability.replay.deepestBalance,
                },
        },
        decision: {
          outcome: result.decision.decision,
          rules: result.decision.firedRules,
        },
      }),
  }
}
