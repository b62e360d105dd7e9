import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
import { Compression, PMTiles, type Source } from 'pmtiles'

/** An archive file opened with the reference reader (the `pmtiles` package), and its bytes. */
export async function openArchive(file: string): Promise<{ reader: PMTiles; bytes: Buffer }> {
  const bytes = await readFile(file)
  const source: Source = {
    getKey: () => file,
    async getBytes(offset, length) {
      const slice = bytes.subarray(offset, offset + length)
      const data = new ArrayBuffer(slice.length)
      new Uint8Array(data).set(slice)
      return { data }
    },
  }
  // zlib instead of the reader's default, the web DecompressionStream, which is slow in Node.
  const decompress = async (data: ArrayBuffer, compression: Compression) => {
    if (compression !== Compression.Gzip) throw new Error(`Unexpected compression ${compression}`)
    const plain = gunzipSync(new Uint8Array(data))
    return plain.buffer.slice(plain.byteOffset, plain.byteOffset + plain.byteLength)
  }
  return { reader: new PMTiles(source, undefined, decompress), bytes }
}

/** The header fields read straight from the spec's byte layout, apart from any reader. */
export function readHeader(bytes: Buffer) {
  const uint64 = (offset: number) => Number(bytes.readBigUInt64LE(offset))
  const degrees = (offset: number) => bytes.readInt32LE(offset) / 1e7
  return {
    magic: bytes.toString('ascii', 0, 7),
    version: bytes[7],
    root: [uint64(8), uint64(16)],
    metadata: [uint64(24), uint64(32)],
    leaves: [uint64(40), uint64(48)],
    data: [uint64(56), uint64(64)],
    counts: [uint64(72), uint64(80), uint64(88)],
    clustered: bytes[96],
    internalCompression: bytes[97],
    tileCompression: bytes[98],
    tileType: bytes[99],
    zooms: [bytes[100], bytes[101]],
    bounds: [degrees(102), degrees(106), degrees(110), degrees(114)],
    center: [degrees(119), degrees(123), bytes[118]],
  }
}

/** A gzip-compressed directory decoded by the spec's steps, read here apart from the writer. */
export function readDirectory(compressed: Buffer) {
  const bytes = gunzipSync(compressed)
  let at = 0
  const varint = () => {
    let value = 0
    for (let scale = 1; ; scale *= 128) {
      const byte = bytes[at++]!
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
    }
  }
  const count = varint()
  const entries = Array.from({ length: count }, () => ({
    tileId: 0,
    runLength: 0,
    length: 0,
    offset: 0,
  }))
  let tileId = 0
  for (const entry of entries) entry.tileId = tileId += varint()
  for (const entry of entries) entry.runLength = varint()
  for (const entry of entries) entry.length = varint()
  for (const [i, entry] of entries.entries()) {
    const stored = varint()
    const previous = entries[i - 1]
    entry.offset = stored === 0 && previous ? previous.offset + previous.length : stored - 1
  }
  return entries
}
