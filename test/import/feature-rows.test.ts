import type { Feature } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../server/db/database.ts'
import { migrate } from '../../server/db/migrate.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { toFeatureRows, unreadFields } from '../../server/import/feature-rows.ts'
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

    it('names a number too large for a double as the Infinity JSON reads it as', () => {
      // JSON.parse reads 1e400 as Infinity, which JSON itself would write as null.
      const [feature] = (JSON.parse('[{"adcode": 1e400}]') as { adcode: number }[]).map((p) =>
        district(p.adcode),
      )
      expect(refusal('districts', [feature!])).toBe(
        'f.geojson, feature 1, field adcode: Expected an integer in decimal digits, got Infinity.',
      )
    })

    it("refuses an integer beyond PostgreSQL's integer column, naming the field", () => {
      // integer holds -2^31 … 2^31 - 1; a number past it would be refused by the database.
      for (const value of [2 ** 31, -(2 ** 31) - 1, 1e20, '99999999999999999999']) {
        expect(refusal('districts', [district(value)]), String(value)).toBe(
          'f.geojson, feature 1, field adcode: Expected an integer from -2147483648 to ' +
            `2147483647, got ${typeof value === 'string' ? `"${value}"` : String(value)}.`,
        )
      }
      expect(values('districts', [district(2 ** 31 - 1), district(-(2 ** 31))])).toEqual([
        { adcode: 2147483647, name: '衡阳县' },
        { adcode: -2147483648, name: '衡阳县' },
      ])
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

  describe('values of a fixed set', () => {
    // The Chinese forms bureau files write, and the code each stands for, by layer and field.
    const FORMS: [string, string, Record<string, string>][] = [
      [
        'control_units',
        'class',
        {
          优先保护单元: 'priority',
          优先保护: 'priority',
          优先保护类: 'priority',
          重点管控单元: 'key',
          重点管控: 'key',
          重点管控类: 'key',
          一般管控单元: 'general',
          一般管控: 'general',
          一般管控类: 'general',
        },
      ],
      [
        'water_source_zones',
        'level',
        {
          一级保护区: 'level1',
          一级: 'level1',
          二级保护区: 'level2',
          二级: 'level2',
          准保护区: 'quasi',
        },
      ],
      [
        'nature_reserve_zones',
        'zone',
        { 核心区: 'core', 缓冲区: 'buffer', 实验区: 'experimental', 试验区: 'experimental' },
      ],
      ['industrial_parks', 'park_level', { 国家级: 'national', 省级: 'provincial' }],
      [
        'no_raising_zones',
        'kind',
        {
          禁养区: 'no_raising',
          禁止养殖区: 'no_raising',
          限养区: 'restricted',
          限制养殖区: 'restricted',
        },
      ],
      [
        'facilities',
        'kind',
        {
          入河排污口: 'outfall',
          排污口: 'outfall',
          养殖场: 'farm',
          畜禽养殖场: 'farm',
          取水口: 'intake',
        },
      ],
    ]
    /** A feature of `layer` whose other required attributes hold something plausible. */
    const complete = (layer: string, field: string, value: unknown) => {
      const properties: Record<string, unknown> = {}
      for (const attribute of layers.get(layer)!.attributes) {
        if (attribute.required) properties[attribute.name] = attribute.type === 'text' ? 'x' : 1
      }
      if (layer === 'control_units') properties.code = 'ZH43042110001'
      return { ...properties, [field]: value }
    }
    const point = (properties: Record<string, unknown>): Feature => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: [112.6, 26.88] },
    })
    const stored = (layer: string, field: string, values: unknown[]) => {
      const features = values.map((value) => complete(layer, field, value))
      const catalogued = layers.get(layer)!
      const made = catalogued.geometryKind === 'point' ? features.map(point) : features.map(feature)
      return toFeatureRows(catalogued, made, 'f.geojson').map((row) => row.values[field])
    }

    it('stores the code for each Chinese form, and for the code itself', () => {
      for (const [layer, field, forms] of FORMS) {
        const codes = [...new Set(Object.values(forms))]
        expect(stored(layer, field, Object.keys(forms)), `${layer}.${field}`).toEqual(
          Object.values(forms),
        )
        expect(stored(layer, field, codes), `${layer}.${field}`).toEqual(codes)
      }
    })

    it('takes a form padded with spaces, under a Chinese field name', () => {
      const unit = { 单元编码: 'ZH43042110001', 单元名称: '测试单元', 区县代码: 430421 }
      expect(values('control_units', [{ ...unit, 管控类别: ' 优先保护单元 ' }])).toEqual([
        {
          code: 'ZH43042110001',
          name: '测试单元',
          class: 'priority',
          district_adcode: 430421,
          area_km2: null,
        },
      ])
    })

    it('refuses a value that matches nothing, listing the codes with their Chinese forms', () => {
      const refused = (layer: string, field: string, value: string) =>
        refusal(layer, [complete(layer, field, value)])
      expect(refused('control_units', 'class', '优先')).toBe(
        'f.geojson, feature 1, field class: The value "优先" is not allowed: the column takes ' +
          'priority (优先保护单元, 优先保护, 优先保护类), key (重点管控单元, 重点管控, 重点管控类) ' +
          'or general (一般管控单元, 一般管控, 一般管控类).',
      )
      expect(refused('water_source_zones', 'level', 'Level1')).toBe(
        'f.geojson, feature 1, field level: The value "Level1" is not allowed: the column takes ' +
          'level1 (一级保护区, 一级), level2 (二级保护区, 二级) or quasi (准保护区).',
      )
      expect(refused('nature_reserve_zones', 'zone', '核心')).toBe(
        'f.geojson, feature 1, field zone: The value "核心" is not allowed: the column takes ' +
          'core (核心区), buffer (缓冲区) or experimental (实验区, 试验区).',
      )
    })

    it('leaves text outside a fixed set as it is', () => {
      const zone = { reserve_name: '南岳衡山', reserve_level: '国家级', zone: '核心区' }
      expect(values('nature_reserve_zones', [zone])).toEqual([
        { reserve_name: '南岳衡山', reserve_level: '国家级', zone: 'core' },
      ])
    })

    it('gives each attribute of a fixed set the codes its table allows', async () => {
      // The sets the tables' CHECK constraints list, read from the database.
      const checks = await db.query<{ table: string; definition: string }>(
        `SELECT conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS definition
           FROM pg_constraint WHERE contype = 'c' AND pg_get_constraintdef(oid) LIKE '%ANY%'`,
      )
      const checked = new Map<string, string[]>()
      for (const { table, definition } of checks) {
        const column = /^CHECK \(\(+(\w+)/.exec(definition)?.[1]
        const codes = [...definition.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!)
        checked.set(`${table}.${column}`, codes)
      }
      const catalogued = new Map<string, string[]>()
      for (const layer of layers.values()) {
        for (const attribute of layer.attributes) {
          if (!attribute.values) continue
          const codes = attribute.values.map((v) => v.code)
          catalogued.set(`${layer.tableName}.${attribute.name}`, codes)
        }
      }
      const layerTables = new Set([...layers.values()].map((l) => l.tableName))
      const layerChecks = [...checked].filter(([key]) => layerTables.has(key.split('.')[0]!))
      expect(new Map(layerChecks)).toEqual(catalogued)
      expect([...catalogued.keys()].sort()).toEqual(
        FORMS.map(([layer, field]) => `${layer}.${field}`).sort(),
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

    it('refuses text longer than 500 characters, counting characters, not UTF-16 units', () => {
      const long = '衡'.repeat(501)
      expect(refusal('districts', [{ adcode: 430421, name: long }])).toBe(
        'f.geojson, feature 1, field name: The text is 501 characters long; an attribute ' +
          'holds at most 500.',
      )
      // 500 characters outside the Basic Multilingual Plane are 1,000 UTF-16 units, and fit.
      const astral = '𠀀'.repeat(500)
      expect(values('districts', [{ adcode: 430421, name: astral }])[0]!.name).toBe(astral)
    })

    it('refuses fields of one attribute that differ, whichever comes first', () => {
      expect(refusal('districts', [{ adcode: 430421, NAME: '甲', 名称: '乙', name: '丙' }])).toBe(
        'f.geojson, feature 1, field name: Fields name and NAME are both read as name and ' +
          'differ ("丙" and "甲"): keep one of them.',
      )
      // The same value twice, or a fixed value as its code and as its Chinese form, is one.
      expect(values('districts', [{ adcode: 430421, NAME: '衡阳县 ', name: '衡阳县' }])).toEqual([
        { adcode: 430421, name: '衡阳县' },
      ])
      const zone = { name: '湘江', source_name: '湘江', level: 'level1', 级别: '一级保护区' }
      expect(values('water_source_zones', [zone])[0]!.level).toBe('level1')
    })
  })

  describe('unreadFields', () => {
    it('lists the fields no attribute reads, by name, alias or cut name, in any case', () => {
      const features = [
        feature({ NAME: '湘江', 水源地: '湘江', level: 'level1', Shape_Area: 1.5 }),
        feature({ name: '耒水', source_nam: '耒水', 级别: '一级', 备注: '', UNIT_CODE: 'x' }),
        feature({ name: '蒸水', source_name: '蒸水', LEVEL: 'level2', shape_area: 2 }),
      ]
      expect(unreadFields(layers.get('water_source_zones')!, features)).toEqual([
        'Shape_Area',
        '备注',
        'UNIT_CODE',
        'shape_area',
      ])
      expect(
        unreadFields(layers.get('districts')!, [feature({ adcode: 1, 名称: '衡阳县' })]),
      ).toEqual([])
    })
  })
})
