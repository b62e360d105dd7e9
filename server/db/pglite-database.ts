import { readdir } from 'node:fs/promises'
import { setImmediate } from 'node:timers/promises'
import { PGlite, type Results } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { StartupError } from '../startup-error.ts'
import { LOCK_FILE } from './data-dir-lock.ts'
import type { Database } from './database.ts'
import { ensureFolder } from './ensure-folder.ts'

/**
 * Opens the embedded PostgreSQL with PostGIS, keeping its files in `dataDir` (created when
 * missing), or in memory when `dataDir` is undefined. The first open of a new folder takes
 * several seconds while PostgreSQL initialises it.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) {
    await ensureFolder(dataDir)
    await refuseForeignFolder(dataDir)
  }
  const pg = await PGlite.create(dataDir, { extensions: { postgis } }).catch((error: unknown) => {
    throw dataDir ? fileSystemProblem(dataDir, error) : error
  })
  // PGlite runs one statement or transaction at a time, in this process: one connection, busy
  // while any call is under way, the other calls waiting for it.
  let underWay = 0
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    underWay++
    try {
      return await work()
    } finally {
      underWay--
    }
  }

  return {
    kind: 'embedded',
    location: dataDir ?? 'memory',

    query(text, params) {
      return counted(async () => {
        await betweenStatements()
        return rowsOf(await pg.query(text, params as unknown[] | undefined), text)
      })
    },

    transaction(work) {
      return counted(() =>
        pg.transaction((tx) =>
          work({
            async query(text, params) {
              await betweenStatements()
              return rowsOf(await tx.query(text, params as unknown[] | undefined), text)
            },
          }),
        ),
      )
    },

    async listen(channel, onNotify) {
      const unlisten = await pg.listen(channel, onNotify)
      return () => unlisten()
    },

    // The folder lock lets one process at a time open the database.
    exclusively: (_name, work) => work(),

    connectionUse() {
      const busy = underWay > 0 ? 1 : 0
      return { max: 1, busy, idle: 1 - busy, waiting: Math.max(0, underWay - 1) }
    },

    async exec(sql) {
      await counted(() => pg.exec(sql))
    },

    async close() {
      await pg.close()
    },
  }
}

/**
 * A turn of the event loop before each statement. PGlite runs a statement on this thread and
 * settles its promise at once, so a chain of statements (an import's batches, say) would run
 * on microtasks alone, and signals, timers and sockets would wait for the whole chain: Ctrl-C
 * during an import was heard only after its commit.
 */
const betweenStatements = () => setImmediate()

/**
 * Refuses a folder that holds files but no database: PGlite would create its twenty-odd files
 * and folders among them, in a home folder, say, where a mistyped DATA_DIR can point.
 */
async function refuseForeignFolder(dataDir: string): Promise<void> {
  const entries = (await readdir(dataDir)).filter((name) => !name.startsWith(LOCK_FILE))
  if (entries.length === 0 || entries.includes('PG_VERSION')) return
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', ...' : '')
  throw new StartupError(
    `DATA_DIR ${dataDir} holds other files (${shown}) and no embedded database. Point ` +
      'DATA_DIR at an empty or missing folder, or at one the server has made.',
  )
}

// PGlite's file system reports errors by Emscripten's numbers, not the system's.
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'EACCES',
  20: 'EEXIST',
  31: 'EISDIR',
  44: 'ENOENT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
}

/**
 * A failure of PGlite's file system as a StartupError naming DATA_DIR; any other error as it
 * is. That file system checks a file's mode bits itself, also for root: a folder that root may
 * write in but whose mode says read-only is refused with EACCES.
 */
function fileSystemProblem(dataDir: string, error: unknown): unknown {
  if ((error as Error | undefined)?.name !== 'ErrnoError') return error
  const errno = (error as { errno?: number }).errno ?? -1
  const code = EMSCRIPTEN_ERRNO[errno] ?? `error ${errno}`
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? `its mode does not let this process write there (${code}; the mode bits count, ` +
        'also for root)'
      : code === 'ENOSPC'
        ? 'the disk is full (ENOSPC)'
        : `the embedded file system failed with ${code}`
  return new StartupError(
    `DATA_DIR ${dataDir} cannot hold the embedded database: ${reason}. Point DATA_DIR at a ` +
      'folder this process may write in (one missing is created).',
    { cause: error },
  )
}

/**
 * The rows of a result, or an error when PGlite swallowed one: with pglite-postgis 0.2.8 an
 * error raised inside PostGIS (a GEOS exception) comes back as an empty result without a command
 * tag (electric-sql/pglite#916). Reading that as "no rows" would answer wrongly, not fail; this
 * check can go once the upstream fix is released.
 */
function rowsOf(result: Results<unknown>, text: string): never[] {
  const command = (result as { command?: string }).command
  if (command === undefined || command === '???') {
    throw new Error(
      `PostGIS failed without an error in: ${text.replace(/\s+/g, ' ').slice(0, 120)}`,
    )
  }
  return result.rows as never[]
}
