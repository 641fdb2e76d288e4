/**
 * The scoring API's secret keys: `stest_…` (test mode) and `sprod_…` (live mode), one pair per
 * project, shown once. Keys are 24 random alphanumerics (143 bits), so a plain SHA-256 is what
 * the database keeps: unlike a password, nothing can be guessed from a fast hash of a random key,
 * and each request can be checked with one indexed lookup (scrypt would cost ~50 ms a request).
 */
import { createHash, randomInt } from 'node:crypto'
import type { Tx } from '../ports.ts'
import type { ScoringStore } from './ports.ts'

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `length` random alphanumerics, uniformly drawn. */
export const randomAlphanumerics = (length: number): string => {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHANUMERICS[randomInt(ALPHANUMERICS.length)]
  return out
}

/** A vendor-style id: `prefix_` + 24 alphanumerics (`scor_…`, `cust_…`, `sepa_…`). */
export const newVendorId = (prefix: 'scor' | 'cust' | 'sepa'): string =>
  `${prefix}_${randomAlphanumerics(24)}`

export const TEST_KEY_PREFIX = 'stest_'
export const LIVE_KEY_PREFIX = 'sprod_'

export const hashScoringKey = (key: string): string =>
  createHash('sha256').update(key, 'utf8').digest('hex')

export interface ScoringKeys {
  testKey: string
  liveKey: string
}

/** Creates the project's test and live keys inside `tx`; returns them (the only time they show). */
export const createScoringKeys = async (
  deps: { scorings: Pick<ScoringStore, 'insertKey'> },
  tx: Tx,
  projectId: string,
): Promise<ScoringKeys> => {
  const keys = {
    testKey: TEST_KEY_PREFIX + randomAlphanumerics(24),
    liveKey: LIVE_KEY_PREFIX + randomAlphanumerics(24),
  }
  await deps.scorings.insertKey(tx, {
    keyHash: hashScoringKey(keys.testKey),
    projectId,
    liveMode: false,
  })
  await deps.scorings.insertKey(tx, {
    keyHash: hashScoringKey(keys.liveKey),
    projectId,
    liveMode: true,
  })
  return keys
}

/** The project and mode of a secret key, or undefined when it is not one of ours. */
export const authenticateScoringKey = async (
  deps: { scorings: Pick<ScoringStore, 'findKey'> },
  key: string,
): Promise<{ projectId: string; liveMode: boolean } | undefined> => {
  const liveMode = key.startsWith(LIVE_KEY_PREFIX)
  if (!liveMode && !key.startsWith(TEST_KEY_PREFIX)) return undefined
  if (!/^s(test|prod)_[A-Za-z0-9]{1,128}$/.test(key)) return undefined
  const found = await deps.scorings.findKey(hashScoringKey(key))
  // The prefix and the stored mode agree by construction; checked anyway.
  return found && found.liveMode === liveMode ? found : undefined
}
