import type { Database } from '../../server/db/database.ts'
import { migrate } from '../../server/db/migrate.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { createScratchDatabase, type Backend } from './services.ts'

export interface MigratedDatabase {
  db: Database
  /** postgres:// URL of the scratch database, undefined on the embedded back end. */
  url: string | undefined
  /** Closes the database, and drops it on PostgreSQL. */
  close(): Promise<void>
}

/** A new, migrated database of the back end: in memory, or a scratch PostgreSQL database. */
export async function openMigratedDatabase(backend: Backend): Promise<MigratedDatabase> {
  const scratch = backend.name === 'postgres' ? await createScratchDatabase() : undefined
  const db = await openDatabase({ url: scratch?.url })
  await migrate(db)
  return {
    db,
    url: scratch?.url,
    async close() {
      await db.close()
      await scratch?.drop()
    },
  }
}
