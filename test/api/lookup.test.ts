import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblems } from '../support/error-answers.ts'
import { BACKENDS } from '../support/services.ts'
import { metresPerDegreeLon } from '../support/geodesy.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// Expected answers come from the fixture's README: squares and a meridian whose contents can be
// read off by hand.

interface LookupBody {
  unit: { code: string; class: string; district_name: string } | null
  units: { code: string }[]
  zones: { layer: string; properties: Record<string, unknown> }[]
  rules: { code: string; scope: { kind: string; distance_m?: number } }[]
  dataset: { illustrative: boolean }
}

const ruleCodes = (body: LookupBody) => body.rules.map((r) => r.code).sort()

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`GET /api/lookup ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const lookup = async (query: string) => {
      const response = await server.get(`/api/lookup?${query}`)
      return { status: response.status, body: (await response.json()) as LookupBody }
    }

    it('finds the unit, the level-1 zone and its rules inside the inner square', async () => {
      const { status, body } = await lookup('lon=112.03&lat=27.03')
      expect(status).toBe(200)
      expect(body.unit?.code).toBe('ZH43042110001')
      expect(body.unit?.class).toBe('priority')
      expect(body.unit?.district_name).toBe('衡阳县')
      expect(body.zones.map((z) => z.properties.level)).toEqual(['level1'])
      expect(ruleCodes(body)).toEqual(['T01', 'T07', 'T08'])
    })

    it('keeps the level-1 hole out of the level-2 ring', async () => {
      const { body } = await lookup('lon=112.015&lat=27.03')
      expect(body.zones.map((z) => z.properties.level)).toEqual(['level2'])
      expect(ruleCodes(body)).toEqual(['T02', 'T07', 'T08'])
    })

    it('brings class rules and zone rules with their filter', async () => {
      const { body } = await lookup('lon=112.125&lat=27.025')
      expect(body.unit?.code).toBe('ZH43042130001')
      expect(body.zones.map((z) => z.layer)).toEqual(['no_raising_zones'])
      expect(ruleCodes(body)).toEqual(['T04', 'T06'])
    })

    it('applies the 1 km river rule at 900 m and not at 1,100 m', async () => {
      const lat = 27.075
      const at = (metres: number) => (112.15 + metres / metresPerDegreeLon(lat)).toFixed(7)

      const inside = await lookup(`lon=${at(900)}&lat=${lat}`)
      const river = inside.body.rules.find((r) => r.code === 'T03')
      expect(river?.scope.kind).toBe('distance')
      expect(river?.scope.distance_m).toBeCloseTo(900, -1)

      const outside = await lookup(`lon=${at(1100)}&lat=${lat}`)
      expect(ruleCodes(outside.body)).toEqual(['T05'])
    })

    it('lists both units for a point on their shared edge', async () => {
      const { body } = await lookup('lon=112.15&lat=27.05')
      expect(body.units.map((u) => u.code).sort()).toEqual(['ZH43042120001', 'ZH43042130001'])
    })

    it('converts a GCJ-02 point to WGS84 before looking it up', async () => {
      // 112.03, 27.03 in WGS84 is a few hundred metres off in GCJ-02; the level-1 square is
      // 2 km wide, so the converted point must land back inside it.
      const plain = await lookup('lon=112.03&lat=27.03&crs=gcj02')
      expect(plain.status).toBe(200)
      const location = (plain.body as unknown as { location: { lon: number; lat: number } })
        .location
      expect(Math.abs(location.lon - 112.03)).toBeGreaterThan(0.001)
      expect(Math.abs(location.lon - 112.03)).toBeLessThan(0.01)
    })

    it('says the dataset is illustrative', async () => {
      const { body } = await lookup('lon=112.03&lat=27.03')
      expect(body.dataset.illustrative).toBe(true)
    })

    describe('bad input', () => {
      const cases: [string, string, number, string, RegExp?][] = [
        ['lat=27', 'PARAMETER_MISSING', 400, 'lon'],
        ['lon=112.03', 'PARAMETER_MISSING', 400, 'lat'],
        ['lon=abc&lat=27', 'COORDINATE_INVALID', 400, 'lon'],
        ['lon=112&lat=NaN', 'COORDINATE_INVALID', 400, 'lat'],
        ['lon=181&lat=27', 'COORDINATE_OUT_OF_RANGE', 400, 'lon'],
        ['lon=112&lat=181', 'COORDINATE_OUT_OF_RANGE', 400, 'lat', /between -90 and 90/],
        ['lon=0x70&lat=26.9', 'COORDINATE_INVALID', 400, 'lon'],
        ['lon=0b1110000&lat=26.9', 'COORDINATE_INVALID', 400, 'lon'],
        ['lon=Infinity&lat=26.9', 'COORDINATE_INVALID', 400, 'lon'],
        ['lon=27.03&lat=112.03', 'COORDINATE_OUT_OF_RANGE', 400, 'lat', /swapped/],
        ['lon=112&lat=27&lat=28', 'PARAMETER_REPEATED', 400, 'lat'],
        ['lon=112&lat=27&crs=EPSG:3857', 'CRS_UNSUPPORTED', 400, 'crs'],
        // A misspelt crs would otherwise read a GCJ-02 point as WGS84, hundreds of metres off.
        ['lon=112&lat=27&src=gcj02', 'PARAMETER_UNKNOWN', 400, 'src'],
        // A parameter without a name: no field to name, but the message says what it is.
        ['lon=112&lat=27&=1', 'PARAMETER_UNKNOWN', 400, '', /without a name/],
        ['lon=100&lat=30', 'OUTSIDE_COVERAGE', 422, 'lon', /^The point lies outside/],
      ]
      it('lists crs, lon and lat when more than one is wrong', async () => {
        await expectProblems(await server.get('/api/lookup?lon=abc&lat=91&crs=wgs'), 400, [
          ['CRS_UNSUPPORTED', 'crs'],
          ['COORDINATE_INVALID', 'lon'],
          ['COORDINATE_OUT_OF_RANGE', 'lat'],
        ])
      })

      it.each(cases)('%s answers %s', async (query, code, status, field, message) => {
        const response = await server.get(`/api/lookup?${query}`)
        expect(response.status).toBe(status)
        const body = (await response.json()) as { error: Record<string, string> }
        expect(body.error.code).toBe(code)
        expect(body.error.field ?? '').toBe(field)
        if (message) expect(body.error.message).toMatch(message)
      })
    })
  })
}
