import GeoJSONVT from 'geojson-vt'
import type { Queryable } from '../db/database.ts'
import type { Layer } from './layer-catalog.ts'
import { readLayerFeatures } from './layer-features.ts'
import type { EncodedTile } from './layer-overview.ts'
import { tileBounds, type TileAddress } from './tile-address.ts'
import { encodeLayerTile } from './tile-encoding.ts'
import { BUFFER, TILE_EXTENT, TOLERANCE } from './tile-options.ts'

/**
 * A layer too large to hold in memory: each tile reads only the features under it (its bounds
 * plus the buffer), clipped and simplified by PostGIS to the tile's resolution, and cuts them
 * with a one-tile geojson-vt index, so both ways of cutting produce the same kind of tile.
 */
export class LayerWindow {
  readonly version: number
  #db: Queryable
  #layer: Layer

  constructor(db: Queryable, layer: Layer) {
    this.version = layer.dataVersion
    this.#db = db
    this.#layer = layer
  }

  ready(): Promise<unknown> {
    return Promise.resolve()
  }

  /** The layer's tile, encoded; null when the layer has no features there. */
  async tile(tile: TileAddress): Promise<EncodedTile | null> {
    const [w, s, e, n] = tileBounds(tile)
    const pad = ((e - w) * BUFFER) / TILE_EXTENT
    // Simplifying to a quarter of geojson-vt's tolerance leaves the final say to geojson-vt.
    const tolerance = (((e - w) / TILE_EXTENT) * TOLERANCE) / 4

    const features = await readLayerFeatures(this.#db, this.#layer, {
      envelope: [w - pad, Math.max(s - pad, -85.06), e + pad, Math.min(n + pad, 85.06)],
      tolerance,
    })
    if (features.features.length === 0) return null

    // The layer's own maxzoom keeps geojson-vt simplifying as the in-memory index does.
    const index = new GeoJSONVT(features, {
      maxZoom: this.#layer.maxzoom,
      indexMaxZoom: tile.z,
      indexMaxPoints: 0,
      tolerance: TOLERANCE,
      buffer: BUFFER,
      extent: TILE_EXTENT,
    })
    const cut = index.getTile(tile.z, tile.x, tile.y)
    const pbf = cut && encodeLayerTile(this.#layer.name, cut)
    return pbf ? { pbf } : null
  }
}
