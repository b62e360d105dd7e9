import type { LegacyTile } from 'geojson-vt'
import { fromGeojsonVt } from 'vt-pbf'
import { dropDegenerateGeometry } from './drop-degenerate-geometry.ts'
import { TILE_EXTENT } from './tile-options.ts'

/**
 * Most tiles are a few kilobytes: compressing them on request takes tens of microseconds, in
 * place, where a round trip through the thread pool costs ten times that. Larger ones take
 * milliseconds, so they are compressed off the event loop, or ahead of requests where they can.
 */
export const SMALL_TILE_BYTES = 64 * 1024

/**
 * Encodes one layer's cut as a Mapbox Vector Tile holding that one layer, without the geometry
 * the specification does not allow (see dropDegenerateGeometry); null when no feature is left.
 * Every way of cutting tiles encodes here, so every tile served or exported is checked.
 *
 * A vector tile is a protobuf message whose layers are a repeated field, so the encodings of
 * several layers, concatenated, are the tile holding all of them: this is how composite tiles
 * are put together from layers encoded apart.
 */
export function encodeLayerTile(layerName: string, tile: LegacyTile): Buffer | null {
  const valid = dropDegenerateGeometry(tile)
  if (valid.features.length === 0) return null
  const bytes = fromGeojsonVt({ [layerName]: valid }, { version: 2, extent: TILE_EXTENT })
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
