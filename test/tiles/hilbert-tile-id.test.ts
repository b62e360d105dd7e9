import { zxyToTileId } from 'pmtiles'
import { describe, expect, it } from 'vitest'
import { hilbertTileId, tilesInHilbertOrder } from '../../server/tiles/hilbert-tile-id.ts'
import { rangeAddresses } from '../../server/tiles/tile-range.ts'

// The order-2 Hilbert curve drawn by hand on a 4×4 grid, y down, from the north-west corner to
// the north-east one: ids 5 to 20, after the 1 + 4 tiles of zooms 0 and 1.
const Z2_CURVE = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 3],
  [1, 2],
  [2, 2],
  [2, 3],
  [3, 3],
  [3, 2],
  [3, 1],
  [2, 1],
  [2, 0],
  [3, 0],
]

describe('Hilbert tile id', () => {
  it('numbers the single z0 tile 0', () => {
    expect(hilbertTileId({ z: 0, x: 0, y: 0 })).toBe(0)
  })

  it('numbers the z1 tiles 1 to 4 from north-west through south-west and south-east', () => {
    const ids = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ].map(([x, y]) => hilbertTileId({ z: 1, x: x!, y: y! }))
    expect(ids).toEqual([1, 2, 3, 4])
  })

  it('follows the hand-drawn curve at z2', () => {
    const ids = Z2_CURVE.map(([x, y]) => hilbertTileId({ z: 2, x: x!, y: y! }))
    expect(ids).toEqual(Array.from({ length: 16 }, (_, i) => 5 + i))
  })

  it.each([
    [1, 1, 0, 4],
    [2, 1, 3, 11],
    [3, 3, 0, 26],
  ])('gives the published id for %i/%i/%i: %i', (z, x, y, id) => {
    expect(hilbertTileId({ z, x, y })).toBe(id)
  })

  it('ends each zoom at its north-east tile, one below the next zoom start', () => {
    for (const z of [5, 12, 24]) {
      const nextStart = (4 ** (z + 1) - 1) / 3
      expect(hilbertTileId({ z, x: 2 ** z - 1, y: 0 })).toBe(nextStart - 1)
    }
  })

  it('steps between neighbouring tiles and numbers each tile once, up to z6', () => {
    for (let z = 1; z <= 6; z++) {
      const size = 2 ** z
      const byId = new Map<number, [number, number]>()
      for (let x = 0; x < size; x++) {
        for (let y = 0; y < size; y++) byId.set(hilbertTileId({ z, x, y }), [x, y])
      }
      const first = (4 ** z - 1) / 3
      expect([...byId.keys()].sort((a, b) => a - b)).toEqual(
        Array.from({ length: size * size }, (_, i) => first + i),
      )
      for (let id = first + 1; id < first + size * size; id++) {
        const [ax, ay] = byId.get(id - 1)!
        const [bx, by] = byId.get(id)!
        expect(Math.abs(ax - bx) + Math.abs(ay - by)).toBe(1)
      }
    }
  })

  it('agrees with the reference reader on tiles up to z24', () => {
    const tiles = [
      [7, 104, 53],
      [10, 830, 432],
      [14, 13289, 6915],
      [18, 212635, 110640],
      [24, 13608741, 7080981],
      [24, 2 ** 24 - 1, 2 ** 24 - 1],
    ]
    for (const [z, x, y] of tiles) {
      expect(hilbertTileId({ z: z!, x: x!, y: y! })).toBe(zxyToTileId(z!, x!, y!))
    }
  })
})

describe('tiles in Hilbert order', () => {
  it('walks the whole z2 grid along the curve', () => {
    const range = { z: 2, minX: 0, maxX: 3, minY: 0, maxY: 3 }
    expect([...tilesInHilbertOrder(range)].map(({ x, y }) => [x, y])).toEqual(Z2_CURVE)
  })

  it('yields every tile of a range once, in ascending id order', () => {
    const range = { z: 11, minX: 1650, maxX: 1671, minY: 855, maxY: 873 }
    const tiles = [...tilesInHilbertOrder(range)]
    const ids = tiles.map(hilbertTileId)
    expect(tiles.length).toBe(22 * 19)
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true)

    const key = ({ x, y }: { x: number; y: number }) => `${x},${y}`
    expect(new Set(tiles.map(key))).toEqual(new Set([...rangeAddresses(range)].map(key)))
  })
})
