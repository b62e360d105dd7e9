import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createMemoryTileCache } from '../../server/cache/memory-tile-cache.ts'
import { createRedisTileCache } from '../../server/cache/redis-tile-cache.ts'
import { createTieredTileCache } from '../../server/cache/tiered-tile-cache.ts'
import { REDIS_SKIP_REASON, REDIS_URL } from '../support/services.ts'

describe('a memory cache in front of a shared one', () => {
  const tiers = () => {
    const near = createMemoryTileCache(10_000)
    const shared = createMemoryTileCache(10_000)
    return { near, shared, cache: createTieredTileCache(near, shared) }
  }

  it('stores a tile in both, and answers from the near one without asking the other', async () => {
    const { near, shared, cache } = tiers()
    await cache.set('tile:a', Buffer.from('abc'))
    expect(near.peek?.('tile:a')).toEqual(Buffer.from('abc'))
    expect(shared.peek?.('tile:a')).toEqual(Buffer.from('abc'))
    const sharedHits = shared.stats().hits

    expect(await cache.get('tile:a')).toEqual(Buffer.from('abc'))
    expect(cache.peek?.('tile:a')).toEqual(Buffer.from('abc'))
    expect(shared.stats().hits).toBe(sharedHits)
  })

  it('keeps what it fetched from the shared cache near, and counts misses there', async () => {
    const { near, shared, cache } = tiers()
    await shared.set('tile:b', Buffer.alloc(40, 7))
    expect(cache.peek?.('tile:b')).toBeUndefined()
    expect(await cache.get('tile:b')).toEqual(Buffer.alloc(40, 7))
    expect(near.peek?.('tile:b')).toEqual(Buffer.alloc(40, 7))
    expect(await cache.get('tile:none')).toBeUndefined()

    // One shared hit, one near hit (the peek just above), one miss.
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, memoryBytes: 40 })
  })

  it('takes its kind and reachability from the shared cache', () => {
    const { shared, cache } = tiers()
    expect(cache.kind).toBe(shared.kind)
    expect(cache.reachable()).toBe(true)
  })
})

const title = REDIS_URL ? 'on Redis' : `on Redis (${REDIS_SKIP_REASON})`

describe.skipIf(!REDIS_URL)(`memory in front of Redis ${title}`, () => {
  it('hands a tile one process stored to another through Redis', async () => {
    const prefix = `ecozoning-test-${randomBytes(4).toString('hex')}:`
    const tiered = async () =>
      createTieredTileCache(
        createMemoryTileCache(10_000),
        await createRedisTileCache({ url: REDIS_URL!, ttlSeconds: 60, prefix }),
      )
    const [one, other] = [await tiered(), await tiered()]
    try {
      const bytes = randomBytes(500)
      await one.set('tile:c', bytes)
      expect(other.peek?.('tile:c')).toBeUndefined()
      expect(await other.get('tile:c')).toEqual(bytes)
      expect(other.peek?.('tile:c')).toEqual(bytes)
      expect(other.stats()).toMatchObject({ hits: 2, misses: 0, memoryBytes: 500 })
    } finally {
      await one.close()
      await other.close()
    }
  })
})
