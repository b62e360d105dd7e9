import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder, SAMPLE_DIR } from '../../server/data/sample-loader.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { LayerIndex } from '../../server/tiles/layer-index.ts'
import { PRIVATE_POSTGRES_SKIP_REASON, PrivatePostgres } from '../support/private-postgres.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

// A point inside the fixture's priority unit (see test/fixtures/dataset/README.md).
const LOOKUP = '/api/lookup?lon=112.05&lat=27.05'
/** Two z12 tiles side by side over that unit. */
const [TILE_X, TILE_Y] = [lonToTileX(112.05, 12), latToTileY(27.05, 12)]
const TILE = `/tiles/zoning/12/${TILE_X}/${TILE_Y}.mvt`
const NEXT_TILE = `/tiles/zoning/12/${TILE_X + 1}/${TILE_Y}.mvt`

/** What map clients and the portal read to find the tiles and the data's notice. */
const DESCRIPTIONS = ['/tiles', '/tiles/zoning.json', '/tiles/control_units.json', '/api/dataset']

const TITLE = 'PostgreSQL restarted while serving'

describe.skipIf(PRIVATE_POSTGRES_SKIP_REASON)(
  PRIVATE_POSTGRES_SKIP_REASON ? `${TITLE} (${PRIVATE_POSTGRES_SKIP_REASON})` : TITLE,
  () => {
    let postgres: PrivatePostgres
    let server: RunningServer
    beforeAll(async () => {
      postgres = await PrivatePostgres.create()
      server = await startServer({
        port: 0,
        host: '127.0.0.1',
        databaseUrl: postgres.url,
        loadSample: false,
        buildPortal: false,
        catalogRefreshMs: 0,
      })
      await loadDatasetFolder(server.db, FIXTURE_DATASET)
    })
    afterAll(async () => {
      await server?.close()
      await postgres?.destroy()
    })

    const get = (path: string) => fetch(server.url + path)
    /** The path's answer once it is a 200, or the last one after 5 s of asking. */
    const once200 = async (path: string) => {
      let answer = await get(path)
      for (let tries = 0; answer.status !== 200 && tries < 50; tries++) {
        await sleep(100)
        answer = await get(path)
      }
      return answer
    }

    it('answers 503 with Retry-After while it is down and recovers without a restart', async () => {
      const before = await get(LOOKUP)
      expect(before.status).toBe(200)
      const unit = ((await before.json()) as { unit: { code: string } }).unit.code
      const tile = await get(TILE)
      expect(tile.status).toBe(200)
      const tileBytes = Buffer.from(await tile.arrayBuffer())
      const described = new Map<string, string>()
      for (const path of DESCRIPTIONS) described.set(path, await (await get(path)).text())

      await postgres.stop()
      for (const path of [LOOKUP, '/api/industries?q=C26']) {
        const response = await get(path)
        expect(response.status, path).toBe(503)
        expect(response.headers.get('retry-after'), path).toBe('5')
        const { error } = (await response.json()) as { error: { code: string } }
        expect(error.code, path).toBe('DATABASE_UNAVAILABLE')
      }
      // Tiles need only the catalogue read before, and the cache or the indexes in memory.
      const cached = await get(TILE)
      expect(cached.status).toBe(200)
      expect(Buffer.from(await cached.arrayBuffer())).toEqual(tileBytes)
      expect((await get(NEXT_TILE)).status).toBe(200)
      // And so do the documents that describe them, as they were read before.
      for (const path of DESCRIPTIONS) {
        const response = await get(path)
        expect(response.status, path).toBe(200)
        expect(await response.text(), path).toBe(described.get(path))
      }
      const ready = await get('/ready')
      expect(ready.status).toBe(503)
      expect(await ready.json()).toMatchObject({ ready: false, database: { state: 'down' } })
      // Alive all along: the process did not crash.
      expect((await get('/health')).status).toBe(200)

      await postgres.start()
      const after = await once200(LOOKUP)
      expect(after.status).toBe(200)
      expect(((await after.json()) as { unit: { code: string } }).unit.code).toBe(unit)
      expect((await get('/ready')).status).toBe(200)

      // The session listening for imports by other processes was lost; a new one took over.
      let listening = 0
      for (let tries = 0; listening === 0 && tries < 50; tries++) {
        await sleep(100)
        const [row] = await server.db.query<{ n: number }>(
          "SELECT count(*)::integer AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN %'",
        )
        listening = row!.n
      }
      expect(listening).toBe(1)
    })

    it('does not keep serving a catalogue that an import has made stale', async () => {
      expect((await get(TILE)).status).toBe(200)
      // As an import here or a notice of one elsewhere does: the layers read may be old now.
      server.catalog.invalidate()
      await postgres.stop()
      try {
        const response = await get(TILE)
        expect(response.status).toBe(503)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'DATABASE_UNAVAILABLE',
        )
      } finally {
        await postgres.start()
      }
      expect((await once200(TILE)).status).toBe(200)
    })

    it('keeps cutting from an index whose rebuild the outage stopped', async () => {
      // The sample: the fixture is so small that its overview holds every tile to zoom 14.
      await loadDatasetFolder(server.db, SAMPLE_DIR)
      server.catalog.invalidate()
      // The server readies the new layers too; nothing of it may be left reading the database.
      await sleep(100)
      await server.tilesPrepared()
      const layer = (await server.catalog.list()).find((l) => l.name === 'control_units')!
      // A budget of 10 tiles: the walk below passes it many times over.
      const index = new LayerIndex(server.db, layer, { maxTiles: 10, vertices: 0 })
      const reference = new LayerIndex(server.db, layer, { maxTiles: 1e6, vertices: 0 })
      await Promise.all([index.ready(), reference.ready()])
      const walk = Array.from({ length: 400 }, (_, i) => ({
        z: 14,
        x: lonToTileX(112.5, 14) + (i % 20),
        y: latToTileY(27.0, 14) + Math.floor(i / 20),
      }))
      const expected = await Promise.all(
        walk.map(async (tile) => (await reference.tile(tile))?.pbf),
      )
      expect(expected.filter(Boolean).length).toBeGreaterThan(50)

      await postgres.stop()
      try {
        for (const [i, address] of walk.entries()) {
          expect((await index.tile(address))?.pbf, `tile ${i}`).toEqual(expected[i])
        }
        expect(index.tileNow(walk[0]!)?.pbf).toEqual(expected[0])
      } finally {
        await postgres.start()
      }
    })
  },
)
