import { createHash } from 'node:crypto'
import { labelLayersOf } from './label-layers.ts'
import type { Layer } from './layer-catalog.ts'

/** What one tile URL serves: a single layer, or the composite of all public layers. */
export interface TileSet {
  /** The URL name: a layer name, or `zoning` for the composite. */
  name: string
  layers: Layer[]
  minzoom: number
  maxzoom: number
  /**
   * Changes at every import into a member layer: the data versions, and a part of the layers'
   * import tokens, so that two databases that reached the same versions never share it.
   */
  version: string
  /** Seconds clients may keep a tile, and may serve it stale while fetching a new one. */
  maxAge: number
  staleWhileRevalidate: number
}

export const COMPOSITE_NAME = 'zoning'

/** Hex digits of the import token in a version: 32 bits, enough to tell imports apart. */
const TOKEN_CHARS = 8

/** The layers' import tokens in one, as short as one layer's. */
function tokenOf(layers: Layer[]): string {
  const tokens = layers.map((l) => l.dataToken).join(' ')
  return createHash('sha256').update(tokens).digest('hex').slice(0, TOKEN_CHARS)
}

export function layerTileSet(layer: Layer): TileSet {
  return {
    name: layer.name,
    layers: [layer],
    minzoom: layer.minzoom,
    maxzoom: layer.maxzoom,
    version: `v${layer.dataVersion}-${layer.dataToken.slice(0, TOKEN_CHARS)}`,
    maxAge: layer.maxAge,
    staleWhileRevalidate: layer.staleWhileRevalidate,
  }
}

/**
 * Every layer in one tile, each as its own source layer, followed by the label points of the
 * named areas (label-layers.ts). Undefined when there is no layer.
 */
export function compositeTileSet(layers: Layer[]): TileSet | undefined {
  if (layers.length === 0) return undefined
  return {
    name: COMPOSITE_NAME,
    layers: [...layers, ...labelLayersOf(layers)],
    minzoom: Math.min(...layers.map((l) => l.minzoom)),
    maxzoom: Math.max(...layers.map((l) => l.maxzoom)),
    version: `v${layers.map((l) => l.dataVersion).join('.')}-${tokenOf(layers)}`,
    maxAge: Math.min(...layers.map((l) => l.maxAge)),
    staleWhileRevalidate: Math.min(...layers.map((l) => l.staleWhileRevalidate)),
  }
}

const cacheControls = new WeakMap<TileSet, string>()

/** The Cache-Control value of every tile of the set, one string for all of them. */
export function tileCacheControl(set: TileSet): string {
  let control = cacheControls.get(set)
  if (control === undefined) {
    control = `public, max-age=${set.maxAge}, stale-while-revalidate=${set.staleWhileRevalidate}`
    cacheControls.set(set, control)
  }
  return control
}
