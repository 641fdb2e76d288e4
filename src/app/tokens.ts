/**
 * OAuth2 tokens: client credentials and rotating refresh tokens, as HS256 JWTs carrying the
 * project. A refresh token works once: using it again answers UNAUTHORIZED and revokes every
 * refresh token of its grant (the chain of rotations since the client-credentials request), as
 * OAuth 2.1 asks: a reused token was stolen, and the thief or the client holds the newer one.
 * Tokens must carry `exp`, `iat`, `jti` and `sub`.
 */
import { randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import { AppError } from './errors.ts'
import type { Clock, CredentialStore } from './ports.ts'
import { hashSecret, verifySecret } from './secrets.ts'

export interface TokenPair {
  access_token: string
  expires_in: number
  refresh_expires_in: number
  refresh_token: string
  token_type: 'bearer'
}

export interface Principal {
  projectId: string
  clientId: string
}

export interface TokenService {
  issue(input: { clientId: string; clientSecret: string }): Promise<TokenPair>
  refresh(refreshToken: string): Promise<TokenPair>
  /** The principal of a valid access token; throws UNAUTHORIZED otherwise. */
  verify(accessToken: string): Promise<Principal>
}

const ISSUER = 'creditlens'
/**
 * Verified access tokens kept in memory: an HS256 check costs ~0.3 ms (~3,500/s on this kind of
 * machine), more than the rest of a small GET. Bounded; emptied when full.
 */
const VERIFIED_CACHE_SIZE = 10_000
const unauthorized = (message: string): AppError => new AppError('UNAUTHORIZED', message)

/**
 * Secret checks running at once: scrypt runs on libuv's thread pool (4 threads by default), so
 * more would only queue there and delay every other pool user (file reads, DNS). A burst of
 * wrong secrets used to slow other tenants from 2 ms to 288 ms.
 */
const MAX_RUNNING_SECRET_CHECKS = 4
/** Checks waiting their turn; past this a token request answers 429 at once. */
const MAX_WAITING_SECRET_CHECKS = 32

/** Runs at most `running` tasks at once, with at most `waiting` queued; rejects beyond. */
const boundedQueue = (running: number, waiting: number) => {
  let active = 0
  const queue: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= running) {
      if (queue.length >= waiting) {
        throw new AppError('TOO_MANY_REQUESTS', 'Too many token requests at once; retry shortly')
      }
      await new Promise<void>((resolve) => queue.push(resolve))
    } else {
      active += 1
    }
    try {
      return await task()
    } finally {
      // Hand the slot to the next waiter, or free it.
      const next = queue.shift()
      if (next) next()
      else active -= 1
    }
  }
}

export const createTokenService = (options: {
  credentials: CredentialStore
  clock: Clock
  secret: string
  accessSeconds: number
  refreshSeconds: number
}): TokenService => {
  const key = new TextEncoder().encode(options.secret)
  const { credentials, clock, accessSeconds, refreshSeconds } = options
  const verified = new Map<string, { principal: Principal; expiresAt: number }>()
  const secretChecks = boundedQueue(MAX_RUNNING_SECRET_CHECKS, MAX_WAITING_SECRET_CHECKS)
  // An unknown client id is checked against this hash of a random secret, so it costs the same
  // scrypt as a known one: the time of a refusal does not tell which client ids exist.
  const dummyHash = hashSecret(randomUUID())

  const sign = async (principal: Principal, use: 'access' | 'refresh', jti: string) => {
    const now = Math.floor(clock.now().getTime() / 1000)
    return new SignJWT({ pid: principal.projectId, use })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(principal.clientId)
      .setJti(jti)
      .setIssuedAt(now)
      .setExpirationTime(now + (use === 'access' ? accessSeconds : refreshSeconds))
      .sign(key)
  }

  const pair = async (principal: Principal, grantId: string): Promise<TokenPair> => {
    const refreshJti = randomUUID()
    await credentials.saveRefreshToken({
      jti: refreshJti,
      grantId,
      clientId: principal.clientId,
      projectId: principal.projectId,
      expiresAt: new Date(clock.now().getTime() + refreshSeconds * 1000),
    })
    return {
      access_token: await sign(principal, 'access', randomUUID()),
      expires_in: accessSeconds,
      refresh_expires_in: refreshSeconds,
      refresh_token: await sign(principal, 'refresh', refreshJti),
      token_type: 'bearer',
    }
  }

  const decode = async (token: string, use: 'access' | 'refresh') => {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: clock.now(),
        // jose checks `exp` only when present: a token without one would never expire.
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      })
      if (
        payload.use !== use ||
        typeof payload.pid !== 'string' ||
        typeof payload.sub !== 'string' ||
        typeof payload.jti !== 'string'
      ) {
        throw unauthorized('Invalid token')
      }
      return {
        principal: { projectId: payload.pid, clientId: payload.sub },
        jti: payload.jti,
        expiresAt: (payload.exp ?? 0) * 1000,
      }
    } catch (error) {
      if (error instanceof AppError) throw error
      throw unauthorized(use === 'access' ? 'Invalid or expired token' : 'Invalid refresh token')
    }
  }

  return {
    issue: async ({ clientId, clientSecret }) => {
      const client = await credentials.findClient(clientId)
      const hash = client?.secretHash ?? (await dummyHash)
      const isValid = await secretChecks(() => verifySecret(clientSecret, hash))
      if (!client || !isValid) throw unauthorized('Invalid client credentials')
      return pair({ projectId: client.projectId, clientId }, randomUUID())
    },
    refresh: async (refreshToken) => {
      const { principal, jti } = await decode(refreshToken, 'refresh')
      const consumed = await credentials.consumeRefreshToken(jti, clock.now())
      if (!consumed) {
        await credentials.revokeGrantOf(jti, clock.now())
        throw unauthorized('Refresh token already used or revoked')
      }
      return pair(principal, consumed.grantId)
    },
    verify: async (accessToken) => {
      const now = clock.now().getTime()
      const cached = verified.get(accessToken)
      if (cached && cached.expiresAt > now) return cached.principal
      const { principal, expiresAt } = await decode(accessToken, 'access')
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.clear()
      verified.set(accessToken, { principal, expiresAt })
      return principal
    },
  }
}
