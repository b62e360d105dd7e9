import GeoJSONVT, { type LegacyTile } from 'geojson-vt'
import type { Queryable } from '../db/database.ts'
import type { Layer } from './layer-catalog.ts'
import { readLayerFeatures } from './layer-features.ts'
import { BUFFER, TILE_EXTENT, TOLERANCE } from './tile-options.ts'
import type { TileAddress } from './tile-address.ts'

/**
 * A whole layer held in memory as a geojson-vt index: every tile is cut from it without a query.
 * geojson-vt keeps each tile it cuts below its index zoom; once that count passes `maxTiles`,
 * the index is rebuilt from the database, which bounds its memory.
 */
export class LayerIndex {
  readonly version: number
  #db: Queryable
  #layer: Layer
  #maxTiles: number
  #index: Promise<GeoJSONVT>

  constructor(db: Queryable, layer: Layer, maxTiles: number) {
    this.version = layer.dataVersion
    this.#db = db
    this.#layer = layer
    this.#maxTiles = maxTiles
    this.#index = this.#build()
  }

  /** Resolves once the index is built; rejects when reading the layer failed. */
  ready(): Promise<unknown> {
    return this.#index
  }

  async getTile({ z, x, y }: TileAddress): Promise<LegacyTile | null> {
    const index = await this.#index
    const tile = index.getTile(z, x, y)
    if (index.tileCoords.length > this.#maxTiles) {
      // Requests already holding this index finish with it; new ones wait for the rebuild.
      this.#index = this.#build()
    }
    return tile
  }

  async #build(): Promise<GeoJSONVT> {
    const features = await readLayerFeatures(this.#db, this.#layer)
    return new GeoJSONVT(features, {
      maxZoom: this.#layer.maxzoom,
      tolerance: TOLERANCE,
      buffer: BUFFER,
      extent: TILE_EXTENT,
    })
  }
}
