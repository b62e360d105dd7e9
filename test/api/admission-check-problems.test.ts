import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblems, type ErrorAnswer, type ErrorProblem } from '../support/error-answers.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// What a refused check lists in error.problems. Every expected code, field and message is
// written from the request by hand; the fixture's catalogue has no C1311 (see
// test/fixtures/dataset/README.md), and its zoning lies in 112.0–112.2°E × 27.0–27.1°N.

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] })
const SITE = point(112.03, 27.03)

const WKT_OPEN = 'wkt is not valid WKT: expected ")" but found the end of the text.'
const INDUSTRY_SHAPE =
  'industry must be a GB/T 4754-2017 code (a section letter A–T, alone or with 2 to 4 ' +
  'digits), got "2614".'
const KIND_DEMOLITION =
  'projectKind must be one of new, expansion, renovation, relocation, got "demolition".'
const C1311_UNKNOWN =
  'industry C1311 is not in the industry catalogue loaded here; ' +
  'GET /api/industries?q= searches it.'
const OUTSIDE = 'The site lies outside the area this zoning covers.'
const SITE_MISSING =
  'A site is required: give one of geometry (GeoJSON), wkt, kml or boundaryPoints, or upload ' +
  'the site as a file.'
const INDUSTRY_MISSING = 'industry is required: a GB/T 4754-2017 code such as C2614 or C26.'

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`problems of a refused check ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
    })
    afterAll(() => server?.close())

    const postForm = (form: FormData) =>
      fetch(`${server.url}/api/admission-check`, { method: 'POST', body: form })

    /** A refusal of the request itself: the one error, and no list. */
    const expectAlone = async (response: Response, status: number, code: string) => {
      const body = (await response.json()) as ErrorAnswer
      expect({ status: response.status, code: body.error.code }).toEqual({ status, code })
      expect(body.error.problems).toBeUndefined()
      return body
    }

    it('lists every bad field at once, in the order of the fields', async () => {
      const body = await expectProblems(
        await server.postJson('/api/admission-check', {
          wkt: 'POLYGON((112.01 27.01, 112.02 27.01, 112.02 27.02',
          industry: '2614',
          projectKind: 'demolition',
        }),
        422,
        [
          ['WKT_INVALID', 'wkt'],
          ['INDUSTRY_INVALID', 'industry'],
          ['PROJECT_KIND_INVALID', 'projectKind'],
        ],
      )
      expect(body.error.problems).toEqual([
        { code: 'WKT_INVALID', message: WKT_OPEN, field: 'wkt' },
        { code: 'INDUSTRY_INVALID', message: INDUSTRY_SHAPE, field: 'industry' },
        { code: 'PROJECT_KIND_INVALID', message: KIND_DEMOLITION, field: 'projectKind' },
      ])
    })

    it('answers 400 when a missing field follows a 422 problem of crs', async () => {
      const body = await expectProblems(
        await server.postJson('/api/admission-check', { crs: 'EPSG:3857', projectKind: 'new' }),
        400,
        [
          ['CRS_UNSUPPORTED', 'crs'],
          ['PARAMETER_MISSING', 'geometry'],
          ['PARAMETER_MISSING', 'industry'],
        ],
      )
      expect(body.error.message).toMatch(/^crs must be EPSG:4326 \(WGS84, the default\)/)
      expect(body.error.message).toMatch(/got "EPSG:3857"\.$/)
      expect(body.error.problems!.slice(1).map((problem) => problem.message)).toEqual([
        SITE_MISSING,
        INDUSTRY_MISSING,
      ])
    })

    it('leaves the site unread when the crs it is read in cannot be read', async () => {
      // The geometry is no GeoJSON at all, but which system its numbers are in is unknown.
      await expectProblems(
        await server.postJson('/api/admission-check', {
          geometry: { type: 'Circle', coordinates: [112.03, 27.03] },
          crs: 'UTM 49N',
          industry: 'C1311',
        }),
        422,
        [
          ['CRS_UNSUPPORTED', 'crs'],
          ['INDUSTRY_UNKNOWN', 'industry'],
        ],
      )
    })

    it('still finds the site missing or given twice when the crs is bad', async () => {
      await expectProblems(
        await server.postJson('/api/admission-check', {
          geometry: SITE,
          wkt: 'POINT(112.03 27.03)',
          crs: 'EPSG:1',
          industry: 'C26',
        }),
        400,
        [
          ['CRS_UNSUPPORTED', 'crs'],
          ['SITE_FIELDS_CONFLICT', 'wkt'],
        ],
      )
    })

    it('lists what the catalogue and the zoning say after the fields', async () => {
      // Degrees named as Gauss-Kruger metres: the site read in the crs names crs at fault.
      const body = await expectProblems(
        await server.postJson('/api/admission-check', {
          geometry: SITE,
          crs: 'EPSG:4526',
          industry: 'c1311',
          projectKind: 'demolition',
        }),
        422,
        [
          ['CRS_CONFLICT', 'crs'],
          ['PROJECT_KIND_INVALID', 'projectKind'],
          ['INDUSTRY_UNKNOWN', 'industry'],
        ],
      )
      expect(body.error.problems!.slice(1)).toEqual([
        { code: 'PROJECT_KIND_INVALID', message: KIND_DEMOLITION, field: 'projectKind' },
        { code: 'INDUSTRY_UNKNOWN', message: C1311_UNKNOWN, field: 'industry' },
      ])

      const outside = await expectProblems(
        await server.postJson('/api/admission-check', {
          geometry: point(100, 30),
          industry: 'C1311',
          projectKind: 'demolition',
        }),
        422,
        [
          ['PROJECT_KIND_INVALID', 'projectKind'],
          ['INDUSTRY_UNKNOWN', 'industry'],
          ['OUTSIDE_COVERAGE', 'geometry'],
        ],
      )
      expect(outside.error.problems![2]!.message).toBe(OUTSIDE)
    })

    it('lists a tangled polygon beside a bad industry, refused before any repair', async () => {
      let seed = 3
      const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.02
      const ring = Array.from({ length: 500 }, () => [112.605 + next(), 26.836 + next()])
      const started = performance.now()
      const body = await expectProblems(
        await server.postJson('/api/admission-check', {
          geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
          industry: 42,
        }),
        422,
        [
          ['GEOMETRY_INVALID', 'geometry'],
          ['INDUSTRY_INVALID', 'industry'],
        ],
      )
      expect(performance.now() - started).toBeLessThan(5_000)
      expect(body.error.message).toMatch(/cross or touch each other more than 10 times/)
      expect(body.error.problems![1]!.message).toBe(
        'industry must be a string such as "C2614", got 42.',
      )
    })

    it('lists the problems of a form, its file among them', async () => {
      const form = new FormData()
      form.set('site', new Blob(['项目用地在衡阳县']), '选址.txt')
      form.set('industry', 'C1311')
      form.set('projectKind', 'demolition')
      const body = await expectProblems(await postForm(form), 422, [
        ['FILE_UNRECOGNISED', 'site'],
        ['PROJECT_KIND_INVALID', 'projectKind'],
        ['INDUSTRY_UNKNOWN', 'industry'],
      ])
      expect(body.error.message).toMatch(/^选址\.txt is none of the formats a site is read from/)
    })

    describe('a single bad field', () => {
      // Each answer is the one a check gave before problems were listed, with a list of one.
      const single: [string, object, number, ErrorProblem][] = [
        [
          'a malformed industry',
          { geometry: SITE, industry: '2614' },
          422,
          { code: 'INDUSTRY_INVALID', message: INDUSTRY_SHAPE, field: 'industry' },
        ],
        [
          'an industry the catalogue lacks',
          { geometry: SITE, industry: 'C1311' },
          422,
          { code: 'INDUSTRY_UNKNOWN', message: C1311_UNKNOWN, field: 'industry' },
        ],
        [
          'no site',
          { industry: 'C26' },
          400,
          { code: 'PARAMETER_MISSING', message: SITE_MISSING, field: 'geometry' },
        ],
        [
          'a site outside the zoning',
          { geometry: point(100, 30), industry: 'C26' },
          422,
          { code: 'OUTSIDE_COVERAGE', message: OUTSIDE, field: 'geometry' },
        ],
        [
          'a feature nested deeper than any site',
          {
            geometry: {
              type: 'Feature',
              geometry: SITE,
              properties: { deep: JSON.parse('['.repeat(70) + ']'.repeat(70)) as unknown },
            },
            industry: 'C26',
          },
          422,
          {
            code: 'GEOMETRY_INVALID',
            message: 'geometry is nested deeper than 64 levels.',
            field: 'geometry',
          },
        ],
      ]
      it.each(single)('gives %s the body it gave before, with a list of it', async (...c) => {
        const [, request, status, problem] = c
        const response = await server.postJson('/api/admission-check', request)
        expect(response.status).toBe(status)
        expect(await response.json()).toEqual({ error: { ...problem, problems: [problem] } })
      })
    })

    describe('refusals of the request itself', () => {
      it('refuses a field a check does not take alone, whatever else is wrong', async () => {
        const body = await expectAlone(
          await server.postJson('/api/admission-check', {
            industry: '2614',
            projectKind: 'demolition',
            projectkind: 'new',
          }),
          400,
          'FIELD_UNKNOWN',
        )
        expect(body.error.field).toBe('projectkind')
      })

      it('refuses a body that is no JSON object, or no JSON', async () => {
        await expectAlone(await server.postJson('/api/admission-check', []), 400, 'BODY_INVALID')
        await expectAlone(
          await server.postJson('/api/admission-check', '{"industry": '),
          400,
          'BODY_INVALID_JSON',
        )
        await expectAlone(
          await server.get('/api/admission-check', {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: 'POINT(112 27)',
          }),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        )
      })

      it('refuses text that is not UTF-8 alone, in the body or a form field', async () => {
        const kml =
          '<kml><Placemark><name>厂区</name><Point><coordinates>112.03,27.03</coordinates>' +
          '</Point></Placemark></kml>'
        const json = await server.get('/api/admission-check', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: new Uint8Array(iconv.encode(JSON.stringify({ kml, industry: 'C26' }), 'gbk')),
        })
        const body = await expectAlone(json, 400, 'TEXT_NOT_UTF8')
        expect(body.error.field).toBe('kml')
        const form = Buffer.concat([
          Buffer.from('--x\r\nContent-Disposition: form-data; name="kml"\r\n\r\n'),
          iconv.encode(kml, 'gbk'),
          Buffer.from('\r\n--x\r\nContent-Disposition: form-data; name="industry"\r\n\r\nC26'),
          Buffer.from('\r\n--x--\r\n'),
        ])
        const answer = await server.get('/api/admission-check', {
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          body: new Uint8Array(form),
        })
        expect((await expectAlone(answer, 400, 'TEXT_NOT_UTF8')).error.field).toBe('kml')
      })

      it('refuses a key given twice alone, in the body or in GeoJSON text', async () => {
        await expectAlone(
          await server.postJson(
            '/api/admission-check',
            '{"wkt": "POINT(", "industry": "2614", "industry": "C26"}',
          ),
          400,
          'PARAMETER_REPEATED',
        )

        const form = new FormData()
        form.set('geometry', '{"type": "Point", "type": "Point", "coordinates": [112.03, 27.03]}')
        form.set('industry', '2614')
        const body = await expectAlone(await postForm(form), 400, 'PARAMETER_REPEATED')
        expect(body.error.field).toBe('geometry.type')

        const twice = new FormData()
        twice.append('industry', 'C26')
        twice.append('industry', 'C2614')
        twice.set('projectKind', 'demolition')
        await expectAlone(await postForm(twice), 400, 'PARAMETER_REPEATED')
      })

      it('refuses a site over the vertex limit alone, whatever else is wrong', async () => {
        const coordinates = Array.from({ length: 10_001 }, (_, i) => [112 + i * 1e-5, 27])
        const body = await expectAlone(
          await server.postJson('/api/admission-check', {
            geometry: { type: 'LineString', coordinates },
            industry: '2614',
            projectKind: 'demolition',
          }),
          413,
          'SITE_TOO_COMPLEX',
        )
        expect(body.error.message).toBe(
          'geometry has 10001 vertices; a site may have at most 10000.',
        )
      })

      it('refuses a body over the size limit alone', async () => {
        await expectAlone(
          await server.postJson('/api/admission-check', {
            geometry: SITE,
            industry: '2614',
            pad: 'x'.repeat(3e6),
          }),
          413,
          'PAYLOAD_TOO_LARGE',
        )
      })
    })
  })
}
