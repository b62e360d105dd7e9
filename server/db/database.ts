/**
 * The one database interface the product uses. Both back ends, embedded PGlite with PostGIS and
 * a real PostgreSQL with PostGIS, implement it, so every query runs on the same code path.
 */
export interface Queryable {
  /** Runs one statement with bound parameters ($1, $2, …) and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>
}

/** How a database's connections are used at one moment, for the metrics. */
export interface ConnectionUse {
  /** The most connections the server opens. */
  max: number
  /** Connections running a statement or holding a session (a transaction, LISTEN). */
  busy: number
  /** Connections open and free. */
  idle: number
  /** Statements and transactions waiting for a connection. */
  waiting: number
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres'
  /** Where the data lives, for logs: a folder, or user@host:port/name without secrets. */
  readonly location: string
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel`, from any session, until the
   * returned function is called. Notifications sent in a transaction arrive after its commit.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>
  /**
   * Runs `work` while no other process runs work under the same `name` on this database, such
   * as two servers starting at once on an empty one. A session advisory lock on PostgreSQL; the
   * embedded database has one process only.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>
  /** How the connections are used now. */
  connectionUse(): ConnectionUse
  /** Runs several statements separated by semicolons, with no parameters (migrations). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
}
