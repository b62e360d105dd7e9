import type { TileAddress } from './tile-address.ts'

/** [west, south, east, north] in lon/lat degrees (WGS84). */
export type LonLatBox = [number, number, number, number]

/** A rectangle of tiles at one zoom, bounds included: minX ≤ x ≤ maxX, minY ≤ y ≤ maxY. */
export interface TileRange {
  z: number
  minX: number
  maxX: number
  minY: number
  maxY: number
}

/** Web Mercator's latitude limit, where the XYZ grid ends: atan(sinh(π)). */
const MERCATOR_LAT = (Math.atan(Math.sinh(Math.PI)) * 180) / Math.PI

/**
 * The tiles at zoom `z` whose area overlaps the box: a tile that only touches the box along an
 * edge is left out. `pad`, a fraction of a tile, widens the box on every side, for tiles whose
 * clipping buffer reaches into it. Latitudes beyond the Mercator limit are clamped to it.
 * The box must have west ≤ east and south ≤ north; a box of no area, such as the bounds of a
 * single point, covers the tile it lies in. The range is never empty.
 */
export function tileRangeCovering(box: LonLatBox, z: number, pad = 0): TileRange {
  const size = 2 ** z
  const [west, south, east, north] = box
  const left = lonToGrid(west) * size - pad
  const right = lonToGrid(east) * size + pad
  const top = latToGrid(north) * size - pad
  const bottom = latToGrid(south) * size + pad

  const clamp = (value: number) => Math.min(Math.max(value, 0), size - 1)
  const minX = clamp(Math.floor(left))
  const minY = clamp(Math.floor(top))
  // A box thinner than floating point can tell apart still covers the tile it lies in.
  const maxX = Math.max(minX, clamp(Math.ceil(right) - 1))
  const maxY = Math.max(minY, clamp(Math.ceil(bottom) - 1))
  return { z, minX, maxX, minY, maxY }
}

/** The tiles in both ranges, or undefined when they share none or lie at different zooms. */
export function intersectRanges(a: TileRange, b: TileRange): TileRange | undefined {
  if (a.z !== b.z) return undefined
  const range = {
    z: a.z,
    minX: Math.max(a.minX, b.minX),
    maxX: Math.min(a.maxX, b.maxX),
    minY: Math.max(a.minY, b.minY),
    maxY: Math.min(a.maxY, b.maxY),
  }
  return range.minX <= range.maxX && range.minY <= range.maxY ? range : undefined
}

/** How many tiles the range holds. */
export function rangeSize({ minX, maxX, minY, maxY }: TileRange): number {
  return (maxX - minX + 1) * (maxY - minY + 1)
}

/** Every tile of the range, row by row from the north-west corner. */
export function* rangeAddresses(range: TileRange): Generator<TileAddress> {
  for (let y = range.minY; y <= range.maxY; y++) {
    for (let x = range.minX; x <= range.maxX; x++) yield { z: range.z, x, y }
  }
}

/**
 * The overlap of two boxes, or undefined when they lie apart. Boxes that only touch give a box
 * of no width or height, as does a layer of a single point.
 */
export function intersectBoxes(a: LonLatBox, b: LonLatBox): LonLatBox | undefined {
  const box: LonLatBox = [
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
    Math.min(a[2], b[2]),
    Math.min(a[3], b[3]),
  ]
  return box[0] <= box[2] && box[1] <= box[3] ? box : undefined
}

/** The smallest box holding all the given ones, or undefined for none. */
export function unionBoxes(boxes: LonLatBox[]): LonLatBox | undefined {
  if (boxes.length === 0) return undefined
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ]
}

/** Longitude as a fraction of the grid's width, 0 at 180°W. */
function lonToGrid(lon: number): number {
  return (lon + 180) / 360
}

/** Latitude as a fraction of the grid's height, 0 at the north edge. */
function latToGrid(lat: number): number {
  const phi = (Math.max(-MERCATOR_LAT, Math.min(MERCATOR_LAT, lat)) * Math.PI) / 180
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2
}
