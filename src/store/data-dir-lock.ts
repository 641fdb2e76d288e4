/**
 * One process at a time on an embedded (PGlite) data directory. PGlite is a single-process
 * database: a second process opening the same directory either crashes inside WebAssembly or,
 * worse, writes what the first never sees. `lockDataDir` writes `creditlens.lock` (the owner's
 * pid) in the directory with an exclusive create; a second process finds it and stops with one
 * line naming the pid and what to do. A lock whose pid is no longer running (a killed process)
 * is stale and taken over.
 *
 * Knowingly wrong: a stale lock whose pid was reused by an unrelated process reads as in use;
 * the message says to delete the file then.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'creditlens.lock'

/** The data directory is held by another running process. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the database in ${dataDir} is in use by a running creditlens (pid ${pid}). ` +
        'Stop that process first (Ctrl-C in its terminal), or give this command another ' +
        'DATA_DIR; several processes can share one database only on PostgreSQL (DATABASE_URL). ' +
        'To have `npm start` create a client, set BOOTSTRAP_CLIENT_ID and ' +
        `BOOTSTRAP_CLIENT_SECRET when starting it. If no creditlens runs, delete ${join(dataDir, LOCK_FILE)}.`,
    )
    this.name = 'DatabaseInUseError'
  }
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM' // errors of process.kill carry a code
  }
}

const ownerOf = (path: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the lock of `dataDir` (which must exist) for this process; returns its release. Throws
 * `DatabaseInUseError` when a running process holds it, this one included (two PGlite instances
 * of one process on one directory break it just the same).
 */
export const lockDataDir = (dataDir: string): (() => void) => {
  const path = join(dataDir, LOCK_FILE)
  // Two attempts: the second after removing a stale lock (another process may take it first).
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        if (ownerOf(path) === process.pid) rmSync(path, { force: true })
      }
    } catch (error) {
      // Anything but "already exists" (a read-only directory…) is not ours to explain.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error // fs errors carry a code
    }
    const owner = ownerOf(path)
    if (owner !== undefined && isRunning(owner)) throw new DatabaseInUseError(dataDir, owner)
    rmSync(path, { force: true })
  }
  const owner = ownerOf(path) ?? 0
  throw new DatabaseInUseError(dataDir, owner)
}
