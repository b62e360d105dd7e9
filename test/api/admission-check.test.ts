import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { metresPerDegreeLon, rectangleArea } from '../support/geodesy.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

interface CheckBody {
  verdict: string
  reasons: string[]
  units: { code: string; overlap_m2: number | null }[]
  zones: { layer: string }[]
  rules: { code: string; effect: string; match: string }[]
}

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] })
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

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`POST /api/admission-check ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const check = async (body: unknown) => {
      const response = await server.postJson('/api/admission-check', body)
      return { status: response.status, body: (await response.json()) as CheckBody }
    }
    const codes = (body: CheckBody) => body.rules.map((r) => r.code).sort()

    // [case, request, verdict, rules that apply]
    const verdicts: [string, object, string, string[]][] = [
      [
        'any project in a level-1 water-source zone is forbidden',
        { geometry: point(112.03, 27.03), industry: 'M73' },
        'forbidden',
        ['T01', 'T07'],
      ],
      [
        'a new pig farm in a no-raising zone is forbidden',
        { geometry: point(112.125, 27.025), industry: 'A0313', projectKind: 'new' },
        'forbidden',
        ['T04'],
      ],
      [
        'renovating that farm is not touched by the no-raising rule',
        { geometry: point(112.125, 27.025), industry: 'A0313', projectKind: 'renovation' },
        'consistent',
        [],
      ],
      [
        'moving a pig farm into that zone is as forbidden as building one',
        { geometry: point(112.125, 27.025), industry: 'A0313', projectKind: 'relocation' },
        'forbidden',
        ['T04'],
      ],
      [
        'moving a chemical plant to 900 m from the river is forbidden as building one is',
        { geometry: point(riverEast(900), 27.075), industry: 'C2614', projectKind: 'relocation' },
        'forbidden',
        ['T03', 'T05'],
      ],
      [
        'a thermal power plant in a general unit meets a condition',
        { geometry: point(112.125, 27.025), industry: 'D4411' },
        'conditional',
        ['T06'],
      ],
      [
        'a chemical plant 900 m from the Xiang River is forbidden',
        { geometry: point(riverEast(900), 27.075), industry: 'C2614' },
        'forbidden',
        ['T03', 'T05'],
      ],
      [
        'a chemical plant 1,100 m from the river is only restricted',
        { geometry: point(riverEast(1100), 27.075), industry: 'C2614' },
        'conditional',
        ['T05'],
      ],
      [
        'a whole division is conditional where a rule forbids one of its classes',
        { geometry: point(112.09, 27.01), industry: 'C26' },
        'conditional',
        ['T07', 'T08'],
      ],
      [
        'the forbidden class itself is forbidden',
        { geometry: point(112.09, 27.01), industry: 'C2614' },
        'forbidden',
        ['T07', 'T08'],
      ],
    ]
    it.each(verdicts)('%s', async (_, request, verdict, rules) => {
      const { status, body } = await check(request)
      expect(status).toBe(200)
      expect(body.verdict).toBe(verdict)
      expect(codes(body)).toEqual(rules)
      expect(body.reasons.length).toBeGreaterThan(0)
    })

    it('marks a rule on a narrower class as one that may apply', async () => {
      const { body } = await check({ geometry: point(112.09, 27.01), industry: 'C26' })
      expect(body.rules.find((r) => r.code === 'T08')?.match).toBe('may_apply')
    })

    it('splits a polygon site between the units it straddles, by area', async () => {
      const { body } = await check({
        geometry: square(112.17, 27.04, 112.19, 27.06),
        industry: 'M73',
      })
      expect(body.units.map((u) => u.code).sort()).toEqual(['ZH43042120001', 'ZH43042130001'])
      const north = rectangleArea(112.17, 27.05, 112.19, 27.06)
      const south = rectangleArea(112.17, 27.04, 112.19, 27.05)
      const overlap = Object.fromEntries(body.units.map((u) => [u.code, u.overlap_m2!]))
      expect(overlap.ZH43042120001! / north).toBeCloseTo(1, 2)
      expect(overlap.ZH43042130001! / south).toBeCloseTo(1, 2)
    })

    it('sees a zone that a polygon site only partly covers', async () => {
      const { body } = await check({
        geometry: square(112.035, 27.035, 112.045, 27.045),
        industry: 'M73',
      })
      expect(body.zones.length).toBe(2)
      expect(body.verdict).toBe('forbidden')
    })

    describe('bad input', () => {
      const bowtie = {
        type: 'Polygon',
        coordinates: [
          [
            [112.01, 27.01],
            [112.03, 27.03],
            [112.03, 27.01],
            [112.01, 27.03],
            [112.01, 27.01],
          ],
        ],
      }
      const unclosed = {
        type: 'Polygon',
        coordinates: [
          [
            [112.01, 27.01],
            [112.03, 27.01],
            [112.03, 27.03],
            [112.01, 27.03],
          ],
        ],
      }
      const site = point(112.03, 27.03)
      const cases: [string, unknown, number, string, string | undefined][] = [
        ['an array body', [], 400, 'BODY_INVALID', undefined],
        ['no geometry', { industry: 'C26' }, 400, 'PARAMETER_MISSING', 'geometry'],
        [
          'a geometry string',
          { geometry: 'POINT(1 2)', industry: 'C26' },
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ],
        [
          'an unknown type',
          { geometry: { type: 'Circle', coordinates: [] }, industry: 'C26' },
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ],
        [
          'a point with text',
          { geometry: { type: 'Point', coordinates: ['a', 1] }, industry: 'C26' },
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ],
        [
          'a longitude past 180',
          { geometry: point(200, 27), industry: 'C26' },
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ],
        [
          'an unclosed ring',
          { geometry: unclosed, industry: 'C26' },
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ],
        [
          'a self-intersecting ring',
          { geometry: bowtie, industry: 'C26' },
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ],
        ['no industry', { geometry: site }, 400, 'PARAMETER_MISSING', 'industry'],
        [
          'a misspelt field',
          { geometry: site, industry: 'C26', projectkind: 'expansion' },
          400,
          'FIELD_UNKNOWN',
          'projectkind',
        ],
        [
          'a malformed industry',
          { geometry: site, industry: '2614' },
          422,
          'INDUSTRY_INVALID',
          'industry',
        ],
        [
          'an unknown industry',
          { geometry: site, industry: 'C99' },
          422,
          'INDUSTRY_UNKNOWN',
          'industry',
        ],
        [
          'an unknown project kind',
          { geometry: site, industry: 'C26', projectKind: 'demolition' },
          422,
          'PROJECT_KIND_INVALID',
          'projectKind',
        ],
        [
          'a site outside the zoning',
          { geometry: point(100, 30), industry: 'C26' },
          422,
          'OUTSIDE_COVERAGE',
          'geometry',
        ],
        [
          'a polygon spanning the world',
          { geometry: square(-180, -90, 180, 90), industry: 'C26' },
          422,
          'SITE_TOO_LARGE',
          'geometry',
        ],
        [
          'a ring read across the antimeridian',
          { geometry: square(170, 26, -170, 27), industry: 'C26' },
          422,
          'SITE_TOO_LARGE',
          'geometry',
        ],
        [
          'a line from Hengyang to the antimeridian',
          {
            geometry: {
              type: 'LineString',
              coordinates: [
                [112, 26.9],
                [180, 26.9],
              ],
            },
            industry: 'C26',
          },
          422,
          'SITE_TOO_LARGE',
          'geometry',
        ],
        [
          'a site with too many vertices',
          {
            geometry: {
              type: 'LineString',
              coordinates: Array.from({ length: 10_001 }, (_, i) => [112 + i * 1e-5, 27]),
            },
            industry: 'C26',
          },
          413,
          'SITE_TOO_COMPLEX',
          'geometry',
        ],
        [
          'a geometry naming a projected crs',
          {
            geometry: {
              ...point(112.03, 27.03),
              crs: { type: 'name', properties: { name: 'EPSG:4526' } },
            },
            industry: 'C26',
          },
          422,
          'CRS_UNSUPPORTED',
          'geometry',
        ],
        [
          'an industry that is a number',
          { geometry: site, industry: 42 },
          422,
          'INDUSTRY_INVALID',
          'industry',
        ],
        [
          'an industry that is an array',
          { geometry: site, industry: ['C26'] },
          422,
          'INDUSTRY_INVALID',
          'industry',
        ],
      ]
      // Refused for the request's shape or size, not a field's value: no list of problems.
      const alone = new Set(['an array body', 'a misspelt field', 'a site with too many vertices'])
      it.each(cases)('rejects %s', async (name, body, status, code, field) => {
        const response = await server.postJson('/api/admission-check', body)
        expect(response.status).toBe(status)
        const answer = (await response.json()) as {
          error: Record<string, string> & { problems?: unknown }
        }
        expect(answer.error.code).toBe(code)
        expect(answer.error.field).toBe(field)
        expect(answer.error.message?.length).toBeGreaterThan(10)
        // One bad field is listed as the one problem, the error itself.
        const { problems, ...error } = answer.error
        expect(problems).toEqual(alone.has(name) ? undefined : [error])
      })

      it('refuses a tangled polygon at once instead of repairing it for minutes', async () => {
        let seed = 3
        const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.02
        const ring = Array.from({ length: 500 }, () => [112.605 + next(), 26.836 + next()])
        const geometry = { type: 'Polygon', coordinates: [[...ring, ring[0]]] }
        const started = performance.now()
        const response = await server.postJson('/api/admission-check', {
          geometry,
          industry: 'C26',
        })
        const answer = (await response.json()) as { error: Record<string, string> }
        expect([response.status, answer.error.code, answer.error.field]).toEqual([
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ])
        expect(answer.error.message).toMatch(/cross or touch each other more than 10 times/)
        expect(performance.now() - started).toBeLessThan(5_000)
      })

      it('takes a line crossing itself 100 times, and refuses one crossing 101', async () => {
        // A straight run east, then a zigzag back west across it: each zig crosses it once.
        const comb = (crossings: number) => {
          const zigs = Array.from({ length: crossings + 1 }, (_, j) => [
            112.04 - ((j + 1) / (crossings + 2)) * 0.01,
            27.03 + (j % 2 === 0 ? 0.001 : -0.001),
          ])
          return { type: 'LineString', coordinates: [[112.03, 27.03], [112.04, 27.03], ...zigs] }
        }
        const taken = await server.postJson('/api/admission-check', {
          geometry: comb(100),
          industry: 'C26',
        })
        expect(taken.status).toBe(200)
        const refused = await server.postJson('/api/admission-check', {
          geometry: comb(101),
          industry: 'C26',
        })
        const answer = (await refused.json()) as { error: Record<string, string> }
        expect([refused.status, answer.error.code, answer.error.field]).toEqual([
          422,
          'GEOMETRY_INVALID',
          'geometry',
        ])
        expect(answer.error.message).toMatch(/crosses or touches itself more than 100 times/)
      })

      it('refuses a scribbled line of 9,999 points before PostGIS overlays it', async () => {
        let seed = 5
        const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 0.05
        const coordinates = Array.from({ length: 9_999 }, () => [112.6 + next(), 26.9 + next()])
        const response = await server.postJson('/api/admission-check', {
          geometry: { type: 'LineString', coordinates },
          industry: 'C26',
        })
        expect(response.status).toBe(422)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'GEOMETRY_INVALID',
        )
        // The database is still there for the next request.
        const after = await server.postJson('/api/admission-check', {
          geometry: site,
          industry: 'C26',
        })
        expect(after.status).toBe(200)
      })

      it('survives deeply nested values and keeps echoed input short', async () => {
        const nested = '['.repeat(5000) + ']'.repeat(5000)
        const head = `{"geometry": ${JSON.stringify(site)}, "industry": "C26"`
        const body = `${head}, "projectKind": ${nested}}`
        const first = await server.postJson('/api/admission-check', body)
        expect(first.status).toBe(422)

        // Deep enough that writing it back as JSON would overflow the stack.
        const deep = '['.repeat(200_000) + ']'.repeat(200_000)
        const geometry = JSON.stringify(point(112.03, 27.03)).slice(0, -1)
        for (const given of ['', ', "crs": "EPSG:4326"']) {
          const crsBody = `{"geometry": ${geometry}, "crs": ${deep}}, "industry": "C26"${given}}`
          const third = await server.postJson('/api/admission-check', crsBody)
          const answer = (await third.json()) as { error: { field: string } }
          expect(third.status).toBe(422)
          expect(['geometry', 'crs']).toContain(answer.error.field)
        }

        const long = { geometry: site, industry: 'C26', projectKind: 'x'.repeat(1_500_000) }
        const second = await server.postJson('/api/admission-check', long)
        expect(second.status).toBe(422)
        expect((await second.text()).length).toBeLessThan(500)
      })

      it('rejects malformed JSON with a 400 and no stack trace', async () => {
        const response = await server.postJson('/api/admission-check', '{"geometry": ')
        expect(response.status).toBe(400)
        const text = await response.text()
        expect(JSON.parse(text).error.code).toBe('BODY_INVALID_JSON')
        expect(text).not.toMatch(/at .*\.(ts|js):\d+/)
      })

      it('names a "__proto__" key as the problem, not the JSON', async () => {
        const body = '{"industry": "C26", "geometry": {"__proto__": {"type": "Point"}}}'
        const response = await server.postJson('/api/admission-check', body)
        expect(response.status).toBe(400)
        const { error } = (await response.json()) as { error: { code: string; message: string } }
        expect(error.code).toBe('BODY_FORBIDDEN_KEY')
        expect(error.message).toContain('__proto__')
      })

      it('rejects a body that is not JSON with a 415', async () => {
        const response = await server.get('/api/admission-check', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'POINT(112 27)',
        })
        expect(response.status).toBe(415)
      })

      it('rejects a body over the limit with a 413', async () => {
        const huge = { geometry: point(112.03, 27.03), industry: 'C26', pad: 'x'.repeat(3e6) }
        const response = await server.postJson('/api/admission-check', huge)
        expect(response.status).toBe(413)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'PAYLOAD_TOO_LARGE',
        )
      })

      it('answers 405 for GET', async () => {
        const response = await server.get('/api/admission-check')
        expect(response.status).toBe(405)
        expect(response.headers.get('allow')).toBe('POST')
        const { error } = (await response.json()) as { error: { code: string; message: string } }
        expect(error.code).toBe('METHOD_NOT_ALLOWED')
        expect(error.message).toMatch(/use POST/)
      })
    })
  })
}
