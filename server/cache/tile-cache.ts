/**
 * A byte cache for encoded tiles. Keys carry the layer's data version, so a new import makes old
 * entries unreachable at once; they leave by eviction or expiry.
 */
export interface TileCache {
  readonly kind: 'memory' | 'redis'
  /** The cached bytes, or undefined on a miss. An empty tile is a zero-length buffer. */
  get(key: string): Promise<Buffer | undefined>
  /**
   * For a cache held in this process: the bytes at once, or undefined when absent. A hit counts
   * as one; an absence does not count as a miss, since the caller goes on to cut the tile and
   * asks `get` first.
   */
  peek?(key: string): Buffer | undefined
  set(key: string, value: Buffer): Promise<void>
  /**
   * For a cache held in this process alone: `get` and `set` without waiting, so a tile cut
   * from memory is served in the turn of the event loop that asked for it.
   */
  now?: { get(key: string): Buffer | undefined; set(key: string, value: Buffer): void }
  /**
   * Whether the cache answers now: always for memory; for Redis, while its connection is up.
   * Tiles are served without a cache that does not (cut on every request), so this degrades
   * the service rather than stopping it.
   */
  reachable(): boolean
  stats(): CacheStats
  close(): Promise<void>
}

export interface CacheStats {
  hits: number
  misses: number
  /** Bytes held, where the cache knows it (the memory cache); for Redis, bytes written. */
  bytes: number
  entries: number
  /** Bytes held in this process's memory: the memory cache's, or its tier in front of Redis. */
  memoryBytes: number
  /**
   * Reads and writes that failed (Redis away, hung, or left alone after a failure): the tiles
   * were served all the same, cut instead of read, or not kept in Redis.
   */
  errors: number
}
