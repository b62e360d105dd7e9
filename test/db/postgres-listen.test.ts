import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openPostgresDatabase } from '../../server/db/postgres-database.ts'
import { POSTGRES_SKIP_REASON, POSTGRES_URL } from '../support/services.ts'

const TITLE = 'listening for notifications on PostgreSQL'

/** The sessions on the server listening on `channel`. */
async function listeners(admin: pg.Client, channel: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE query = $1',
    [`LISTEN ${pg.escapeIdentifier(channel)}`],
  )
  return rows.map((row) => row.pid)
}

describe.skipIf(!POSTGRES_URL)(POSTGRES_URL ? TITLE : `${TITLE} (${POSTGRES_SKIP_REASON})`, () => {
  it('lets the database close when listening stops while it starts again', async () => {
    const db = await openPostgresDatabase({
      url: POSTGRES_URL!,
      poolSize: 2,
      statementTimeoutMs: 15_000,
      connectTimeoutMs: 5_000,
    })
    const admin = new pg.Client({ connectionString: POSTGRES_URL })
    await admin.connect()
    try {
      const channel = `ecozoning_listen_${process.pid}_${Date.now()}`
      const unlisten = await db.listen(channel, () => {})
      const [listening] = await listeners(admin, channel)
      expect(listening).toBeDefined()

      // The session is lost, as in a restart of PostgreSQL. Listening starts again after a
      // second, when both of the pool's clients are busy for two: it waits for one of them.
      await admin.query('SELECT pg_terminate_backend($1)', [listening])
      const busy = [1, 2].map(() => db.query('SELECT pg_sleep(2)'))
      await sleep(1_300)
      await unlisten()
      await Promise.all(busy)

      const closed = await Promise.race([
        db.close().then(() => 'closed'),
        sleep(5_000).then(() => 'still open after 5 s'),
      ])
      expect(closed).toBe('closed')
      expect(await listeners(admin, channel)).toEqual([])
    } finally {
      await admin.end()
    }
  })
})
