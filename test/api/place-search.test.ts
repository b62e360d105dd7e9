import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'
import { schemaErrors } from './openapi-schema.ts'

// The fixture (test/fixtures/dataset) has one district, 衡阳县 (430421), three units named
// 测试…单元 and one park, 测试工业园; expected extents are read from its files.

type Box = [number, number, number, number]

interface Hit {
  kind: string
  code: string | null
  id: number
  name: string
  class: string | null
  district_name: string | null
  bbox: Box
  point: [number, number]
}

interface SearchBody {
  q: string
  limit: number
  hits: Hit[]
  more: boolean
}

interface ErrorBody {
  error: { code: string; message: string; field?: string }
}

function fixtureExtent(layer: string, key: string, value: unknown): Box {
  const collection = JSON.parse(
    readFileSync(path.join(FIXTURE_DATASET, `${layer}.geojson`), 'utf8'),
  ) as { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] }
  const feature = collection.features.find((f) => f.properties[key] === value)!
  const numbers = JSON.stringify(feature.geometry.coordinates)
    .match(/-?[\d.]+/g)!
    .map(Number)
  const lons = numbers.filter((_, i) => i % 2 === 0)
  const lats = numbers.filter((_, i) => i % 2 === 1)
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]
}

const inside = ([lon, lat]: [number, number], [w, s, e, n]: Box) =>
  lon > w && lon < e && lat > s && lat < n

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`GET /api/search ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const search = async (query: string) => {
      const response = await server.get(`/api/search?${query}`)
      const body = (await response.json()) as SearchBody
      expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(200)
      expect(schemaErrors('/api/search', 200, body)).toEqual([])
      return body
    }
    const names = (body: SearchBody) => body.hits.map((hit) => hit.name)
    const q = (text: string) => `q=${encodeURIComponent(text)}`

    it('finds a unit by its exact code, with class, district, extent and inner point', async () => {
      const body = await search(q('ZH43042120001'))
      expect(body.hits).toHaveLength(1)
      const [hit] = body.hits
      expect(hit).toMatchObject({
        kind: 'unit',
        code: 'ZH43042120001',
        name: '测试重点管控单元',
        class: 'key',
        district_name: '衡阳县',
      })
      expect(hit!.bbox).toEqual(fixtureExtent('control_units', 'code', 'ZH43042120001'))
      expect(inside(hit!.point, hit!.bbox)).toBe(true)
    })

    // [case, q, names in order]
    const searches: [string, string, string[]][] = [
      [
        'puts a name prefix before longer names, the park before the units',
        '测试',
        ['测试工业园', '测试一般管控单元', '测试优先保护单元', '测试重点管控单元'],
      ],
      ['finds a park by part of its name', '工业', ['测试工业园']],
      ['finds a district by its exact name', '衡阳县', ['衡阳县']],
      [
        'puts the exact code (a district’s) before codes containing it',
        '430421',
        ['衡阳县', '测试一般管控单元', '测试优先保护单元', '测试重点管控单元'],
      ],
      ['reads codes in any case and matches them by prefix', 'zh4304211', ['测试优先保护单元']],
      [
        'ranks an exact name before names merely containing it',
        '测试优先保护单元',
        ['测试优先保护单元'],
      ],
      ['trims the text', '  工业园  ', ['测试工业园']],
      ['treats % as a plain character', '%', []],
      ['treats _ as a plain character', '_', []],
      ['treats a pattern as plain text', '测试%', []],
      ['does not let _ stand for a character', '测_', []],
      ['treats a backslash as a plain character', '\\', []],
      ['answers an empty list when nothing matches', '长沙', []],
    ]
    it.each(searches)('%s', async (_, text, expected) => {
      const body = await search(q(text))
      expect(names(body)).toEqual(expected)
      expect(body.q).toBe(text.trim())
    })

    it('gives a park and a district their kind, id and extent', async () => {
      const [park] = (await search(q('测试工业园'))).hits
      expect(park).toMatchObject({ kind: 'park', code: null, class: null, district_name: null })
      expect(park!.bbox).toEqual(fixtureExtent('industrial_parks', 'name', '测试工业园'))
      expect(inside(park!.point, park!.bbox)).toBe(true)
      const [row] = await server.db.query<{ id: number }>(
        "SELECT id FROM industrial_parks WHERE name = '测试工业园'",
      )
      expect(park!.id).toBe(row!.id)

      const [district] = (await search(q('衡阳县'))).hits
      expect(district).toMatchObject({ kind: 'district', code: '430421', class: null })
      expect(district!.bbox).toEqual(fixtureExtent('districts', 'adcode', 430421))
    })

    it('lists at most limit places and says whether there are more', async () => {
      const first = await search(`${q('测试')}&limit=2`)
      expect(names(first)).toEqual(['测试工业园', '测试一般管控单元'])
      expect(first.more).toBe(true)
      expect(first.limit).toBe(2)
      const all = await search(`${q('测试')}&limit=4`)
      expect(all.more).toBe(false)
      expect((await search(q('测试'))).limit).toBe(10)
    })

    it('runs SQL text as nothing but text', async () => {
      const body = await search(q("'; DROP TABLE control_units; --"))
      expect(body.hits).toEqual([])
      const [row] = await server.db.query<{ units: number }>(
        'SELECT count(*)::integer AS units FROM control_units',
      )
      expect(row!.units).toBe(3)
    })

    it('matches full-width letters and digits with plain ones, either way round', async () => {
      // Parks named in full-width forms, as some bureau files write them, and in plain ones;
      // gone after the test.
      const parks = ['测试园区Ａ２', '测试园区B3']
      for (const name of parks) {
        await server.db.query(
          `INSERT INTO industrial_parks (name, park_level, leading_industries, unit_code, geom)
           SELECT $1, park_level, leading_industries, unit_code, geom
             FROM industrial_parks LIMIT 1`,
          [name],
        )
      }
      try {
        for (const typed of ['园区a2', '园区Ａ２', '测试园区ａ2']) {
          expect(names(await search(q(typed))), typed).toEqual(['测试园区Ａ２'])
        }
        for (const typed of ['园区Ｂ３', '园区ｂ3', '园区b3']) {
          expect(names(await search(q(typed))), typed).toEqual(['测试园区B3'])
        }
      } finally {
        await server.db.query('DELETE FROM industrial_parks WHERE name = ANY($1)', [parks])
      }
    })

    it('takes 50 characters, Chinese ones too', async () => {
      expect((await search(q('测'.repeat(50)))).hits).toEqual([])
      expect((await search(q('x'.repeat(50)))).hits).toEqual([])
    })

    describe('bad input', () => {
      // [what, error code, field, query string]
      const cases: [string, string, string, string][] = [
        ['no q', 'PARAMETER_MISSING', 'q', ''],
        ['an empty q', 'PARAMETER_MISSING', 'q', 'q='],
        ['a q of spaces', 'PARAMETER_MISSING', 'q', 'q=%20%20%20'],
        ['51 characters', 'PARAMETER_TOO_LONG', 'q', q('x'.repeat(51))],
        ['51 Chinese characters', 'PARAMETER_TOO_LONG', 'q', q('测'.repeat(51))],
        ['a control character', 'PARAMETER_INVALID', 'q', 'q=%00'],
        ['q twice', 'PARAMETER_REPEATED', 'q', 'q=a&q=b'],
        ['a parameter it does not take', 'PARAMETER_UNKNOWN', 'kind', `${q('测试')}&kind=park`],
        ['a limit of 0', 'LIMIT_INVALID', 'limit', `${q('测试')}&limit=0`],
        ['a limit of 21', 'LIMIT_INVALID', 'limit', `${q('测试')}&limit=21`],
        ['a limit not a number', 'LIMIT_INVALID', 'limit', `${q('测试')}&limit=ten`],
        ['a fractional limit', 'LIMIT_INVALID', 'limit', `${q('测试')}&limit=1.5`],
      ]
      it.each(cases)('%s answers 400 %s', async (_, code, field, query) => {
        const response = await server.get(`/api/search?${query}`)
        const body = (await response.json()) as ErrorBody
        expect(response.status).toBe(400)
        expect(body.error.code).toBe(code)
        expect(body.error.field).toBe(field)
        expect(schemaErrors('/api/search', 400, body)).toEqual([])
      })
    })
  })
}
