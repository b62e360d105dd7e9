import { Redis } from 'ioredis'
import { StartupError } from '../startup-error.ts'
import type { CacheStats, TileCache } from './tile-cache.ts'

// Long enough that a hung Redis costs one timeout per few seconds, not one per tile.
const RESTING_MS = 5_000

export interface RedisCacheOptions {
  url: string
  ttlSeconds: number
  /** Prefix for every key, so several products can share one Redis. */
  prefix: string
}

/**
 * Tiles in Redis, shared by every server process that points at it. Entries expire after the
 * TTL; keys of old data versions are never read again and go the same way.
 */
export async function createRedisTileCache(options: RedisCacheOptions): Promise<TileCache> {
  const redis = new Redis(options.url, {
    keyPrefix: options.prefix,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    // While Redis is away, commands fail at once instead of queueing, so tiles are cut locally
    // without waiting; the slow path is then the cut, not the cache.
    enableOfflineQueue: false,
    commandTimeout: 500,
  })
  // ioredis reconnects by itself; without a listener a lost connection would be an unhandled
  // 'error' event.
  redis.on('error', () => {})
  await redis.connect().catch((error: unknown) => {
    redis.disconnect()
    const reason = error instanceof Error ? error.message : String(error)
    throw new StartupError(`Redis at ${describeRedisUrl(options.url)} (REDIS_URL): ${reason}`, {
      cause: error,
    })
  })

  const stats: CacheStats = { hits: 0, misses: 0, bytes: 0, entries: 0, memoryBytes: 0 }

  // A Redis that hangs (stopped, swapping, a full network buffer) keeps its connection open, so
  // ioredis still calls it ready, and every command waits out its timeout. After a failed
  // command the cache is left alone for a while: tiles are cut at once and the health output
  // says the cache is down; then the next command tries Redis again.
  let restingUntil = -Infinity
  const resting = () => performance.now() < restingUntil
  async function ask<T>(command: () => Promise<T>): Promise<T> {
    if (resting()) throw new Error(`Redis failed a command; not asked for ${RESTING_MS} ms`)
    try {
      return await command()
    } catch (error) {
      restingUntil = performance.now() + RESTING_MS
      throw error
    }
  }

  return {
    kind: 'redis',

    async get(key) {
      const value = await ask(() => redis.getBuffer(key))
      if (value === null) {
        stats.misses++
        return undefined
      }
      stats.hits++
      return value
    },

    async set(key, value) {
      await ask(() => redis.set(key, value, 'EX', options.ttlSeconds))
      stats.bytes += value.length
      stats.entries++
    },

    // ioredis reconnects by itself; 'ready' is its state once a connection is usable again.
    reachable: () => redis.status === 'ready' && !resting(),

    stats: () => ({ ...stats }),

    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}

/** host:port/db of a Redis URL, never its password. */
function describeRedisUrl(url: string): string {
  const parsed = new URL(url)
  return `${parsed.host}${parsed.pathname || '/0'}`
}
