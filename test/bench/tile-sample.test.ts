import { describe, expect, it } from 'vitest'
import { pyramidTiles, sampleTiles } from '../../bench/tile-sample.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'

// Roughly Hunan: 108.8–114.3°E, 24.6–30.1°N.
const BOX: [number, number, number, number] = [108.8, 24.6, 114.3, 30.1]

function rangeAt(z: number) {
  return {
    minX: lonToTileX(BOX[0], z),
    maxX: lonToTileX(BOX[2], z),
    minY: latToTileY(BOX[3], z),
    maxY: latToTileY(BOX[1], z),
  }
}

describe('tile samples', () => {
  it('lists every tile of each zoom over the box', () => {
    const tiles = pyramidTiles(BOX, 6, 8)
    for (const z of [6, 7, 8]) {
      const r = rangeAt(z)
      const expected = (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1)
      expect(tiles.filter((t) => t.z === z)).toHaveLength(expected)
    }
  })

  it('draws distinct tiles inside the box, the same ones for the same seed', async () => {
    const first = await sampleTiles(BOX, 12, 14, 50, 7)
    const again = await sampleTiles(BOX, 12, 14, 50, 7)
    const other = await sampleTiles(BOX, 12, 14, 50, 8)
    expect(again).toEqual(first)
    expect(other).not.toEqual(first)

    expect(first).toHaveLength(150)
    const keys = new Set(first.map((t) => `${t.z}/${t.x}/${t.y}`))
    expect(keys.size).toBe(150)
    for (const tile of first) {
      const r = rangeAt(tile.z)
      expect(tile.x).toBeGreaterThanOrEqual(r.minX)
      expect(tile.x).toBeLessThanOrEqual(r.maxX)
      expect(tile.y).toBeGreaterThanOrEqual(r.minY)
      expect(tile.y).toBeLessThanOrEqual(r.maxY)
    }
  })

  it('gives every tile of a zoom that has fewer than asked, and only those kept', async () => {
    const all = await sampleTiles(BOX, 7, 7, 1_000, 1)
    const r = rangeAt(7)
    expect(all).toHaveLength((r.maxX - r.minX + 1) * (r.maxY - r.minY + 1))

    const even = await sampleTiles(BOX, 7, 7, 1_000, 1, async (t) => t.x % 2 === 0)
    expect(even.length).toBeGreaterThan(0)
    expect(even.every((t) => t.x % 2 === 0)).toBe(true)
    expect(even).toHaveLength(all.filter((t) => t.x % 2 === 0).length)
  })
})
