import type { TileAddress } from './tile-address.ts'
import type { TileRange } from './tile-range.ts'

/**
 * The PMTiles v3 tile id of an XYZ tile: the number of tiles at lower zooms, (4^z − 1) / 3,
 * plus the tile's position along the Hilbert curve that fills its zoom's grid, starting at the
 * north-west tile (0, 0) and, at zoom 1, going on to (0, 1), (1, 1) and ending at (1, 0).
 * Exact up to zoom 26, where ids pass 2^53.
 */
export function hilbertTileId({ z, x, y }: TileAddress): number {
  let position = 0
  let column = x
  let row = y
  for (let half = 2 ** (z - 1); half >= 1; half /= 2) {
    const east = column & half ? 1 : 0
    const south = row & half ? 1 : 0
    // The quadrants in curve order: north-west, south-west, south-east, north-east.
    position += half * half * ((3 * east) ^ south)

    // In the first and last quadrants, the northern ones, the curve runs turned: transposed in
    // the north-west one, transposed and reversed in the north-east one. Turning the tile back
    // the same way lets the next level read like this one.
    column &= half - 1
    row &= half - 1
    if (south === 0) {
      if (east === 1) {
        column = half - 1 - column
        row = half - 1 - row
      }
      ;[column, row] = [row, column]
    }
  }
  return (4 ** z - 1) / 3 + position
}

/**
 * Every tile of the range in ascending tile id order, computed as they are taken so that
 * memory does not grow with the range. The curve fills each quadrant of a square before the
 * next, so the quadrants are visited in the order of their tiles' ids and only those that
 * overlap the range are entered.
 */
export function* tilesInHilbertOrder(range: TileRange): Generator<TileAddress> {
  yield* visitBlock(range, range.z, 0, 0)
}

/** Block (bx, by) of side 2^level tiles, at the range's zoom. */
function* visitBlock(
  range: TileRange,
  level: number,
  bx: number,
  by: number,
): Generator<TileAddress> {
  const side = 2 ** level
  const [x0, y0] = [bx * side, by * side]
  if (x0 > range.maxX || x0 + side <= range.minX) return
  if (y0 > range.maxY || y0 + side <= range.minY) return
  if (level === 0) {
    yield { z: range.z, x: x0, y: y0 }
    return
  }

  const quadrants = [
    [2 * bx, 2 * by],
    [2 * bx + 1, 2 * by],
    [2 * bx, 2 * by + 1],
    [2 * bx + 1, 2 * by + 1],
  ].map(([qx, qy]) => ({
    qx: qx!,
    qy: qy!,
    id: hilbertTileId({ z: range.z, x: (qx! * side) / 2, y: (qy! * side) / 2 }),
  }))
  quadrants.sort((a, b) => a.id - b.id)
  for (const { qx, qy } of quadrants) yield* visitBlock(range, level - 1, qx, qy)
}
