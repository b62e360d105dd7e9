import pg from 'pg'
import { StartupError } from '../startup-error.ts'
import type { Database, Queryable } from './database.ts'

// Counts and ids are int8 in some queries; they stay far below 2^53, and numbers keep both back
// ends returning the same JavaScript types.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

export interface PostgresOptions {
  url: string
  poolSize: number
  statementTimeoutMs: number
}

/** Opens a pool on a real PostgreSQL with PostGIS, given a postgres:// connection URL. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    application_name: 'ecozoning',
  })
  // An idle client that loses its connection emits here; without a listener it would crash the
  // process. The pool replaces the client on the next checkout.
  pool.on('error', () => {})

  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => {})
    const reason = error instanceof Error ? error.message : String(error)
    const where = describeUrl(options.url)
    throw new StartupError(`PostgreSQL at ${where} (DATABASE_URL): ${reason}`, { cause: error })
  })
  client.release()

  const query: Queryable['query'] = async (text, params) => {
    const result = await pool.query(text, params as unknown[] | undefined)
    return result.rows
  }

  return {
    kind: 'postgres',
    location: describeUrl(options.url),
    query,

    async transaction(work) {
      const conn = await pool.connect()
      // Work may run queries side by side; one client takes one at a time, and pg deprecates
      // queuing them itself (it stops in pg 9), so they wait for each other here.
      let previous: Promise<unknown> = Promise.resolve()
      try {
        await conn.query('BEGIN')
        const result = await work({
          query(text, params) {
            const run = previous.then(() => conn.query(text, params as unknown[] | undefined))
            previous = run.catch(() => {})
            return run.then((answer) => answer.rows)
          },
        })
        // Queries that work left running end here, not on a client already back in the pool.
        await previous
        await conn.query('COMMIT')
        return result
      } catch (error) {
        await previous
        await conn.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        conn.release()
      }
    },

    async listen(channel, onNotify) {
      // LISTEN holds its session: one client of the pool stays with it until unlisten.
      const conn = await pool.connect()
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '')
      }
      conn.on('notification', handler)
      await conn.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      return async () => {
        conn.off('notification', handler)
        await conn.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {})
        conn.release()
      }
    },

    async exec(sql) {
      await pool.query(sql)
    },

    async close() {
      await pool.end()
    },
  }
}

/** user@host:port/name, never the password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''
    return `${user}${parsed.host}${parsed.pathname}`
  } catch {
    return 'postgres (unparsable URL)'
  }
}
