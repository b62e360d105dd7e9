// A small Shapefile writer for test fixtures, from the ESRI Shapefile Technical Description
// (1998) and the dBASE III file layout: polygons or points, character and numeric fields, text
// in any encoding iconv-lite knows (GBK for bureau files), and records marked deleted.

import iconv from 'iconv-lite'

/** A ring: [x, y] positions, closed (the last equals the first). */
export type Ring = [number, number][]

export type ShapeRecord =
  | { type: 'polygon'; rings: Ring[] }
  | { type: 'point'; position: [number, number] }
  | { type: 'null' }

export interface DbfField {
  name: string
  type: 'C' | 'N'
  length: number
  decimals?: number
}

export interface ShapefileContent {
  records: {
    shape: ShapeRecord
    attributes: Record<string, string | number | null>
    /** Marks the record deleted in the .dbf (`*` for its flag), as dBase does until packing. */
    deleted?: boolean
  }[]
  fields: DbfField[]
  /** Encoding of the .dbf text, field names included. */
  encoding: string
}

const SHAPE_TYPE = { null: 0, point: 1, polygon: 5 }
const HEADER_BYTES = 100

/**
 * Writes .shp, .shx and .dbf. Polygon rings are written as given: callers order outer rings
 * clockwise and holes counter-clockwise, as the format requires.
 */
export function writeShapefile(content: ShapefileContent): {
  shp: Buffer
  shx: Buffer
  dbf: Buffer
} {
  const shapes = content.records.map((r) => shapeContent(r.shape))
  const kinds = new Set(content.records.map((r) => r.shape.type).filter((t) => t !== 'null'))
  const fileType = SHAPE_TYPE[([...kinds][0] ?? 'null') as keyof typeof SHAPE_TYPE]
  const box = boundingBox(content.records.map((r) => r.shape))

  const shpLength = HEADER_BYTES + shapes.reduce((sum, s) => sum + 8 + s.length, 0)
  const shp = Buffer.concat([
    mainHeader(shpLength, fileType, box),
    ...shapes.flatMap((s, i) => [recordHeader(i + 1, s.length), s]),
  ])

  const index: Buffer[] = []
  let offset = HEADER_BYTES
  for (const s of shapes) {
    const entry = Buffer.alloc(8)
    entry.writeInt32BE(offset / 2, 0)
    entry.writeInt32BE(s.length / 2, 4)
    index.push(entry)
    offset += 8 + s.length
  }
  const shx = Buffer.concat([mainHeader(HEADER_BYTES + 8 * shapes.length, fileType, box), ...index])

  return { shp, shx, dbf: writeDbf(content) }
}

function mainHeader(byteLength: number, shapeType: number, box: number[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES)
  header.writeInt32BE(9994, 0)
  header.writeInt32BE(byteLength / 2, 24)
  header.writeInt32LE(1000, 28)
  header.writeInt32LE(shapeType, 32)
  box.forEach((value, i) => header.writeDoubleLE(value, 36 + 8 * i))
  return header
}

function recordHeader(number: number, contentLength: number): Buffer {
  const header = Buffer.alloc(8)
  header.writeInt32BE(number, 0)
  header.writeInt32BE(contentLength / 2, 4)
  return header
}

function shapeContent(shape: ShapeRecord): Buffer {
  if (shape.type === 'null') {
    const content = Buffer.alloc(4)
    content.writeInt32LE(SHAPE_TYPE.null, 0)
    return content
  }
  if (shape.type === 'point') {
    const content = Buffer.alloc(20)
    content.writeInt32LE(SHAPE_TYPE.point, 0)
    content.writeDoubleLE(shape.position[0], 4)
    content.writeDoubleLE(shape.position[1], 12)
    return content
  }

  const points = shape.rings.flat()
  const content = Buffer.alloc(44 + 4 * shape.rings.length + 16 * points.length)
  content.writeInt32LE(SHAPE_TYPE.polygon, 0)
  boundingBox([shape]).forEach((value, i) => content.writeDoubleLE(value, 4 + 8 * i))
  content.writeInt32LE(shape.rings.length, 36)
  content.writeInt32LE(points.length, 40)
  let start = 0
  shape.rings.forEach((ring, i) => {
    content.writeInt32LE(start, 44 + 4 * i)
    start += ring.length
  })
  const pointsAt = 44 + 4 * shape.rings.length
  points.forEach(([x, y], i) => {
    content.writeDoubleLE(x, pointsAt + 16 * i)
    content.writeDoubleLE(y, pointsAt + 16 * i + 8)
  })
  return content
}

/** [xmin, ymin, xmax, ymax] of the shapes' positions; zeros when there are none. */
function boundingBox(shapes: ShapeRecord[]): number[] {
  const positions = shapes.flatMap((s) =>
    s.type === 'polygon' ? s.rings.flat() : s.type === 'point' ? [s.position] : [],
  )
  if (positions.length === 0) return [0, 0, 0, 0]
  const xs = positions.map((p) => p[0])
  const ys = positions.map((p) => p[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

function writeDbf(content: ShapefileContent): Buffer {
  const { fields, records, encoding } = content
  const headerLength = 32 + 32 * fields.length + 1
  const recordLength = 1 + fields.reduce((sum, f) => sum + f.length, 0)

  const header = Buffer.alloc(32)
  header.writeUInt8(0x03, 0)
  header.writeUInt8(124, 1)
  header.writeUInt8(1, 2)
  header.writeUInt8(1, 3)
  header.writeUInt32LE(records.length, 4)
  header.writeUInt16LE(headerLength, 8)
  header.writeUInt16LE(recordLength, 10)

  const descriptors = fields.map((field) => {
    const descriptor = Buffer.alloc(32)
    const name = iconv.encode(field.name, encoding)
    if (name.length > 10) throw new Error(`dBASE field names take 10 bytes: ${field.name}`)
    name.copy(descriptor, 0)
    descriptor.write(field.type, 11, 'latin1')
    descriptor.writeUInt8(field.length, 16)
    descriptor.writeUInt8(field.decimals ?? 0, 17)
    return descriptor
  })

  const rows = records.map((record) => {
    const row = Buffer.alloc(recordLength, 0x20)
    if (record.deleted) row.write('*', 0, 'latin1')
    let at = 1
    for (const field of fields) {
      const value = record.attributes[field.name]
      const text = value === null || value === undefined ? '' : String(value)
      const bytes = iconv.encode(text, encoding)
      if (bytes.length > field.length) throw new Error(`${text} is longer than ${field.name}`)
      // Numbers are right-aligned, text left-aligned, both padded with spaces.
      bytes.copy(row, field.type === 'N' ? at + field.length - bytes.length : at)
      at += field.length
    }
    return row
  })

  return Buffer.concat([header, ...descriptors, Buffer.from([0x0d]), ...rows, Buffer.from([0x1a])])
}
