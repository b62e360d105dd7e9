import { promisify } from 'node:util'
import { gzip, gzipSync } from 'node:zlib'
import { SMALL_TILE_BYTES } from './tile-encoding.ts'

const gzipAsync = promisify(gzip)

/** Tiles up to this size are remembered by their bytes; most of a pyramid's repeats are small. */
const REMEMBERED_TILE_BYTES = 4 * 1024

/**
 * gzip for tiles, remembering what it gave for the last small tiles it compressed, by their
 * bytes. A polygon layer's tiles repeat at the deeper zooms: every tile inside one unit holds the
 * same square with the same id and attributes, and so does a composite tile inside one unit of
 * each layer. In the Hengyang sample's pyramid to zoom 14, 4,794 tiles have content and 3,095 of
 * them are distinct. Compressing a small tile costs more than the tile's other work on a miss,
 * and a repeat also shares its compressed bytes in the memory cache.
 */
export class TileCompressor {
  #remembered = new Map<string, Buffer>()
  #maxRemembered: number

  /** `maxRemembered` tiles are kept, the oldest forgotten first. */
  constructor(maxRemembered = 4096) {
    this.#maxRemembered = maxRemembered
  }

  /**
   * The tile compressed on the event loop when it is small (see SMALL_TILE_BYTES); undefined for
   * a larger one, which `compress` sends to the thread pool. An empty tile stays empty.
   */
  compressInPlace(bytes: Buffer): Buffer | undefined {
    if (bytes.length === 0) return bytes
    if (bytes.length > SMALL_TILE_BYTES) return undefined
    if (bytes.length > REMEMBERED_TILE_BYTES) return ownBytes(gzipSync(bytes))

    const key = bytes.toString('latin1')
    const known = this.#remembered.get(key)
    if (known) return known
    const gzipped = ownBytes(gzipSync(bytes))
    if (this.#remembered.size >= this.#maxRemembered) {
      this.#remembered.delete(this.#remembered.keys().next().value!)
    }
    this.#remembered.set(key, gzipped)
    return gzipped
  }

  /** The tile gzip-compressed: in place when small, else on the thread pool. */
  async compress(bytes: Buffer): Promise<Buffer> {
    return this.compressInPlace(bytes) ?? ownBytes(await gzipAsync(bytes))
  }

  /** How many tiles are remembered now. */
  get remembered(): number {
    return this.#remembered.size
  }
}

/**
 * The bytes in a block of their own size. zlib hands a small output back as a view of a larger
 * block (a 43-byte tile held 16 KiB), which a cache counting `length` keeps without counting it:
 * an export of the province layer held 700 MB that way against a cache of 16 MB.
 */
export function ownBytes(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes
  const own = Buffer.allocUnsafeSlow(bytes.length)
  bytes.copy(own)
  return own
}
