import type { Logger } from 'pino'
import { tileCacheKey, type TileCache } from '../cache/tile-cache.ts'
import type { Layer } from './layer-catalog.ts'
import type { TileAddress } from './tile-address.ts'
import type { TileCutter } from './tile-cutter.ts'

export interface ServedTile {
  /** Encoded Mapbox Vector Tile; empty when the layer has nothing there. */
  bytes: Buffer
  cache: 'hit' | 'miss'
  /** Strong validator: the bytes are fixed by layer, data version and address. */
  etag: string
}

/**
 * Serves tiles from the cache, cutting the missing ones. Concurrent requests for the same missing
 * tile share one cut. A cache that fails is logged and bypassed, so tiles keep coming.
 */
export class TileService {
  #cache: TileCache
  #cutter: TileCutter
  #log: Logger
  #inFlight = new Map<string, Promise<Buffer>>()

  constructor(cache: TileCache, cutter: TileCutter, log: Logger) {
    this.#cache = cache
    this.#cutter = cutter
    this.#log = log
  }

  async tile(layer: Layer, address: TileAddress): Promise<ServedTile> {
    const { z, x, y } = address
    const key = tileCacheKey(layer.name, layer.dataVersion, z, x, y)
    const etag = `"${layer.name}-${layer.dataVersion}-${z}-${x}-${y}"`

    const cached = await this.#cache.get(key).catch((error: unknown) => {
      this.#log.warn({ err: error, cache: this.#cache.kind }, 'tile cache read failed; cutting')
      return undefined
    })
    if (cached) return { bytes: cached, cache: 'hit', etag }

    let pending = this.#inFlight.get(key)
    if (!pending) {
      pending = this.#cutAndStore(key, layer, address).finally(() => this.#inFlight.delete(key))
      this.#inFlight.set(key, pending)
    }
    return { bytes: await pending, cache: 'miss', etag }
  }

  async #cutAndStore(key: string, layer: Layer, address: TileAddress): Promise<Buffer> {
    const bytes = await this.#cutter.cut(layer, address)
    await this.#cache.set(key, bytes).catch((error: unknown) => {
      this.#log.warn({ err: error, cache: this.#cache.kind }, 'tile cache write failed')
    })
    return bytes
  }
}
