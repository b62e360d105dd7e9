import { createHash } from 'node:crypto'
import { createReadStream, rmSync } from 'node:fs'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { hilbertTileId } from './hilbert-tile-id.ts'
import { buildDirectories, type DirectoryEntry } from './pmtiles-directory.ts'
import type { TileAddress } from './tile-address.ts'
import type { LonLatBox } from './tile-range.ts'

/** What the header says of the archive besides where its sections lie. */
export interface PmtilesArchiveInfo {
  minzoom: number
  maxzoom: number
  /** Lon/lat of the tiles' data, stored to 1e-7 degree. */
  bounds: LonLatBox
  /** [lon, lat, zoom] a viewer opens at. */
  center: [number, number, number]
  /** The JSON metadata: by the spec's convention `vector_layers`, `name`, `attribution`… */
  metadata: Record<string, unknown>
}

export interface PmtilesSummary {
  /** Size of the archive file. */
  bytes: number
  /** Tiles a reader finds: the run lengths added up. */
  addressedTiles: number
  /** Directory entries pointing at tile data. */
  tileEntries: number
  /** Distinct tile contents stored. */
  tileContents: number
}

export const HEADER_BYTES = 127
/** The spec's limit for header and root directory together, so one read gets both. */
const FIRST_READ_BYTES = 16_384
const COMPRESSION_GZIP = 2
const TILE_TYPE_MVT = 1
/** Tile data is written out in pieces of about this size rather than one write per tile. */
const WRITE_BATCH_BYTES = 1 << 20

/**
 * Writes a PMTiles v3 archive of gzip-compressed Mapbox Vector Tiles, in the order header,
 * root directory, JSON metadata (gzip), leaf directories, tile data. Tiles must be added in
 * ascending tile id order, which makes the archive clustered. Identical tiles are stored once,
 * and a run of consecutive ids with the same content is one directory entry.
 *
 * Tile data goes to a scratch file beside `file` as it comes, so memory holds only the
 * directory; the archive appears at `file` whole, by a rename, when `finish` succeeds.
 */
export class PmtilesWriter {
  readonly file: string
  #scratch: string
  #data: FileHandle
  #pending: Buffer[] = []
  #pendingBytes = 0
  #dataBytes = 0
  #entries: DirectoryEntry[] = []
  #contents = new Map<string, { offset: number; length: number }>()
  #addressed = 0
  #lastId = -1

  private constructor(file: string, scratch: string, data: FileHandle) {
    this.file = file
    this.#scratch = scratch
    this.#data = data
  }

  static async create(file: string): Promise<PmtilesWriter> {
    const scratch = `${file}.${process.pid}.tmp`
    const writer = new PmtilesWriter(file, scratch, await open(`${scratch}.tiles`, 'w'))
    // A command ended mid-way through process.exit (see exitOnInterrupt) leaves nothing behind.
    process.once('exit', writer.#removeScratchNow)
    return writer
  }

  #removeScratchNow = () => {
    rmSync(`${this.#scratch}.tiles`, { force: true })
    rmSync(this.#scratch, { force: true })
  }

  /** How many tiles were added. */
  get tileCount(): number {
    return this.#addressed
  }

  /**
   * Adds a tile's bytes, gzip-compressed MVT, never empty (leave empty tiles out). Throws when
   * the tile's id is not above the previous one's.
   */
  async addTile(address: TileAddress, gzipped: Buffer) {
    const id = hilbertTileId(address)
    if (id <= this.#lastId) {
      const { z, x, y } = address
      throw new Error(`Tile ${z}/${x}/${y} came after a tile of a higher id; add tiles in order.`)
    }
    this.#lastId = id
    this.#addressed++

    const hash = createHash('sha256').update(gzipped).digest('base64')
    let content = this.#contents.get(hash)
    if (!content) {
      content = { offset: this.#dataBytes, length: gzipped.length }
      this.#contents.set(hash, content)
      await this.#append(gzipped)
    }

    const last = this.#entries.at(-1)
    if (last && last.offset === content.offset && last.tileId + last.runLength === id) {
      last.runLength++
    } else {
      this.#entries.push({ tileId: id, ...content, runLength: 1 })
    }
  }

  /**
   * Writes the archive and moves it to `file`. Throws when no tile was added: the spec allows
   * no empty directory.
   */
  async finish(info: PmtilesArchiveInfo): Promise<PmtilesSummary> {
    if (this.#entries.length === 0) throw new Error('An archive needs at least one tile.')
    await this.#flush()
    await this.#data.close()

    const metadata = gzipSync(JSON.stringify(info.metadata))
    const { root, leaves } = buildDirectories(this.#entries, FIRST_READ_BYTES - HEADER_BYTES)
    const rootOffset = HEADER_BYTES
    const metadataOffset = rootOffset + root.length
    const leavesOffset = metadataOffset + metadata.length
    const dataOffset = leavesOffset + leaves.length
    const header = encodeHeader({
      sections: [
        [rootOffset, root.length],
        [metadataOffset, metadata.length],
        [leavesOffset, leaves.length],
        [dataOffset, this.#dataBytes],
      ],
      counts: [this.#addressed, this.#entries.length, this.#contents.size],
      info,
    })

    const out = await open(this.#scratch, 'w')
    try {
      await out.write(Buffer.concat([header, root, metadata, leaves]))
      for await (const chunk of createReadStream(`${this.#scratch}.tiles`)) {
        await out.write(chunk as Buffer)
      }
    } finally {
      await out.close()
    }
    await rename(this.#scratch, this.file)
    await rm(`${this.#scratch}.tiles`, { force: true })
    process.off('exit', this.#removeScratchNow)

    return {
      bytes: dataOffset + this.#dataBytes,
      addressedTiles: this.#addressed,
      tileEntries: this.#entries.length,
      tileContents: this.#contents.size,
    }
  }

  /** Removes the scratch files; `file` is left as it was. */
  async abort() {
    await this.#data.close().catch(() => {})
    await rm(`${this.#scratch}.tiles`, { force: true })
    await rm(this.#scratch, { force: true })
    process.off('exit', this.#removeScratchNow)
  }

  async #append(bytes: Buffer) {
    this.#pending.push(bytes)
    this.#pendingBytes += bytes.length
    this.#dataBytes += bytes.length
    if (this.#pendingBytes >= WRITE_BATCH_BYTES) await this.#flush()
  }

  async #flush() {
    if (this.#pendingBytes === 0) return
    const batch = Buffer.concat(this.#pending)
    this.#pending = []
    this.#pendingBytes = 0
    await this.#data.write(batch)
  }
}

interface HeaderFields {
  /** [offset, length] of root directory, metadata, leaf directories and tile data. */
  sections: [number, number][]
  /** Addressed tiles, tile entries, tile contents. */
  counts: [number, number, number]
  info: PmtilesArchiveInfo
}

/** The 127-byte v3 header; integers little-endian, degrees as 32-bit integers of 1e-7°. */
function encodeHeader({ sections, counts, info }: HeaderFields): Buffer {
  const header = Buffer.alloc(HEADER_BYTES)
  header.write('PMTiles', 0, 'ascii')
  header.writeUInt8(3, 7)
  const uint64s = [...sections.flat(), ...counts]
  for (const [i, value] of uint64s.entries()) header.writeBigUInt64LE(BigInt(value), 8 + i * 8)

  header.writeUInt8(1, 96) // clustered: tiles were added in id order
  header.writeUInt8(COMPRESSION_GZIP, 97) // directories and metadata
  header.writeUInt8(COMPRESSION_GZIP, 98) // tiles
  header.writeUInt8(TILE_TYPE_MVT, 99)
  header.writeUInt8(info.minzoom, 100)
  header.writeUInt8(info.maxzoom, 101)
  const degrees = (value: number) => Math.round(value * 1e7)
  const [west, south, east, north] = info.bounds
  for (const [i, value] of [west, south, east, north].entries()) {
    header.writeInt32LE(degrees(value), 102 + i * 4)
  }
  const [lon, lat, zoom] = info.center
  header.writeUInt8(zoom, 118)
  header.writeInt32LE(degrees(lon), 119)
  header.writeInt32LE(degrees(lat), 123)
  return header
}
