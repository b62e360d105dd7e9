import GeoJSONVT from 'geojson-vt'
import type { Queryable } from '../db/database.ts'
import { collectGarbage } from '../ops/collect-garbage.ts'
import type { Layer } from './layer-catalog.ts'
import { readLayerFeatures } from './layer-features.ts'
import { releaseTile } from './index-store.ts'
import { LayerOverview, tileKey, type EncodedTile } from './layer-overview.ts'
import type { TileAddress } from './tile-address.ts'
import { encodeLayerTile } from './tile-encoding.ts'
import { BUFFER, TILE_EXTENT, TOLERANCE } from './tile-options.ts'

/**
 * The most tiles, and bytes, of the overview zooms encoded when an index is built (see
 * LayerOverview). The province-scale layer (21,600 units) reaches zoom 10 with 335 tiles and
 * 25 MB, built and encoded in about 3 s; with zoom 10 encoded ahead, the benchmark's cold tiles
 * there took 1–4 ms where cutting them on request took up to 22 ms, and a deeper tile's cut
 * starts from a quarter of the geometry.
 */
export const OVERVIEW_LIMITS = { maxTiles: 1024, maxBytes: 64 * 1024 * 1024 }

/**
 * Layers of at least this many vertices are followed by a full garbage collection once their
 * index is built (see #build). Smaller ones leave too little behind to hold requests up: the
 * whole Hengyang sample, ten layers, holds 17,000.
 */
export const COLLECT_AFTER_VERTICES = 500_000

/** How long an index over its budget is kept after a rebuild failed, before trying again. */
const REBUILD_RETRY_MS = 10_000

interface Built {
  index: GeoJSONVT
  overview: LayerOverview
  /** Tiles the index held once built: those cut to encode the overview, and their parents. */
  builtTiles: number
  /** On a walk: the tiles cut and let go, by tileKey. */
  released: Set<number>
}

/** What a LayerIndex is sized by, and how it is used. */
export interface LayerIndexOptions {
  /** Tiles cut beyond those of the build before the index is rebuilt, which bounds its memory. */
  maxTiles: number
  /** How many vertices the layer holds, as counted when choosing to index it. */
  vertices: number
  /**
   * Set by the pyramid tools, which ask for each tile once, zoom after zoom: a tile's geometry
   * is let go as soon as it is encoded, which bounds the index's memory without rebuilds (an
   * export of the province layer to zoom 14 peaked at 1.7 GB before). A tile asked for again is
   * cut from the index rebuilt.
   */
  walk?: boolean
}

/**
 * A whole layer held in memory as a geojson-vt index: every tile is cut from it without a query,
 * and the tiles of its overview zooms are encoded as it is built. geojson-vt keeps each tile it
 * cuts; once it holds `maxTiles` more than it did when built, the index is rebuilt from the
 * database, which bounds its memory.
 */
export class LayerIndex {
  readonly version: number
  #db: Queryable
  #layer: Layer
  #maxTiles: number
  #vertices: number
  #walk: boolean
  #built: Promise<Built>
  /** The index while it is built and current: what `tileNow` cuts from. */
  #current: Built | undefined
  /** After a rebuild failed, no other is tried before this time (performance.now()). */
  #rebuildAfter = -Infinity

  constructor(db: Queryable, layer: Layer, options: LayerIndexOptions) {
    this.version = layer.dataVersion
    this.#db = db
    this.#layer = layer
    this.#maxTiles = options.maxTiles
    this.#vertices = options.vertices
    this.#walk = options.walk ?? false
    this.#built = this.#build()
  }

  /** Resolves once the index and its overview are built; rejects when reading the layer failed. */
  ready(): Promise<unknown> {
    return this.#built
  }

  /** The layer's tile, encoded; null when the layer has no features there. */
  async tile(address: TileAddress): Promise<EncodedTile | null> {
    const built = await this.#built
    if (!this.#wasReleased(built, address)) return this.#tileOf(built, address)

    // Asked again on a walk, after its geometry was let go: cut from the layer read afresh.
    if (this.#current === built) this.#rebuild(built)
    const rebuilt = await this.#built
    if (this.#wasReleased(rebuilt, address)) {
      const { z, x, y } = address
      throw new Error(
        `The index of ${this.#layer.name} could not be rebuilt to cut ${z}/${x}/${y}.`,
      )
    }
    return this.#tileOf(rebuilt, address)
  }

  /**
   * The same as `tile`, without waiting: undefined while the index is being built or rebuilt,
   * and for a tile let go on a walk, which `tile` cuts again. Cutting from memory needs no I/O,
   * and a tile of a few layers cut in one go spares the promise hops that took as long as the
   * cutting itself.
   */
  tileNow(address: TileAddress): EncodedTile | null | undefined {
    const current = this.#current
    if (!current || this.#wasReleased(current, address)) return undefined
    return this.#tileOf(current, address)
  }

  /** Whether `address` was cut and let go on a walk; asked only on one, off the server's path. */
  #wasReleased(built: Built, address: TileAddress): boolean {
    return this.#walk && built.released.has(tileKey(address))
  }

  #tileOf(built: Built, address: TileAddress): EncodedTile | null {
    const { index, overview, builtTiles } = built
    const ahead = overview.get(address)
    if (ahead !== undefined) return ahead
    const tile = index.getTile(address.z, address.x, address.y)
    const pbf = tile && encodeLayerTile(this.#layer.name, tile)
    if (this.#walk) {
      built.released.add(tileKey(address))
      releaseTile(index, address, address.z === this.#layer.maxzoom)
    } else {
      // Counted beyond the tiles of the build, which a rebuild would cut again anyway.
      const cut = index.tileCoords.length - builtTiles
      const due = cut > this.#maxTiles && performance.now() >= this.#rebuildAfter
      if (due && this.#current === built) this.#rebuild(built)
    }
    return pbf ? { pbf } : null
  }

  /** Replaces `current` with an index built afresh; requests holding it finish with it. */
  #rebuild(current: Built): void {
    // New requests wait for the rebuild.
    this.#current = undefined
    this.#built = this.#build().catch(() => {
      // The layer could not be read (the database is down, say): cutting goes on from the
      // index there was, over its budget, rather than failing every tile of the layer.
      this.#rebuildAfter = performance.now() + REBUILD_RETRY_MS
      this.#current = current
      return current
    })
  }

  async #build(): Promise<Built> {
    const features = await readLayerFeatures(this.#db, this.#layer)
    const index = new GeoJSONVT(features, {
      maxZoom: this.#layer.maxzoom,
      tolerance: TOLERANCE,
      buffer: BUFFER,
      extent: TILE_EXTENT,
    })
    const overview = await LayerOverview.encode(index, this.#layer.name, {
      minzoom: this.#layer.minzoom,
      maxzoom: this.#layer.maxzoom,
      ...OVERVIEW_LIMITS,
    })
    overview.releaseCutsOf(index)
    const built = {
      index,
      overview,
      builtTiles: index.tileCoords.length,
      released: new Set<number>(),
    }
    this.#current = built
    // A large layer's build leaves several times the index's size in dead intermediate
    // geometry. V8 would collect it once the heap reached a limit set while that geometry was
    // alive, in the middle of the first requests after the build: on the province layer
    // (2 million vertices), cold tiles served while it marked took up to 200 ms. Collected at
    // once instead, in one pause of about 50 ms, after the promise of the build has settled
    // and let go of the index this one replaces.
    if (this.#vertices >= COLLECT_AFTER_VERTICES) setImmediate(collectGarbage)
    return built
  }
}
