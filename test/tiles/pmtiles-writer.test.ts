import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tilesInHilbertOrder } from '../../server/tiles/hilbert-tile-id.ts'
import {
  buildDirectories,
  serializeDirectory,
  writeVarint,
} from '../../server/tiles/pmtiles-directory.ts'
import { PmtilesWriter, type PmtilesArchiveInfo } from '../../server/tiles/pmtiles-writer.ts'
import type { TileAddress } from '../../server/tiles/tile-address.ts'
import { openArchive, readDirectory, readHeader } from './support/pmtiles-file.ts'

const INFO: PmtilesArchiveInfo = {
  minzoom: 0,
  maxzoom: 3,
  bounds: [112.0, 27.0, 112.2, 27.1],
  center: [112.1, 27.05, 2],
  metadata: { name: 'test', vector_layers: [{ id: 'units', fields: {} }] },
}

const varint = (value: number) => {
  const out: number[] = []
  writeVarint(value, out)
  return out
}

/** Every tile of zooms 0 to `maxzoom`, in tile id order. */
function pyramid(maxzoom: number): TileAddress[] {
  return Array.from({ length: maxzoom + 1 }, (_, z) => [
    ...tilesInHilbertOrder({ z, minX: 0, maxX: 2 ** z - 1, minY: 0, maxY: 2 ** z - 1 }),
  ]).flat()
}

describe('PMTiles directory encoding', () => {
  it.each([
    [0, [0x00]],
    [1, [0x01]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    // The Protocol Buffers documentation's example: 300 is AC 02.
    [300, [0xac, 0x02]],
    // 2^35 is 1 in the sixth group of seven bits.
    [2 ** 35, [0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
  ])('writes %i as the varint bytes %j', (value, bytes) => {
    expect(varint(value)).toEqual(bytes)
  })

  it('lays a directory out as count, id deltas, run lengths, lengths, offsets', () => {
    const entries = [
      { tileId: 0, offset: 0, length: 100, runLength: 1 },
      { tileId: 1, offset: 100, length: 50, runLength: 1 },
      { tileId: 2, offset: 0, length: 100, runLength: 3 },
      { tileId: 6, offset: 150, length: 20, runLength: 1 },
    ]
    // Offsets: the first has no predecessor (0 + 1); the second follows on (0); the third
    // points back (0 + 1); the fourth does not follow the third (150 + 1 = 151 = 97 01).
    expect([...serializeDirectory(entries)]).toEqual([
      ...[4],
      ...[0, 1, 1, 4],
      ...[1, 1, 3, 1],
      ...[100, 50, 100, 20],
      ...[1, 0, 1, 0x97, 0x01],
    ])
  })

  it('splits entries into leaves that a root of leaf pointers leads to', () => {
    // Irregular lengths, so that 200 entries do not compress into the 80 bytes given.
    let offset = 0
    const entries = Array.from({ length: 200 }, (_, i) => {
      const entry = { tileId: i * 3, offset, length: 10 + ((i * 37) % 91), runLength: 1 }
      offset += entry.length
      return entry
    })
    const { root, leaves } = buildDirectories(entries, 80, 8)
    expect(root.length).toBeLessThanOrEqual(80)

    const pointers = readDirectory(root)
    expect(pointers.length).toBeGreaterThan(1)
    expect(pointers.map((p) => p.runLength)).toEqual(pointers.map(() => 0))
    const found = pointers.flatMap((pointer) =>
      readDirectory(leaves.subarray(pointer.offset, pointer.offset + pointer.length)),
    )
    expect(found).toEqual(entries)
    for (const pointer of pointers) {
      expect(entries.find((e) => e.tileId === pointer.tileId)).toBeDefined()
    }
  })
})

describe('PMTiles writer', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-pmtiles-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('writes the 127-byte header with its sections in the spec order', async () => {
    const file = path.join(dir, 'header.pmtiles')
    const writer = await PmtilesWriter.create(file)
    for (const tile of pyramid(2)) await writer.addTile(tile, gzipSync(JSON.stringify(tile)))
    const summary = await writer.finish(INFO)
    const { bytes } = await openArchive(file)
    const header = readHeader(bytes)

    expect(header.magic).toBe('PMTiles')
    expect(header.version).toBe(3)
    expect(header.root[0]).toBe(127)
    expect(header.metadata[0]).toBe(header.root[0]! + header.root[1]!)
    expect(header.leaves).toEqual([header.metadata[0]! + header.metadata[1]!, 0])
    expect(header.data[0]).toBe(header.leaves[0]! + header.leaves[1]!)
    expect(header.data[0]! + header.data[1]!).toBe(bytes.length)
    expect(summary.bytes).toBe(bytes.length)
    // 1 + 4 + 16 tiles, all different.
    expect(header.counts).toEqual([21, 21, 21])
    expect(header.clustered).toBe(1)
    expect([header.internalCompression, header.tileCompression, header.tileType]).toEqual([2, 2, 1])
    expect(header.zooms).toEqual([0, 3])
    expect(header.bounds).toEqual([112.0, 27.0, 112.2, 27.1])
    expect(header.center).toEqual([112.1, 27.05, 2])
  })

  it('reads back through the reference reader: tiles, metadata, absent tiles', async () => {
    const file = path.join(dir, 'roundtrip.pmtiles')
    const tiles = pyramid(3)
    const content = (tile: TileAddress) => Buffer.from(`tile ${tile.z}/${tile.x}/${tile.y}`)
    // Every third tile is left out, as empty tiles are.
    const kept = tiles.filter((_, i) => i % 3 !== 0)
    const writer = await PmtilesWriter.create(file)
    for (const tile of kept) await writer.addTile(tile, gzipSync(content(tile)))
    await writer.finish(INFO)

    const { reader } = await openArchive(file)
    const header = await reader.getHeader()
    expect([header.minZoom, header.maxZoom, header.numAddressedTiles]).toEqual([0, 3, 56])
    expect(await reader.getMetadata()).toEqual(INFO.metadata)
    for (const [i, tile] of tiles.entries()) {
      const found = await reader.getZxy(tile.z, tile.x, tile.y)
      if (i % 3 === 0) {
        expect(found).toBeUndefined()
      } else {
        expect(Buffer.from(found!.data)).toEqual(content(tile))
      }
    }
  })

  it('stores identical tiles once and a run of them as one entry', async () => {
    const file = path.join(dir, 'dedup.pmtiles')
    const tiles = pyramid(3).filter((t) => t.z === 3)
    const sea = gzipSync('the same polygon interior')
    const others = [0, 1, 2, 3, 4].map((i) => gzipSync(`tile ${i}`))
    const writer = await PmtilesWriter.create(file)
    for (const tile of tiles.slice(0, 10)) await writer.addTile(tile, sea)
    for (const [i, tile] of tiles.slice(10, 15).entries()) await writer.addTile(tile, others[i]!)
    for (const tile of tiles.slice(15, 18)) await writer.addTile(tile, sea)
    const summary = await writer.finish(INFO)

    const { reader, bytes } = await openArchive(file)
    const header = readHeader(bytes)
    const root = readDirectory(bytes.subarray(header.root[0], header.root[0]! + header.root[1]!))
    expect(root.map((e) => e.runLength)).toEqual([10, 1, 1, 1, 1, 1, 3])
    expect(root[0]!.offset).toBe(0)
    expect(root.at(-1)!.offset).toBe(0)
    expect(header.counts).toEqual([18, 7, 6])
    expect(summary).toMatchObject({ addressedTiles: 18, tileEntries: 7, tileContents: 6 })
    expect(header.data[1]).toBe(sea.length + others.reduce((sum, o) => sum + o.length, 0))

    for (const tile of [...tiles.slice(0, 10), ...tiles.slice(15, 18)]) {
      const found = await reader.getZxy(tile.z, tile.x, tile.y)
      expect(Buffer.from(found!.data).toString()).toBe('the same polygon interior')
    }
    expect(await reader.getZxy(tiles[18]!.z, tiles[18]!.x, tiles[18]!.y)).toBeUndefined()
  })

  it('moves entries into leaf directories when the root would pass 16 KB', async () => {
    const file = path.join(dir, 'leaves.pmtiles')
    // Tiles with gaps between them and random contents, so the directory does not compress to
    // nothing: 20,000 of the 65,536 tiles of z8.
    const all = pyramid(8).filter((t) => t.z === 8)
    const chosen = all.filter((_, i) => (i * 7919) % 100 < 31).slice(0, 20_000)
    const contents = chosen.map(() => randomBytes(8 + Math.floor(Math.random() * 200)))
    const writer = await PmtilesWriter.create(file)
    for (const [i, tile] of chosen.entries()) await writer.addTile(tile, gzipSync(contents[i]!))
    await writer.finish({ ...INFO, minzoom: 8, maxzoom: 8 })

    const { reader, bytes } = await openArchive(file)
    const header = readHeader(bytes)
    expect(header.leaves[1]).toBeGreaterThan(0)
    expect(127 + header.root[1]!).toBeLessThanOrEqual(16_384)
    const root = readDirectory(bytes.subarray(header.root[0], header.root[0]! + header.root[1]!))
    expect(root.every((entry) => entry.runLength === 0)).toBe(true)

    for (const [i, tile] of chosen.entries()) {
      const found = await reader.getZxy(tile.z, tile.x, tile.y)
      expect(Buffer.from(found!.data).equals(contents[i]!)).toBe(true)
    }
  })

  it('refuses a tile whose id is not above the previous one', async () => {
    const writer = await PmtilesWriter.create(path.join(dir, 'order.pmtiles'))
    await writer.addTile({ z: 1, x: 1, y: 0 }, gzipSync('a'))
    await expect(writer.addTile({ z: 1, x: 0, y: 0 }, gzipSync('b'))).rejects.toThrow(
      'Tile 1/0/0 came after a tile of a higher id',
    )
    await writer.abort()
  })

  it('leaves no file behind when aborted or finished without tiles', async () => {
    const before = await readdir(dir)
    const aborted = await PmtilesWriter.create(path.join(dir, 'aborted.pmtiles'))
    await aborted.addTile({ z: 0, x: 0, y: 0 }, gzipSync('a'))
    await aborted.abort()

    const empty = await PmtilesWriter.create(path.join(dir, 'empty.pmtiles'))
    await expect(empty.finish(INFO)).rejects.toThrow('An archive needs at least one tile.')
    await empty.abort()
    expect(await readdir(dir)).toEqual(before)
  })
})
