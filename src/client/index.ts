/**
 * `creditlens/client`: a typed client of the analyses API, generated from its OpenAPI document
 * (`openapi.d.ts`, `npm run client:generate`) and run by openapi-fetch. Every path, parameter,
 * body and response is typed, results included (`components['schemas']['Scores']` …).
 *
 * ```ts
 * import { createCreditlensClient } from 'creditlens/client'
 * const api = createCreditlensClient({ baseUrl: 'http://127.0.0.1:3000' })
 * await api.authenticate({ clientId: 'demo', clientSecret: 'demo-secret-change-me' })
 * const { data: customer } = await api.POST('/v2/customers', { body: { customIdentifier: 'c-1' } })
 * ```
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch'
import type { components, paths } from './openapi.js'

export type { components, paths }

/** The shared schemas of the API by name: `Schema<'Analysis'>`, `Schema<'Transaction'>` … */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name]

export interface CreditlensClient extends Client<paths> {
  /**
   * Asks a token with the client credentials (`POST /v2/oauth/token`) and sends it with every
   * later request; returns the token response.
   */
  authenticate(credentials: {
    clientId: string
    clientSecret: string
  }): Promise<paths['/v2/oauth/token']['post']['responses']['201']['content']['application/json']>
}

/** A typed client of the API at `baseUrl` (openapi-fetch options). */
export const createCreditlensClient = (options: ClientOptions = {}): CreditlensClient => {
  const client = createClient<paths>(options)
  let token: string | undefined
  client.use({
    onRequest: ({ request }) => {
      if (token !== undefined && !request.headers.has('authorization')) {
        request.headers.set('authorization', `Bearer ${token}`)
      }
      return request
    },
  })
  return Object.assign(client, {
    authenticate: async ({
      clientId,
      clientSecret,
    }: {
      clientId: string
      clientSecret: string
    }) => {
      // Form-encoded, as the reference's token endpoint takes it.
      const { data, error, response } = await client.POST('/v2/oauth/token', {
        body: {
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        },
        bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      if (data === undefined) {
        throw new Error(`token request failed (${response.status}): ${error?.message ?? ''}`)
      }
      token = data.access_token
      return data
    },
  })
}
