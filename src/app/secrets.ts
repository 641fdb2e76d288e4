import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const scryptAsync = promisify(scrypt)
/** scrypt defaults (N=16384, r=8, p=1): ~50 ms per check, paid once per token request. */
const KEY_LENGTH = 32

/** `scrypt$<salt>$<hash>`, both base64url: what the database keeps instead of a client secret. */
export const hashSecret = async (secret: string): Promise<string> => {
  const salt = randomBytes(16)
  // promisify(scrypt) is typed as returning unknown; it resolves a Buffer.
  const key = (await scryptAsync(secret, salt, KEY_LENGTH)) as Buffer
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/** Constant-time comparison of a secret with its stored hash. */
export const verifySecret = async (secret: string, stored: string): Promise<boolean> => {
  const [scheme, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false
  const expected = Buffer.from(hash, 'base64url')
  // promisify(scrypt) is typed as returning unknown; it resolves a Buffer.
  const actual = (await scryptAsync(
    secret,
    Buffer.from(salt, 'base64url'),
    expected.length,
  )) as Buffer
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
