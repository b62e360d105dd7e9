import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Layer } from '../../server/tiles/layer-catalog.ts'
import { labelLayersOf } from '../../server/tiles/label-layers.ts'
import { TileCutter } from '../../server/tiles/tile-cutter.ts'
import { decodeTile } from '../support/mvt.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

/** Tiles over the sample's centre and edges, from z5 to z14. */
const ADDRESSES = [5, 7, 9, 11, 12, 13, 14].flatMap((z) =>
  [
    [112.6, 26.9],
    [112.69, 27.3],
    [111.95, 26.8],
    [112.91, 26.42],
  ].map(([lon, lat]) => ({ z, x: lonToTileX(lon!, z), y: latToTileY(lat!, z) })),
)

type Decoded = ReturnType<typeof decodeTile>

/**
 * Each feature's id, properties and size per layer: net area in square tile pixels for polygons
 * (shoelace over all rings, holes counting negative, so the zero-area bridges that clipping
 * leaves along tile edges weigh nothing), length for lines, and the count for points.
 */
function measure(decoded: Decoded) {
  return Object.fromEntries(
    Object.entries(decoded).map(([name, layer]) => [
      name,
      layer.features
        .map((feature) => {
          const rings = feature.loadGeometry()
          let size = 0
          for (const ring of rings) {
            for (let i = 1; i < ring.length; i++) {
              const [a, b] = [ring[i - 1]!, ring[i]!]
              size +=
                feature.type === 3 ? (a.x * b.y - b.x * a.y) / 2 : Math.hypot(b.x - a.x, b.y - a.y)
            }
            if (feature.type === 1) size += ring.length
          }
          return { id: feature.id, size, properties: feature.properties }
        })
        .sort((a, b) => a.id! - b.id!),
    ]),
  )
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`cutting tiles ${backend.title}`, () => {
    let server: TestServer
    let layers: Layer[]
    beforeAll(async () => {
      server = await startTestServer(backend, 'sample')
      layers = (await server.catalog.list()).filter((l) => l.name !== 'facilities')
    })
    afterAll(() => server?.close())

    it('gives the same features from a window query as from the in-memory index', async () => {
      const indexed = new TileCutter(server.db, { indexMaxVertices: Infinity, indexMaxTiles: 1e6 })
      const windowed = new TileCutter(server.db, { indexMaxVertices: 0, indexMaxTiles: 1e6 })
      expect(Object.values(await windowed.describe())).toEqual([])

      for (const address of ADDRESSES) {
        const a = await indexed.cut(layers, address)
        const b = await windowed.cut(layers, address)
        const fromIndex = measure(decodeTile(a))
        const fromWindow = measure(decodeTile(b))
        const where = `${address.z}/${address.x}/${address.y}`

        // Features of a few square pixels may be kept by one way and dropped by the other:
        // geojson-vt drops rings smaller than its tolerance, measured on different vertices.
        for (const [one, two] of [
          [fromIndex, fromWindow],
          [fromWindow, fromIndex],
        ] as const) {
          for (const [name, features] of Object.entries(one)) {
            for (const feature of features.filter((f) => Math.abs(f.size) >= 256)) {
              const other = two[name]?.find((f) => f.id === feature.id)
              expect(other, `${where} ${name} ${feature.id}`).toBeDefined()
              expect(other!.properties).toEqual(feature.properties)
              // Douglas-Peucker with a 3-pixel tolerance keeps different vertices of a whole
              // ring and of a clipped one; each edge moves by at most 3 pixels, so an area by
              // at most the perimeter (about 4√area for compact shapes) times 3.
              const size = Math.abs(feature.size)
              const slack = 3 * 4 * Math.sqrt(size) + 0.02 * size
              expect(Math.abs(other!.size - feature.size), `${where} ${name}`).toBeLessThan(slack)
            }
          }
        }
      }
      expect(new Set(Object.values(await windowed.describe()))).toEqual(new Set(['window']))
      expect(new Set(Object.values(await indexed.describe()))).toEqual(new Set(['index']))
    })

    it('puts each label point at one place from a window query and from the index', async () => {
      const labels = labelLayersOf(layers)
      expect(labels.length).toBeGreaterThan(0)
      const indexed = new TileCutter(server.db, { indexMaxVertices: Infinity, indexMaxTiles: 1e6 })
      const windowed = new TileCutter(server.db, { indexMaxVertices: 0, indexMaxTiles: 1e6 })
      let compared = 0
      for (const address of ADDRESSES) {
        const a = decodeTile(await indexed.cut(labels, address))
        const b = decodeTile(await windowed.cut(labels, address))
        for (const label of labels) {
          const at = (tile: typeof a) =>
            new Map((tile[label.name]?.features ?? []).map((f) => [f.id, f.loadGeometry()[0]![0]!]))
          const [fromIndex, fromWindow] = [at(a), at(b)]
          expect([...fromWindow.keys()].sort(), label.name).toEqual([...fromIndex.keys()].sort())
          for (const [id, point] of fromIndex) {
            // Both round the same point to the tile grid.
            expect(Math.abs(fromWindow.get(id)!.x - point.x)).toBeLessThanOrEqual(1)
            expect(Math.abs(fromWindow.get(id)!.y - point.y)).toBeLessThanOrEqual(1)
            compared++
          }
        }
      }
      expect(compared).toBeGreaterThan(0)
      expect(new Set(Object.values(await windowed.describe()))).toEqual(new Set(['window']))
    })

    it('cuts the same tiles after its index was rebuilt to bound memory', async () => {
      const small = new TileCutter(server.db, { indexMaxVertices: Infinity, indexMaxTiles: 10 })
      const large = new TileCutter(server.db, { indexMaxVertices: Infinity, indexMaxTiles: 1e6 })
      await small.prepare(layers)
      // Walk twice: the first walk forces rebuilds, the second reads the rebuilt index.
      let rebuilding = 0
      for (let round = 0; round < 2; round++) {
        for (const address of ADDRESSES) {
          // A cut that passes the budget starts a rebuild, which the next cut waits for.
          small.cutTileNow(layers, address)
          if (!small.cutTileNow(layers, address)) rebuilding++
          expect(await small.cut(layers, address)).toEqual(await large.cut(layers, address))
        }
      }
      expect(rebuilding).toBeGreaterThan(0)
    })

    it('cuts at once, from built indexes, the tiles it cuts by waiting', async () => {
      for (const address of ADDRESSES.filter((_, i) => i % 5 === 0)) {
        const cutter = new TileCutter(server.db, { indexMaxVertices: Infinity, indexMaxTiles: 1e6 })
        // Nothing built yet: the first cut waits for the indexes.
        expect(cutter.cutTileNow(layers, address)).toBeUndefined()
        const waited = await cutter.cut(layers, address)
        expect(waited.length).toBeGreaterThan(0)
        expect(cutter.cutTileNow(layers, address)?.bytes).toEqual(waited)
      }
    })

    it('waits for the source of a layer whose data changed, and for a window query', async () => {
      const address = ADDRESSES[0]!
      const cutter = new TileCutter(server.db, { indexMaxVertices: Infinity, indexMaxTiles: 1e6 })
      await cutter.prepare(layers)
      expect(cutter.cutTileNow(layers, address)).toBeDefined()
      const changed = layers.map((l, i) => (i === 0 ? { ...l, dataVersion: l.dataVersion + 1 } : l))
      expect(cutter.cutTileNow(changed, address)).toBeUndefined()
      await cutter.cut(changed, address)
      expect(cutter.cutTileNow(changed, address)).toBeDefined()

      const windowed = new TileCutter(server.db, { indexMaxVertices: 0, indexMaxTiles: 1e6 })
      await windowed.prepare(layers)
      expect(windowed.cutTileNow(layers, address)).toBeUndefined()
    })

    it('waits while an index that passed its tile budget is rebuilt', async () => {
      const units = layers.filter((l) => l.name === 'control_units')
      expect(units).toHaveLength(1)
      // A budget counted beyond the tiles the index holds once built (its overview zooms').
      const cutter = new TileCutter(server.db, { indexMaxVertices: Infinity, indexMaxTiles: 100 })
      await cutter.prepare(units)
      // Every z14 tile of a square over the sample's middle: more than the budget's worth.
      const [x0, y0] = [lonToTileX(112.3, 14), latToTileY(27.1, 14)]
      const walk = Array.from({ length: 3600 }, (_, i) => ({
        z: 14,
        x: x0 + (i % 60),
        y: y0 + Math.floor(i / 60),
      }))
      const stopped = walk.findIndex((address) => !cutter.cutTileNow(units, address))
      expect(stopped).toBeGreaterThan(0)
      // The cut that waits is made from the rebuilt index, which then cuts at once again.
      const address = walk[stopped]!
      const waited = await cutter.cut(units, address)
      expect(cutter.cutTileNow(units, address)?.bytes).toEqual(waited)
    })
  })
}
