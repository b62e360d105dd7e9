import { connectRedis } from './redis-client.ts'
import type { CacheStats, TileCache } from './tile-cache.ts'

export interface RedisCacheOptions {
  url: string
  ttlSeconds: number
  /** Prefix for every key, so several products can share one Redis. */
  prefix: string
  /** How long a command may take before it fails; a server's default when unset. */
  commandTimeoutMs?: number
}

/**
 * Tiles in Redis, shared by every server process that points at it. Entries expire after the
 * TTL; keys of old data versions are never read again and go the same way. While Redis is away
 * or hangs, reads and writes fail at once (see connectRedis), so tiles are cut without waiting:
 * the slow path is then the cut, not the cache, and the health output says the cache is down.
 */
export async function createRedisTileCache(options: RedisCacheOptions): Promise<TileCache> {
  const { redis, ask, reachable, close } = await connectRedis(
    options.url,
    options.prefix,
    options.commandTimeoutMs,
  )
  const stats: CacheStats = { hits: 0, misses: 0, bytes: 0, entries: 0, memoryBytes: 0, errors: 0 }
  // Failures are logged once per ten seconds by the caller; the count shows them all.
  const counted = <T>(command: () => Promise<T>): Promise<T> =>
    ask(command).catch((error: unknown) => {
      stats.errors++
      throw error
    })

  return {
    kind: 'redis',

    async get(key) {
      const value = await counted(() => redis.getBuffer(key))
      if (value === null) {
        stats.misses++
        return undefined
      }
      stats.hits++
      return value
    },

    async set(key, value) {
      await counted(() => redis.set(key, value, 'EX', options.ttlSeconds))
      stats.bytes += value.length
      stats.entries++
    },

    reachable,
    stats: () => ({ ...stats }),
    close,
  }
}
