import { inflateSync } from 'node:zlib'
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
