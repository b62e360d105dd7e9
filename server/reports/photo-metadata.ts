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
 * the bytes are neither format, the structure is broken, or the image is larger than
 * PHOTO_MAX_SIDE_PX a side or PHOTO_MAX_MEGAPIXELS in all.
 */
export function stripPhotoMetadata(bytes: Buffer): CleanPhoto | PhotoProblem {
  if (bytes.subarray(0, 3).equals(JPEG_START)) return stripJpeg(bytes)
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return stripPng(bytes)
  return { problem: 'it is neither a JPEG nor a PNG image' }
}

const SOS = 0xda
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
      // Precision, then height and width, each two bytes.
      if (body.length < 5) return broken(`in the frame header at byte ${start}`)
      const tooLarge = sizeProblem(body.readUInt16BE(3), body.readUInt16BE(1))
      if (tooLarge) return tooLarge
      frame = true
    }
    if (keepsSegment(marker, body)) kept.push(bytes.subarray(start, end))
    if (marker !== SOS) continue

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
    kept.push(bytes.subarray(scanStart, pos))
  }
  return broken('at its end: it has no end-of-image marker')
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
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

function stripPng(bytes: Buffer): CleanPhoto | PhotoProblem {
  const kept: Buffer[] = [PNG_SIGNATURE]
  let pos = PNG_SIGNATURE.length
  let first = true
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
    if (first && type !== 'IHDR') return { problem: 'it is a PNG that does not start with IHDR' }
    if (first) {
      if (length < 8) return { problem: 'its PNG header is broken' }
      const tooLarge = sizeProblem(bytes.readUInt32BE(pos + 8), bytes.readUInt32BE(pos + 12))
      if (tooLarge) return tooLarge
    }
    first = false
    if (PNG_KEPT.has(type)) kept.push(bytes.subarray(pos, end))
    pos = end
    if (type === 'IEND') return { mediaType: 'image/png', bytes: Buffer.concat(kept) }
  }
  return { problem: 'it is a PNG without its IEND chunk' }
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
