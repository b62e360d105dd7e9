import { describe, expect, it } from 'vitest'
import { ImportError } from '../../server/import/import-error.ts'
import { readShapefileFeatures } from '../../server/import/shapefile-reader.ts'
import { writeShapefile } from './support/shapefile-writer.ts'

const refusal = async (shp: Uint8Array): Promise<ImportError> => {
  const error = await readShapefileFeatures(shp, undefined, 'utf-8', 'parcel.shp').then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (error instanceof ImportError) return error
  throw new Error(`expected an ImportError, got ${String(error)}`)
}

describe('readShapefileFeatures on bytes that are no Shapefile', () => {
  it('says an empty or header-less .shp is cut short', async () => {
    for (const shp of [new Uint8Array(0), new Uint8Array(60)]) {
      const error = await refusal(shp)
      expect(error.message).toBe(
        `The .shp is ${shp.length} bytes long, shorter than the 100-byte header every ` +
          'Shapefile starts with: it is empty or cut short.',
      )
    }
  })

  it("gives its own reason, not the reader's JavaScript error, for records cut short", async () => {
    const { shp } = writeShapefile({
      records: [
        { shape: { type: 'point', position: [3, 3] }, attributes: {} },
        { shape: { type: 'point', position: [4, 4] }, attributes: {} },
      ],
      fields: [{ name: 'ID', type: 'N', length: 4 }],
      encoding: 'utf-8',
    })
    // The header and the first record whole, the second one's header and half its point.
    const error = await refusal(shp.subarray(0, 100 + 28 + 8 + 12))
    expect(error.message).toMatch(/^The Shapefile cannot be read after \d records \(/)
    expect(error.message).not.toMatch(/Cannot read properties|undefined|null/)
  })
})
