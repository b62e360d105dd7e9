import pg from 'pg'
import { StartupError } from '../startup-error.ts'
import { usualListenerNote } from '../ops/usual-port.ts'
import type { Database, Queryable } from './database.ts'

// Counts and ids are int8 in some queries; they stay far below 2^53, and numbers keep both back
// ends returning the same JavaScript types.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

// How soon listening starts again after its connection was lost.
const LISTEN_RETRY_MS = 1_000

export interface PostgresOptions {
  url: string
  poolSize: number
  statementTimeoutMs: number
  /** Longest wait for a new connection, or for a free one from the pool. */
  connectTimeoutMs?: number
}

// A database that accepts connections and never answers would otherwise hold requests forever:
// connecting, and waiting for a pooled connection, give up after this long...
const CONNECT_TIMEOUT_MS = 10_000
// ...and a query the server never answers, this long after its statement timeout would have.
const QUERY_TIMEOUT_MARGIN_MS = 5_000

/** Opens a pool on a real PostgreSQL with PostGIS, given a postgres:// connection URL. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    query_timeout: options.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    application_name: 'ecozoning',
  })
  // An idle client that loses its connection emits here; without a listener it would crash the
  // process. The pool replaces the client on the next checkout.
  pool.on('error', () => {})

  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => {})
    const reason = startupReason(error, options.url)
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
      // A connection lost mid-transaction fails the query under way; the client then also
      // emits the error, which must not go unheard (it would end the process), and must not go
      // back to the pool for reuse.
      let broken: Error | undefined
      const onError = (error: Error) => {
        broken ??= error
      }
      conn.on('error', onError)
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
        await conn.query('ROLLBACK').catch((failed: Error) => {
          broken ??= failed
        })
        throw error
      } finally {
        conn.off('error', onError)
        conn.release(broken)
      }
    },

    async listen(channel, onNotify) {
      // LISTEN holds its session: one client of the pool stays with it until unlisten. When the
      // server goes away (restart, failover) the session is lost: the broken client is dropped
      // and listening starts again on a new one as soon as one can be had.
      let conn: pg.PoolClient | undefined
      let lost: ((error: Error) => void) | undefined
      let stopped = false
      let retry: NodeJS.Timeout | undefined
      /** A subscription under way: it holds a client of the pool from connecting on. */
      let subscribing: Promise<void> | undefined
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '')
      }
      const subscribe = async () => {
        const next = await pool.connect()
        let released = false
        const release = (error: Error) => {
          if (!released) next.release(error)
          released = true
        }
        next.on('notification', handler)
        lost = (error) => {
          next.off('notification', handler)
          release(error)
          if (conn === next) conn = undefined
          if (!stopped) retry = setTimeout(resubscribe, LISTEN_RETRY_MS)
        }
        next.once('error', lost)
        try {
          await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
        } catch (error) {
          // Lost on the way: `lost` has let the client go and tries again.
          if (released) return
          next.off('notification', handler)
          next.off('error', lost)
          release(error as Error)
          throw error
        }
        conn = next
      }
      const resubscribe = () => {
        subscribing = subscribe()
          .catch(() => {
            if (!stopped) retry = setTimeout(resubscribe, LISTEN_RETRY_MS)
          })
          .finally(() => (subscribing = undefined))
      }
      await subscribe()
      return async () => {
        stopped = true
        clearTimeout(retry)
        // Stopped while listening started again after a lost session: the new session is let
        // go once it is made. Left holding its client, it kept ending the pool from finishing,
        // and a server stopped just as PostgreSQL came back never exited.
        await subscribing
        if (!conn) return
        const last = conn
        conn = undefined
        last.off('notification', handler)
        if (lost) last.off('error', lost)
        // Ending the pool may still break this session; nothing listens for that any more.
        last.on('error', () => {})
        await last.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {})
        last.release()
      }
    },

    async exclusively(name, work) {
      // The lock belongs to a session: one client holds it from lock to unlock.
      const conn = await pool.connect()
      try {
        await conn.query('SELECT pg_advisory_lock(hashtext($1))', [name])
        return await work()
      } finally {
        await conn.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {})
        conn.release()
      }
    },

    connectionUse() {
      const busy = pool.totalCount - pool.idleCount
      return { max: options.poolSize, busy, idle: pool.idleCount, waiting: pool.waitingCount }
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
/**
 * Why PostgreSQL could not be used at start, in words an operator can act on. The driver's own
 * message stays for what PostgreSQL itself said (a wrong password, a missing database): those
 * are clear as they are.
 */
export function startupReason(error: unknown, url: string): string {
  const { code, message } = error as { code?: string; message?: string }
  const note = usualListenerNote(url, 'PostgreSQL')
  switch (code) {
    case 'ECONNREFUSED':
      return (
        'nothing listens there (connection refused). Start PostgreSQL, or correct ' +
        'DATABASE_URL.'
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `its host name does not resolve (${code}).`
  }
  if (/connection timeout|timeout expired/i.test(message ?? '')) {
    return (
      `it took the connection but did not answer as PostgreSQL in time${note}; is a ` +
      'PostgreSQL server listening there, and not overloaded?'
    )
  }
  if (/Connection terminated unexpectedly/i.test(message ?? '')) {
    return (
      `it closed the connection without answering as PostgreSQL${note}; is a PostgreSQL ` +
      'server listening there?'
    )
  }
  return message ?? String(error)
}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''
    return `${user}${parsed.host}${parsed.pathname}`
  } catch {
    return 'postgres (unparsable URL)'
  }
}
