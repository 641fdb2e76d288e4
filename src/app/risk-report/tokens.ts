/**
 * `POST /auth/token` of the risk report flow: an authorization code (1 hour, single use, bound
 * to its client and `redirect_uri`) or a refresh token (90 days, rotating) → a new access token
 * (1 hour) and refresh token. Tokens are opaque random strings kept as SHA-256 hashes. A grant
 * is the chain started by one code: a code or refresh token presented a second time means it
 * leaked, and the whole grant (every access and refresh token of it) is revoked.
 */
import { randomUUID } from 'node:crypto'
import type { ClientCredential } from '../ports.ts'
import { RiskReportError } from './errors.ts'
import { newToken, tokenHash, type RiskReportDeps } from './flows.ts'
import type { StoredToken } from './ports.ts'

export const ACCESS_SECONDS = 3600
export const REFRESH_SECONDS = 90 * 24 * 3600
export const SCOPE = 'accounts=ro balance=ro transactions=ro offline'

export interface TokenResponse {
  access_token: string
  expires_in: number
  scope: string
  token_type: 'Bearer'
  refresh_token: string
}

const refused = (description: string) => new RiskReportError('UNAUTHORIZED', undefined, description)

const issue = async (
  deps: RiskReportDeps,
  from: Pick<StoredToken, 'flowId' | 'projectId' | 'clientId'>,
  grantId: string,
): Promise<TokenResponse> => {
  const now = deps.app.clock.now().getTime()
  const access = newToken()
  const refresh = newToken()
  for (const [token, kind, seconds] of [
    [access, 'access', ACCESS_SECONDS],
    [refresh, 'refresh', REFRESH_SECONDS],
  ] as const) {
    await deps.store.insertToken({
      hash: tokenHash(token),
      kind,
      flowId: from.flowId,
      projectId: from.projectId,
      clientId: from.clientId,
      grantId,
      redirectUri: null,
      expiresAt: new Date(now + seconds * 1000),
    })
  }
  return {
    access_token: access,
    expires_in: ACCESS_SECONDS,
    scope: SCOPE,
    token_type: 'Bearer',
    refresh_token: refresh,
  }
}

/** A token presented again (or after its grant was revoked): revoke the grant, refuse. */
const reused = async (deps: RiskReportDeps, token: StoredToken, what: string) => {
  if (token.grantId !== null) await deps.store.revokeGrant(token.grantId, deps.app.clock.now())
  return refused(`The ${what} was already used; every token issued from it is revoked.`)
}

export const exchangeToken = async (
  deps: RiskReportDeps,
  client: ClientCredential,
  body: unknown,
): Promise<TokenResponse> => {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const grantType = fields.grant_type
  if (grantType === 'authorization_code') {
    const code = fields.code
    const redirectUri = fields.redirect_uri
    const missing: Record<string, string[]> = {}
    if (typeof code !== 'string' || code === '') missing.code = ['Missing data for required field.']
    if (typeof redirectUri !== 'string' || redirectUri === '') {
      missing.redirect_uri = ['Missing data for required field.']
    }
    if (
      typeof code !== 'string' ||
      typeof redirectUri !== 'string' ||
      Object.keys(missing).length > 0
    ) {
      throw new RiskReportError('INVALID_REQUEST', missing)
    }
    const hash = tokenHash(code)
    const token = await deps.store.findToken(hash)
    if (!token || token.kind !== 'code' || token.clientId !== client.clientId) {
      throw refused('The authorization code is invalid.')
    }
    if (token.usedAt !== null) throw await reused(deps, token, 'authorization code')
    if (token.redirectUri !== redirectUri) {
      throw refused('The redirect_uri does not match the one the code was issued for.')
    }
    const consumed = await deps.store.consumeToken(hash, 'code', deps.app.clock.now())
    if (!consumed) throw refused('The authorization code has expired.')
    const grantId = randomUUID()
    await deps.store.createGrant({
      id: grantId,
      flowId: token.flowId,
      projectId: token.projectId,
      clientId: token.clientId,
      createdAt: deps.app.clock.now(),
    })
    await deps.store.setTokenGrant(hash, grantId)
    return issue(deps, token, grantId)
  }
  if (grantType === 'refresh_token') {
    const refresh = fields.refresh_token
    if (typeof refresh !== 'string' || refresh === '') {
      throw new RiskReportError('INVALID_REQUEST', {
        refresh_token: ['Missing data for required field.'],
      })
    }
    const hash = tokenHash(refresh)
    const token = await deps.store.findToken(hash)
    if (!token || token.kind !== 'refresh' || token.clientId !== client.clientId) {
      throw refused('The refresh token is invalid.')
    }
    if (token.usedAt !== null || token.revokedAt !== null) {
      throw await reused(deps, token, 'refresh token')
    }
    const consumed = await deps.store.consumeToken(hash, 'refresh', deps.app.clock.now())
    if (!consumed || consumed.grantId === null) throw refused('The refresh token has expired.')
    return issue(deps, consumed, consumed.grantId)
  }
  throw new RiskReportError('INVALID_REQUEST', {
    grant_type: ['Must be one of: authorization_code, refresh_token.'],
  })
}
