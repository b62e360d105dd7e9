import { describe, expect, it } from 'vitest'
import { createMemoryTileCache } from '../../server/cache/memory-tile-cache.ts'

const bytes = (n: number, fill = 1) => Buffer.alloc(n, fill)

describe('memory tile cache', () => {
  it('returns what was stored and counts hits and misses', async () => {
    const cache = createMemoryTileCache(1000)
    expect(await cache.get('a')).toBeUndefined()
    await cache.set('a', bytes(10, 7))
    expect(await cache.get('a')).toEqual(bytes(10, 7))
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, bytes: 10, entries: 1 })
  })

  it('keeps an empty tile as an empty buffer, not a miss', async () => {
    const cache = createMemoryTileCache(1000)
    await cache.set('empty', Buffer.alloc(0))
    expect((await cache.get('empty'))?.length).toBe(0)
  })

  it('evicts the least recently used entries to stay within its byte budget', async () => {
    const cache = createMemoryTileCache(300)
    await cache.set('a', bytes(100))
    await cache.set('b', bytes(100))
    await cache.set('c', bytes(100))
    await cache.get('a')
    await cache.set('d', bytes(100))

    expect(await cache.get('b')).toBeUndefined()
    expect(await cache.get('a')).toBeDefined()
    expect(await cache.get('c')).toBeDefined()
    expect(await cache.get('d')).toBeDefined()
    expect(cache.stats().bytes).toBe(300)
  })

  it('counts a replaced entry once', async () => {
    const cache = createMemoryTileCache(1000)
    await cache.set('a', bytes(100))
    await cache.set('a', bytes(40))
    expect(cache.stats()).toMatchObject({ bytes: 40, entries: 1 })
  })

  it('refuses an entry larger than the whole budget instead of emptying itself', async () => {
    const cache = createMemoryTileCache(100)
    await cache.set('small', bytes(50))
    await cache.set('huge', bytes(500))
    expect(await cache.get('huge')).toBeUndefined()
    expect(await cache.get('small')).toBeDefined()
  })

  it('answers a peek at once, counting a hit but not an absence', async () => {
    const cache = createMemoryTileCache(1000)
    expect(cache.peek?.('a')).toBeUndefined()
    await cache.set('a', bytes(10, 3))
    expect(cache.peek?.('a')).toEqual(bytes(10, 3))
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 0 })
  })

  it('reads and stores without waiting, counting hits and misses as get does', async () => {
    const cache = createMemoryTileCache(1000)
    expect(cache.now?.get('a')).toBeUndefined()
    cache.now?.set('a', bytes(10, 5))
    expect(cache.now?.get('a')).toEqual(bytes(10, 5))
    expect(await cache.get('a')).toEqual(bytes(10, 5))
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, bytes: 10, entries: 1 })
  })

  it('counts a peek as a use, keeping the entry from eviction', async () => {
    const cache = createMemoryTileCache(200)
    await cache.set('a', bytes(100))
    await cache.set('b', bytes(100))
    cache.peek?.('a')
    await cache.set('c', bytes(100))
    expect(cache.peek?.('a')).toBeDefined()
    expect(cache.peek?.('b')).toBeUndefined()
  })

  it('drops the oldest when every older entry was used, never the one just stored', async () => {
    const cache = createMemoryTileCache(200)
    await cache.set('a', bytes(100))
    await cache.set('b', bytes(100))
    cache.peek?.('a')
    cache.peek?.('b')
    await cache.set('c', bytes(100))
    // Both had their second chance; the walk comes back to the older one first.
    expect(cache.peek?.('a')).toBeUndefined()
    expect(cache.peek?.('b')).toBeDefined()
    expect(cache.peek?.('c')).toBeDefined()
    expect(cache.stats()).toMatchObject({ bytes: 200, entries: 2 })
  })
})
