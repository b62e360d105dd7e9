import type { LegacyTile } from 'geojson-vt'
import type { Queryable } from '../db/database.ts'
import type { Layer } from './layer-catalog.ts'
import { countLayerVertices } from './layer-features.ts'
import { LayerIndex } from './layer-index.ts'
import type { EncodedTile } from './layer-overview.ts'
import { LayerWindow } from './layer-window.ts'
import type { TileAddress } from './tile-address.ts'
import { encodeLayerTile } from './tile-encoding.ts'

export interface CutterOptions {
  /** Layers with more vertices than this are cut per tile from a window query. */
  indexMaxVertices: number
  /** Tiles an in-memory index may keep before it is rebuilt. */
  indexMaxTiles: number
}

/**
 * A layer of 3 million vertices takes about a gigabyte as an index (the province-scale benchmark
 * measured 0.4 GB for 2 million); the tile budget bounds what the index caches besides.
 */
export const DEFAULT_CUTTER_OPTIONS: CutterOptions = {
  indexMaxVertices: 3_000_000,
  indexMaxTiles: 20_000,
}

interface TileSource {
  readonly version: number
  ready(): Promise<unknown>
  getTile(tile: TileAddress): Promise<LegacyTile | null>
  /** The tile encoded ahead: null when empty, undefined when it must be cut (see LayerIndex). */
  encoded?(tile: TileAddress): Promise<EncodedTile | null | undefined>
}

export type PreparedLayer =
  { layer: string; cutFrom: 'index' | 'window' } | { layer: string; error: unknown }

/** A cut tile: its bytes, and the same gzip-compressed when that was done ahead. */
export interface CutTile {
  bytes: Buffer
  gzipped?: Buffer
}

/**
 * Cuts Mapbox Vector Tiles. Each layer gets a source per data version: an in-memory geojson-vt
 * index when it is small enough, else a window query per tile. A new version's source is made on
 * first use while requests already under way finish with the old one, so an import never makes a
 * request fail.
 */
export class TileCutter {
  #db: Queryable
  #options: CutterOptions
  #sources = new Map<string, Promise<TileSource>>()

  constructor(db: Queryable, options: CutterOptions) {
    this.#db = db
    this.#options = options
  }

  /**
   * The encoded tile with one source layer per given layer that has features there and whose
   * zoom range holds the tile, or an empty buffer when none has.
   */
  async cut(layers: Layer[], tile: TileAddress): Promise<Buffer> {
    return (await this.cutTile(layers, tile)).bytes
  }

  /**
   * The tile as `cut` gives it, with its gzip-compressed bytes too when they were made ahead:
   * when the one layer with features there had the tile encoded and compressed in its overview.
   */
  async cutTile(layers: Layer[], tile: TileAddress): Promise<CutTile> {
    const inRange = layers.filter((l) => tile.z >= l.minzoom && tile.z <= l.maxzoom)
    const parts = await Promise.all(
      inRange.map(async (layer): Promise<EncodedTile | Buffer | null> => {
        const source = await this.#sourceFor(layer)
        const ahead = await source.encoded?.(tile)
        if (ahead !== undefined) return ahead
        const cut = await source.getTile(tile)
        return cut && cut.features.length > 0 ? encodeLayerTile(layer.name, cut) : null
      }),
    )

    const present = parts.filter((part) => part !== null)
    if (present.length === 1 && !Buffer.isBuffer(present[0])) {
      const { pbf, gzipped } = present[0]!
      return { bytes: pbf, gzipped }
    }
    // Layers encoded apart, in catalogue order, make the tile (see encodeLayerTile).
    const buffers = present.map((part) => (Buffer.isBuffer(part) ? part : part.pbf))
    return { bytes: buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers) }
  }

  /** How each layer is cut now, for logs and metrics. */
  async describe(): Promise<Record<string, 'index' | 'window'>> {
    const entries = await Promise.all(
      [...this.#sources].map(async ([name, source]) => {
        return [name, cutFromOf(await source)] as const
      }),
    )
    return Object.fromEntries(entries)
  }

  /**
   * Makes each layer's source ready for its current version, as its first tile request would:
   * the index built and its overview encoded, or the window query chosen. Settles with how each
   * layer is cut, or why it could not be readied; a layer that failed is tried again on its
   * next request.
   */
  async prepare(layers: Layer[]): Promise<PreparedLayer[]> {
    return Promise.all(
      layers.map(async (layer): Promise<PreparedLayer> => {
        try {
          return { layer: layer.name, cutFrom: cutFromOf(await this.#sourceFor(layer)) }
        } catch (error) {
          return { layer: layer.name, error }
        }
      }),
    )
  }

  async #sourceFor(layer: Layer): Promise<TileSource> {
    const current = this.#sources.get(layer.name)
    if (current) {
      const source = await current.catch(() => undefined)
      if (source && source.version >= layer.dataVersion) return source
      if (this.#sources.get(layer.name) !== current) return this.#sourceFor(layer)
    }

    const made = this.#makeSource(layer)
    this.#sources.set(layer.name, made)
    // A failed build must not stick: the next request tries again.
    made.catch(() => {
      if (this.#sources.get(layer.name) === made) this.#sources.delete(layer.name)
    })
    return made
  }

  async #makeSource(layer: Layer): Promise<TileSource> {
    const vertices = await countLayerVertices(this.#db, layer)
    const source =
      vertices > this.#options.indexMaxVertices
        ? new LayerWindow(this.#db, layer)
        : new LayerIndex(this.#db, layer, this.#options.indexMaxTiles)
    await source.ready()
    return source
  }
}

function cutFromOf(source: TileSource): 'index' | 'window' {
  return source instanceof LayerIndex ? 'index' : 'window'
}
