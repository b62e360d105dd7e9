import { PerformanceObserver } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Queryable } from '../../server/db/database.ts'
import type { Layer } from '../../server/tiles/layer-catalog.ts'
import { COLLECT_AFTER_VERTICES, LayerIndex } from '../../server/tiles/layer-index.ts'
import { isForcedFullCollection } from '../support/forced-collection.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

const backend = BACKENDS[0]!

/**
 * Whether V8 reports a forced full collection after an index of `layer` is built. Its reports
 * reach observers some time after a collection: this waits up to `waitMs` for one.
 */
async function collectsAfterBuilding(
  server: TestServer,
  layer: Layer,
  vertices: number,
  waitMs: number,
) {
  let collected = false
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some(isForcedFullCollection)) collected = true
  })
  observer.observe({ entryTypes: ['gc'] })
  try {
    await new LayerIndex(server.db, layer, { maxTiles: 1e6, vertices }).ready()
    const deadline = performance.now() + waitMs
    while (!collected && performance.now() < deadline) await sleep(20)
  } finally {
    observer.disconnect()
  }
  return collected
}

describe(`a layer held in memory ${backend.title}`, () => {
  let server: TestServer
  let layer: Layer
  beforeAll(async () => {
    server = await startTestServer(backend, 'sample')
    // Nothing else builds an index while the test counts collections.
    await server.tilesPrepared()
    layer = (await server.catalog.list()).find((l) => l.name === 'control_units')!
  })
  afterAll(() => server?.close())

  it('on a walk, cuts each tile as otherwise, without rebuilds, and again when asked', async () => {
    // Reads of the whole layer, which is what building the index takes.
    let reads = 0
    const counting: Queryable = {
      query: (sql, params) => {
        if (sql.includes('ST_AsGeoJSON(geom, 7)')) reads++
        return server.db.query(sql, params)
      },
    }
    // A budget of 10 tiles, which the walk passes many times over: a walk lets each go instead.
    const walk = new LayerIndex(counting, layer, { maxTiles: 10, vertices: 0, walk: true })
    const reference = new LayerIndex(server.db, layer, { maxTiles: 1e6, vertices: 0 })
    await Promise.all([walk.ready(), reference.ready()])
    expect(reads).toBe(1)

    // Zooms 12-14 over the middle of Hengyang, zoom after zoom, as the pyramid tools go.
    const tiles = [12, 13, 14].flatMap((z) => {
      const [x0, y0] = [lonToTileX(112.55, z), latToTileY(26.95, z)]
      const side = 2 ** (z - 12) * 3
      return Array.from({ length: side * side }, (_, i) => ({
        z,
        x: x0 + (i % side),
        y: y0 + Math.floor(i / side),
      }))
    })
    let filled = 0
    for (const tile of tiles) {
      const expected = (await reference.tile(tile))?.pbf
      if (expected) filled++
      expect((await walk.tile(tile))?.pbf, `${tile.z}/${tile.x}/${tile.y}`).toEqual(expected)
    }
    expect(filled).toBeGreaterThan(100)
    expect(reads).toBe(1)

    // A tile asked for again is cut right, from the layer read again.
    const again = tiles.at(-1)!
    expect((await walk.tile(again))?.pbf).toEqual((await reference.tile(again))?.pbf)
    // Let go again once cut: without waiting, the index declines it.
    expect(walk.tileNow(again)).toBeUndefined()
    expect(reads).toBe(2)
  })

  it('collects the garbage of a large layer build at once, not of a small one', async () => {
    const large = COLLECT_AFTER_VERTICES
    expect(await collectsAfterBuilding(server, layer, large, 5000)).toBe(true)
    expect(await collectsAfterBuilding(server, layer, large - 1, 500)).toBe(false)
  })
})
