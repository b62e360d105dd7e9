import { link, readFile, unlink, writeFile } from 'node:fs/promises'
import { readFileSync, unlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { StartupError } from '../startup-error.ts'
import { ensureFolder } from './ensure-folder.ts'

/** Who holds the embedded database's folder, as the lock file records it. */
export interface LockHolder {
  pid: number
  host: string
  /** What holds it: "server", or a command such as "import" or "tile seeder". */
  role: string
  since: string
}

export interface DataDirLock {
  readonly file: string
  /** Removes the lock file if it is still this process's. */
  release(): Promise<void>
}

/**
 * The folder is held by another live process. PGlite does not lock its folder: a second process
 * opens it without complaint, and whichever closes last overwrites the other's writes.
 */
export class DataDirBusyError extends Error {
  readonly holder: LockHolder

  constructor(dataDir: string, holder: LockHolder) {
    // A command ends by itself; telling its user to stop a server that is not running misleads.
    const advice =
      holder.role === 'server' ? 'Stop the server first' : `Wait for the ${holder.role} to finish`
    super(
      `The embedded database in ${dataDir} is in use by the ${holder.role} ` +
        `(pid ${holder.pid} on ${holder.host}, since ${holder.since}); it cannot be shared ` +
        `between processes. ${advice}, or run both on PostgreSQL with DATABASE_URL.`,
    )
    this.name = 'DataDirBusyError'
    this.holder = holder
  }
}

export const LOCK_FILE = 'ecozoning.lock'

/**
 * Takes the embedded database's folder for this process by creating `ecozoning.lock` in it
 * (creating the folder when missing). A lock left by a process that no longer runs on this host
 * is taken over. Throws DataDirBusyError when a live process holds it, and a StartupError naming
 * DATA_DIR when the folder cannot be made or written. The lock file is also removed when the
 * process exits without releasing it.
 */
export async function lockDataDir(dataDir: string, role: string): Promise<DataDirLock> {
  await ensureFolder(dataDir).catch((error: NodeJS.ErrnoException) => {
    throw dataDirProblem(dataDir, error)
  })
  const file = path.join(dataDir, LOCK_FILE)
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    role,
    since: new Date().toISOString(),
  }
  const content = JSON.stringify(holder)

  const created = () =>
    createLockFile(file, content).catch((error: NodeJS.ErrnoException) => {
      throw dataDirProblem(dataDir, error)
    })
  for (let attempt = 0; !(await created()); attempt++) {
    const current = await readHolder(file)
    if (current && isAlive(current)) throw new DataDirBusyError(dataDir, current)
    // A stale lock, whose process is gone, is removed once. Two processes finding the same
    // stale lock within the same few milliseconds could both take the folder; starting the
    // server and an import at that instant after a crash is the only way to get there.
    if (attempt > 0) throw new DataDirBusyError(dataDir, current ?? unknownHolder)
    await unlink(file).catch(() => {})
  }

  const ours = (current: LockHolder | undefined) =>
    current?.pid === holder.pid && current.since === holder.since
  // Until release has removed the file: a process ended during release still removes it.
  const removeOnExit = () => {
    try {
      if (ours(JSON.parse(readFileSync(file, 'utf8')) as LockHolder)) unlinkSync(file)
    } catch {
      // Already gone, or not one this process wrote.
    }
  }
  process.once('exit', removeOnExit)

  return {
    file,
    async release() {
      if (ours(await readHolder(file))) await unlink(file).catch(() => {})
      process.off('exit', removeOnExit)
    },
  }
}

/**
 * What is wrong with DATA_DIR, from the error of making the folder or writing in it, in words an
 * operator acts on: the bare EEXIST of mkdir on a file names neither the setting nor the fix.
 */
function dataDirProblem(dataDir: string, error: NodeJS.ErrnoException): StartupError {
  const reason =
    error.code === 'EEXIST'
      ? 'it is a file, not a folder'
      : error.code === 'ENOTDIR'
        ? 'part of its path is a file, not a folder'
        : error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS'
          ? `this process may not write there (${error.code})`
          : error.code === 'ENOENT'
            ? 'a folder on its path cannot be created there (ENOENT)'
            : error.message
  return new StartupError(
    `DATA_DIR ${dataDir} cannot hold the embedded database: ${reason}. Point DATA_DIR at a ` +
      'folder this process may write in (one missing is created).',
    { cause: error },
  )
}

const unknownHolder: LockHolder = { pid: 0, host: 'unknown', role: 'unknown', since: 'unknown' }

/**
 * Creates the lock file with its content in one step, so no other process reads it half-written:
 * written beside it, then hard-linked into place, which fails if the lock file exists.
 * Returns false when it exists.
 */
async function createLockFile(file: string, content: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, content)
  try {
    await link(temporary, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await unlink(temporary).catch(() => {})
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder
  } catch {
    // Unreadable: not one this module wrote whole, so no live process holds it.
    return undefined
  }
}

function isAlive(holder: LockHolder): boolean {
  // A process on another host sharing the folder cannot be checked: assume it runs.
  if (holder.host !== os.hostname()) return true
  // After a restart this process may have the pid its predecessor had, as pid 1 in a container.
  if (holder.pid === process.pid) return false
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
