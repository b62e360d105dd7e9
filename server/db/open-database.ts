import type { Database } from './database.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import { openPostgresDatabase } from './postgres-database.ts'

export interface DatabaseOptions {
  /** postgres:// URL of a real PostgreSQL with PostGIS; undefined selects the embedded one. */
  url?: string
  /** Folder of the embedded database; undefined keeps it in memory. */
  dataDir?: string
  poolSize?: number
  statementTimeoutMs?: number
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    return openPostgresDatabase({
      url: options.url,
      poolSize: options.poolSize ?? 10,
      statementTimeoutMs: options.statementTimeoutMs ?? 15_000,
    })
  }
  return openPgliteDatabase(options.dataDir)
}
