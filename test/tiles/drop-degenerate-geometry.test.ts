import type { LegacyFeature, LegacyTile } from 'geojson-vt'
import { describe, expect, it } from 'vitest'
import { dropDegenerateGeometry } from '../../server/tiles/drop-degenerate-geometry.ts'
import { encodeLayerTile } from '../../server/tiles/tile-encoding.ts'
import { decodeTile } from '../support/mvt.ts'

type Ring = [number, number][]

// Rings in tile coordinates (y down): clockwise on screen is a positive area, an exterior.
const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
]
const hole = (x: number, y: number, size: number): Ring => square(x, y, size).reverse()
const collapsed = (x: number, y: number): Ring => [
  [x, y],
  [x + 6, y - 2],
  [x, y],
]

const polygon = (...rings: Ring[]): LegacyFeature => ({ type: 3, geometry: rings, tags: null })
const tileOf = (...features: LegacyFeature[]): LegacyTile => ({ features })
const geometries = (tile: LegacyTile) => tile.features.map((feature) => feature.geometry)

describe('dropping degenerate tile geometry', () => {
  it('gives back the very tile when nothing in it is degenerate', () => {
    const tile = tileOf(
      polygon(square(0, 0, 100), hole(10, 10, 20), square(200, 0, 50)),
      {
        type: 2,
        geometry: [
          [
            [0, 0],
            [5, 5],
            [5, 9],
          ],
        ],
        tags: { name: 'river' },
      },
      {
        type: 1,
        geometry: [
          [3, 4],
          [3, 4],
        ],
        tags: null,
      },
    )
    expect(dropDegenerateGeometry(tile)).toBe(tile)
  })

  it('drops a hole collapsed to no area and keeps the rest of its polygon', () => {
    const feature = polygon(square(0, 0, 100), collapsed(40, 40), hole(10, 10, 20))
    expect(geometries(dropDegenerateGeometry(tileOf(feature)))).toEqual([
      [square(0, 0, 100), hole(10, 10, 20)],
    ])
  })

  it('drops an exterior of no area with its holes, and keeps the next polygon', () => {
    const straight: Ring = [
      [500, 500],
      [600, 500],
      [700, 500],
      [500, 500],
    ]
    const feature = polygon(
      square(0, 0, 100),
      straight,
      hole(550, 490, 5),
      square(800, 0, 10),
      hole(802, 2, 3),
    )
    expect(geometries(dropDegenerateGeometry(tileOf(feature)))).toEqual([
      [square(0, 0, 100), square(800, 0, 10), hole(802, 2, 3)],
    ])
  })

  it('drops the holes of a first ring of no area', () => {
    const feature = polygon(collapsed(0, 10), hole(1, 8, 1), square(100, 100, 10))
    expect(geometries(dropDegenerateGeometry(tileOf(feature)))).toEqual([[square(100, 100, 10)]])
  })

  it('drops a first ring wound as a hole, and a hole outside the exterior before it', () => {
    const feature = polygon(hole(0, 0, 10), square(100, 100, 10), hole(300, 300, 10))
    expect(geometries(dropDegenerateGeometry(tileOf(feature)))).toEqual([[square(100, 100, 10)]])
  })

  it('drops a feature with no ring left, and keeps the others in order', () => {
    const a = polygon(square(0, 0, 10))
    const b = polygon(collapsed(5, 5), [[1, 1]], [])
    const c = polygon(square(20, 20, 10))
    expect(dropDegenerateGeometry(tileOf(a, b, c)).features).toEqual([a, c])
  })

  it('removes points repeating the one before, in rings and lines', () => {
    const ring: Ring = [
      [0, 0],
      [10, 0],
      [10, 0],
      [10, 10],
      [0, 0],
      [0, 0],
    ]
    const line: Ring = [
      [1, 1],
      [1, 1],
      [4, 5],
      [4, 5],
    ]
    const tile = tileOf(polygon(ring), { type: 2, geometry: [line], tags: null })
    expect(geometries(dropDegenerateGeometry(tile))).toEqual([
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 0],
        ],
      ],
      [
        [
          [1, 1],
          [4, 5],
        ],
      ],
    ])
    // The cut is left as it was: an index may hand out the same arrays again.
    expect(ring).toHaveLength(6)
  })

  it('drops lines of one distinct point and features left without a line', () => {
    const tile = tileOf(
      {
        type: 2,
        geometry: [
          [
            [7, 7],
            [7, 7],
          ],
          [
            [0, 0],
            [3, 0],
          ],
        ],
        tags: null,
      },
      { type: 2, geometry: [[[9, 9]]], tags: null },
      { type: 1, geometry: [], tags: null },
    )
    expect(geometries(dropDegenerateGeometry(tile))).toEqual([
      [
        [
          [0, 0],
          [3, 0],
        ],
      ],
    ])
  })
})

describe('encoding a layer tile', () => {
  it('encodes no tile when nothing drawable is left of its features', () => {
    expect(encodeLayerTile('zones', tileOf(polygon(collapsed(0, 0))))).toBeNull()
    const pbf = encodeLayerTile('zones', tileOf(polygon(collapsed(0, 0)), polygon(square(0, 0, 9))))
    expect(decodeTile(pbf!).zones!.features).toHaveLength(1)
  })
})
