import { constants, inflateSync } from 'node:zlib'

/** A photo as it is stored: its type told from its content, its metadata gone. */
export interface CleanPhoto {
  mediaType: 'image/jpeg' | 'image/png'
  bytes: Buffer
}

/** Why a photo was refused, in words for the sender. */
export interface PhotoProblem {
  problem: string
}

/**
 * The largest image taken. Phone cameras stay within both; a few kilobytes of PNG can claim
 * 65,535 × 65,535 pixels, which would make every browser or viewer that opens it stall.
 */
export const PHOTO_MAX_SIDE_PX = 20_000
export const PHOTO_MAX_MEGAPIXELS = 100

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff])
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * Tells a JPEG or PNG from its bytes (not its name or declared type) and returns a copy without
 * metadata: for a JPEG every APPn segment but JFIF (APP0), an ICC profile (APP2) and Adobe's
 * colour transform (APP14), and every comment, so Exif with its GPS position and thumbnail,
 * XMP and IPTC go; for a PNG every chunk but the image data and its colour description, so
 * eXIf and text chunks go. Bytes after the image's end are dropped too. Returns a problem when
 * the bytes are neither format, the structure is broken or holds no image data (checked at its
 * start, not decoded in full), or the image is larger than
 * PHOTO_MAX_SIDE_PX a side or PHOTO_MAX_MEGAPIXELS in all.
 */
export function stripPhotoMetadata(bytes: Buffer): CleanPhoto | PhotoProblem {
  if (bytes.subarray(0, 3).equals(JPEG_START)) return stripJpeg(bytes)
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return stripPng(bytes)
  return { problem: 'it is neither a JPEG nor a PNG image' }
}

const SOS = 0xda
const DQT = 0xdb
const EOI = 0xd9
const COM = 0xfe
const APP0 = 0xe0
const APP2 = 0xe2
const APP14 = 0xee
const ICC_PROFILE = Buffer.from('ICC_PROFILE\0', 'latin1')

function stripJpeg(bytes: Buffer): CleanPhoto | PhotoProblem {
  const broken = (where: string): PhotoProblem => ({
    problem: `its JPEG structure is broken ${where}`,
  })
  const kept: Buffer[] = [bytes.subarray(0, 2)]
  let pos = 2
  let frame = false
  // A decoder needs a quantisation table before the first scan and at least one scan with
  // data; a file with only a frame header says a size but holds no picture.
  let tables = false
  let scanned = false

  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return broken(`at byte ${pos}`)
    // Any number of 0xFF may pad the space before a marker.
    while (bytes[pos] === 0xff) pos++
    const marker = bytes[pos]
    if (marker === undefined) return broken('at its end')
    const start = pos - 1
    pos++

    if (marker === EOI) {
      if (!frame) return { problem: 'it is a JPEG without an image frame' }
      if (!scanned) return { problem: 'it is a JPEG without image data' }
      kept.push(bytes.subarray(start, pos))
      return { mediaType: 'image/jpeg', bytes: Buffer.concat(kept) }
    }
    // Restart and TEM markers stand alone, without a length.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(start, pos))
      continue
    }
    if (pos + 2 > bytes.length) return broken('at its end')
    const length = bytes.readUInt16BE(pos)
    const end = pos + length
    if (length < 2 || end > bytes.length) return broken(`in the segment at byte ${start}`)
    const body = bytes.subarray(pos + 2, end)
    pos = end

    if (isFrameHeader(marker)) {
      // One frame per image: a second header could claim another size, which a viewer may
      // believe instead of the first one that was checked.
      if (frame) return { problem: 'it is a JPEG with two frame headers' }
      // Precision, height and width (two bytes each), the number of components, then three
      // bytes for each component.
      const components = body[5] ?? 0
      if (components === 0 || body.length !== 6 + 3 * components) {
        return broken(`in the frame header at byte ${start}`)
      }
      const tooLarge = sizeProblem(body.readUInt16BE(3), body.readUInt16BE(1))
      if (tooLarge) return tooLarge
      frame = true
    }
    if (marker === DQT) {
      if (!isQuantisationTables(body)) return broken(`in the quantisation table at byte ${start}`)
      tables = true
    }
    if (keepsSegment(marker, body)) kept.push(bytes.subarray(start, end))
    if (marker !== SOS) continue

    if (!frame) return { problem: 'it is a JPEG whose image data comes before its frame header' }
    if (!tables) return { problem: 'it is a JPEG without a quantisation table' }
    // The number of components (1 to 4), two bytes for each, then three bytes of parameters.
    const scanComponents = body[0] ?? 0
    if (scanComponents < 1 || scanComponents > 4 || body.length !== 4 + 2 * scanComponents) {
      return broken(`in the scan header at byte ${start}`)
    }

    // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
    const scanStart = pos
    while (pos < bytes.length) {
      if (bytes[pos] === 0xff) {
        const next = bytes[pos + 1]
        if (next === undefined) break
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          pos += next === 0xff ? 1 : 2
          continue
        }
        break
      }
      pos++
    }
    // Every scan codes at least one block, so at least one byte.
    if (pos > scanStart) scanned = true
    kept.push(bytes.subarray(scanStart, pos))
  }
  return broken('at its end: it has no end-of-image marker')
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
}

/**
 * A DQT segment holds one or more tables, each a byte of precision (0 for 8-bit, 1 for 16-bit
 * values) and table number (0–3), then 64 values.
 */
function isQuantisationTables(body: Buffer): boolean {
  let pos = 0
  while (pos < body.length) {
    const precision = body[pos]! >> 4
    const table = body[pos]! & 0x0f
    if (precision > 1 || table > 3) return false
    pos += 1 + 64 * (precision + 1)
  }
  return body.length > 0 && pos === body.length
}

function keepsSegment(marker: number, body: Buffer): boolean {
  if (marker === COM) return false
  if (marker < APP0 || marker > 0xef) return true
  if (marker === APP0 || marker === APP14) return true
  return marker === APP2 && body.subarray(0, ICC_PROFILE.length).equals(ICC_PROFILE)
}

/** Image data, and chunks that say how to show its colours; nothing that describes the scene. */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'bKGD',
  'pHYs',
])

/**
 * How much of the compressed pixels is inflated to see that it is sound, and the most that may
 * come out of it: enough for a decoder's first rows, little enough to stay cheap for an 8 MB
 * photo whose pixels would take hundreds of megabytes.
 */
const PNG_SAMPLE_BYTES = 16 * 1024
const PNG_SAMPLE_OUTPUT_BYTES = 256 * 1024

/** What the rest of the file is checked against. */
interface PngHeader {
  /** Whether its colours come from a palette. */
  palette: boolean
  /** The length of its pixels inflated: every row, each led by its filter byte. */
  rowBytes: number
}

function stripPng(bytes: Buffer): CleanPhoto | PhotoProblem {
  const kept: Buffer[] = [PNG_SIGNATURE]
  let pos = PNG_SIGNATURE.length
  let header: PngHeader | undefined
  let palette = false
  // The start of the pixels' zlib stream, which runs on across IDAT chunks, and its full length.
  const sample: Buffer[] = []
  let sampled = 0
  let imageDataBytes = 0
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos)
    const type = bytes.toString('latin1', pos + 4, pos + 8)
    const end = pos + 12 + length
    if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.length) {
      return { problem: `its PNG chunk at byte ${pos} is broken` }
    }
    const crc = bytes.readUInt32BE(end - 4)
    if (crc32(bytes.subarray(pos + 4, end - 4)) !== crc) {
      return { problem: `its PNG chunk ${type} at byte ${pos} fails its checksum` }
    }
    const data = bytes.subarray(pos + 8, end - 4)
    if (type === 'IHDR') {
      // Only one header: a second could claim another size, which a viewer may believe instead
      // of the first one that was checked.
      if (header) return { problem: 'it is a PNG with two IHDR headers' }
      const read = readPngHeader(data)
      if ('problem' in read) return read
      header = read
    } else if (!header) {
      return { problem: 'it is a PNG that does not start with IHDR' }
    }
    if (type === 'PLTE') palette = true
    if (type === 'IDAT') {
      if (header.palette && !palette) return { problem: 'it is a PNG without its palette' }
      imageDataBytes += length
      const part = data.subarray(0, PNG_SAMPLE_BYTES - sampled)
      sample.push(part)
      sampled += part.length
    }
    if (PNG_KEPT.has(type)) kept.push(bytes.subarray(pos, end))
    pos = end
    if (type === 'IEND') {
      if (imageDataBytes === 0) return { problem: 'it is a PNG without image data' }
      const broken = pngDataProblem(Buffer.concat(sample), sampled === imageDataBytes, header)
      if (broken) return broken
      return { mediaType: 'image/png', bytes: Buffer.concat(kept) }
    }
  }
  return { problem: 'it is a PNG without its IEND chunk' }
}

/** The bit depths each PNG colour type allows (PNG 1.2, 4.1.1). */
const PNG_COLOUR_TYPES = new Map([
  [0, [1, 2, 4, 8, 16]],
  [2, [8, 16]],
  [3, [1, 2, 4, 8]],
  [4, [8, 16]],
  [6, [8, 16]],
])

/**
 * IHDR: width and height (four bytes each), bit depth, colour type, compression method (0),
 * filter method (0) and interlace method (0 none, 1 Adam7).
 */
function readPngHeader(data: Buffer): PngHeader | PhotoProblem {
  const broken = { problem: 'its PNG header is broken' }
  if (data.length !== 13) return broken
  const width = data.readUInt32BE(0)
  const height = data.readUInt32BE(4)
  const tooLarge = sizeProblem(width, height)
  if (tooLarge) return tooLarge
  const [depth = 0, colourType = 0, compression, filter, interlace = 0] = data.subarray(8)
  if (
    !PNG_COLOUR_TYPES.get(colourType)?.includes(depth) ||
    compression !== 0 ||
    filter !== 0 ||
    interlace > 1
  ) {
    return broken
  }
  const bitsPerPixel = depth * PNG_CHANNELS.get(colourType)!
  return {
    palette: colourType === 3,
    rowBytes: pngRowBytes(width, height, bitsPerPixel, interlace),
  }
}

/** The samples a pixel holds, by colour type: grey, RGB, palette index, grey and alpha, RGBA. */
const PNG_CHANNELS = new Map([
  [0, 1],
  [2, 3],
  [3, 1],
  [4, 2],
  [6, 4],
])

/** Adam7's seven passes: the first column and row each takes, and its steps across and down. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

/**
 * How many bytes an image's pixels inflate to (PNG 1.2, sections 2.6 and 6): each row is a
 * filter byte and its pixels' bits, rounded up to a byte; interlaced, each of the seven passes
 * is a smaller image of its own, and an empty pass has no rows at all.
 */
function pngRowBytes(width: number, height: number, bitsPerPixel: number, interlace: number) {
  const image = (w: number, h: number) =>
    w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8))
  if (interlace === 0) return image(width, height)
  let total = 0
  for (const [x0, y0, dx, dy] of ADAM7) {
    total += image(
      Math.ceil(Math.max(0, width - x0) / dx),
      Math.ceil(Math.max(0, height - y0) / dy),
    )
  }
  return total
}

/**
 * Whether the start of the pixels is sound, read without inflating them all: a zlib header as
 * PNG requires, then data that inflates without error as far as the sample goes, to at least a
 * row's filter byte when the sample is the whole stream, and to no more than the header's rows
 * hold where the sample reaches that far. Whether it holds every row the header promises is not
 * checked: a short stream shows as a partly drawn image.
 */
function pngDataProblem(
  sample: Buffer,
  whole: boolean,
  header: PngHeader,
): PhotoProblem | undefined {
  const broken = { problem: 'its PNG image data is broken' }
  const [cmf = 0, flg = 0] = sample
  // RFC 1950: method 8 (deflate) with a window of at most 32 KB (CINFO 7), a check that makes
  // the two bytes a multiple of 31, and no preset dictionary, which PNG does not allow.
  if (sample.length < 2 || (cmf & 0x0f) !== 8 || cmf >> 4 > 7) return broken
  if ((cmf * 256 + flg) % 31 !== 0 || flg & 0x20) return broken
  let pixels: Buffer
  try {
    // A sync flush gives what a cut sample holds instead of failing on its missing end; the
    // output limit stops a few kilobytes that inflate to megabytes.
    pixels = inflateSync(sample, {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: Math.min(PNG_SAMPLE_OUTPUT_BYTES, header.rowBytes),
    })
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_BUFFER_TOO_LARGE') return broken
    // Past the sample's limit, the data was sound as far as it was read; past the rows, it
    // is not the image its header describes (a 10 × 10 image whose data inflated to 50 MB).
    return header.rowBytes <= PNG_SAMPLE_OUTPUT_BYTES
      ? { problem: 'its PNG image data holds more than the pixels its header gives' }
      : undefined
  }
  if (whole && pixels.length === 0) return { problem: 'it is a PNG without image data' }
  return undefined
}

function sizeProblem(width: number, height: number): PhotoProblem | undefined {
  // A JPEG may leave its height to a later marker (DNL) by writing 0; none of ours do.
  if (width === 0 || height === 0) return { problem: `it says it is ${width} × ${height} pixels` }
  if (Math.max(width, height) <= PHOTO_MAX_SIDE_PX && width * height <= PHOTO_MAX_MEGAPIXELS * 1e6)
    return undefined
  return {
    problem:
      `it is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, more than ` +
      `${PHOTO_MAX_SIDE_PX.toLocaleString('en')} a side or ${PHOTO_MAX_MEGAPIXELS} megapixels`,
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 as PNG (and zlib) define it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
