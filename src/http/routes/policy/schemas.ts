import { Type } from 'typebox'

const Outcome = Type.Enum(['REFER', 'DECLINE'], {
  description: 'What the rule does when it fires',
})

const strict = { additionalProperties: false } as const

export const PolicyBody = Type.Object(
  {
    annualRatePercent: Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'Nominal annual interest rate of your credits, in percent: instalments use it',
    }),
    approveFrom: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Score from which to APPROVE',
    }),
    referFrom: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Score from which to REFER (below: DECLINE); at most approveFrom',
    }),
    rules: Type.Object(
      {
        gamblingShare: Type.Optional(
          Type.Object(
            { above: Type.Number({ minimum: 0, maximum: 1 }), outcome: Outcome },
            { ...strict, description: 'Gambling above this share of income (0.1 = 10 %)' },
          ),
        ),
        accountSeizure: Type.Optional(
          Type.Object({ outcome: Outcome }, { ...strict, description: 'Any account seizure' }),
        ),
        recentRejections: Type.Optional(
          Type.Object(
            { above: Type.Integer({ minimum: 0, maximum: 1000 }), outcome: Outcome },
            { ...strict, description: 'More payment or cheque rejections than this in 90 days' },
          ),
        ),
        debtToIncomeAfter: Type.Optional(
          Type.Object(
            { above: Type.Number({ minimum: 0, maximum: 10 }), outcome: Outcome },
            { ...strict, description: 'Debt-to-income with the new credit above this ratio' },
          ),
        ),
      },
      strict,
    ),
  },
  { ...strict, $id: 'DecisionPolicy' },
)

export const AffordabilityParams = Type.Object({ id: Type.String(), analysisId: Type.String() })

export const AffordabilityBody = Type.Object(
  {
    amount: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1_000_000,
      description: 'The credit asked for, in major units (3000 = 3,000.00)',
    }),
    duration: Type.Integer({ minimum: 1, maximum: 24, description: 'Months' }),
    upfront: Type.Optional(
      Type.Number({ minimum: 0, description: 'Paid at the start, less than amount' }),
    ),
  },
  strict,
)
