import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import type { Database } from './database.ts'

/**
 * Opens the embedded PostgreSQL with PostGIS, keeping its files in `dataDir` (created when
 * missing), or in memory when `dataDir` is undefined. The first open of a new folder takes
 * several seconds while PostgreSQL initialises it.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true })
  const pg = await PGlite.create(dataDir, { extensions: { postgis } })

  return {
    kind: 'embedded',
    location: dataDir ?? 'memory',

    async query(text, params) {
      const result = await pg.query(text, params as unknown[] | undefined)
      return result.rows as never[]
    },

    transaction(work) {
      return pg.transaction((tx) =>
        work({
          async query(text, params) {
            const result = await tx.query(text, params as unknown[] | undefined)
            return result.rows as never[]
          },
        }),
      )
    },

    async listen(channel, onNotify) {
      const unlisten = await pg.listen(channel, onNotify)
      return () => unlisten()
    },

    async exec(sql) {
      await pg.exec(sql)
    },

    async close() {
      await pg.close()
    },
  }
}
