import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { TileCompressor } from '../../server/tiles/tile-compression.ts'
import { SMALL_TILE_BYTES } from '../../server/tiles/tile-encoding.ts'

/** Bytes that do not compress to nothing: a counter mixed by a multiplicative hash. */
function tileBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = (Math.imul(i + seed, 2654435761) >>> 24) & 0xff
  return bytes
}

describe('compressing tiles', () => {
  it('gives gzip that decompresses to the tile, and keeps an empty tile empty', () => {
    const compressor = new TileCompressor()
    const tile = tileBytes(700, 1)
    const gzipped = compressor.compressInPlace(tile)!
    expect(gzipped.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]))
    expect(gunzipSync(gzipped)).toEqual(tile)
    expect(compressor.compressInPlace(Buffer.alloc(0))?.length).toBe(0)
  })

  it('compresses a repeated tile once, answering repeats with the same bytes', () => {
    const compressor = new TileCompressor()
    const first = compressor.compressInPlace(tileBytes(500, 2))
    const again = compressor.compressInPlace(Buffer.from(tileBytes(500, 2)))
    const other = compressor.compressInPlace(tileBytes(500, 3))
    expect(again).toBe(first)
    expect(other).not.toBe(first)
    expect(gunzipSync(other!)).toEqual(tileBytes(500, 3))
    expect(compressor.remembered).toBe(2)
  })

  it('remembers at most as many tiles as it was told, forgetting the oldest', () => {
    const compressor = new TileCompressor(3)
    const firsts = [1, 2, 3, 4].map((seed) => compressor.compressInPlace(tileBytes(100, seed)))
    expect(compressor.remembered).toBe(3)
    // The newest is still known; the oldest was forgotten and is compressed anew.
    expect(compressor.compressInPlace(tileBytes(100, 4))).toBe(firsts[3])
    const anew = compressor.compressInPlace(tileBytes(100, 1))
    expect(anew).not.toBe(firsts[0])
    expect(gunzipSync(anew!)).toEqual(tileBytes(100, 1))
  })

  it('gives each compressed tile a block of memory of its own size', async () => {
    const compressor = new TileCompressor()
    // Small and remembered, small and not, and large, sent to the thread pool.
    for (const length of [300, 6 * 1024, SMALL_TILE_BYTES + 1]) {
      const bytes = tileBytes(length, length)
      const gzipped = await compressor.compress(bytes)
      expect(gunzipSync(gzipped)).toEqual(bytes)
      expect(gzipped.byteOffset, `${length} bytes`).toBe(0)
      expect(gzipped.buffer.byteLength, `${length} bytes`).toBe(gzipped.length)
    }
  })

  it('leaves a large tile to the thread pool, and compresses it there', async () => {
    const compressor = new TileCompressor()
    const large = tileBytes(SMALL_TILE_BYTES + 1, 5)
    expect(compressor.compressInPlace(large)).toBeUndefined()
    expect(gunzipSync(await compressor.compress(large))).toEqual(large)
    expect(compressor.remembered).toBe(0)
  })
})
