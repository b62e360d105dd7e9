import GeoJSONVT from 'geojson-vt'
import type { FeatureCollection } from 'geojson'
import { describe, expect, it } from 'vitest'
import { releaseTile, releaseZooms } from '../../server/tiles/index-store.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

// A square over Hengyang, large enough to fill several tiles at each zoom below.
const [WEST, SOUTH, EAST, NORTH] = [112.3, 26.7, 112.7, 27.1]
const square: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 1,
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [WEST, SOUTH],
            [EAST, SOUTH],
            [EAST, NORTH],
            [WEST, NORTH],
            [WEST, SOUTH],
          ],
        ],
      },
    },
  ],
}
const options = { maxZoom: 12, tolerance: 3, buffer: 64, extent: 4096 }
const at = (z: number) => ({ z, x: lonToTileX(112.5, z), y: latToTileY(26.9, z) })

describe("geojson-vt's tile store", () => {
  it('lets go of one tile, which geojson-vt then gives without features', () => {
    const index = new GeoJSONVT(square, options)
    // Two tiles side by side within the square, and one below the first.
    const tile = { z: 10, x: lonToTileX(112.35, 10), y: latToTileY(26.9, 10) }
    const neighbour = { z: 10, x: lonToTileX(112.65, 10), y: tile.y }
    const below = { z: 11, x: lonToTileX(112.35, 11), y: latToTileY(26.9, 11) }
    expect(neighbour.x).toBe(tile.x + 1)
    expect(index.getTile(tile.z, tile.x, tile.y)!.features).toHaveLength(1)
    expect(index.getTile(neighbour.z, neighbour.x, neighbour.y)!.features).toHaveLength(1)

    releaseTile(index, tile, false)
    expect(index.getTile(tile.z, tile.x, tile.y)!.features).toEqual([])
    expect(index.getTile(neighbour.z, neighbour.x, neighbour.y)!.features).toHaveLength(1)
    // Its source stays: the tile below it is still cut from it.
    expect(index.getTile(below.z, below.x, below.y)!.features).toHaveLength(1)
  })

  it('lets go of the full geometry of a deepest tile too', () => {
    const index = new GeoJSONVT(square, options)
    const deepest = at(12)
    expect(index.getTile(deepest.z, deepest.x, deepest.y)!.features).toHaveLength(1)
    // The tile as geojson-vt stores it, found by its own z, x and y.
    type Stored = { z: number; x: number; y: number; source: unknown }
    const store = (index as unknown as { tiles: Record<number, Stored> }).tiles
    const same = ({ z, x, y }: Stored) => z === 12 && x === deepest.x && y === deepest.y
    const [stored, ...others] = Object.values(store).filter(same)
    expect(others).toEqual([])
    expect(stored!.source).not.toBeNull()

    releaseTile(index, deepest, true)
    expect(stored!.source).toBeNull()
    expect(index.getTile(deepest.z, deepest.x, deepest.y)!.features).toEqual([])
  })

  it('lets go of the tiles of a span of zooms, and no others', () => {
    const index = new GeoJSONVT(square, options)
    for (let z = 0; z <= 8; z++) expect(index.getTile(z, at(z).x, at(z).y)).toBeTruthy()
    releaseZooms(index, 3, 6)
    for (let z = 0; z <= 8; z++) {
      const { x, y } = at(z)
      const expected = z >= 3 && z <= 6 ? 0 : 1
      expect(index.getTile(z, x, y)!.features, `zoom ${z}`).toHaveLength(expected)
    }
  })
})
