import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

/** Decodes a Mapbox Vector Tile into its layers and their features. */
export function decodeTile(bytes: ArrayBuffer | Uint8Array) {
  const tile = new VectorTile(new PbfReader(new Uint8Array(bytes)))
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => {
      const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i))
      return [name, { version: layer.version, extent: layer.extent, features }]
    }),
  )
}
