import { Redis } from 'ioredis'
import { StartupError } from '../startup-error.ts'
import { usualListenerNote } from '../ops/usual-port.ts'

// Long enough that a hung Redis costs one timeout per few seconds, not one per request.
export const RESTING_MS = 5_000

/** A Redis connection that fails fast, and leaves a Redis that failed alone for a while. */
export interface RedisClient {
  redis: Redis
  /**
   * Runs a command, unless Redis failed one less than `RESTING_MS` ago: then it throws at once.
   * A Redis that hangs (stopped, swapping, a full network buffer) keeps its connection open, so
   * ioredis still calls it ready and every command would wait out its timeout. After a failed
   * command the callers go without Redis for a while; then the next command tries it again.
   */
  ask<T>(command: () => Promise<T>): Promise<T>
  /** Connected, and not left alone after a failure. */
  reachable(): boolean
  close(): Promise<void>
}

// A server answering requests would rather cut a tile than wait longer than this for Redis.
export const SERVER_COMMAND_TIMEOUT_MS = 500
// A batch tool (seeding, exporting) waits for Redis instead. Its own cutting holds the event
// loop for seconds at a time on a large layer, and an answer that came in meanwhile is read
// only after the timer has gone off: at 500 ms such a command counts as timed out.
export const BATCH_COMMAND_TIMEOUT_MS = 60_000
// Connecting and choosing the database, for server and tools alike: nothing else runs yet.
const STARTUP_TIMEOUT_MS = 5_000

/**
 * Connects to Redis at `url`, every key under `prefix`, failing a command that takes longer
 * than `commandTimeoutMs`. A Redis that cannot be reached stops the start with a line naming
 * REDIS_URL (never its password).
 */
export async function connectRedis(
  url: string,
  prefix: string,
  commandTimeoutMs = SERVER_COMMAND_TIMEOUT_MS,
): Promise<RedisClient> {
  const redis = new Redis(url, {
    keyPrefix: prefix,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    // While Redis is away, commands fail at once instead of queueing.
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
  })
  // ioredis reconnects by itself; without a listener a lost connection would be an unhandled
  // 'error' event. The last one says why connecting failed, where connect() says only that the
  // connection closed.
  let socketError: NodeJS.ErrnoException | undefined
  redis.on('error', (error: NodeJS.ErrnoException) => {
    socketError = error
  })
  const refuse = (error: unknown) => {
    redis.disconnect()
    const reason = startupReason(error, socketError, url)
    throw new StartupError(`Redis at ${describeRedisUrl(url)} (REDIS_URL): ${reason}`, {
      cause: socketError ?? error,
    })
  }
  // A batch tool's long command timeout would hold its start for minutes on a Redis that takes
  // connections and never answers; connecting gets the server's few seconds whatever the tool.
  const answered = async () => {
    await redis.connect()
    // ioredis goes on in database 0 when Redis refuses the one the URL names (one past the
    // server's `databases`): processes meant to be apart would share keys without a word.
    await redis.select(redis.options.db ?? 0)
  }
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Command timed out')), STARTUP_TIMEOUT_MS)
  })
  const answering = answered()
  // Past the deadline the connection is dropped, and what it then says is not heard.
  answering.catch(() => {})
  await Promise.race([answering, deadline])
    .catch(refuse)
    .finally(() => clearTimeout(timer))

  let restingUntil = -Infinity
  const resting = () => performance.now() < restingUntil
  return {
    redis,
    async ask(command) {
      if (resting()) throw new Error(`Redis failed a command; not asked for ${RESTING_MS} ms`)
      try {
        return await command()
      } catch (error) {
        restingUntil = performance.now() + RESTING_MS
        throw error
      }
    },
    // 'ready' is ioredis's state once a connection is usable again.
    reachable: () => redis.status === 'ready' && !resting(),
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}

/** Why Redis could not be used at start, in words an operator can act on. */
function startupReason(
  error: unknown,
  socketError: NodeJS.ErrnoException | undefined,
  url: string,
): string {
  const message = error instanceof Error ? error.message : String(error)
  switch (socketError?.code) {
    case 'ECONNREFUSED':
      return 'nothing listens there (connection refused). Start Redis, or correct REDIS_URL.'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `its host name does not resolve (${socketError.code}).`
    case 'ETIMEDOUT':
      return 'connecting timed out: a firewall may drop the packets, or the host is down.'
  }
  // rediss:// speaks TLS from the first byte: a Redis without TLS hears noise and never answers.
  const tls = url.startsWith('rediss:')
    ? ' REDIS_URL starts with rediss://, which connects with TLS; a Redis without TLS needs ' +
      'redis://.'
    : ''
  return `${answerReason(socketError?.message ?? message, usualListenerNote(url, 'Redis'))}${tls}`
}

/** What a server that took the connection did wrong, from what ioredis said of it. */
function answerReason(said: string, note: string): string {
  if (/SSL routines|TLS connection/.test(said)) {
    // OpenSSL's line is mostly addresses and source files; its reason is the part to keep.
    const why = /SSL routines:[^:]*:([^:]+)/.exec(said)?.[1] ?? 'the connection closed'
    return `the TLS handshake failed (${why})${note}: the server there does not speak TLS.`
  }
  // ioredis says the one or the other when the server hangs up on what it sent.
  if (said === 'Connection is closed.' || /Stream isn't writeable/.test(said)) {
    const question = 'is a Redis server listening there?'
    return `it closed the connection without answering as Redis${note}; ${question}`
  }
  if (said === 'Command timed out') {
    const question = 'is it a Redis server, and busy?'
    return `it took the connection but did not answer as Redis in time${note}; ${question}`
  }
  return said
}

/** host:port/db of a Redis URL, never its password. */
function describeRedisUrl(url: string): string {
  const parsed = new URL(url)
  return `${parsed.host}${parsed.pathname || '/0'}`
}
