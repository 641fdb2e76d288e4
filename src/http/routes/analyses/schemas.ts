import { Type } from 'typebox'
import { ref } from '../../result-schemas.ts'

export const AnalysisParams = Type.Object({
  id: Type.String({ description: 'Customer id' }),
  analysisId: Type.String({ description: 'Analysis id' }),
})

const Parameters = Type.Object(
  {
    disableScores: Type.Optional(Type.Boolean()),
    disableCreditInsights: Type.Optional(Type.Boolean()),
    windowMonths: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 240,
        description:
          'Months of history analysed, ending on the latest date of the data (default 12); older transactions stay stored but are not analysed',
      }),
    ),
  },
  { description: 'disableScores and disableCreditInsights both true → 400' },
)

const Status = Type.Union(
  [
    Type.Literal('CREATED'),
    Type.Literal('IN_PROGRESS'),
    Type.Literal('COMPLETED'),
    Type.Literal('ERROR'),
  ],
  { description: 'CREATED → IN_PROGRESS (accounts uploaded) → COMPLETED or ERROR' },
)

const Format = Type.String({
  description:
    'Format of `accounts` (default ALGOAN); every format of the input-format registry is accepted',
})

/** Accounts are validated and mapped by the adapter of `format`, which names the bad field. */
const Accounts = Type.Array(
  Type.Object({}, { additionalProperties: true, description: 'An account with its transactions' }),
  { description: 'Accounts including transactions, in the given format' },
)

/** Raw aggregator connections, for the formats that send them (Budget Insight, Linxo). */
const Connections = Type.Array(
  Type.Object({}, { additionalProperties: true, description: 'A connection with its accounts' }),
  {
    description:
      'BUDGET_INSIGHT_V2_0 and OXLIN_DIRECT_ACCOUNT_API_V3: the aggregator connections, each with its accounts and transactions (may be sent under `accounts` instead)',
  },
)

const AnalysisErrorBody = Type.Object({ code: Type.String(), message: Type.String() })

export const CreateAnalysisBody = Type.Object({
  format: Type.Optional(Format),
  parameters: Type.Optional(Parameters),
  dataOrigin: Type.Optional(
    Type.Enum(['OPEN_BANKING', 'PDF', 'UNKNOWN'], {
      description:
        'Where the data came from (default UNKNOWN; OPEN_BANKING for the aggregator formats)',
    }),
  ),
  accounts: Type.Optional(Accounts),
  connections: Type.Optional(Connections),
})

export const UpdateAnalysisBody = Type.Object({
  format: Type.Optional(Format),
  status: Type.Optional(Status),
  error: Type.Optional(AnalysisErrorBody),
  accounts: Type.Optional(Accounts),
  connections: Type.Optional(Connections),
})

/** The analysis in full (http/result-schemas.ts): its results appear once computed. */
export const AnalysisResponse = ref('Analysis')

/** What a result endpoint answers (202) while its analysis is not computed. */
export const NotReadyResponse = ref('NotReady')
