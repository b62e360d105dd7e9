import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisTileCache } from '../../server/cache/redis-tile-cache.ts'
import type { TileCache } from '../../server/cache/tile-cache.ts'
import { BACKENDS, REDIS_SKIP_REASON, REDIS_URL } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
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
})

describe.skipIf(!REDIS_URL)(`two servers sharing one Redis ${title}`, () => {
  let first: TestServer
  let second: TestServer
  const embedded = BACKENDS[0]!

  beforeAll(async () => {
    // A short expiry keeps test keys from piling up in a shared Redis.
    const shared = {
      tileCacheTtlSeconds: 120,
      redisUrl: REDIS_URL,
      redisPrefix: `ecozoning-test-${randomBytes(4).toString('hex')}:`,
    }
    ;[first, second] = await Promise.all([
      startTestServer(embedded, 'fixture', shared),
      startTestServer(embedded, 'fixture', shared),
    ])
  })
  afterAll(async () => {
    await first?.close()
    await second?.close()
  })

  it('serves a tile that one server cut from the other server without cutting it', async () => {
    // A zoom and a spot that no other test asks for, so the first request is a miss.
    const z = 13
    const [x, y] = [lonToTileX(112.0123, z), latToTileY(27.0987, z)]
    const path = `/tiles/control_units/${z}/${x}/${y}.mvt`

    const cut = await first.get(path)
    const copy = await second.get(path)
    expect(cut.status).toBe(200)
    expect(copy.status).toBe(200)
    expect(Buffer.from(await copy.arrayBuffer())).toEqual(Buffer.from(await cut.arrayBuffer()))
    expect(first.cache.stats()).toMatchObject({ hits: 0, misses: 1 })
    expect(second.cache.stats()).toMatchObject({ hits: 1, misses: 0 })
  })
})
