import type { Feature } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db/database.ts'
import { migrate } from '../../server/db/migrate.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { toFeatureRows } from '../../server/import/feature-rows.ts'
import { ImportError } from '../../server/import/import-error.ts'
import { readLayers, type Layer } from '../../server/tiles/layer-catalog.ts'

// The layers are the catalogue as the migrations write it, read from an embedded database; the
// expected values are written out by hand.

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [112.6, 26.88],
      [112.61, 26.88],
      [112.61, 26.89],
      [112.6, 26.88],
    ],
  ],
}
const feature = (properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties,
  geometry: square,
})

describe('toFeatureRows', () => {
  let db: Database
  const layers = new Map<string, Layer>()
  beforeAll(async () => {
    db = await openDatabase({})
    await migrate(db)
    for (const layer of await readLayers(db)) layers.set(layer.name, layer)
  })
  afterAll(async () => {
    await db?.close()
  })

  /** The values of each feature of `layer`, converted. */
  const values = (layer: string, properties: Record<string, unknown>[]) =>
    toFeatureRows(layers.get(layer)!, properties.map(feature), 'f.geojson').map((r) => r.values)
  /** The refusal of the features, as an operator reads it. */
  const refusal = (layer: string, properties: Record<string, unknown>[]) => {
    try {
      values(layer, properties)
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError)
      return (error as ImportError).describe()
    }
    throw new Error('the features were taken')
  }

  describe('numbers', () => {
    const district = (adcode: unknown) => ({ adcode, name: '衡阳县' })

    it('takes decimal digits, in text too, with spaces around them', () => {
      expect(
        values('districts', [district(430421), district('430421'), district(' 430422 ')]),
      ).toEqual([
        { adcode: 430421, name: '衡阳县' },
        { adcode: 430421, name: '衡阳县' },
        { adcode: 430422, name: '衡阳县' },
      ])
    })

    it('refuses a blank integer as missing, not 0', () => {
      for (const blank of ['  ', '\t', '\u3000']) {
        expect(refusal('districts', [district(430421), district(blank)]), blank).toBe(
          'f.geojson, feature 2, field adcode: Required attribute adcode (or ADCODE, ' +
            '行政区划代码, 区划代码) is missing: adcode is blank.',
        )
      }
    })

    it('refuses hexadecimal, binary, octal, exponents and Infinity', () => {
      // What Number() would have read them as: 429893, 5, 15, 430000 and Infinity.
      for (const text of ['0x68F45', '0b101', '0o17', '4.3e5', 'Infinity', '430421abc']) {
        expect(refusal('districts', [district(text)]), text).toBe(
          `f.geojson, feature 1, field adcode: Expected an integer in decimal digits, ` +
            `got "${text}".`,
        )
      }
    })

    it('leaves a blank optional number empty, not 0', () => {
      const unit = {
        code: 'ZH43042110001',
        name: '测试单元',
        class: 'priority',
        district_adcode: '430421',
        area_km2: '   ',
      }
      expect(values('control_units', [unit])).toEqual([
        {
          code: 'ZH43042110001',
          name: '测试单元',
          class: 'priority',
          district_adcode: 430421,
          area_km2: null,
        },
      ])
      expect(refusal('control_units', [{ ...unit, area_km2: '0x10' }])).toBe(
        'f.geojson, feature 1, field area_km2: Expected a number in decimal digits, got "0x10".',
      )
    })
  })

  describe('text', () => {
    it('refuses blank required text as missing, naming the blank field', () => {
      for (const blank of ['   ', '\u3000\u3000', '\u0000\u0000']) {
        expect(refusal('districts', [{ adcode: 430421, NAME: blank }]), blank).toBe(
          'f.geojson, feature 1, field name: Required attribute name (or NAME, 名称, 区县名称) ' +
            'is missing: NAME is blank.',
        )
      }
    })

    it('reads a blank field past to the next name that holds the attribute', () => {
      expect(values('districts', [{ adcode: 430421, name: '  ', 名称: '衡阳县' }])).toEqual([
        { adcode: 430421, name: '衡阳县' },
      ])
    })
  })
})
