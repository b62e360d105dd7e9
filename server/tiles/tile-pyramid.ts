import { BUFFER, TILE_EXTENT } from './tile-options.ts'
import {
  intersectBoxes,
  intersectRanges,
  rangeSize,
  tileRangeCovering,
  unionBoxes,
  type LonLatBox,
  type TileRange,
} from './tile-range.ts'
import type { TileSet } from './tile-set.ts'

/** Which part of a tile set to render: a span of zooms, and optionally a box. */
export interface PyramidOptions {
  minzoom: number
  maxzoom: number
  /** Lon/lat box to stay within; the layers' own bounds when undefined. */
  bbox?: LonLatBox
}

/** The tiles of one tile set worth rendering: one range per zoom, ascending, none empty. */
export interface TilePyramid {
  set: TileSet
  ranges: TileRange[]
  /** Tiles in all ranges. */
  size: number
  /** Lon/lat box of the data rendered: the layers' bounds within the requested box. */
  bounds: LonLatBox | undefined
}

// Tiles keep features a buffer beyond their edges, so a tile next to a layer's bounds can hold
// a sliver of it; covering those keeps every tile the server answers with content.
const EDGE_PAD = BUFFER / TILE_EXTENT

/**
 * The tiles of `set` within the requested zooms and box: at each zoom, only where a member
 * layer whose zoom range holds that zoom has features (its bounds, widened by the cutter's
 * buffer). Layers without features add nothing. Pure.
 */
export function planPyramid(set: TileSet, options: PyramidOptions): TilePyramid {
  const ranges: TileRange[] = []
  for (let z = options.minzoom; z <= options.maxzoom; z++) {
    const present = set.layers.filter((l) => z >= l.minzoom && z <= l.maxzoom && l.bounds)
    const bounds = unionBoxes(present.map((layer) => layer.bounds!))
    if (!bounds) continue

    const ofData = tileRangeCovering(bounds, z, EDGE_PAD)
    const range = options.bbox
      ? intersectRanges(ofData, tileRangeCovering(options.bbox, z))
      : ofData
    if (range) ranges.push(range)
  }

  const all = unionBoxes(set.layers.flatMap((layer) => (layer.bounds ? [layer.bounds] : [])))
  // A box apart from the data still gets the low-zoom tiles both lie in: it bounds those.
  const bounds = all && options.bbox ? (intersectBoxes(all, options.bbox) ?? options.bbox) : all
  const size = ranges.reduce((sum, range) => sum + rangeSize(range), 0)
  return { set, ranges, size, bounds }
}
