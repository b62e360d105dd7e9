import { crc32, deflateSync } from 'node:zlib'

// Photos built byte by byte from the JPEG (ITU T.81, JFIF, Exif 2.3 TIFF layout) and PNG
// (RFC 2083, PNG 1.2 with the eXIf extension) specifications, apart from the server's code.

/** The position the GPS block of the test photos carries: 27°01'48" N, 112°01'48" E. */
export const GPS_TEXT = 'GPS-MARKER-27.03N-112.03E'

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff])
const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

export function segment(marker: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16(body.length + 2), body])
}

/**
 * Exif as APP1: a big-endian TIFF with IFD0 holding Make and a pointer to a GPS IFD that holds
 * GPSLatitudeRef, GPSLatitude (three rationals), GPSLongitudeRef, GPSLongitude, and a
 * GPSProcessingMethod carrying GPS_TEXT so the tests can look for it as plain bytes.
 */
export function exifWithGps(): Buffer {
  // Offsets are from the start of the TIFF header.
  const entries0 = 2
  const ifd0 = 8
  const ifd0Size = 2 + entries0 * 12 + 4
  const makeOffset = ifd0 + ifd0Size
  const make = Buffer.from('TestCam\0', 'latin1')
  const gpsIfd = makeOffset + make.length
  const gpsEntries = 5
  const gpsIfdSize = 2 + gpsEntries * 12 + 4
  const latOffset = gpsIfd + gpsIfdSize
  const lonOffset = latOffset + 24
  const methodOffset = lonOffset + 24
  const method = Buffer.concat([Buffer.from('ASCII\0\0\0', 'latin1'), Buffer.from(GPS_TEXT)])

  const entry = (tag: number, type: number, count: number, value: Buffer) =>
    Buffer.concat([
      u16(tag),
      u16(type),
      u32(count),
      Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4),
    ])
  const rationals = (values: [number, number][]) =>
    Buffer.concat(values.map(([n, d]) => Buffer.concat([u32(n), u32(d)])))

  const tiff = Buffer.concat([
    Buffer.from('MM\0\x2a', 'latin1'),
    u32(ifd0),
    u16(entries0),
    entry(0x010f, 2, make.length, u32(makeOffset)), // Make, ASCII
    entry(0x8825, 4, 1, u32(gpsIfd)), // GPSInfo IFD pointer, LONG
    u32(0),
    make,
    u16(gpsEntries),
    entry(0x0001, 2, 2, Buffer.from('N\0', 'latin1')), // GPSLatitudeRef
    entry(0x0002, 5, 3, u32(latOffset)), // GPSLatitude
    entry(0x0003, 2, 2, Buffer.from('E\0', 'latin1')), // GPSLongitudeRef
    entry(0x0004, 5, 3, u32(lonOffset)), // GPSLongitude
    entry(0x001b, 7, method.length, u32(methodOffset)), // GPSProcessingMethod, UNDEFINED
    u32(0),
    rationals([
      [27, 1],
      [1, 1],
      [48, 1],
    ]),
    rationals([
      [112, 1],
      [1, 1],
      [48, 1],
    ]),
    method,
  ])
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]))
}

/**
 * An 8×8 grey baseline JPEG of one block: JFIF, then `extra` segments (Exif with GPS, a
 * comment…), a quantisation table of ones, the frame, two one-symbol Huffman tables (DC
 * category 0 and AC end-of-block, each coded as the single bit 0), the scan and its data.
 */
export function jpegWith(extra: Buffer[] = []): Buffer {
  const jfif = segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'))
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]))
  const sof = segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]))
  const oneSymbol = (tableClass: number, symbol: number) =>
    Buffer.concat([
      Buffer.from([(tableClass << 4) | 0]),
      Buffer.from([1, ...Array(15).fill(0)]),
      Buffer.from([symbol]),
    ])
  const dht = segment(0xc4, Buffer.concat([oneSymbol(0, 0x00), oneSymbol(1, 0x00)]))
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]))
  // Bits 0 (DC diff 0) and 0 (EOB), padded with ones: 0b00111111.
  const scan = Buffer.from([0x3f])
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jfif,
    ...extra,
    dqt,
    sof,
    dht,
    sos,
    scan,
    Buffer.from([0xff, 0xd9]),
  ])
}

export function comment(text: string): Buffer {
  return segment(0xfe, Buffer.from(text))
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  return Buffer.concat([u32(data.length), typed, u32(crc32(typed))])
}

/** The RGB of the test PNG's one pixel. */
export const PNG_PIXEL = [0x2e, 0x8b, 0x57]

/** A 1×1 RGB PNG with `extra` chunks after IHDR. */
export function pngWith(extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.concat([u32(1), u32(1), Buffer.from([8, 2, 0, 0, 0])])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...extra,
    pngChunk('IDAT', deflateSync(Buffer.from([0, ...PNG_PIXEL]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** The test PNG with its header claiming `width` × `height` pixels. */
export function pngSized(width: number, height: number): Buffer {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])])
  const png = pngWith()
  // The signature, then IHDR: its 25 bytes are length, type, 13 of data and the checksum.
  return Buffer.concat([png.subarray(0, 8), pngChunk('IHDR', ihdr), png.subarray(8 + 25)])
}

/** The test JPEG with its frame header claiming `width` × `height` pixels. */
export function jpegSized(width: number, height: number): Buffer {
  const jpeg = Buffer.from(jpegWith())
  const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
  // Marker, length, precision, then height and width.
  jpeg.writeUInt16BE(height, frame + 5)
  jpeg.writeUInt16BE(width, frame + 7)
  return jpeg
}

/** The JPEG segments (marker, body) before the scan, read the simple way for a known file. */
export function jpegSegments(bytes: Buffer): { marker: number; body: Buffer }[] {
  const segments: { marker: number; body: Buffer }[] = []
  let pos = 2
  while (pos < bytes.length) {
    const marker = bytes[pos + 1]!
    const length = bytes.readUInt16BE(pos + 2)
    segments.push({ marker, body: bytes.subarray(pos + 4, pos + 2 + length) })
    if (marker === 0xda) break
    pos += 2 + length
  }
  return segments
}

/** The PNG chunk types in order, each checked against its CRC. */
export function pngChunkTypes(bytes: Buffer): string[] {
  const types: string[] = []
  let pos = 8
  while (pos < bytes.length) {
    const length = bytes.readUInt32BE(pos)
    const typed = bytes.subarray(pos + 4, pos + 8 + length)
    if (crc32(typed) !== bytes.readUInt32BE(pos + 8 + length)) throw new Error('bad CRC')
    types.push(typed.toString('latin1', 0, 4))
    pos += 12 + length
  }
  return types
}
