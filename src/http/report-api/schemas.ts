/**
 * OpenAPI schemas of the Report API. Bodies are checked by the handlers (the vendor's error codes
 * name the fields), so the request schemas document; responses are passed through whole.
 */
import { Type } from 'typebox'

export const ReportErrors = Type.Array(
  Type.Object({
    title: Type.String(),
    detail: Type.String(),
    'error-code': Type.String({
      description:
        'API_REQUIRED_PARAMS_MISSING, ANALYSIS_ALREADY_REQUESTED, NO_SUITABLE_PARSERS, UNSUPPORTED_COUNTRY_REQUESTED, EXCEEDED_LIMIT, TIMEOUT_PROCESSING, RATE_LIMIT, NOT_FOUND, FORBIDDEN, GONE, UNAUTHORIZED, UNKNOWN_ERROR, SERVICE_UNAVAILABLE',
    }),
    source: Type.Array(Type.String(), { description: 'The offending fields' }),
  }),
  { description: 'Every failure answers an array of errors' },
)

/** A JSON:API-like envelope, served as built (the handler shapes it). */
export const Envelope = (description: string) =>
  Type.Object({ data: Type.Any() }, { description, additionalProperties: true })

export const ReportTokenBody = Type.Object({
  grant_type: Type.Literal('client_credentials'),
  client_id: Type.String(),
  client_secret: Type.String(),
  audience: Type.Optional(Type.String({ description: 'Accepted and ignored (any value)' })),
})

export const ReportTokenResponse = Type.Object({
  access_token: Type.String(),
  expires_in: Type.Integer({ description: 'Seconds (ACCESS_TOKEN_SECONDS, default 86,400)' }),
  token_type: Type.Literal('Bearer'),
})

export const ReportUploadBody = Type.Object({
  input: Type.Array(Type.String({ format: 'binary' }), {
    description:
      'One or more files, 10 MB together: the Report API JSON (accounts → currencies → transactions) or any format creditlens reads (ALGOAN, Budget Insight, Linxo, CAMT, OFX, MT940, CSV), detected from content',
  }),
})

export const ReportProcessBody = Type.Object({
  country: Type.String({ description: 'fr, uk (or gb), es, nl, be, de; any case' }),
  operations: Type.Array(
    Type.Union([
      Type.Literal('categorisation'),
      Type.Literal('insights-income'),
      Type.Literal('insights-loans'),
      Type.Literal('insights-risk'),
      Type.Literal('simple-score'),
    ]),
  ),
  params: Type.Optional(
    Type.Object({
      drop_shared_accounts: Type.Optional(Type.Boolean()),
      drop_joint_accounts: Type.Optional(Type.Boolean()),
      period: Type.Optional(
        Type.Integer({ description: 'Calendar months up to the last complete one' }),
      ),
      currency: Type.Optional(Type.String()),
      income_definition: Type.Optional(Type.Array(Type.Integer())),
      expense_definition: Type.Optional(Type.Array(Type.Integer())),
    }),
  ),
  use_webhook: Type.Optional(
    Type.Boolean({ description: 'Send report_completed to the project’s subscriptions' }),
  ),
})

export const RequestIdParams = Type.Object({ request_id: Type.String() })
export const CountryParams = Type.Object({ country: Type.String() })
