import type { Layer } from './layer-catalog.ts'

/** Web Mercator's latitude limit: TileJSON's default bounds. */
const WORLD: [number, number, number, number] = [-180, -85.0511, 180, 85.0511]

export interface TileJsonContext {
  /** Absolute base URL of the server, e.g. http://localhost:8080, with no trailing slash. */
  baseUrl: string
  attribution: string
}

/** TileJSON 3.0.0 for one layer, with the layer as the tiles' only vector layer. */
export function layerTileJson(layer: Layer, context: TileJsonContext) {
  const bounds = layer.bounds ?? WORLD
  const centerZoom = Math.min(Math.max(layer.minzoom, 8), layer.maxzoom)
  return {
    tilejson: '3.0.0',
    name: layer.titleZh,
    description: layer.titleEn,
    // A new data version changes the minor version, which tells clients to drop cached tiles.
    version: `1.${layer.dataVersion}.0`,
    attribution: context.attribution,
    scheme: 'xyz',
    tiles: [`${context.baseUrl}/tiles/${encodeURIComponent(layer.name)}/{z}/{x}/{y}.mvt`],
    minzoom: layer.minzoom,
    maxzoom: layer.maxzoom,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, centerZoom],
    vector_layers: [
      {
        id: layer.name,
        description: layer.titleEn,
        minzoom: layer.minzoom,
        maxzoom: layer.maxzoom,
        fields: Object.fromEntries(
          layer.attributes.map((attribute) => [attribute.name, attribute.description_en]),
        ),
      },
    ],
  }
}
