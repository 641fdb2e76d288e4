import { Type } from 'typebox'

/**
 * The multipart form of `POST /v2/customers/{id}/analyses/files`, for the OpenAPI document. The
 * route reads the parts itself (file bytes are not JSON), so this schema documents; the handler
 * checks.
 */
export const AnalysisFilesBody = Type.Object({
  files: Type.Array(Type.String({ format: 'binary' }), {
    description:
      'One or more files of one customer: bank statements (CAMT.053/052, OFX, MT940, CSV) or aggregator exports (ALGOAN, BUDGET_INSIGHT_V2_0, OXLIN_DIRECT_ACCOUNT_API_V3 JSON). The same account across files is merged; transactions repeated by overlapping statements are counted once.',
  }),
  format: Type.Optional(
    Type.String({
      description:
        'Format of every file (CAMT, OFX, MT940, CSV, ALGOAN, …); detected from each file’s content when absent',
    }),
  ),
  disableScores: Type.Optional(Type.Boolean()),
  disableCreditInsights: Type.Optional(Type.Boolean()),
})
