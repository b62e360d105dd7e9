import type { CacheStats, TileCache } from './tile-cache.ts'

/**
 * An in-process cache bounded by the bytes it holds, evicting with the second-chance (CLOCK)
 * approximation of least-recently-used: a hit only marks its entry, and eviction, walking the
 * entries in insertion order, moves a marked one to the back instead of dropping it. A hit is
 * the warm tile path's whole cache work, and moving the entry in the map on every hit, as exact
 * LRU does, cost more than marking it.
 */
export function createMemoryTileCache(maxBytes: number): TileCache {
  const entries = new Map<string, { value: Buffer; used: boolean }>()
  const stats: CacheStats = { hits: 0, misses: 0, bytes: 0, entries: 0, memoryBytes: 0, errors: 0 }

  /** Drops entries until the budget holds, sparing the one just stored. */
  function evict(stored: string) {
    // A Map's iterator also visits entries put back during the walk, so a marked entry, moved
    // once and unmarked, is dropped when the walk comes round to it again.
    for (const [key, entry] of entries) {
      if (stats.bytes <= maxBytes) break
      if (key === stored) continue
      entries.delete(key)
      if (entry.used) {
        entry.used = false
        entries.set(key, entry)
      } else {
        stats.bytes -= entry.value.length
      }
    }
    stats.entries = entries.size
  }

  function touch(key: string): Buffer | undefined {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    stats.hits++
    entry.used = true
    return entry.value
  }

  function get(key: string): Buffer | undefined {
    const value = touch(key)
    if (value === undefined) stats.misses++
    return value
  }

  function set(key: string, value: Buffer) {
    if (value.length > maxBytes) return
    const previous = entries.get(key)
    if (previous) {
      stats.bytes -= previous.value.length
      entries.delete(key)
    }
    entries.set(key, { value, used: false })
    stats.bytes += value.length
    evict(key)
  }

  return {
    kind: 'memory',
    reachable: () => true,
    get: async (key) => get(key),
    peek: touch,
    set: async (key, value) => set(key, value),
    now: { get, set },

    stats: () => ({ ...stats, memoryBytes: stats.bytes }),

    async close() {
      entries.clear()
      stats.bytes = 0
      stats.entries = 0
    },
  }
}
