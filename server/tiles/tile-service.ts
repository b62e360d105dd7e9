import type { Logger } from 'pino'
import type { TileCache } from '../cache/tile-cache.ts'
import type { TileAddress } from './tile-address.ts'
import { TileCompressor } from './tile-compression.ts'
import type { CutTile, TileCutter } from './tile-cutter.ts'
import type { TileSet } from './tile-set.ts'

export interface ServedTile {
  /** The tile gzip-compressed, as cached; empty when nothing is there. */
  gzipped: Buffer
  cache: 'hit' | 'miss'
  /** Strong validator of the uncompressed tile: fixed by set, version and address. */
  etag: string
}

export function tileCacheKey(set: TileSet, { z, x, y }: TileAddress): string {
  return `tile:${set.name}:${set.version}:${z}/${x}/${y}`
}

/** Strong validator of the uncompressed tile: fixed by set, version and address. */
export function tileEtag(set: TileSet, { z, x, y }: TileAddress): string {
  return `"${set.name}-${set.version}-${z}-${x}-${y}"`
}

/**
 * Serves tiles from the cache, cutting the missing ones. Tiles are compressed once, when cut, and
 * cached compressed. Concurrent requests for the same missing tile share one cut. A cache that
 * fails is logged and bypassed, so tiles keep coming.
 */
export class TileService {
  #cache: TileCache
  #cutter: TileCutter
  #log: Logger
  #compressor = new TileCompressor()
  #inFlight = new Map<string, Promise<Buffer>>()
  #warnedAt = -Infinity

  constructor(cache: TileCache, cutter: TileCutter, log: Logger) {
    this.#cache = cache
    this.#cutter = cutter
    this.#log = log
  }

  async tile(set: TileSet, address: TileAddress): Promise<ServedTile> {
    const key = tileCacheKey(set, address)
    const etag = tileEtag(set, address)
    const cached = await this.#cache.get(key).catch((error: unknown) => {
      this.#warnDegraded(error, 'tile cache read failed; cutting tiles without it')
      return undefined
    })
    if (cached) return { gzipped: cached, cache: 'hit', etag }
    return { gzipped: await this.#cutOnce(key, set, address), cache: 'miss', etag }
  }

  /**
   * The tile as `tile` serves it, at once where it can be: with a cache held in this process
   * alone, a cached tile, and a missing one that is cut from memory and small enough to
   * compress in place; a promise otherwise.
   */
  serve(set: TileSet, address: TileAddress): ServedTile | Promise<ServedTile> {
    const now = this.#cache.now
    if (!now) return this.tile(set, address)
    const key = tileCacheKey(set, address)
    const etag = tileEtag(set, address)
    const cached = now.get(key)
    if (cached) return { gzipped: cached, cache: 'hit', etag }

    // A cut of this tile under way is shared rather than made again.
    const cut = this.#inFlight.has(key) ? undefined : this.#cutter.cutTileNow(set.layers, address)
    const gzipped = cut && (cut.gzipped ?? this.#compressor.compressInPlace(cut.bytes))
    if (gzipped) {
      now.set(key, gzipped)
      return { gzipped, cache: 'miss', etag }
    }
    // A large tile cut here is compressed on the thread pool; anything else is cut by waiting.
    const pending = this.#cutOnce(key, set, address, cut)
    return pending.then((gzipped) => ({ gzipped, cache: 'miss', etag }))
  }

  /**
   * Cuts (unless given the cut), compresses and stores a missing tile; concurrent calls for one
   * tile share the work.
   */
  #cutOnce(key: string, set: TileSet, address: TileAddress, cut?: CutTile): Promise<Buffer> {
    let pending = this.#inFlight.get(key)
    if (!pending) {
      pending = this.#cutAndStore(key, set, address, cut).finally(() => this.#inFlight.delete(key))
      this.#inFlight.set(key, pending)
    }
    return pending
  }

  async #cutAndStore(
    key: string,
    set: TileSet,
    address: TileAddress,
    cut?: CutTile,
  ): Promise<Buffer> {
    const { bytes, gzipped: ahead } = cut ?? (await this.#cutter.cutTile(set.layers, address))
    const gzipped = ahead ?? (await this.#compressor.compress(bytes))
    await this.#cache.set(key, gzipped).catch((error: unknown) => {
      this.#warnDegraded(error, 'tile cache write failed')
    })
    return gzipped
  }

  /** One warning per ten seconds while the cache is down, not one per request. */
  #warnDegraded(error: unknown, message: string) {
    if (performance.now() - this.#warnedAt < 10_000) return
    this.#warnedAt = performance.now()
    this.#log.warn({ err: error, cache: this.#cache.kind }, message)
  }
}
