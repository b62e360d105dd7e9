import type { Config } from '../config.ts'
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts'
import type { Database } from './database.ts'
import { migrate } from './migrate.ts'
import { openDatabase } from './open-database.ts'

export interface OpenedDatabase {
  db: Database
  /** Closes the database and gives its folder back. */
  close(): Promise<void>
}

export interface CommandDatabaseOptions {
  /** Who holds the embedded database's folder, as a server started meanwhile is told. */
  role: string
  poolSize: number
  /** Longer than the configured limit for a command whose statements take longer. */
  statementTimeoutMs?: number
}

/**
 * Opens the database of the configuration for a command-line tool: PostgreSQL at DATABASE_URL,
 * else the embedded one in DATA_DIR, whose folder is locked for the tool first (throws
 * DataDirBusyError while a server holds it). Migrates it, which a server already running on it
 * has done, so that a tool run first on a new database finds its tables.
 */
export async function openCommandDatabase(
  config: Config,
  options: CommandDatabaseOptions,
): Promise<OpenedDatabase> {
  let lock: DataDirLock | undefined
  let db: Database | undefined
  try {
    if (!config.DATABASE_URL) lock = await lockDataDir(config.DATA_DIR, options.role)
    db = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: options.poolSize,
      statementTimeoutMs: options.statementTimeoutMs ?? config.DB_STATEMENT_TIMEOUT_MS,
    })
    await migrate(db)
  } catch (error) {
    await db?.close()
    await lock?.release()
    throw error
  }
  const opened = db
  return {
    db: opened,
    async close() {
      await opened.close()
      await lock?.release()
    },
  }
}
