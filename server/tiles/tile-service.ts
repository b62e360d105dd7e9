import { promisify } from 'node:util'
import { gzip, gzipSync } from 'node:zlib'
import type { Logger } from 'pino'
import type { TileCache } from '../cache/tile-cache.ts'
import type { TileAddress } from './tile-address.ts'
import type { TileCutter } from './tile-cutter.ts'
import { SMALL_TILE_BYTES } from './tile-encoding.ts'
import type { TileSet } from './tile-set.ts'

const gzipAsync = promisify(gzip)

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

/**
 * Serves tiles from the cache, cutting the missing ones. Tiles are compressed once, when cut, and
 * cached compressed. Concurrent requests for the same missing tile share one cut. A cache that
 * fails is logged and bypassed, so tiles keep coming.
 */
export class TileService {
  #cache: TileCache
  #cutter: TileCutter
  #log: Logger
  #inFlight = new Map<string, Promise<Buffer>>()
  #warnedAt = -Infinity

  constructor(cache: TileCache, cutter: TileCutter, log: Logger) {
    this.#cache = cache
    this.#cutter = cutter
    this.#log = log
  }

  async tile(set: TileSet, address: TileAddress): Promise<ServedTile> {
    const key = tileCacheKey(set, address)
    const { z, x, y } = address
    const etag = `"${set.name}-${set.version}-${z}-${x}-${y}"`

    const cached = await this.#cache.get(key).catch((error: unknown) => {
      this.#warnDegraded(error, 'tile cache read failed; cutting tiles without it')
      return undefined
    })
    if (cached) return { gzipped: cached, cache: 'hit', etag }

    let pending = this.#inFlight.get(key)
    if (!pending) {
      pending = this.#cutAndStore(key, set, address).finally(() => this.#inFlight.delete(key))
      this.#inFlight.set(key, pending)
    }
    return { gzipped: await pending, cache: 'miss', etag }
  }

  async #cutAndStore(key: string, set: TileSet, address: TileAddress): Promise<Buffer> {
    const { bytes, gzipped: ahead } = await this.#cutter.cutTile(set.layers, address)
    const gzipped =
      ahead ??
      (bytes.length === 0
        ? bytes
        : bytes.length <= SMALL_TILE_BYTES
          ? gzipSync(bytes)
          : await gzipAsync(bytes))
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
