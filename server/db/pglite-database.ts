import { mkdir } from 'node:fs/promises'
import { PGlite, type Results } from '@electric-sql/pglite'
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
      return counted(async () =>
        rowsOf(await pg.query(text, params as unknown[] | undefined), text),
      )
    },

    transaction(work) {
      return counted(() =>
        pg.transaction((tx) =>
          work({
            async query(text, params) {
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
