import { describe, expect, it } from 'vitest'
import { countShpVertices } from '../../../server/admission/site-input/shapefile-site.ts'
import { writeShapefile, type Ring } from '../../import/support/shapefile-writer.ts'

const square: Ring = [
  [0, 0],
  [0, 1],
  [1, 1],
  [1, 0],
  [0, 0],
]
const hole: Ring = [
  [0.2, 0.2],
  [0.8, 0.2],
  [0.8, 0.8],
  [0.2, 0.2],
]

describe('countShpVertices', () => {
  it('adds up the points the records declare, without reading their shapes', () => {
    const { shp } = writeShapefile({
      records: [
        { shape: { type: 'polygon', rings: [square, hole] }, attributes: {} },
        { shape: { type: 'point', position: [3, 3] }, attributes: {} },
        { shape: { type: 'null' }, attributes: {} },
        { shape: { type: 'polygon', rings: [square] }, attributes: {} },
      ],
      fields: [{ name: 'ID', type: 'N', length: 4 }],
      encoding: 'utf-8',
    })
    // 5 + 4 positions, 1 point, none, 5 positions.
    expect(countShpVertices(shp)).toBe(15)
  })

  it('counts what a file cut short holds, and nothing of a bare header', () => {
    const { shp } = writeShapefile({
      records: [
        { shape: { type: 'point', position: [3, 3] }, attributes: {} },
        { shape: { type: 'polygon', rings: [square] }, attributes: {} },
      ],
      fields: [{ name: 'ID', type: 'N', length: 4 }],
      encoding: 'utf-8',
    })
    // The point record is 8 + 20 bytes; the polygon's header is cut before its point count.
    expect(countShpVertices(shp.subarray(0, 100 + 28 + 8 + 20))).toBe(1)
    expect(countShpVertices(shp.subarray(0, 100))).toBe(0)
  })
})
