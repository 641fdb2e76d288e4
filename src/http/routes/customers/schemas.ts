import { Type } from 'typebox'

const JsonObject = Type.Record(Type.String(), Type.Unknown())

export const AggregationDetails = Type.Object(
  {
    aggregatorName: Type.Optional(
      Type.Enum(['BUDGET_INSIGHT', 'BRIDGE', 'TINK', 'OTHER'], {
        description: 'The aggregator (AIS provider)',
      }),
    ),
    callbackUrl: Type.Optional(Type.String()),
    token: Type.Optional(Type.String()),
    mode: Type.Optional(
      Type.Enum(['REDIRECT', 'API', 'IFRAME'], { description: 'How the customer connects' }),
    ),
    redirectUrl: Type.Optional(Type.String()),
    apiUrl: Type.Optional(Type.String()),
    iframeUrl: Type.Optional(Type.String()),
    userId: Type.Optional(Type.String()),
    clientId: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'Information about the AIS provider' },
)

export const PersonalDetails = Type.Object(
  {
    identity: Type.Optional(JsonObject),
    contact: Type.Optional(JsonObject),
    household: Type.Optional(JsonObject),
  },
  { additionalProperties: true, description: 'Personal information about the customer' },
)

export const CustomerBody = Type.Object({
  customIdentifier: Type.String({ minLength: 1, maxLength: 256 }),
  aggregationDetails: Type.Optional(AggregationDetails),
  personalDetails: Type.Optional(PersonalDetails),
})

export const CustomerPatch = Type.Object({
  aggregationDetails: Type.Optional(AggregationDetails),
  personalDetails: Type.Optional(PersonalDetails),
})

export const CustomerResponse = Type.Object({
  id: Type.String(),
  customIdentifier: Type.String(),
  aggregationDetails: Type.Optional(AggregationDetails),
  personalDetails: Type.Optional(PersonalDetails),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
