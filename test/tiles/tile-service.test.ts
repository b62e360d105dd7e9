import { gunzipSync } from 'node:zlib'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMemoryTileCache } from '../../server/cache/memory-tile-cache.ts'
import { createTieredTileCache } from '../../server/cache/tiered-tile-cache.ts'
import type { TileCache } from '../../server/cache/tile-cache.ts'
import { TileCutter } from '../../server/tiles/tile-cutter.ts'
import { TileService } from '../../server/tiles/tile-service.ts'
import type { TileSet } from '../../server/tiles/tile-set.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

const silent = pino({ level: 'silent' })
const OPTIONS = { indexMaxVertices: Infinity, indexMaxTiles: 1e6 }
/** A z12 tile in the middle of the sample, where every public layer has something. */
const ADDRESS = { z: 12, x: lonToTileX(112.6, 12), y: latToTileY(26.9, 12) }

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`serving tiles from the service ${backend.title}`, () => {
    let server: TestServer
    let zoning: TileSet
    beforeAll(async () => {
      server = await startTestServer(backend, 'sample')
      zoning = (await server.catalog.tileSet('zoning'))!
    })
    afterAll(() => server?.close())

    const serviceWith = async (cache: TileCache, prepared = true) => {
      const cutter = new TileCutter(server.db, OPTIONS)
      if (prepared) await cutter.prepare(zoning.layers)
      return new TileService(cache, cutter, silent)
    }

    it('cuts a missing tile at once from built indexes, then serves it cached', async () => {
      const cache = createMemoryTileCache(1 << 24)
      const service = await serviceWith(cache)
      const first = service.serve(zoning, ADDRESS)
      expect(first).not.toBeInstanceOf(Promise)
      const miss = first as Exclude<typeof first, Promise<unknown>>
      expect(miss.cache).toBe('miss')

      // The same tile from a cutter of its own, asked by waiting.
      const expected = await new TileCutter(server.db, OPTIONS).cut(zoning.layers, ADDRESS)
      expect(expected.length).toBeGreaterThan(0)
      expect(gunzipSync(miss.gzipped)).toEqual(expected)

      const second = service.serve(zoning, ADDRESS)
      expect(second).toMatchObject({ cache: 'hit', gzipped: miss.gzipped, etag: miss.etag })
      expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 })
    })

    it('waits while indexes are built, and for a cache shared with others', async () => {
      const waiting = (await serviceWith(createMemoryTileCache(1 << 24), false)).serve(
        zoning,
        ADDRESS,
      )
      expect(waiting).toBeInstanceOf(Promise)
      expect(await waiting).toMatchObject({ cache: 'miss' })

      const shared = createMemoryTileCache(1 << 24)
      const tiered = createTieredTileCache(createMemoryTileCache(1 << 24), shared)
      const served = (await serviceWith(tiered)).serve(zoning, ADDRESS)
      expect(served).toBeInstanceOf(Promise)
      const tile = await served
      // Stored in the shared cache too, where another process would find it.
      expect(
        await shared.get(`tile:zoning:${zoning.version}:12/${ADDRESS.x}/${ADDRESS.y}`),
      ).toEqual(tile.gzipped)
    })

    it('shares a cut already under way instead of cutting the tile again', async () => {
      const cache = createMemoryTileCache(1 << 24)
      const cutter = new TileCutter(server.db, OPTIONS)
      const service = new TileService(cache, cutter, silent)
      const tries = vi.spyOn(cutter, 'cutTileNow')
      const waiting = service.tile(zoning, ADDRESS)
      // The cut has begun once the cutter was asked (it waits: nothing is built yet).
      while (tries.mock.calls.length === 0) await new Promise((resolve) => setImmediate(resolve))
      expect(tries.mock.results[0]!.value).toBeUndefined()

      const joined = service.serve(zoning, ADDRESS)
      expect(joined).toBeInstanceOf(Promise)
      const [a, b] = await Promise.all([waiting, joined])
      expect(b.gzipped).toBe(a.gzipped)
      expect(tries).toHaveBeenCalledTimes(1)
      expect(cache.stats()).toMatchObject({ misses: 2, entries: 1 })
    })
  })
}
