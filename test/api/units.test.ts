import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { metresPerDegreeLon, rectangleArea } from '../support/geodesy.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'
import { schemaErrors } from './openapi-schema.ts'

// Expected answers come from the fixture's own files (see test/fixtures/dataset/README.md):
// every shape in it is a lon/lat rectangle, a ring of two, a meridian or a point, so what a
// unit holds and which rules reach it can be read off their extents. Areas come from PostGIS
// in the test's own query and from the rectangle formula of test/support/geodesy.ts.

type Box = [number, number, number, number]

interface FixtureFeature {
  properties: Record<string, unknown>
  geometry: { type: string; coordinates: unknown }
}

interface FixtureRule {
  code: string
  unit_code?: string
  unit_class?: string
  layer?: string
  layer_filter?: Record<string, string>
  within_m?: number
  dimension: string
}

interface UnitBody {
  code: string
  name: string
  class: string
  district_adcode: number
  district_name: string | null
  area_km2: number
  bbox: Box
  point: [number, number]
  zones: {
    layer: string
    id: number
    properties: Record<string, unknown>
    overlap_m2: number
    share: number
  }[]
  rules: {
    code: string
    dimension: string
    scope: { kind: string; zone_name?: string | null; distance_m?: number }
  }[]
  dataset: { illustrative: boolean }
}

interface ErrorBody {
  error: { code: string; message: string; field?: string }
}

const fixture = <T>(file: string): T =>
  JSON.parse(readFileSync(path.join(FIXTURE_DATASET, file), 'utf8')) as T
const features = (layer: string) =>
  fixture<{ features: FixtureFeature[] }>(`${layer}.geojson`).features
const RULES = fixture<FixtureRule[]>('rules.json')
const UNITS = features('control_units')

function extent(feature: FixtureFeature): Box {
  const numbers = JSON.stringify(feature.geometry.coordinates)
    .match(/-?[\d.]+/g)!
    .map(Number)
  const lons = numbers.filter((_, i) => i % 2 === 0)
  const lats = numbers.filter((_, i) => i % 2 === 1)
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]
}

/** Whether two boxes share an area, not merely an edge. */
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]

const matches = (feature: FixtureFeature, filter: Record<string, string> | undefined) =>
  Object.entries(filter ?? {}).every(([key, value]) => feature.properties[key] === value)

/**
 * Metres from a box to a meridian segment (the fixture's river), measured along the box's
 * northern edge, where a degree of longitude is shortest.
 */
function metresToMeridian(box: Box, river: Box): number {
  const lon = river[0]
  if (lon >= box[0] && lon <= box[2]) return 0
  const gap = Math.min(Math.abs(lon - box[0]), Math.abs(lon - box[2]))
  return gap * metresPerDegreeLon(Math.min(box[3], river[3]))
}

/** The rule codes the access list brings into a unit, worked out from the fixture's files. */
function expectedRules(unit: FixtureFeature): string[] {
  const box = extent(unit)
  return RULES.filter((rule) => {
    if (rule.unit_code) return rule.unit_code === unit.properties.code
    if (rule.unit_class) return rule.unit_class === unit.properties.class
    const candidates = features(rule.layer!).filter((f) => matches(f, rule.layer_filter))
    if (rule.within_m !== undefined) {
      return candidates.some((f) => metresToMeridian(box, extent(f)) <= rule.within_m!)
    }
    return candidates.some((f) => overlaps(box, extent(f)))
  })
    .map((rule) => rule.code)
    .sort()
}

const unitOf = (code: string) => UNITS.find((unit) => unit.properties.code === code)!

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`GET /api/units/{code} ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const unit = async (code: string) => {
      const response = await server.get(`/api/units/${code}`)
      const body = (await response.json()) as UnitBody
      expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(200)
      expect(schemaErrors('/api/units/{code}', 200, body)).toEqual([])
      return body
    }

    it('gives the unit its facts, its extent and a point inside it', async () => {
      const body = await unit('ZH43042110001')
      const expected = unitOf('ZH43042110001')

      expect(body.code).toBe('ZH43042110001')
      expect(body.name).toBe(expected.properties.name)
      expect(body.class).toBe('priority')
      expect(body.district_adcode).toBe(430421)
      expect(body.district_name).toBe('衡阳县')
      expect(body.bbox).toEqual(extent(expected))
      const [lon, lat] = body.point
      expect(
        lon > body.bbox[0] && lon < body.bbox[2] && lat > body.bbox[1] && lat < body.bbox[3],
      ).toBe(true)
      expect(body.dataset.illustrative).toBe(true)
    })

    it('measures the area on the ellipsoid, as PostGIS geography does', async () => {
      for (const feature of UNITS) {
        const code = String(feature.properties.code)
        const body = await unit(code)
        const [row] = await server.db.query<{ km2: number }>(
          'SELECT ST_Area(geom::geography) / 1e6 AS km2 FROM control_units WHERE code = $1',
          [code],
        )
        expect(body.area_km2).toBeCloseTo(row!.km2, 6)
        // The authalic-sphere rectangle is within 0.2% of the ellipsoid.
        const sphere = rectangleArea(...extent(feature)) / 1e6
        expect(Math.abs(body.area_km2 - sphere) / sphere).toBeLessThan(0.003)
      }
    })

    it('lists the zones overlapping the unit, largest first, with their share of it', async () => {
      const body = await unit('ZH43042110001')
      const levels = body.zones.map((zone) => zone.properties.level ?? zone.properties.zone)
      expect(body.zones.map((zone) => zone.layer)).toEqual([
        'water_source_zones',
        'water_source_zones',
        'nature_reserve_zones',
      ])
      expect(levels).toEqual(['level2', 'level1', 'core'])

      const unitArea = rectangleArea(112, 27, 112.1, 27.1)
      const level1 = rectangleArea(112.02, 27.02, 112.04, 27.04)
      const level2 = rectangleArea(112.01, 27.01, 112.05, 27.05) - level1
      const core = rectangleArea(112.06, 27.06, 112.08, 27.08)
      for (const [zone, area] of [level2, level1, core].map(
        (a, i) => [body.zones[i]!, a] as const,
      )) {
        expect(Math.abs(zone.overlap_m2 - area) / area).toBeLessThan(0.003)
        expect(zone.share).toBeCloseTo(area / unitArea, 3)
      }
    })

    it('lists each zone with the unit it lies in and no other', async () => {
      const key = await unit('ZH43042120001')
      expect(key.zones.map((zone) => zone.properties.name)).toEqual(['测试工业园'])
      expect(key.zones[0]!.share).toBeCloseTo(
        rectangleArea(112.16, 27.06, 112.19, 27.09) / rectangleArea(112.1, 27.05, 112.2, 27.1),
        3,
      )
      const general = await unit('ZH43042130001')
      expect(general.zones.map((zone) => zone.layer)).toEqual(['no_raising_zones'])
    })

    it('leaves out a zone that only borders the unit', async () => {
      // An ecological space in the general unit along its edge with the key unit; no rule
      // names the layer, so no other answer changes while it is there.
      const [row] = await server.db.query<{ id: number }>(
        `INSERT INTO ecological_space (name, geom)
         VALUES ('测试边界生态空间',
                 ST_Multi(ST_MakeEnvelope(112.12, 27.0, 112.14, 27.05, 4326)))
         RETURNING id`,
      )
      try {
        const key = await unit('ZH43042120001')
        expect(key.zones.map((zone) => zone.layer)).not.toContain('ecological_space')
        const general = await unit('ZH43042130001')
        const space = general.zones.find((zone) => zone.layer === 'ecological_space')
        expect(space?.share).toBeCloseTo(
          rectangleArea(112.12, 27.0, 112.14, 27.05) / rectangleArea(112.1, 27.0, 112.2, 27.05),
          3,
        )
      } finally {
        await server.db.query('DELETE FROM ecological_space WHERE id = $1', [row!.id])
      }
    })

    it('brings the rules of the unit, its class, its zones and distances in reach', async () => {
      for (const feature of UNITS) {
        const body = await unit(String(feature.properties.code))
        const codes = body.rules.map((rule) => rule.code)
        expect(codes, String(feature.properties.code)).toEqual(expectedRules(feature))

        // Counted by dimension, as the page groups them.
        const byDimension = (list: { dimension: string }[]) =>
          Object.fromEntries(
            ['spatial_layout', 'emission_control', 'risk_prevention', 'resource_efficiency'].map(
              (d) => [d, list.filter((rule) => rule.dimension === d).length],
            ),
          )
        const expected = RULES.filter((rule) => codes.includes(rule.code))
        expect(byDimension(body.rules)).toEqual(byDimension(expected))
      }
    })

    it('says what brought each rule and where in the unit it applies', async () => {
      const priority = await unit('ZH43042110001')
      const scope = (body: UnitBody, code: string) =>
        body.rules.find((rule) => rule.code === code)?.scope
      expect(scope(priority, 'T08')?.kind).toBe('unit')
      expect(scope(priority, 'T07')?.kind).toBe('class')
      expect(scope(priority, 'T01')).toMatchObject({
        kind: 'zone',
        zone_name: '测试水源一级保护区',
      })

      // The river runs through the key unit: the 1 km rule reaches part of it, at distance 0.
      const key = await unit('ZH43042120001')
      expect(scope(key, 'T03')).toMatchObject({ kind: 'distance', distance_m: 0 })
    })

    it('reads the code in any case and with spaces around it', async () => {
      expect((await unit('zh43042130001')).code).toBe('ZH43042130001')
      expect((await unit('%20ZH43042130001%20')).code).toBe('ZH43042130001')
    })

    describe('bad input', () => {
      // [what, status, error code, path segment]
      const cases: [string, number, string, string][] = [
        ['an unknown code', 404, 'UNIT_NOT_FOUND', 'ZH43042199999'],
        ['a digit short', 400, 'UNIT_CODE_INVALID', 'ZH4304211000'],
        ['a digit too many', 400, 'UNIT_CODE_INVALID', 'ZH430421100011'],
        ['another prefix', 400, 'UNIT_CODE_INVALID', 'XX43042110001'],
        ['an escaped letter', 400, 'UNIT_CODE_INVALID', 'ZH4304211000%41'],
        ['a path up the tree', 400, 'UNIT_CODE_INVALID', '..%2F..%2Fpackage.json'],
        ['a path with backslashes', 400, 'UNIT_CODE_INVALID', '..%5C..%5Cpackage.json'],
        ['escaped dots', 400, 'UNIT_CODE_INVALID', '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'],
        ['SQL', 400, 'UNIT_CODE_INVALID', encodeURIComponent("ZH43042110001' OR '1'='1")],
        ['a broken escape', 400, 'UNIT_CODE_INVALID', '%E0%A4%A'],
        ['2,002 characters', 400, 'UNIT_CODE_INVALID', `ZH${'1'.repeat(2000)}`],
      ]
      it.each(cases)('%s answers %i %s', async (_, status, code, segment) => {
        const response = await server.get(`/api/units/${segment}`)
        const body = (await response.json()) as ErrorBody
        expect(response.status).toBe(status)
        expect(body.error.code).toBe(code)
        expect(body.error.field).toBe('code')
        expect(body.error.message.length).toBeLessThan(200)
        expect(schemaErrors('/api/units/{code}', status, body)).toEqual([])
      })
    })
  })
}
