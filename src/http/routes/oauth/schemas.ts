import { Type } from 'typebox'

export const TokenRequest = Type.Object({
  grant_type: Type.Union([Type.Literal('client_credentials'), Type.Literal('refresh_token')], {
    description: 'client_credentials (with client_id and client_secret) or refresh_token',
  }),
  client_id: Type.Optional(Type.String({ minLength: 1 })),
  client_secret: Type.Optional(Type.String({ minLength: 1 })),
  refresh_token: Type.Optional(Type.String({ minLength: 1 })),
})

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  expires_in: Type.Number({ description: 'Seconds until the access token expires' }),
  refresh_expires_in: Type.Number({ description: 'Seconds until the refresh token expires' }),
  refresh_token: Type.String({ description: 'Works once: each use returns a new one' }),
  token_type: Type.Literal('bearer'),
})
