import type { Queryable } from '../db/database.ts'
import type { Layer } from './layer-catalog.ts'
import { countLayerVertices } from './layer-features.ts'
import { LayerIndex } from './layer-index.ts'
import type { EncodedTile } from './layer-overview.ts'
import { LayerWindow } from './layer-window.ts'
import type { TileAddress } from './tile-address.ts'

export interface CutterOptions {
  /** Layers with more vertices than this are cut per tile from a window query. */
  indexMaxVertices: number
  /** Tiles an in-memory index may cut beyond those of its build before it is rebuilt. */
  indexMaxTiles: number
  /** Each tile is asked for once, zoom after zoom, as the pyramid tools do (LayerIndex). */
  walk?: boolean
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
  /** The layer's tile, encoded; null when the layer has no features there. */
  tile(address: TileAddress): Promise<EncodedTile | null>
  /** The same without waiting, where the source can; undefined when it cannot now. */
  tileNow?(address: TileAddress): EncodedTile | null | undefined
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
  /** Each layer's latest source that has been made, for cutting without waiting. */
  #made = new Map<string, TileSource>()

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
    const now = this.cutTileNow(layers, tile)
    if (now) return now
    const inRange = layers.filter((l) => tile.z >= l.minzoom && tile.z <= l.maxzoom)
    const parts = await Promise.all(
      inRange.map(async (layer) => (await this.#sourceFor(layer)).tile(tile)),
    )
    return joinLayerTiles(parts)
  }

  /**
   * The tile as `cutTile` gives it, without waiting, when every layer it needs has a source of
   * its current version that cuts in memory and is built; undefined otherwise.
   */
  cutTileNow(layers: Layer[], tile: TileAddress): CutTile | undefined {
    const parts: (EncodedTile | null)[] = []
    for (const layer of layers) {
      if (tile.z < layer.minzoom || tile.z > layer.maxzoom) continue
      const source = this.#made.get(layer.name)
      if (!source?.tileNow || source.version < layer.dataVersion) return undefined
      const part = source.tileNow(tile)
      if (part === undefined) return undefined
      parts.push(part)
    }
    return joinLayerTiles(parts)
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

    // The old source is let go at once: a layer's index may take hundreds of megabytes, and two
    // versions of it held together could double that.
    this.#made.delete(layer.name)
    const made = this.#makeSource(layer)
    this.#sources.set(layer.name, made)
    made.then(
      (source) => {
        if (this.#sources.get(layer.name) === made) this.#made.set(layer.name, source)
      },
      // A failed build must not stick: the next request tries again.
      () => {
        if (this.#sources.get(layer.name) === made) this.#sources.delete(layer.name)
      },
    )
    return made
  }

  async #makeSource(layer: Layer): Promise<TileSource> {
    const vertices = await countLayerVertices(this.#db, layer)
    const source =
      vertices > this.#options.indexMaxVertices
        ? new LayerWindow(this.#db, layer)
        : new LayerIndex(this.#db, layer, {
            maxTiles: this.#options.indexMaxTiles,
            vertices,
            walk: this.#options.walk,
          })
    await source.ready()
    return source
  }
}

/**
 * The tile made of the layers' tiles, in catalogue order: concatenated (see encodeLayerTile),
 * or the one layer's as it was encoded, compressed bytes included when made ahead.
 */
function joinLayerTiles(parts: (EncodedTile | null)[]): CutTile {
  const present = parts.filter((part) => part !== null)
  if (present.length === 1) return { bytes: present[0]!.pbf, gzipped: present[0]!.gzipped }
  const buffers = present.map((part) => part.pbf)
  return { bytes: buffers.length === 0 ? Buffer.alloc(0) : Buffer.concat(buffers) }
}

function cutFromOf(source: TileSource): 'index' | 'window' {
  return source instanceof LayerIndex ? 'index' : 'window'
}
