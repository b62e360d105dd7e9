import GeoJSONVT from 'geojson-vt'
import type { FeatureCollection } from 'geojson'
import { gunzipSync } from 'node:zlib'
import { fromGeojsonVt } from 'vt-pbf'
import { describe, expect, it } from 'vitest'
import { LayerOverview } from '../../server/tiles/layer-overview.ts'
import { encodeLayerTile } from '../../server/tiles/tile-encoding.ts'
import { decodeTile } from '../support/mvt.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

// A box over Hengyang whose edges lie well inside tiles at zooms 0-6, away from the buffer
// geojson-vt keeps around each tile, so the tiles holding it are those its corners fall in.
const [WEST, SOUTH, EAST, NORTH] = [112.3, 26.7, 112.7, 27.1]
const box: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 7,
      properties: { code: 'ZH1', class: 'key' },
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
const options = { maxZoom: 14, tolerance: 3, buffer: 64, extent: 4096 }

/** The tiles at zoom z holding the box: from the grid's definition, not the code under test. */
function tilesAt(z: number) {
  const [x0, x1] = [lonToTileX(WEST, z), lonToTileX(EAST, z)]
  const [y0, y1] = [latToTileY(NORTH, z), latToTileY(SOUTH, z)]
  const tiles: { z: number; x: number; y: number }[] = []
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push({ z, x, y })
  return tiles
}

describe('the overview of a layer', () => {
  it('encodes every tile with features, zoom by zoom, while the budget lasts', async () => {
    // A budget that holds zooms 0-5 but not 6 as well.
    const budget = [0, 1, 2, 3, 4, 5].map((z) => tilesAt(z).length).reduce((a, b) => a + b)

    const index = new GeoJSONVT(box, options)
    const overview = await LayerOverview.encode(index, 'units', {
      minzoom: 0,
      maxzoom: 14,
      maxTiles: budget,
      maxBytes: Infinity,
    })
    expect(overview.maxzoom).toBe(5)
    expect(overview.size).toBe(budget)

    for (let z = 0; z <= 5; z++) {
      for (const address of tilesAt(z)) {
        const encoded = overview.get(address)
        expect(encoded, `${z}/${address.x}/${address.y}`).toBeTruthy()
        // Tiles this small are compressed on request.
        expect(encoded!.gzipped).toBeUndefined()
        const [feature] = decodeTile(encoded!.pbf).units!.features
        expect(feature!.id).toBe(7)
        expect(feature!.properties).toEqual({ code: 'ZH1', class: 'key' })
      }
    }
    // A tile of an overview zoom away from the box is empty; deeper zooms are not covered.
    const far = tilesAt(5)[0]!
    expect(overview.get({ z: 5, x: far.x - 3, y: far.y })).toBeNull()
    expect(overview.get(tilesAt(6)[0]!)).toBeUndefined()
  })

  it('stops at the zoom that would take it past its byte budget', async () => {
    const index = new GeoJSONVT(box, options)
    const whole = await LayerOverview.encode(index, 'units', {
      minzoom: 0,
      maxzoom: 3,
      maxTiles: 100,
      maxBytes: Infinity,
    })
    const sizes = [0, 1, 2, 3].map((z) =>
      tilesAt(z)
        .map((address) => whole.get(address)!)
        .reduce((sum, tile) => sum + tile.pbf.length, 0),
    )
    // One byte short of zooms 0-3: zoom 3 is left out whole.
    const short = await LayerOverview.encode(index, 'units', {
      minzoom: 0,
      maxzoom: 3,
      maxTiles: 100,
      maxBytes: sizes.reduce((a, b) => a + b) - 1,
    })
    expect(short.maxzoom).toBe(2)
    expect(short.size).toBe(tilesAt(0).length + tilesAt(1).length + tilesAt(2).length)
    expect(short.get(tilesAt(3)[0]!)).toBeUndefined()
  })

  it('starts at the layer minzoom, leaving shallower zooms to be cut', async () => {
    const index = new GeoJSONVT(box, options)
    const overview = await LayerOverview.encode(index, 'units', {
      minzoom: 3,
      maxzoom: 4,
      maxTiles: 100,
      maxBytes: Infinity,
    })
    expect(overview.size).toBe(tilesAt(3).length + tilesAt(4).length)
    expect(overview.get(tilesAt(2)[0]!)).toBeUndefined()
    expect(overview.get(tilesAt(4)[0]!)).toBeTruthy()
    expect(overview.get(tilesAt(5)[0]!)).toBeUndefined()
  })

  it('compresses ahead only the tiles too large to compress on request', async () => {
    // Thousands of small squares with long attributes make the zoom 7 tile large.
    const many: FeatureCollection = { type: 'FeatureCollection', features: [] }
    for (let i = 0; i < 4000; i++) {
      const [lon, lat] = [112.3 + (i % 80) * 0.005, 26.7 + Math.floor(i / 80) * 0.005]
      many.features.push({
        type: 'Feature',
        id: i + 1,
        properties: { code: `ZH${String(i).padStart(11, '0')}`, name: `单元${i}`.repeat(4) },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lon, lat],
              [lon + 0.004, lat],
              [lon + 0.004, lat + 0.004],
              [lon, lat + 0.004],
              [lon, lat],
            ],
          ],
        },
      })
    }
    const index = new GeoJSONVT(many, options)
    const overview = await LayerOverview.encode(index, 'units', {
      minzoom: 7,
      maxzoom: 14,
      maxTiles: 10_000,
      maxBytes: Infinity,
    })
    const large = overview.get({ z: 7, x: lonToTileX(112.5, 7), y: latToTileY(26.8, 7) })!
    const small = overview.get({ z: 14, x: lonToTileX(112.5, 14), y: latToTileY(26.8, 14) })!
    expect(large.pbf.length).toBeGreaterThan(64 * 1024)
    expect(gunzipSync(large.gzipped!)).toEqual(large.pbf)
    expect(small.pbf.length).toBeLessThan(64 * 1024)
    expect(small.gzipped).toBeUndefined()
  })

  it('finds features too small to draw at the shallow zooms deeper down', async () => {
    // 0.01° is a tenth of a tile unit at zoom 0, far below what geojson-vt keeps there.
    const tiny = structuredClone(box)
    const ring = (tiny.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!
    for (const position of ring) {
      position[0] = position[0] === WEST ? 112.5 : 112.51
      position[1] = position[1] === SOUTH ? 26.9 : 26.91
    }
    const index = new GeoJSONVT(tiny, options)
    expect(index.getTile(0, 0, 0)?.features).toEqual([])

    const overview = await LayerOverview.encode(index, 'units', {
      minzoom: 0,
      maxzoom: 12,
      maxTiles: 100,
      maxBytes: Infinity,
    })
    expect(overview.maxzoom).toBe(12)
    expect(overview.get({ z: 0, x: 0, y: 0 })).toBeNull()
    const z12 = { z: 12, x: lonToTileX(112.505, 12), y: latToTileY(26.905, 12) }
    expect(decodeTile(overview.get(z12)!.pbf).units!.features).toHaveLength(1)
  })

  it('lets go of the index copy of its tiles, leaving deeper ones as geojson-vt cuts', async () => {
    const budget = [0, 1, 2, 3, 4, 5].map((z) => tilesAt(z).length).reduce((a, b) => a + b)
    const limits = { minzoom: 0, maxzoom: 14, maxTiles: budget, maxBytes: Infinity }
    const index = new GeoJSONVT(box, options)
    const overview = await LayerOverview.encode(index, 'units', limits)
    // The same steps on an index left whole: what geojson-vt gives without the release.
    const whole = new GeoJSONVT(box, options)
    await LayerOverview.encode(whole, 'units', limits)
    expect(overview.maxzoom).toBe(5)

    overview.releaseCutsOf(index)
    for (let z = 0; z <= 5; z++) {
      for (const { x, y } of tilesAt(z)) {
        expect(whole.getTile(z, x, y)!.features).toHaveLength(1)
        expect(index.getTile(z, x, y)!.features, `${z}/${x}/${y}`).toEqual([])
        expect(decodeTile(overview.get({ z, x, y })!.pbf).units!.features).toHaveLength(1)
      }
    }
    for (let z = 6; z <= 10; z++) {
      for (const { x, y } of tilesAt(z)) {
        const expected = whole.getTile(z, x, y)
        expect(expected!.features).toHaveLength(1)
        expect(index.getTile(z, x, y), `${z}/${x}/${y}`).toEqual(expected)
      }
    }
  })

  it('puts layers encoded apart together into the tile encoded at once', () => {
    const index = new GeoJSONVT(box, options)
    const tile = index.getTile(6, lonToTileX(112.5, 6), latToTileY(26.9, 6))!
    const together = fromGeojsonVt({ units: tile, zones: tile }, { version: 2, extent: 4096 })
    const apart = Buffer.concat([encodeLayerTile('units', tile)!, encodeLayerTile('zones', tile)!])
    expect(apart).toEqual(Buffer.from(together))
    expect(Object.keys(decodeTile(apart))).toEqual(['units', 'zones'])
  })
})
