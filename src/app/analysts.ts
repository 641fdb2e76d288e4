/**
 * Analysts of the console: created from the command line with a one-time password (shown once,
 * stored as an scrypt hash, to be replaced at the first sign-in), signed in with a lockout after
 * repeated failures, and kept signed in by a server-side session whose cookie holds a random
 * token (the database keeps only its SHA-256).
 */
import { createHash, randomBytes } from 'node:crypto'
import { AppError } from './errors.ts'
import type { Analyst, ConsoleStore } from './console-ports.ts'
import type { AppDeps } from './ports.ts'
import { hashSecret, verifySecret } from './secrets.ts'

export type AnalystDeps = Pick<AppDeps, 'inTransaction' | 'clock' | 'ids' | 'credentials'> & {
  console: ConsoleStore
}

/** Failures in a row before the account is locked. */
export const MAX_FAILED_SIGN_INS = 5
/** How long a lock lasts: long enough to stop guessing, short enough not to need support. */
export const LOCK_MS = 15 * 60_000
/** A session lasts one working day, then the analyst signs in again. */
export const SESSION_MS = 8 * 60 * 60_000
/** Shortest password an analyst may choose. */
export const MIN_PASSWORD_LENGTH = 12

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/

export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

/** Creates an analyst of a project; returns the one-time password (shown once). */
export const createAnalyst = async (
  deps: AnalystDeps,
  input: { projectId: string; email: string },
): Promise<{ analyst: Analyst; password: string }> => {
  const email = normaliseEmail(input.email)
  if (!EMAIL.test(email)) throw new AppError('BAD_REQUEST', 'email must be an e-mail address')
  if (!(await deps.credentials.findProject(input.projectId))) {
    throw new AppError('UNKNOWN_ENTITY', 'Project not found')
  }
  // 18 random bytes: 24 url-safe characters, typed once by the analyst then replaced.
  const password = randomBytes(18).toString('base64url')
  const analyst: Analyst = {
    id: deps.ids.next(),
    projectId: input.projectId,
    email,
    passwordHash: await hashSecret(password),
    mustChangePassword: true,
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: deps.clock.now(),
  }
  const inserted = await deps.inTransaction((tx) => deps.console.insertAnalyst(tx, analyst))
  if (!inserted) throw new AppError('ALREADY_EXISTS', 'An analyst with this e-mail exists')
  return { analyst, password }
}

/** A hash no password matches, checked for unknown e-mails so they take as long as known ones. */
const DUMMY_HASH = `scrypt$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`

export type SignInResult =
  { ok: true; analyst: Analyst; sessionToken: string } | { ok: false; reason: 'invalid' | 'locked' }

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex')

/**
 * Checks an e-mail and password. The answer never says whether the e-mail exists; a locked
 * account is refused without checking the password (so guessing stops while it is locked).
 */
export const signIn = async (
  deps: AnalystDeps,
  input: { email: string; password: string },
): Promise<SignInResult> => {
  const now = deps.clock.now()
  const analyst = await deps.console.findAnalystByEmail(normaliseEmail(input.email))
  if (!analyst) {
    await verifySecret(input.password, DUMMY_HASH)
    return { ok: false, reason: 'invalid' }
  }
  if (analyst.lockedUntil !== null && analyst.lockedUntil > now) {
    return { ok: false, reason: 'locked' }
  }
  if (!(await verifySecret(input.password, analyst.passwordHash))) {
    const failures = analyst.failedAttempts + 1
    const lock = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MS) : null
    await deps.console.recordFailure(analyst.id, lock)
    return { ok: false, reason: lock ? 'locked' : 'invalid' }
  }
  await deps.console.recordSuccess(analyst.id)
  const sessionToken = randomBytes(32).toString('base64url')
  await deps.console.insertSession({
    tokenHash: tokenHash(sessionToken),
    analystId: analyst.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MS),
  })
  return { ok: true, analyst, sessionToken }
}

/** The analyst of a session cookie's token; undefined when unknown or expired. */
export const sessionAnalyst = (
  deps: AnalystDeps,
  token: string | undefined,
): Promise<Analyst | undefined> =>
  token === undefined || token.length > 100
    ? Promise.resolve(undefined)
    : deps.console.findSession(tokenHash(token), deps.clock.now())

export const signOut = (deps: AnalystDeps, token: string): Promise<void> =>
  deps.console.deleteSession(tokenHash(token))

/** Replaces the analyst's password (the one-time one at first sign-in). */
export const changePassword = async (
  deps: AnalystDeps,
  analyst: Analyst,
  input: { current: string; next: string; confirm: string },
): Promise<void> => {
  if (!(await verifySecret(input.current, analyst.passwordHash))) {
    throw new AppError('BAD_REQUEST', 'The current password is not right')
  }
  if (input.next.length < MIN_PASSWORD_LENGTH || input.next.length > 200) {
    throw new AppError(
      'BAD_REQUEST',
      `The new password must hold ${MIN_PASSWORD_LENGTH} to 200 characters`,
    )
  }
  if (input.next !== input.confirm) {
    throw new AppError('BAD_REQUEST', 'The two new passwords differ')
  }
  if (input.next === input.current) {
    throw new AppError('BAD_REQUEST', 'The new password must differ from the current one')
  }
  await deps.console.setPassword(analyst.id, await hashSecret(input.next))
}
