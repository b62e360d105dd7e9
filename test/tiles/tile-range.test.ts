import { describe, expect, it } from 'vitest'
import {
  intersectBoxes,
  intersectRanges,
  rangeAddresses,
  rangeSize,
  tileRangeCovering,
  type LonLatBox,
} from '../../server/tiles/tile-range.ts'

// Grid positions below were worked out with the textbook formulas
//   x = (lon + 180) / 360 · 2^z,  y = (1 − ln(tan φ + sec φ) / π) / 2 · 2^z,
// and a tile is covered from floor(first edge) to ceil(last edge) − 1.

const FIXTURE: LonLatBox = [112.0, 27.0, 112.2, 27.1]
const CHINA: LonLatBox = [73.5, 18.1, 134.8, 53.6]
const WORLD: LonLatBox = [-180, -85.0511, 180, 85.0511]

describe('tile range', () => {
  it.each([0, 1, 2, 3, 4])('covers the whole grid, 4^z tiles, for the world at z%i', (z) => {
    const range = tileRangeCovering(WORLD, z)
    expect(range).toEqual({ z, minX: 0, maxX: 2 ** z - 1, minY: 0, maxY: 2 ** z - 1 })
    expect(rangeSize(range)).toBe(4 ** z)
  })

  it('leaves out tiles that only touch the box along an edge', () => {
    // At z1 the box spans x 1.0–2.0 and y 0.0004–1.0: exactly the north-east tile.
    expect(tileRangeCovering([0, 0, 180, 85], 1)).toEqual({
      z: 1,
      minX: 1,
      maxX: 1,
      minY: 0,
      maxY: 0,
    })
  })

  it.each([
    // x 830.58–831.15, y 431.87–432.19
    [FIXTURE, 10, { minX: 830, maxX: 831, minY: 431, maxY: 432 }, 4],
    // x 13289.24–13298.35, y 6909.91–6915.02
    [FIXTURE, 14, { minX: 13289, maxX: 13298, minY: 6909, maxY: 6915 }, 70],
    // x 22.53–27.98, y 10.33–14.36
    [CHINA, 5, { minX: 22, maxX: 27, minY: 10, maxY: 14 }, 30],
    // x 180.27–223.86, y 82.68–114.91
    [CHINA, 8, { minX: 180, maxX: 223, minY: 82, maxY: 114 }, 1452],
  ] as const)('covers %j at z%i with the hand-computed tiles', (box, z, bounds, count) => {
    const range = tileRangeCovering([...box], z)
    expect(range).toEqual({ z, ...bounds })
    expect(rangeSize(range)).toBe(count)
  })

  it('widens the box by the pad, a fraction of a tile', () => {
    // At z1 the box's east edge lies at x 0.9944; a pad of 64/4096 = 0.0156 carries it into
    // column 1, while its south edge at y 0.9442 + 0.0156 stays in row 0.
    const box: LonLatBox = [-10, 10, -1, 20]
    expect(rangeSize(tileRangeCovering(box, 1))).toBe(1)
    expect(tileRangeCovering(box, 1, 64 / 4096)).toEqual({
      z: 1,
      minX: 0,
      maxX: 1,
      minY: 0,
      maxY: 0,
    })
  })

  it('clamps latitudes beyond the Mercator limit to the grid', () => {
    expect(tileRangeCovering([-10, -90, 10, 90], 2)).toEqual({
      z: 2,
      minX: 1,
      maxX: 2,
      minY: 0,
      maxY: 3,
    })
  })

  it('covers the one tile that a point lies in', () => {
    // 112.1°E at z10: x 830.86; 27.05°N: y 432.03.
    expect(tileRangeCovering([112.1, 27.05, 112.1, 27.05], 10)).toEqual({
      z: 10,
      minX: 830,
      maxX: 830,
      minY: 432,
      maxY: 432,
    })
  })

  it('intersects ranges of one zoom and finds none between apart ones', () => {
    const a = { z: 5, minX: 0, maxX: 9, minY: 0, maxY: 9 }
    expect(intersectRanges(a, { z: 5, minX: 5, maxX: 20, minY: 9, maxY: 12 })).toEqual({
      z: 5,
      minX: 5,
      maxX: 9,
      minY: 9,
      maxY: 9,
    })
    expect(intersectRanges(a, { z: 5, minX: 10, maxX: 20, minY: 0, maxY: 9 })).toBeUndefined()
    expect(intersectRanges(a, { ...a, z: 6 })).toBeUndefined()
  })

  it('intersects boxes and finds none between apart ones', () => {
    expect(intersectBoxes([0, 0, 10, 10], [5, -5, 20, 5])).toEqual([5, 0, 10, 5])
    expect(intersectBoxes([0, 0, 10, 10], [11, 0, 20, 10])).toBeUndefined()
  })

  it('lists every tile of a range once, row by row from the north-west', () => {
    const range = { z: 3, minX: 2, maxX: 4, minY: 5, maxY: 6 }
    const tiles = [...rangeAddresses(range)].map(({ x, y }) => `${x},${y}`)
    expect(tiles).toEqual(['2,5', '3,5', '4,5', '2,6', '3,6', '4,6'])
  })
})
