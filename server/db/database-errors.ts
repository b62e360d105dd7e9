// How the database's failures are told apart from the request's and the server's own.

// PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
export const QUERY_CANCELED = '57014'
// SQLSTATEs of a server going away: shut down by an administrator or a crash, or still starting;
// and of one that takes no more connections now.
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03', '53300'])
// 55000 is also other misuse; with this message it is a database closed to connections.
const NOT_ACCEPTING = /not currently accepting connections/
// node-postgres fails these with a message and no code: a connection that broke, one that could
// not be made or had from the pool in time, a query the server never answered.
const DRIVER_GAVE_UP =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout)/
// Socket errors of a connection that failed or broke; only the database is reached this way on
// the request path (a Redis that fails is bypassed before an error could get here), so only
// errors from the database should be asked about.
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'])

/**
 * Whether the database could not be reached or went away mid-query (restarted, failed over):
 * a passing state the client may retry, not a fault of the request or of the server.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string') {
    // Class 08: connection exception.
    if (code.startsWith('08') || SERVER_GOING_AWAY.has(code) || SOCKET_ERRORS.has(code)) {
      return true
    }
    if (code === '55000' && typeof message === 'string' && NOT_ACCEPTING.test(message)) {
      return true
    }
  }
  return typeof message === 'string' && DRIVER_GAVE_UP.test(message)
}

/** Whether the database cannot answer now: unreachable, gone away, or timed out. */
export function isDatabaseTrouble(error: unknown): boolean {
  return (
    (error as { code?: unknown } | null)?.code === QUERY_CANCELED || isDatabaseUnavailable(error)
  )
}
