import GeoJSONVT from 'geojson-vt'
import { fromGeojsonVt } from 'vt-pbf'
import type { Queryable } from '../db/database.ts'
import type { Layer } from './layer-catalog.ts'
import { readLayerFeatures } from './layer-features.ts'
import type { TileAddress } from './tile-address.ts'

export const TILE_EXTENT = 4096

// Tile-space pixels of simplification at each zoom (geojson-vt's tolerance): 3 of 4096 stays
// below what a screen shows while dropping most vertices at low zooms.
const TOLERANCE = 3
// Features are clipped this far beyond the tile edge, so polygon outlines and line joins meet
// cleanly across tile borders.
const BUFFER = 64

interface LayerIndex {
  version: number
  index: Promise<GeoJSONVT>
}

/**
 * Cuts Mapbox Vector Tiles from an in-memory geojson-vt index per layer and data version. The
 * index of a new version is built on first use while the old one keeps serving its own
 * version's requests, so an import never makes a request fail.
 */
export class TileCutter {
  #db: Queryable
  #indexes = new Map<string, LayerIndex>()

  constructor(db: Queryable) {
    this.#db = db
  }

  /**
   * The encoded tile with one source layer per given layer that has features there and whose
   * zoom range holds the tile, or an empty buffer when none has.
   */
  async cut(layers: Layer[], tile: TileAddress): Promise<Buffer> {
    const inRange = layers.filter((l) => tile.z >= l.minzoom && tile.z <= l.maxzoom)
    const indexes = await Promise.all(inRange.map((layer) => this.#indexFor(layer)))

    const cuts: Record<string, { features: unknown[] }> = {}
    for (const [i, index] of indexes.entries()) {
      const cut = index.getTile(tile.z, tile.x, tile.y)
      if (cut && cut.features.length > 0) cuts[inRange[i]!.name] = cut
    }
    if (Object.keys(cuts).length === 0) return Buffer.alloc(0)

    const bytes = fromGeojsonVt(cuts, { version: 2, extent: TILE_EXTENT })
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  #indexFor(layer: Layer): Promise<GeoJSONVT> {
    const current = this.#indexes.get(layer.name)
    if (current && current.version >= layer.dataVersion) return current.index

    const index = readLayerFeatures(this.#db, layer).then(
      (features) =>
        new GeoJSONVT(features, {
          maxZoom: layer.maxzoom,
          tolerance: TOLERANCE,
          buffer: BUFFER,
          extent: TILE_EXTENT,
        }),
    )
    const entry = { version: layer.dataVersion, index }
    this.#indexes.set(layer.name, entry)
    // A failed build must not stick: the next request tries again.
    index.catch(() => {
      if (this.#indexes.get(layer.name) === entry) this.#indexes.delete(layer.name)
    })
    return index
  }
}
