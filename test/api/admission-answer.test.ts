import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { haversine, metresPerDegreeLon, rectangleArea } from '../support/geodesy.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// Expected figures come from the fixture's squares (test/fixtures/dataset/README.md) and the
// textbook formulas of test/support/geodesy.ts, never from the server's own SQL.

interface Overlap {
  overlap_m2: number | null
  overlap_length_m: number | null
  share: number
}

interface Answer {
  id: string
  inputSha256: string
  verdict: string
  reasons: string[]
  coverage: { share: number }
  site: { area_m2: number | null; length_m: number | null }
  units: ({ code: string; name: string; class: string } & Overlap)[]
  zones: ({ layer: string; id: number; properties: Record<string, string> } & Overlap)[]
  nearby: {
    within_m: number
    truncated: boolean
    zones: { layer: string; properties: Record<string, string>; distance_m: number }[]
  }
  rules: {
    code: string
    effect: string
    dimension: string
    text_zh: string
    legal_basis: string | null
    match: string
    scope: Record<string, unknown>
  }[]
  dataVersions: Record<string, number>
  accessList: { rules: number; sha256: string }
}

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] })
const line = (...positions: [number, number][]) => ({ type: 'LineString', coordinates: positions })
const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
})
const riverEast = (metres: number) => 112.15 + metres / metresPerDegreeLon(27.075)

const PRIORITY = 'ZH43042110001'
const KEY = 'ZH43042120001'
const GENERAL = 'ZH43042130001'

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the admission check's answer ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const check = async (body: object) => {
      const response = await server.postJson('/api/admission-check', body)
      expect(response.status).toBe(200)
      return (await response.json()) as Answer
    }
    const unit = (answer: Answer, code: string) => answer.units.find((u) => u.code === code)!
    const rule = (answer: Answer, code: string) => answer.rules.find((r) => r.code === code)

    describe('coverage', () => {
      it('says how much of a site lies outside the zoned area; leaves it conditional', async () => {
        // Two equal halves of one latitude band: 112.15–112.2 in the general unit, 112.2–112.25
        // east of the zoned area, whose east edge is 112.2.
        const answer = await check({
          geometry: square(112.15, 27.01, 112.25, 27.02),
          industry: 'M73',
        })
        expect(answer.coverage.share).toBeCloseTo(0.5, 6)
        expect(answer.units.map((u) => u.code)).toEqual([GENERAL])
        expect(answer.verdict).toBe('conditional')
        expect(answer.reasons.at(-1)).toMatch(/^Only 50\.0% of the site lies in the zoned area/)

        const inside = await check({
          geometry: square(112.15, 27.01, 112.19, 27.02),
          industry: 'M73',
        })
        expect(inside.coverage.share).toBe(1)
        expect(inside.verdict).toBe('consistent')
      })
    })

    describe('units and zones', () => {
      it('places a point in its unit, wholly', async () => {
        const answer = await check({ geometry: point(112.12, 27.08), industry: 'M73' })
        expect(answer.units).toEqual([
          expect.objectContaining({
            code: KEY,
            name: '测试重点管控单元',
            class: 'key',
            overlap_m2: null,
            overlap_length_m: null,
            share: 1,
          }),
        ])
        expect(answer.zones).toEqual([])
        expect(answer.site).toMatchObject({ area_m2: null, length_m: null })
      })

      it('places a point in the zone it lies in, wholly', async () => {
        const answer = await check({ geometry: point(112.17, 27.07), industry: 'M73' })
        expect(answer.zones).toMatchObject([
          { layer: 'industrial_parks', properties: { name: '测试工业园' }, share: 1 },
        ])
      })

      it('splits a polygon between two units by area on the ellipsoid', async () => {
        // 27.03–27.05°N lies in the general unit, 27.05–27.06°N in the key unit.
        const answer = await check({
          geometry: square(112.17, 27.03, 112.19, 27.06),
          industry: 'M73',
        })
        const south = rectangleArea(112.17, 27.03, 112.19, 27.05)
        const north = rectangleArea(112.17, 27.05, 112.19, 27.06)
        const total = south + north

        expect(answer.units.map((u) => u.code)).toEqual([GENERAL, KEY])
        expect(unit(answer, GENERAL).overlap_m2! / south).toBeCloseTo(1, 2)
        expect(unit(answer, KEY).overlap_m2! / north).toBeCloseTo(1, 2)
        expect(unit(answer, GENERAL).share / (south / total)).toBeCloseTo(1, 2)
        expect(unit(answer, KEY).share / (north / total)).toBeCloseTo(1, 2)
        expect(unit(answer, KEY).overlap_length_m).toBeNull()
        expect(answer.site.area_m2! / total).toBeCloseTo(1, 2)
      })

      it('does not count a zone the site only borders as one it is in', async () => {
        // The square's north edge runs along the park's south edge.
        const answer = await check({
          geometry: square(112.17, 27.03, 112.19, 27.06),
          industry: 'M73',
        })
        expect(answer.zones).toEqual([])
      })

      it('lists a unit the site enters by 10 cm, not one it touches by a sliver', async () => {
        // 1e-6° of longitude is about 10 cm here, 1e-11° about a micrometre.
        const reach = (degrees: number) =>
          check({ geometry: square(112.1 - degrees, 27.02, 112.12, 27.03), industry: 'M73' })
        const [slight, sliver] = await Promise.all([reach(1e-6), reach(1e-11)])

        const strip = rectangleArea(112.1 - 1e-6, 27.02, 112.1, 27.03)
        expect(slight.units.map((u) => u.code)).toEqual([GENERAL, PRIORITY])
        expect(unit(slight, PRIORITY).overlap_m2! / strip).toBeCloseTo(1, 1)
        expect(sliver.units.map((u) => u.code)).toEqual([GENERAL])
      })

      it('splits a line between units and zones by length', async () => {
        // Along 27.02°N: 0.04° in the priority unit, 0.03° in the general unit, of which 0.02°
        // in the no-raising zone.
        const answer = await check({
          geometry: line([112.06, 27.02], [112.13, 27.02]),
          industry: 'M73',
        })
        const perDegree = metresPerDegreeLon(27.02)
        expect(answer.site.length_m! / (0.07 * perDegree)).toBeCloseTo(1, 2)
        expect(answer.site.area_m2).toBeNull()

        expect(answer.units.map((u) => u.code)).toEqual([PRIORITY, GENERAL])
        expect(unit(answer, PRIORITY).overlap_length_m! / (0.04 * perDegree)).toBeCloseTo(1, 2)
        expect(unit(answer, GENERAL).overlap_length_m! / (0.03 * perDegree)).toBeCloseTo(1, 2)
        expect(unit(answer, PRIORITY).share / (4 / 7)).toBeCloseTo(1, 2)
        expect(unit(answer, GENERAL).share / (3 / 7)).toBeCloseTo(1, 2)
        expect(unit(answer, PRIORITY).overlap_m2).toBeNull()

        expect(answer.zones).toHaveLength(1)
        expect(answer.zones[0]).toMatchObject({ layer: 'no_raising_zones' })
        expect(answer.zones[0]!.overlap_length_m! / (0.02 * perDegree)).toBeCloseTo(1, 2)
        expect(answer.zones[0]!.share / (2 / 7)).toBeCloseTo(1, 2)
      })

      it('gives each water-source level the part of a polygon inside it', async () => {
        // The level-1 square's north-east corner takes a quarter of the site; the level-2 ring
        // around it the rest.
        const answer = await check({
          geometry: square(112.035, 27.035, 112.045, 27.045),
          industry: 'M73',
        })
        const total = rectangleArea(112.035, 27.035, 112.045, 27.045)
        const level1 = rectangleArea(112.035, 27.035, 112.04, 27.04)
        const level2 = total - level1

        expect(answer.zones.map((z) => z.properties.level)).toEqual(['level2', 'level1'])
        const [ring, core] = answer.zones
        expect(ring!.overlap_m2! / level2).toBeCloseTo(1, 2)
        expect(core!.overlap_m2! / level1).toBeCloseTo(1, 2)
        expect(ring!.share / (level2 / total)).toBeCloseTo(1, 2)
        expect(core!.share / (level1 / total)).toBeCloseTo(1, 2)
      })
    })

    describe('nearby sensitive zones', () => {
      it('lists them nearest first with true distances', async () => {
        const at: [number, number] = [112.07, 27.045]
        const answer = await check({ geometry: point(...at), industry: 'M73' })
        const expected: [string, string, number][] = [
          // Due south of the reserve core's south edge.
          ['nature_reserve_zones', 'core', haversine(at, [112.07, 27.06])],
          // Due east of the level-2 ring's east edge, along the parallel.
          ['water_source_zones', 'level2', 0.02 * metresPerDegreeLon(27.045)],
          // The level-1 square's and the no-raising zone's nearest corners.
          ['water_source_zones', 'level1', haversine(at, [112.04, 27.04])],
          ['no_raising_zones', 'no_raising', haversine(at, [112.11, 27.04])],
        ]

        expect(answer.nearby.within_m).toBe(5000)
        expect(answer.nearby.truncated).toBe(false)
        expect(answer.nearby.zones.map((z) => z.layer)).toEqual(expected.map(([layer]) => layer))
        for (const [i, [, kind, metres]] of expected.entries()) {
          const zone = answer.nearby.zones[i]!
          expect(Object.values(zone.properties)).toContain(kind)
          expect(zone.distance_m / metres).toBeCloseTo(1, 2)
        }
      })

      it('leaves out the zones the site is in', async () => {
        // Inside the level-2 ring, 0.005° west of the level-1 square.
        const answer = await check({ geometry: point(112.015, 27.03), industry: 'M73' })
        expect(answer.zones.map((z) => z.properties.level)).toEqual(['level2'])
        const levels = answer.nearby.zones.map((z) => z.properties.level)
        expect(levels).toContain('level1')
        expect(levels).not.toContain('level2')
        const level1 = answer.nearby.zones.find((z) => z.properties.level === 'level1')!
        expect(level1.distance_m / (0.005 * metresPerDegreeLon(27.03))).toBeCloseTo(1, 2)
      })

      it('lists a zone the site only borders at 0 m', async () => {
        // The square's west edge is the no-raising zone's east edge, 112.14°E.
        const answer = await check({
          geometry: square(112.14, 27.02, 112.145, 27.03),
          industry: 'M73',
        })
        expect(answer.zones).toEqual([])
        expect(answer.nearby.zones[0]).toMatchObject({ layer: 'no_raising_zones', distance_m: 0 })
      })

      it('leaves out layers that are not sensitive', async () => {
        // The park lies about 2 km north; a park bars no project by itself.
        const answer = await check({ geometry: point(112.17, 27.041), industry: 'M73' })
        expect(answer.nearby.zones.map((z) => z.layer)).not.toContain('industrial_parks')
      })
    })

    describe('rules', () => {
      it('brings the shoreline rule 900 m from the Xiang River, with the distance', async () => {
        const answer = await check({ geometry: point(riverEast(900), 27.075), industry: 'C2614' })
        const shoreline = rule(answer, 'T03')!
        expect(shoreline).toMatchObject({
          effect: 'forbid',
          dimension: 'spatial_layout',
          text_zh: '禁止在湘江岸线一公里范围内新建、扩建化工项目。',
          legal_basis: '《中华人民共和国长江保护法》第二十六条',
          match: 'applies',
          scope: { kind: 'distance', layer: 'rivers', within_m: 1000, feature_name: '湘江' },
        })
        expect((shoreline.scope.distance_m as number) / 900).toBeCloseTo(1, 2)
        expect(answer.verdict).toBe('forbidden')
      })

      it('leaves the shoreline rule out 1,100 m from the river', async () => {
        const answer = await check({ geometry: point(riverEast(1100), 27.075), industry: 'C2614' })
        expect(rule(answer, 'T03')).toBeUndefined()
        expect(answer.verdict).toBe('conditional')
      })

      it('says which zone brought a zone rule', async () => {
        const answer = await check({ geometry: point(112.03, 27.03), industry: 'M73' })
        expect(rule(answer, 'T01')?.scope).toMatchObject({
          kind: 'zone',
          layer: 'water_source_zones',
          zone_name: '测试水源一级保护区',
          layer_filter: { level: 'level1' },
        })
      })

      it('applies a rule on a division to a class within it', async () => {
        const answer = await check({ geometry: point(112.12, 27.08), industry: 'C2614' })
        expect(rule(answer, 'T05')).toMatchObject({
          match: 'applies',
          scope: { kind: 'unit', unit_code: KEY },
        })
      })

      it('lists a rule on a class as possible for its whole division', async () => {
        const answer = await check({ geometry: point(112.09, 27.01), industry: 'C26' })
        expect(rule(answer, 'T08')?.match).toBe('may_apply')
        expect(answer.verdict).toBe('conditional')
        expect(answer.reasons.join(' ')).toContain('C2614')
      })

      it('lists a rule on a division as possible for its whole section', async () => {
        const answer = await check({ geometry: point(112.125, 27.025), industry: 'A' })
        expect(rule(answer, 'T04')?.match).toBe('may_apply')
        expect(answer.verdict).toBe('conditional')
      })

      it('leaves out rules on other industries', async () => {
        const answer = await check({ geometry: point(112.125, 27.025), industry: 'C2614' })
        expect(rule(answer, 'T04')).toBeUndefined()
      })
    })

    describe('identity and versions', () => {
      it('names the check, the input hash and the data used', async () => {
        const response = await server.postJson('/api/admission-check', {
          geometry: point(112.12, 27.08),
          industry: 'M73',
        })
        const answer = (await response.json()) as Answer
        expect(answer.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
        expect(answer.inputSha256).toMatch(/^[0-9a-f]{64}$/)
        expect(response.headers.get('content-location')).toBe(`/api/admission-check/${answer.id}`)
        expect(response.headers.get('cache-control')).toBe('no-store')
        expect(answer.dataVersions).toMatchObject({ control_units: 1, water_source_zones: 1 })
        expect(answer.accessList.rules).toBe(9)
        expect(answer.accessList.sha256).toMatch(/^[0-9a-f]{64}$/)
      })

      it('gives every check its own id', async () => {
        const body = { geometry: point(112.12, 27.08), industry: 'M73' }
        const [a, b] = await Promise.all([check(body), check(body)])
        expect(a.id).not.toBe(b.id)
        expect(a.inputSha256).toBe(b.inputSha256)
      })
    })
  })
}
