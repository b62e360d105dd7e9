import type Router from '@koa/router'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app.ts'
import { createMetrics } from '../../server/ops/metrics.ts'
import { openApiDocument } from '../../server/ops/openapi-document.ts'
import { createMemoryRateLimitStore } from '../../server/reports/rate-limit.ts'
import { DEFAULT_CUTTER_OPTIONS, TileCutter } from '../../server/tiles/tile-cutter.ts'
import { TileService } from '../../server/tiles/tile-service.ts'
import { metresPerDegreeLon } from '../support/geodesy.ts'
import { getWithHost } from '../support/host-request.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// Every documented answer, checked against real answers of the app on the fixture dataset (see
// test/fixtures/dataset/README.md for what lies where): status, media type, required headers,
// and the body against its schema, which closes its objects, so a field added or renamed by a
// route fails here until the document follows.

type Node = Record<string, unknown>
type Method = 'get' | 'post'

interface Case {
  /** Documented path and method. */
  path: string
  method: Method
  status: number
  what: string
  send(server: TestServer): Promise<Response>
  /** A JSON request body that must fit the documented request schema. */
  body?: unknown
}

const DOC_ID = 'urn:ecozoning:openapi'
const doc = openApiDocument as { paths: Record<string, Record<string, Node>> }

const ajv = new Ajv2020({
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  allErrors: true,
})
addFormats(ajv)
for (const keyword of ['openapi', 'info', 'jsonSchemaDialect', 'tags', 'paths', 'components']) {
  ajv.addKeyword(keyword)
}
ajv.addSchema(openApiDocument, DOC_ID)

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

/** The validator of the schema at a JSON Pointer into the document. */
function validatorAt(pointer: string) {
  const validate = ajv.getSchema(`${DOC_ID}#${encodeURI(pointer)}`)
  if (!validate) throw new Error(`No schema at ${pointer}`)
  return validate
}

/** The documented response, its pointer, `$ref` followed; undefined when none is documented. */
function documented(path: string, method: Method, status: number) {
  const responses = doc.paths[path]?.[method]?.responses as Record<string, Node> | undefined
  const response = responses?.[String(status)]
  if (!response) return undefined
  if (typeof response.$ref === 'string') {
    const pointer = response.$ref.slice(1)
    const name = pointer.split('/').at(-1)!
    const components = openApiDocument.components as { responses: Record<string, Node> }
    return { response: components.responses[name]!, pointer }
  }
  const pointer = `/paths/${escape(path)}/${method}/responses/${status}`
  return { response, pointer }
}

/** Checks a real answer against its documented response: status, media type, headers, body. */
async function checkAgainstDocument(test: Case, answer: Response) {
  const where = `${test.method.toUpperCase()} ${test.path} ${test.status}`
  const text = await answer.text()
  expect(answer.status, `${where}: ${text.slice(0, 300)}`).toBe(test.status)
  const found = documented(test.path, test.method, test.status)
  expect(found, `${where} is not documented`).toBeDefined()
  const { response, pointer } = found!

  for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Node>)) {
    const value = answer.headers.get(name)
    if (value === null) {
      expect(header.required, `${where}: header ${name} is documented as always sent`).not.toBe(
        true,
      )
      continue
    }
    const validate = validatorAt(`${pointer}/headers/${escape(name)}/schema`)
    expect(validate(value), `${where}: header ${name}: ${value}`).toBe(true)
  }

  const content = response.content as Record<string, Node> | undefined
  if (!content) {
    expect(text, `${where} has no documented body`).toBe('')
    return
  }
  const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim()
  expect(Object.keys(content), `${where}: media type`).toContain(type)
  if (type !== 'application/json') return

  const validate = validatorAt(`${pointer}/content/${escape(type)}/schema`)
  const valid = validate(JSON.parse(text))
  expect(validate.errors ?? [], where).toEqual([])
  expect(valid).toBe(true)
}

/** Checks a request body against the documented JSON request schema. */
function checkRequestBody(test: Case) {
  const operation = `/paths/${escape(test.path)}/${test.method}`
  const pointer = `${operation}/requestBody/content/application~1json/schema`
  const validate = validatorAt(pointer)
  validate(test.body)
  expect(validate.errors ?? [], `request of ${test.what}`).toEqual([])
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
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()

const postJson = (server: TestServer, path: string, body: unknown) => server.postJson(path, body)
const postForm = (server: TestServer, path: string, form: FormData) =>
  fetch(server.url + path, { method: 'POST', body: form })
const postText = (server: TestServer, path: string, text: string) =>
  fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: text,
  })

/** A GET whose answer is first fetched for its ETag, then asked for again with it. */
async function revalidate(server: TestServer, path: string): Promise<Response> {
  const first = await server.get(path)
  await first.arrayBuffer()
  const etag = first.headers.get('etag')
  if (!etag) throw new Error(`${path} sent no ETag`)
  return server.get(path, { headers: { 'if-none-match': etag } })
}

const get = (path: string, documentedPath: string, status: number, what: string): Case => ({
  path: documentedPath,
  method: 'get',
  status,
  what,
  send: (server) => server.get(path),
})

/** A document whose URLs follow Host, asked for with a Host that names no host. */
const badHost = (path: string): Case => ({
  path,
  method: 'get',
  status: 400,
  what: 'a Host that names no host',
  send: (server) => getWithHost(server.url, path, 'evil.test/x?'),
})

const check = (status: number, what: string, body: unknown): Case => ({
  path: '/api/admission-check',
  method: 'post',
  status,
  what,
  body,
  send: (server) => postJson(server, '/api/admission-check', body),
})

const report = (status: number, what: string, body: unknown): Case => ({
  path: '/api/reports',
  method: 'post',
  status,
  what,
  body,
  send: (server) => postJson(server, '/api/reports', body),
})

const LAYER_TILE = '/tiles/{layer}/{z}/{x}/{y}.mvt'
const ZONING_TILE = '/tiles/zoning/{z}/{x}/{y}.mvt'
// Zoom 10 tile over the middle of the fixture, which every polygon layer reaches.
const FULL_TILE = '10/830/432'
const REPORT = {
  category: 'water',
  location: { lon: 112.03, lat: 27.03 },
  observedAt: hoursAgo(2),
  description: 'An oily film on the water below the intake.',
}

const CASES: Case[] = [
  get('/tiles', '/tiles', 200, 'the catalogue'),
  get('/tiles/water_source_zones.json', '/tiles/{layer}.json', 200, 'a layer TileJSON'),
  get('/tiles/ecological_red_line.json', '/tiles/{layer}.json', 200, 'an empty layer TileJSON'),
  get('/tiles/no_such_layer.json', '/tiles/{layer}.json', 404, 'an unknown layer'),
  get('/tiles/zoning.json', '/tiles/zoning.json', 200, 'the composite TileJSON'),
  badHost('/tiles'),
  { ...badHost('/tiles/control_units.json'), path: '/tiles/{layer}.json' },
  badHost('/tiles/zoning.json'),
  badHost('/styles/zoning.json'),
  get(`/tiles/control_units/${FULL_TILE}.mvt`, LAYER_TILE, 200, 'a gzip tile'),
  {
    path: LAYER_TILE,
    method: 'get',
    status: 200,
    what: 'a tile without gzip',
    send: (server) =>
      server.get(`/tiles/control_units/${FULL_TILE}.mvt`, {
        headers: { 'accept-encoding': 'identity' },
      }),
  },
  get('/tiles/control_units/2/1/1.mvt', LAYER_TILE, 204, 'an empty tile'),
  {
    path: LAYER_TILE,
    method: 'get',
    status: 304,
    what: 'a tile the client holds',
    send: (server) => revalidate(server, `/tiles/rivers/${FULL_TILE}.mvt`),
  },
  get('/tiles/control_units/10/8x/430.mvt', LAYER_TILE, 400, 'a column not a number'),
  get('/tiles/control_units/3/8/0.mvt', LAYER_TILE, 400, 'a column outside the grid'),
  get(`/tiles/control_units/${FULL_TILE}.png`, LAYER_TILE, 400, 'another format'),
  get('/tiles/facilities/3/6/3.mvt', LAYER_TILE, 404, 'a zoom below the layer range'),
  get('/tiles/no_such_layer/3/6/3.mvt', LAYER_TILE, 404, 'an unknown layer'),
  ...[LAYER_TILE, ZONING_TILE].map((path): Case => ({
    path,
    method: 'get',
    status: 406,
    what: 'a tile asked for in no encoding it comes in',
    send: (server: TestServer) =>
      server.get(path.replace('{layer}', 'control_units').replace('{z}/{x}/{y}', FULL_TILE), {
        headers: { 'accept-encoding': 'identity;q=0' },
      }),
  })),
  get(`/tiles/zoning/${FULL_TILE}.mvt`, ZONING_TILE, 200, 'a composite tile'),
  get('/tiles/zoning/3/1/1.mvt', ZONING_TILE, 204, 'an empty composite tile'),
  {
    path: ZONING_TILE,
    method: 'get',
    status: 304,
    what: 'a composite tile the client holds',
    send: (server) => revalidate(server, `/tiles/zoning/${FULL_TILE}.mvt`),
  },
  get('/tiles/zoning/25/0/0.mvt', ZONING_TILE, 400, 'a zoom beyond 24'),
  get('/tiles/zoning/15/0/0.mvt', ZONING_TILE, 404, 'a zoom beyond the composite range'),
  get('/styles/zoning.json', '/styles/zoning.json', 200, 'the style'),

  get('/api/lookup?lon=112.03&lat=27.03', '/api/lookup', 200, 'a point in a level-1 zone'),
  get('/api/lookup?lon=112.125&lat=27.025', '/api/lookup', 200, 'a point of class rules'),
  get('/api/lookup?lon=112.15&lat=27.05', '/api/lookup', 200, 'a point on a shared edge'),
  get(`/api/lookup?lon=${riverEast(900)}&lat=27.075`, '/api/lookup', 200, 'a distance rule'),
  get('/api/lookup?lon=112.03&lat=27.03&crs=gcj02', '/api/lookup', 200, 'a GCJ-02 point'),
  get('/api/lookup?lon=112.03', '/api/lookup', 400, 'no latitude'),
  get('/api/lookup?lon=112.03&lat=27.03&crs=EPSG:3857', '/api/lookup', 400, 'an unknown crs'),
  get('/api/lookup?lon=100&lat=27.03', '/api/lookup', 422, 'a point outside the zoning'),

  check(200, 'a point site', { geometry: point(112.03, 27.03), industry: 'M73' }),
  check(200, 'a polygon across two units', {
    geometry: square(112.17, 27.04, 112.19, 27.06),
    industry: 'C2614',
    projectKind: 'expansion',
  }),
  check(200, 'a line site near the river', {
    geometry: {
      type: 'LineString',
      coordinates: [
        [112.1, 27.07],
        [112.14, 27.08],
      ],
    },
    industry: 'C26',
  }),
  check(200, 'an open WKT ring, closed', {
    wkt: 'POLYGON((112.12 27.02, 112.13 27.02, 112.13 27.03, 112.12 27.03))',
    industry: 'A0313',
  }),
  {
    path: '/api/admission-check',
    method: 'post',
    status: 200,
    what: 'a GeoJSON file in a form',
    send: (server) => {
      const form = new FormData()
      form.set('industry', 'D4411')
      const file = JSON.stringify({
        type: 'Feature',
        properties: {},
        geometry: point(112.125, 27.025),
      })
      form.set('site', new Blob([file], { type: 'application/geo+json' }), 'site.geojson')
      return postForm(server, '/api/admission-check', form)
    },
  },
  check(400, 'no site', { industry: 'C2614' }),
  check(400, 'two sites', {
    geometry: point(112.03, 27.03),
    wkt: 'POINT(112 27)',
    industry: 'C26',
  }),
  check(413, 'a site of too many vertices', {
    geometry: {
      type: 'LineString',
      coordinates: Array.from({ length: 10_001 }, (_, i) => [112.01 + i * 1e-5, 27.05]),
    },
    industry: 'C26',
  }),
  {
    path: '/api/admission-check',
    method: 'post',
    status: 413,
    what: 'a file over 5 MB',
    send: (server) => {
      const form = new FormData()
      form.set('industry', 'C26')
      form.set('site', new Blob(['POINT(112 27)'.padEnd(5 * 1024 * 1024 + 1, ' ')]), 'big.wkt')
      return postForm(server, '/api/admission-check', form)
    },
  },
  {
    path: '/api/admission-check',
    method: 'post',
    status: 415,
    what: 'a text body',
    send: (server) => postText(server, '/api/admission-check', 'POINT(112 27)'),
  },
  check(422, 'an industry not in the catalogue', {
    geometry: point(112.03, 27.03),
    industry: 'C1311',
  }),
  check(422, 'a site outside the zoning', { geometry: point(100, 27.03), industry: 'C26' }),
  check(400, 'a check with several bad fields', {
    crs: 'EPSG:3857',
    industry: '2614',
    projectKind: 'demolition',
  }),
  check(422, 'a check whose fields are all wrong but well formed', {
    wkt: 'POINT(112.03',
    industry: 'C1311',
    projectKind: 'demolition',
  }),
  {
    path: '/api/admission-check/{id}',
    method: 'get',
    status: 200,
    what: 'a stored answer',
    send: async (server) => {
      const answer = await postJson(server, '/api/admission-check', {
        geometry: point(riverEast(900), 27.075),
        industry: 'C2614',
      })
      await answer.arrayBuffer()
      return server.get(answer.headers.get('content-location')!)
    },
  },
  get('/api/admission-check/not-an-id', '/api/admission-check/{id}', 400, 'a malformed id'),
  get(
    '/api/admission-check/AAAAAAAAAAAAAAAAAAAAAA',
    '/api/admission-check/{id}',
    404,
    'an unknown id',
  ),

  get('/api/industries?q=C26', '/api/industries', 200, 'a code prefix'),
  get(`/api/industries?q=${encodeURIComponent('制造')}&limit=1`, '/api/industries', 200, 'a name'),
  get('/api/industries', '/api/industries', 400, 'no q'),
  get('/api/industries?q=C26&limit=0', '/api/industries', 400, 'a limit of 0'),
  get('/api/industries/C2614', '/api/industries/{code}', 200, 'a class'),
  get('/api/industries/C', '/api/industries/{code}', 200, 'a section'),
  get('/api/industries/26x', '/api/industries/{code}', 400, 'a malformed code'),
  get('/api/industries/C1311', '/api/industries/{code}', 404, 'a code not loaded'),
  get('/api/units/ZH43042110001', '/api/units/{code}', 200, 'a unit'),
  get('/api/units/ZH4304', '/api/units/{code}', 400, 'a malformed unit code'),
  get('/api/units/ZH43042199999', '/api/units/{code}', 404, 'an unknown unit'),
  get(`/api/search?q=${encodeURIComponent('测试')}`, '/api/search', 200, 'places by name'),
  get('/api/search', '/api/search', 400, 'no q'),
  get('/api/districts', '/api/districts', 200, 'the districts'),

  report(201, 'a report', { ...REPORT, contact: { name: '李', phone: '0734-1234567' } }),
  report(201, 'an anonymous report in GCJ-02', {
    ...REPORT,
    category: 'livestock',
    location: { lon: '112.125', lat: '27.025', crs: 'gcj02' },
  }),
  {
    path: '/api/reports',
    method: 'post',
    status: 201,
    what: 'a report as a form',
    send: (server) => {
      const form = new FormData()
      form.set('category', 'air')
      form.set('location', JSON.stringify({ lon: 112.17, lat: 27.07 }))
      form.set('observedAt', hoursAgo(1))
      form.set('description', 'Black smoke at night.')
      return postForm(server, '/api/reports', form)
    },
  },
  report(400, 'a report without a category', { ...REPORT, category: undefined }),
  report(400, 'a report with an unknown field', { ...REPORT, photoUrl: 'x' }),
  report(400, 'a report with several bad fields', {
    ...REPORT,
    category: 'smell',
    observedAt: '2999-01-01T00:00:00Z',
    contact: { phone: 'x', email: 'y' },
  }),
  {
    path: '/api/reports',
    method: 'post',
    status: 413,
    what: 'a report over 32 KB',
    send: (server) =>
      postJson(server, '/api/reports', { ...REPORT, description: 'x'.repeat(40_000) }),
  },
  {
    path: '/api/reports',
    method: 'post',
    status: 415,
    what: 'a text report',
    send: (server) => postText(server, '/api/reports', 'smoke'),
  },
  report(422, 'a report outside the zoning', { ...REPORT, location: { lon: 100, lat: 27 } }),
  report(422, 'a report from the future', { ...REPORT, observedAt: '2999-01-01T00:00:00Z' }),
  report(422, 'a report from the future and too long', {
    ...REPORT,
    observedAt: '2999-01-01T00:00:00Z',
    description: 'x'.repeat(2001),
  }),
  {
    path: '/api/reports/{code}',
    method: 'get',
    status: 200,
    what: 'a report by its code',
    send: async (server) => {
      const stored = await postJson(server, '/api/reports', REPORT)
      await stored.arrayBuffer()
      return server.get(stored.headers.get('location')!)
    },
  },
  get('/api/reports/12345', '/api/reports/{code}', 400, 'a malformed code'),
  get('/api/reports/00000-00000-00000-00000', '/api/reports/{code}', 404, 'an unknown code'),

  get('/api/dataset', '/api/dataset', 200, 'the dataset'),
  get('/api/map-settings', '/api/map-settings', 200, 'the map settings, without a basemap'),
  get('/health', '/health', 200, 'health'),
  get('/ready', '/ready', 200, 'readiness'),
  get('/metrics', '/metrics', 200, 'the metrics'),
  get('/api/openapi.json', '/api/openapi.json', 200, 'this document'),
  {
    path: '/api/openapi.json',
    method: 'get',
    status: 304,
    what: 'this document, held',
    send: (server) => revalidate(server, '/api/openapi.json'),
  },
]

// Last: they spend the rest of this address's allowance.
const LIMITS = { reportsPerHour: 20, reportLookupsPerMinute: 30 }

/** Sends `request` until the limit answers, at most twice the limit (a window may end). */
async function exhaust(limit: number, request: () => Promise<Response>): Promise<Response> {
  for (let i = 0; i < 2 * limit + 2; i++) {
    const answer = await request()
    if (answer.status === 429) return answer
    await answer.arrayBuffer()
  }
  throw new Error(`No 429 within ${2 * limit + 2} requests.`)
}

CASES.push(
  {
    path: '/api/reports',
    method: 'post',
    status: 429,
    what: 'too many reports',
    send: (server) =>
      exhaust(LIMITS.reportsPerHour, () => postText(server, '/api/reports', 'smoke')),
  },
  {
    path: '/api/reports/{code}',
    method: 'get',
    status: 429,
    what: 'too many lookups',
    send: (server) =>
      exhaust(LIMITS.reportLookupsPerMinute, () => server.get('/api/reports/12345')),
  },
)

/** Koa route patterns that OpenAPI writes as more than one path. */
const ROUTE_PATHS: Record<string, string[]> = {
  '/tiles/:document': ['/tiles/{layer}.json', '/tiles/zoning.json'],
  '/tiles/:layer/:z/:x/:file': [LAYER_TILE, ZONING_TILE],
}

// A 500 or 503 needs a broken or overloaded database; both share the Error body checked above.
const UNPROVOKED = new Set([500, 503])

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(
    `the OpenAPI document against real answers ${backend.title}`,
    () => {
      let server: TestServer
      const seen = new Set<string>()
      beforeAll(async () => {
        server = await startTestServer(backend, 'fixture', LIMITS)
      })
      afterAll(() => server?.close())

      it.each(
        CASES.map(
          (test) =>
            [
              `${test.method.toUpperCase()} ${test.path} ${test.status}: ${test.what}`,
              test,
            ] as const,
        ),
      )('%s', async (_, test) => {
        if (test.body !== undefined && test.status < 300) checkRequestBody(test)
        await checkAgainstDocument(test, await test.send(server))
        seen.add(`${test.method} ${test.path} ${test.status}`)
      })

      it('has checked every documented answer against a real one', () => {
        const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
          Object.entries(item).flatMap(([method, operation]) =>
            Object.keys(operation.responses as Node)
              .filter((status) => !UNPROVOKED.has(Number(status)))
              .map((status) => `${method} ${path} ${status}`)
              .filter((key) => !seen.has(key)),
          ),
        )
        expect(missing).toEqual([])
      })

      it('serves the document it is built from', async () => {
        const answer = await server.get('/api/openapi.json')
        expect(await answer.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)))
      })

      it('documents every route the app registers outside /api/staff, and no other', () => {
        const tiles = new TileService(
          server.cache,
          new TileCutter(server.db, DEFAULT_CUTTER_OPTIONS),
          server.log,
        )
        const app = buildApp({
          db: server.db,
          cache: server.cache,
          catalog: server.catalog,
          tiles,
          log: server.log,
          metrics: createMetrics(server.cache, server.catalog, server.db),
          portalDir: '/nonexistent',
          trustProxyHops: 0,
          admissionNearbyM: 5_000,
          rateLimits: createMemoryRateLimitStore(),
          ...LIMITS,
        })
        const routers = app.middleware.flatMap((fn) => {
          const router = (fn as { router?: Router }).router
          return router ? [router] : []
        })
        expect(routers.length).toBeGreaterThan(5)

        const registered = routers
          .flatMap((router) => router.stack)
          .filter(
            (layer) => layer.methods.length > 0 && !String(layer.path).startsWith('/api/staff'),
          )
          .flatMap((layer) => {
            const path = String(layer.path)
            const paths = ROUTE_PATHS[path] ?? [path.replace(/:(\w+)/g, '{$1}')]
            return layer.methods
              .filter((method) => method !== 'HEAD')
              .flatMap((method) => paths.map((p) => `${method.toLowerCase()} ${p}`))
          })
        const inDocument = Object.entries(doc.paths).flatMap(([path, item]) =>
          Object.keys(item).map((method) => `${method} ${path}`),
        )
        expect([...new Set(registered)].sort()).toEqual(inDocument.sort())
      })
    },
  )
}
