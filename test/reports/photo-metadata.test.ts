import { deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  PHOTO_MAX_MEGAPIXELS,
  PHOTO_MAX_SIDE_PX,
  stripPhotoMetadata,
  type CleanPhoto,
} from '../../server/reports/photo-metadata.ts'
import {
  GPS_TEXT,
  PNG_PIXEL,
  comment,
  exifWithGps,
  jpegSegments,
  jpegSized,
  jpegWith,
  pngChunk,
  pngChunkTypes,
  pngSized,
  pngWith,
  segment,
} from './support/photo-files.ts'

const clean = (bytes: Buffer): CleanPhoto => {
  const result = stripPhotoMetadata(bytes)
  if ('problem' in result) throw new Error(result.problem)
  return result
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** IHDR data: width, height, bit depth, colour type, then compression, filter, interlace 0. */
const ihdr = (width: number, height: number, depth = 8, colourType = 2) =>
  Buffer.concat([u32(width), u32(height), Buffer.from([depth, colourType, 0, 0, 0])])

/** A PNG of the given header, then `chunks` as they are (IDAT, PLTE…), then IEND. */
const pngOf = (header: Buffer, chunks: Buffer[]) =>
  Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    ...chunks,
    pngChunk('IEND', Buffer.alloc(0)),
  ])

/** Raw RGB rows, each led by filter byte 0, filled by `byte(i)`. */
const rgbRows = (width: number, height: number, byte: (i: number) => number) => {
  const rows = Buffer.alloc(height * (1 + 3 * width))
  for (let i = 0; i < rows.length; i++) rows[i] = i % (1 + 3 * width) === 0 ? 0 : byte(i)
  return rows
}

/** The test JPEG's segments, without the ones with the given markers. */
const jpegWithout = (...markers: number[]) => {
  const bytes = jpegWith()
  const parts: Buffer[] = [bytes.subarray(0, 2)]
  let pos = 2
  while (bytes[pos + 1] !== 0xda) {
    const end = pos + 2 + bytes.readUInt16BE(pos + 2)
    if (!markers.includes(bytes[pos + 1]!)) parts.push(bytes.subarray(pos, end))
    pos = end
  }
  return Buffer.concat([...parts, bytes.subarray(pos)])
}

/** The test JPEG's frame header: 8-bit, 8 × 8 pixels, one component. */
const FRAME = Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])

/** The GPS IFD pointer tag (0x8825) as it sits in a big-endian IFD entry with type LONG. */
const GPS_POINTER = Buffer.from([0x88, 0x25, 0x00, 0x04])

describe('stripPhotoMetadata', () => {
  it('removes the Exif block with its GPS position from a JPEG', () => {
    const original = jpegWith([exifWithGps(), comment('taken at home')])
    expect(original.includes(GPS_TEXT)).toBe(true)

    const stripped = clean(original)
    expect(stripped.mediaType).toBe('image/jpeg')
    const markers = jpegSegments(stripped.bytes).map((s) => s.marker)
    expect(markers).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda])
    expect(stripped.bytes.includes(GPS_TEXT)).toBe(false)
    expect(stripped.bytes.includes('Exif')).toBe(false)
    expect(stripped.bytes.includes(GPS_POINTER)).toBe(false)
    expect(stripped.bytes.includes('taken at home')).toBe(false)
  })

  it('keeps the image itself byte for byte', () => {
    const bare = jpegWith()
    expect(clean(jpegWith([exifWithGps()])).bytes.equals(bare)).toBe(true)
    expect(clean(bare).bytes.equals(bare)).toBe(true)
  })

  it('keeps an ICC profile and drops other APP2 data', () => {
    const icc = segment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01abcd', 'latin1'))
    const mpf = segment(0xe2, Buffer.from('MPF\0MMxx', 'latin1'))
    const markers = jpegSegments(clean(jpegWith([icc, mpf])).bytes).map((s) => s.marker)
    expect(markers.filter((m) => m === 0xe2)).toHaveLength(1)
  })

  it('drops what follows the end of the image', () => {
    const bare = jpegWith()
    const trailing = Buffer.concat([bare, Buffer.from(GPS_TEXT)])
    expect(clean(trailing).bytes.equals(bare)).toBe(true)
  })

  it('removes eXIf and text chunks from a PNG and keeps its pixels', () => {
    const exif = exifWithGps().subarray(10) // the TIFF block without the APP1 header
    const original = pngWith([
      pngChunk('eXIf', exif),
      pngChunk('tEXt', Buffer.from(`Comment\0${GPS_TEXT}`, 'latin1')),
      pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x/>', 'latin1')),
      pngChunk('zTXt', Buffer.from('Author\0\0', 'latin1')),
      pngChunk('tIME', Buffer.from([7, 232, 5, 1, 8, 30, 0])),
      pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
    ])
    const stripped = clean(original)
    expect(stripped.mediaType).toBe('image/png')
    expect(pngChunkTypes(stripped.bytes)).toEqual(['IHDR', 'gAMA', 'IDAT', 'IEND'])
    expect(stripped.bytes.includes(GPS_TEXT)).toBe(false)
    expect(stripped.bytes.includes(GPS_POINTER)).toBe(false)

    const idat = stripped.bytes.subarray(stripped.bytes.indexOf('IDAT') + 4)
    const pixels = inflateSync(idat.subarray(0, idat.length - 16))
    expect([...pixels]).toEqual([0, ...PNG_PIXEL])
  })

  it('tells the type from the content, not the name', () => {
    expect(stripPhotoMetadata(Buffer.from('GIF89a…'))).toEqual({
      problem: 'it is neither a JPEG nor a PNG image',
    })
    expect(stripPhotoMetadata(Buffer.from('<svg onload="alert(1)"/>'))).toHaveProperty('problem')
  })

  const broken: [string, Buffer][] = [
    ['a JPEG cut short', jpegWith([exifWithGps()]).subarray(0, 100)],
    ['a JPEG without its end marker', jpegWith().subarray(0, -2)],
    ['a JPEG without a frame', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['a segment longer than the file', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0])],
    ['a PNG without IEND', pngWith().subarray(0, -12)],
    [
      'a PNG with a wrong checksum',
      Buffer.concat([pngWith().subarray(0, 29), Buffer.from([0, 0, 0, 0]), pngWith().subarray(33)]),
    ],
    [
      'a PNG not starting with IHDR',
      Buffer.concat([pngWith().subarray(0, 8), pngChunk('IEND', Buffer.alloc(0))]),
    ],
  ]
  it.each(broken)('refuses %s', (_, bytes) => {
    expect(stripPhotoMetadata(bytes)).toHaveProperty('problem')
  })

  describe('the image data', () => {
    it('refuses a PNG without image data', () => {
      const noIdat = pngOf(ihdr(1, 1), [])
      expect(stripPhotoMetadata(noIdat)).toEqual({ problem: 'it is a PNG without image data' })
      const emptyIdat = pngOf(ihdr(1, 1), [pngChunk('IDAT', Buffer.alloc(0))])
      expect(stripPhotoMetadata(emptyIdat)).toEqual({ problem: 'it is a PNG without image data' })
      // A sound zlib stream that inflates to nothing at all.
      const nothing = pngOf(ihdr(1, 1), [pngChunk('IDAT', deflateSync(Buffer.alloc(0)))])
      expect(stripPhotoMetadata(nothing)).toEqual({ problem: 'it is a PNG without image data' })
    })

    const brokenData: [string, Buffer][] = [
      ['bytes that are not zlib data', Buffer.from('notzlib')],
      ['a single byte', Buffer.from([0x78])],
      ['a zlib header with a wrong check', Buffer.from([0x78, 0x9d, 0x63, 0, 0])],
      ['a zlib window over 32 KB', Buffer.from([0x88, 0x1c, 0x63, 0, 0])],
      ['a zlib preset dictionary', Buffer.from([0x78, 0xbb, 0, 0, 0, 0])],
      // A sound header, then a deflate block of the reserved type 3.
      ['deflate data that is broken', Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff])],
    ]
    it.each(brokenData)('refuses a PNG whose image data is %s', (_, idat) => {
      const png = pngOf(ihdr(1, 1), [pngChunk('IDAT', idat)])
      expect(stripPhotoMetadata(png)).toEqual({ problem: 'its PNG image data is broken' })
    })

    it('refuses a small PNG whose image data inflates to more than its rows', () => {
      // 10 × 10 RGB: ten rows of a filter byte and 30 bytes, 310 in all.
      const exact = pngOf(ihdr(10, 10), [pngChunk('IDAT', deflateSync(rgbRows(10, 10, () => 7)))])
      expect(stripPhotoMetadata(exact)).toHaveProperty('mediaType', 'image/png')
      for (const length of [311, 5_000_000]) {
        const png = pngOf(ihdr(10, 10), [pngChunk('IDAT', deflateSync(Buffer.alloc(length)))])
        expect(stripPhotoMetadata(png), String(length)).toEqual({
          problem: 'its PNG image data holds more than the pixels its header gives',
        })
      }
    })

    it('takes an interlaced PNG of exactly its seven passes, and no more', () => {
      // 3 × 3 RGB, Adam7 (PNG 1.2, 2.6): passes 1, 4, 5, 6 and 7 hold 1 × 1, 1 × 1, 2 × 1,
      // 1 × 2 and 3 × 1 pixels; 2 and 3 start past the image. Each row is a filter byte and
      // 3 bytes a pixel: 4 + 4 + 7 + 2 × 4 + 10 = 33 bytes.
      const interlaced = Buffer.concat([u32(3), u32(3), Buffer.from([8, 2, 0, 0, 1])])
      const withData = (length: number) =>
        pngOf(interlaced, [pngChunk('IDAT', deflateSync(Buffer.alloc(length)))])
      expect(stripPhotoMetadata(withData(33))).toHaveProperty('mediaType', 'image/png')
      expect(stripPhotoMetadata(withData(34))).toEqual({
        problem: 'its PNG image data holds more than the pixels its header gives',
      })
      // 1-bit grey, 9 pixels a row: two bytes a row and its filter byte, 3 rows.
      const bits = Buffer.concat([u32(9), u32(3), Buffer.from([1, 0, 0, 0, 0])])
      const grey = (length: number) =>
        pngOf(bits, [pngChunk('IDAT', deflateSync(Buffer.alloc(length)))])
      expect(stripPhotoMetadata(grey(9))).toHaveProperty('mediaType', 'image/png')
      expect(stripPhotoMetadata(grey(10))).toHaveProperty('problem')
    })

    it('refuses a PNG whose stream breaks in its second IDAT chunk', () => {
      const stream = deflateSync(Buffer.from([0, 1, 2, 3]))
      const broken = Buffer.from([0xff, 0xff, 0xff, 0xff])
      const png = pngOf(ihdr(1, 1), [
        pngChunk('IDAT', stream.subarray(0, 2)),
        pngChunk('IDAT', broken),
      ])
      expect(stripPhotoMetadata(png)).toEqual({ problem: 'its PNG image data is broken' })
    })

    it('reads a zlib stream split across IDAT chunks, and keeps the chunks as they are', () => {
      const stream = deflateSync(Buffer.from([0, ...PNG_PIXEL]))
      const png = pngOf(
        ihdr(1, 1),
        [...stream].map((byte) => pngChunk('IDAT', Buffer.from([byte]))),
      )
      expect(clean(png).bytes.equals(png)).toBe(true)
    })

    it('takes large PNGs without inflating them whole', () => {
      // Noise, whose compressed data runs past what is inflated, and a flat image, whose few
      // kilobytes inflate to megabytes.
      let seed = 1
      const noise = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> 24
      const noisy = pngOf(ihdr(600, 400), [pngChunk('IDAT', deflateSync(rgbRows(600, 400, noise)))])
      const flat = pngOf(ihdr(2000, 1000), [
        pngChunk('IDAT', deflateSync(rgbRows(2000, 1000, () => 0xee))),
      ])
      expect(noisy.length).toBeGreaterThan(100_000)
      expect(flat.length).toBeLessThan(20_000)
      for (const png of [noisy, flat]) expect(clean(png).bytes.equals(png)).toBe(true)
    })

    it('refuses a PNG whose header is broken', () => {
      const pixel = pngChunk('IDAT', deflateSync(Buffer.from([0, 0, 0])))
      // RGB in 4 bits a sample does not exist.
      expect(stripPhotoMetadata(pngOf(ihdr(1, 1, 4, 2), [pixel]))).toEqual({
        problem: 'its PNG header is broken',
      })
      // A header cut to its size.
      expect(stripPhotoMetadata(pngOf(ihdr(1, 1).subarray(0, 8), [pixel]))).toEqual({
        problem: 'its PNG header is broken',
      })
    })

    it('needs the palette of a palette PNG before its image data', () => {
      const index = pngChunk('IDAT', deflateSync(Buffer.from([0, 0])))
      const palette = pngChunk('PLTE', Buffer.from(PNG_PIXEL))
      expect(stripPhotoMetadata(pngOf(ihdr(1, 1, 8, 3), [index]))).toEqual({
        problem: 'it is a PNG without its palette',
      })
      expect(clean(pngOf(ihdr(1, 1, 8, 3), [palette, index])).mediaType).toBe('image/png')
    })

    it('refuses a JPEG with only a frame header', () => {
      const frameOnly = Buffer.concat([
        Buffer.from([0xff, 0xd8]),
        segment(0xc0, FRAME),
        Buffer.from([0xff, 0xd9]),
      ])
      expect(frameOnly).toHaveLength(17)
      expect(stripPhotoMetadata(frameOnly)).toEqual({ problem: 'it is a JPEG without image data' })
    })

    it('refuses a JPEG without a quantisation table', () => {
      expect(stripPhotoMetadata(jpegWithout(0xdb))).toEqual({
        problem: 'it is a JPEG without a quantisation table',
      })
    })

    it('refuses a JPEG whose scan comes before its frame header', () => {
      expect(stripPhotoMetadata(jpegWithout(0xc0))).toEqual({
        problem: 'it is a JPEG whose image data comes before its frame header',
      })
    })

    it('refuses a JPEG whose scan holds no data', () => {
      const jpeg = jpegWith()
      const noData = Buffer.concat([jpeg.subarray(0, -3), jpeg.subarray(-2)])
      expect(jpeg[jpeg.length - 3]).toBe(0x3f)
      expect(stripPhotoMetadata(noData)).toEqual({ problem: 'it is a JPEG without image data' })
    })

    const brokenSegments: [string, Buffer][] = [
      ['a quantisation table cut short', segment(0xdb, Buffer.alloc(40))],
      ['a quantisation table numbered 4', segment(0xdb, Buffer.alloc(65, 4))],
    ]
    it.each(brokenSegments)('refuses a JPEG with %s', (_, extra) => {
      expect(stripPhotoMetadata(jpegWith([extra]))).toEqual({
        problem: expect.stringContaining('its JPEG structure is broken in the quantisation table'),
      })
    })

    it('refuses a JPEG whose frame or scan header is cut short', () => {
      const jpeg = Buffer.from(jpegWith())
      const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
      const frameCut = Buffer.from(jpeg)
      frameCut[frame + 9] = 2 // two components, with room for one
      expect(stripPhotoMetadata(frameCut)).toEqual({
        problem: `its JPEG structure is broken in the frame header at byte ${frame}`,
      })
      const scan = jpeg.indexOf(Buffer.from([0xff, 0xda]))
      const scanCut = Buffer.from(jpeg)
      scanCut[scan + 4] = 0 // a scan of no components
      expect(stripPhotoMetadata(scanCut)).toEqual({
        problem: `its JPEG structure is broken in the scan header at byte ${scan}`,
      })
    })
  })

  describe('the size an image claims', () => {
    // A 100-megapixel frame at the side limit, and the largest square within it.
    const longest = PHOTO_MAX_SIDE_PX
    const square = Math.floor(Math.sqrt(PHOTO_MAX_MEGAPIXELS * 1e6))

    it.each([
      ['a phone photo', 4032, 3024],
      ['the longest side allowed', longest, Math.floor((PHOTO_MAX_MEGAPIXELS * 1e6) / longest)],
      ['the largest square allowed', square, square],
    ])('takes %s', (_, width, height) => {
      expect(clean(pngSized(width, height)).mediaType).toBe('image/png')
      expect(clean(jpegSized(width, height)).mediaType).toBe('image/jpeg')
    })

    // A viewer may take its size from either header; only one is allowed.
    it('refuses a PNG with a second header claiming 65,535 × 65,535 pixels', () => {
      const png = pngWith([pngChunk('IHDR', ihdr(65_535, 65_535))])
      expect(stripPhotoMetadata(png)).toEqual({ problem: 'it is a PNG with two IHDR headers' })
    })

    it('refuses a JPEG with a second frame header', () => {
      const jpeg = jpegWith()
      // After the first frame header, which is checked, before the Huffman tables.
      const after = jpeg.indexOf(Buffer.from([0xff, 0xc4]))
      for (const size of [Buffer.from([0, 8, 0, 8]), Buffer.from([0xff, 0xff, 0xff, 0xff])]) {
        const frame = Buffer.concat([FRAME.subarray(0, 1), size, FRAME.subarray(5)])
        for (const marker of [0xc0, 0xc2]) {
          const second = segment(marker, frame)
          const twice = Buffer.concat([jpeg.subarray(0, after), second, jpeg.subarray(after)])
          expect(stripPhotoMetadata(twice)).toEqual({
            problem: 'it is a JPEG with two frame headers',
          })
        }
      }
    })

    it.each([
      ['a side too long', longest + 1, 10],
      ['too many pixels', square + 1, square + 1],
      ['the most a PNG can claim', 2 ** 31 - 1, 2 ** 31 - 1],
      ['the most a JPEG can claim', 65_535, 65_535],
      ['no pixels', 0, 10],
    ])('refuses %s', (_, width, height) => {
      // A JPEG holds its size in two bytes a side.
      const photos = [pngSized(width, height)]
      if (width <= 65_535 && height <= 65_535) photos.push(jpegSized(width, height))
      for (const photo of photos) {
        expect(stripPhotoMetadata(photo)).toEqual({
          problem: expect.stringContaining(`${width.toLocaleString('en')} × `),
        })
      }
    })
  })
})
