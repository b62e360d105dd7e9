import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../server/config.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { schemaErrors } from './openapi-schema.ts'

type Ring = [number, number][]

interface District {
  adcode: number
  name: string
  label: [number, number]
  bbox: [number, number, number, number]
}

const sample = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'data/sample/districts.geojson'), 'utf8'),
) as {
  features: {
    properties: { adcode: number; name: string }
    geometry: { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown }
  }[]
}

function polygonsOf(geometry: { type: string; coordinates: unknown }): Ring[][] {
  return geometry.type === 'Polygon'
    ? [geometry.coordinates as Ring[]]
    : (geometry.coordinates as Ring[][])
}

/** Even-odd ray casting over every ring: inside one polygon's shell and none of its holes. */
function inside([x, y]: [number, number], polygons: Ring[][]): boolean {
  const inRing = (ring: Ring) => {
    let odd = false
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd
    }
    return odd
  }
  return polygons.some(([shell, ...holes]) => inRing(shell!) && !holes.some(inRing))
}

/** The shortest distance in degrees from a point to any edge: how far a label is from borders. */
function edgeDistance([x, y]: [number, number], polygons: Ring[][]): number {
  let best = Infinity
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1]!
      const [bx, by] = ring[i]!
      const length2 = (bx - ax) ** 2 + (by - ay) ** 2
      const t = length2 === 0 ? 0 : ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length2
      const clamped = Math.max(0, Math.min(1, t))
      best = Math.min(best, Math.hypot(x - ax - clamped * (bx - ax), y - ay - clamped * (by - ay)))
    }
  }
  return best
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`GET /api/districts ${backend.title}`, () => {
    let server: TestServer
    let districts: District[]
    beforeAll(async () => {
      server = await startTestServer(backend, 'sample')
      const response = await server.get('/api/districts')
      expect(response.status).toBe(200)
      const body = (await response.json()) as { districts: District[] }
      expect(schemaErrors('/api/districts', 200, body)).toEqual([])
      districts = body.districts
    })
    afterAll(() => server?.close())

    it('lists every district of the sample by administrative code', () => {
      const expected = sample.features
        .map((feature) => ({ adcode: feature.properties.adcode, name: feature.properties.name }))
        .sort((a, b) => a.adcode - b.adcode)
      expect(districts.map(({ adcode, name }) => ({ adcode, name }))).toEqual(expected)
    })

    it('puts each label inside its district, well away from its borders', () => {
      for (const district of districts) {
        const feature = sample.features.find((f) => f.properties.adcode === district.adcode)!
        const polygons = polygonsOf(feature.geometry)
        expect(inside(district.label, polygons), district.name).toBe(true)
        // A label point on the surface may touch a border; this one keeps clear by design.
        const points = polygons.flat(2)
        const xs = points.map(([x]) => x)
        const width = Math.max(...xs) - Math.min(...xs)
        expect(edgeDistance(district.label, polygons), district.name).toBeGreaterThan(width / 20)
      }
    })

    it("gives each district's extent", () => {
      for (const district of districts) {
        const feature = sample.features.find((f) => f.properties.adcode === district.adcode)!
        const points = polygonsOf(feature.geometry).flat(2)
        const xs = points.map(([x]) => x)
        const ys = points.map(([, y]) => y)
        const expected = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
        district.bbox.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6))
      }
    })
  })
}
