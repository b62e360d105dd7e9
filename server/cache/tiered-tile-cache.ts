import type { TileCache } from './tile-cache.ts'

/**
 * A process's own memory cache in front of the shared one (Redis). The tiles a process serves
 * most are answered from its memory without a round trip; the rest come from the shared cache,
 * which every process fills and reads, so a tile is cut once for all of them. Keys carry the
 * data version, so the near copy is never older than the shared one, and while the shared cache
 * is down the near one still answers.
 */
export function createTieredTileCache(near: TileCache, shared: TileCache): TileCache {
  const peekNear = near.peek?.bind(near)
  if (!peekNear) throw new Error('the near tile cache must be held in this process')

  return {
    kind: shared.kind,

    async get(key) {
      const held = peekNear(key)
      if (held !== undefined) return held
      const value = await shared.get(key)
      if (value !== undefined) await near.set(key, value)
      return value
    },

    peek: peekNear,

    async set(key, value) {
      // Near first: should the shared cache fail, this process still has the tile.
      await near.set(key, value)
      await shared.set(key, value)
    },

    reachable: () => shared.reachable(),

    stats() {
      const [own, common] = [near.stats(), shared.stats()]
      return {
        hits: own.hits + common.hits,
        misses: common.misses,
        bytes: common.bytes,
        entries: common.entries,
        memoryBytes: own.memoryBytes,
        errors: common.errors,
      }
    },

    async close() {
      await near.close()
      await shared.close()
    },
  }
}
