import { openingView } from './opening-view.ts'
import type { TileSet } from './tile-set.ts'

/** Web Mercator's latitude limit: TileJSON's default bounds. */
const WORLD: [number, number, number, number] = [-180, -85.0511, 180, 85.0511]

export interface TileJsonContext {
  /** Absolute base URL of the server, e.g. http://localhost:8080, with no trailing slash. */
  baseUrl: string
  attribution: string
}

/** TileJSON 3.0.0 for a tile set: one vector layer per member layer, named like the layer. */
export function tileJson(set: TileSet, context: TileJsonContext) {
  const bounds = unionBounds(set) ?? WORLD
  // The view a map opening the style takes, within the set's zooms.
  const view = openingView(bounds)
  const centerZoom = Math.min(Math.max(set.minzoom, view.zoom), set.maxzoom)
  const single = set.layers.length === 1 ? set.layers[0] : undefined
  return {
    tilejson: '3.0.0',
    name: single?.titleZh ?? '生态环境分区管控',
    description: single?.titleEn ?? 'Ecological zoning: all public layers',
    // The minor version follows the data, which tells clients to drop cached tiles.
    // Label points share their area layer's version, so they are not counted again.
    version: `1.${set.layers.reduce((sum, l) => sum + (l.labelPointsOf ? 0 : l.dataVersion), 0)}.0`,
    attribution: context.attribution,
    scheme: 'xyz',
    tiles: [`${context.baseUrl}/tiles/${encodeURIComponent(set.name)}/{z}/{x}/{y}.mvt`],
    minzoom: set.minzoom,
    maxzoom: set.maxzoom,
    bounds,
    center: [...view.center, centerZoom],
    vector_layers: set.layers.map((layer) => ({
      id: layer.name,
      description: layer.titleEn,
      minzoom: layer.minzoom,
      maxzoom: layer.maxzoom,
      fields: Object.fromEntries(
        layer.attributes.map((attribute) => [attribute.name, attribute.description_en]),
      ),
    })),
  }
}

/** The bounds holding every member layer's, [west, south, east, north]; undefined if all empty. */
export function unionBounds(set: TileSet): [number, number, number, number] | undefined {
  const all = set.layers.flatMap((layer) => (layer.bounds ? [layer.bounds] : []))
  if (all.length === 0) return undefined
  return [
    Math.min(...all.map((b) => b[0])),
    Math.min(...all.map((b) => b[1])),
    Math.max(...all.map((b) => b[2])),
    Math.max(...all.map((b) => b[3])),
  ]
}
