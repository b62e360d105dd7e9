import type { CacheStats, TileCache } from './tile-cache.ts'

/**
 * An in-process LRU cache bounded by the bytes it holds. A Map keeps insertion order, so moving
 * an entry to the end on every hit leaves the least recently used one first in line.
 */
export function createMemoryTileCache(maxBytes: number): TileCache {
  const entries = new Map<string, Buffer>()
  const stats: CacheStats = { hits: 0, misses: 0, bytes: 0, entries: 0 }

  function evict() {
    for (const [key, value] of entries) {
      if (stats.bytes <= maxBytes) break
      entries.delete(key)
      stats.bytes -= value.length
    }
    stats.entries = entries.size
  }

  function touch(key: string): Buffer | undefined {
    const value = entries.get(key)
    if (value === undefined) return undefined
    stats.hits++
    entries.delete(key)
    entries.set(key, value)
    return value
  }

  return {
    kind: 'memory',
    reachable: () => true,

    async get(key) {
      const value = touch(key)
      if (value === undefined) stats.misses++
      return value
    },

    peek: touch,

    async set(key, value) {
      if (value.length > maxBytes) return
      const previous = entries.get(key)
      if (previous) {
        stats.bytes -= previous.length
        entries.delete(key)
      }
      entries.set(key, value)
      stats.bytes += value.length
      evict()
    },

    stats: () => ({ ...stats }),

    async close() {
      entries.clear()
      stats.bytes = 0
      stats.entries = 0
    },
  }
}
