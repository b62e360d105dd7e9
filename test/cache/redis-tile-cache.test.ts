import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisTileCache } from '../../server/cache/redis-tile-cache.ts'
import type { TileCache } from '../../server/cache/tile-cache.ts'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { StartupError } from '../../server/startup-error.ts'
import {
  BACKENDS,
  createScratchDatabase,
  POSTGRES_SKIP_REASON,
  POSTGRES_URL,
  REDIS_SKIP_REASON,
  REDIS_URL,
} from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

const title = REDIS_URL ? 'on Redis' : `on Redis (${REDIS_SKIP_REASON})`

describe.skipIf(!REDIS_URL)(`Redis tile cache ${title}`, () => {
  // A prefix of its own per run keeps parallel runs and old entries apart.
  const prefix = `ecozoning-test-${randomBytes(4).toString('hex')}:`
  let cache: TileCache

  beforeAll(async () => {
    cache = await createRedisTileCache({ url: REDIS_URL!, ttlSeconds: 60, prefix })
  })
  afterAll(() => cache?.close())

  it('returns stored bytes unchanged, and undefined on a miss', async () => {
    const value = randomBytes(5000)
    await cache.set('tile:a', value)
    expect(await cache.get('tile:a')).toEqual(value)
    expect(await cache.get('tile:missing')).toBeUndefined()
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 })
  })

  it('keeps an empty tile apart from a miss', async () => {
    await cache.set('tile:empty', Buffer.alloc(0))
    expect((await cache.get('tile:empty'))?.length).toBe(0)
  })

  it('refuses to start on a database the Redis server does not have', async () => {
    const admin = new Redis(REDIS_URL!)
    const [, databases] = (await admin.config('GET', 'databases')) as [string, string]
    await admin.quit()
    // Numbered from 0: the count itself is one past the last.
    const url = new URL(REDIS_URL!)
    url.pathname = `/${databases}`
    const refused = await createRedisTileCache({ url: url.href, ttlSeconds: 60, prefix }).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(StartupError)
    expect((refused as Error).message).toMatch(
      new RegExp(`^Redis at [^ ]+/${databases} \\(REDIS_URL\\): .*DB index is out of range`),
    )
  })
})

const twoTitle =
  REDIS_URL && POSTGRES_URL
    ? 'on Redis and PostgreSQL'
    : `on Redis and PostgreSQL (${REDIS_URL ? POSTGRES_SKIP_REASON : REDIS_SKIP_REASON})`

describe.skipIf(!REDIS_URL || !POSTGRES_URL)(`servers sharing one Redis ${twoTitle}`, () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>
  let first: RunningServer
  let second: RunningServer
  let apart: TestServer
  // A short expiry keeps test keys from piling up in a shared Redis.
  const shared = {
    port: 0,
    host: '127.0.0.1',
    buildPortal: false,
    catalogRefreshMs: 0,
    tileCacheTtlSeconds: 120,
    redisUrl: REDIS_URL,
    redisPrefix: `ecozoning-test-${randomBytes(4).toString('hex')}:`,
  }

  beforeAll(async () => {
    database = await createScratchDatabase()
    first = await startServer({ ...shared, databaseUrl: database.url, loadSample: false })
    await loadDatasetFolder(first.db, FIXTURE_DATASET)
    second = await startServer({ ...shared, databaseUrl: database.url, loadSample: false })
    // Another database with the same data, imported as many times: the same data versions.
    apart = await startTestServer(BACKENDS[0]!, 'fixture', shared)
  })
  afterAll(async () => {
    await first?.close()
    await second?.close()
    await apart?.close()
    await database?.drop()
  })

  it('serves a tile that one server cut from the other server without cutting it', async () => {
    // A zoom and a spot that no other test asks for, so the first request is a miss.
    const z = 13
    const [x, y] = [lonToTileX(112.0123, z), latToTileY(27.0987, z)]
    const path = `/tiles/control_units/${z}/${x}/${y}.mvt`

    const cut = await fetch(first.url + path)
    const copy = await fetch(second.url + path)
    expect(cut.status).toBe(200)
    expect(copy.status).toBe(200)
    expect(Buffer.from(await copy.arrayBuffer())).toEqual(Buffer.from(await cut.arrayBuffer()))
    expect(first.cache.stats()).toMatchObject({ hits: 0, misses: 1 })
    expect(second.cache.stats()).toMatchObject({ hits: 1, misses: 0 })
  })

  it('keeps apart the tiles of another database at the same data version', async () => {
    const layer = async (server: RunningServer) =>
      (await server.catalog.list()).find((l) => l.name === 'control_units')!
    expect((await layer(apart)).dataVersion).toBe((await layer(first)).dataVersion)

    const z = 13
    const [x, y] = [lonToTileX(112.0456, z), latToTileY(27.0654, z)]
    const path = `/tiles/control_units/${z}/${x}/${y}.mvt`
    const cut = await fetch(first.url + path)
    const own = await apart.get(path)
    expect(own.status).toBe(200)
    expect(own.headers.get('etag')).not.toBe(cut.headers.get('etag'))
    // Cut from its own database, not taken from the other's entry in Redis.
    expect(apart.cache.stats()).toMatchObject({ hits: 0, misses: 1 })
  })
})
