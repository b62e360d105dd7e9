import type { Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import {
  checkBody,
  drawIndustry,
  kindCounts,
  planSites,
  polygonAround,
  shuffled,
  siteGeometry,
} from '../../bench/check-sites.ts'
import { seededRandom } from '../../scripts/sample/seeded-random.ts'

// Area on a sphere of the mean Earth radius by the line-integral formula of Chamberlain and
// Duquette (2007), "Some algorithms for polygons on a sphere": a method of its own, apart from
// the local plane the generator scales its polygons on.
const R = 6_371_008.8
function sphericalArea(ring: Position[]): number {
  const rad = Math.PI / 180
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [lon1, lat1] = ring[i]!
    const [lon2, lat2] = ring[i + 1]!
    sum += (lon2! - lon1!) * rad * (2 + Math.sin(lat1! * rad) + Math.sin(lat2! * rad))
  }
  // The sum is negative for a counterclockwise ring; the sign is turned so that such a ring,
  // as RFC 7946 asks for, has a positive area.
  return (-sum * R * R) / 2
}

const HENGYANG: Position = [112.6, 26.9]
const TAU = 2 * Math.PI

describe('kindCounts', () => {
  it('splits sites by the kinds’ shares', () => {
    expect([...kindCounts(1000).values()]).toEqual([250, 300, 200, 150, 100])
    expect([...kindCounts(200).values()]).toEqual([50, 60, 40, 30, 20])
  })

  it('gives the rest to the largest remainders so the counts add up', () => {
    // 7 × shares = 1.75, 2.1, 1.4, 1.05, 0.7: floors 1, 2, 1, 1, 0 leave 2, which go to the
    // remainders .75 and .7.
    expect([...kindCounts(7).values()]).toEqual([2, 2, 1, 1, 1])
  })
})

describe('planSites', () => {
  const plans = planSites(1000, seededRandom(3))

  it('plans points, then polygons of 1 to 100 ha with the vertices of their kind', () => {
    expect(plans).toHaveLength(1000)
    for (const plan of plans) {
      if (plan.kind === 'point') {
        expect(plan).toEqual({ kind: 'point', areaM2: 0, vertices: 1 })
        continue
      }
      expect(plan.areaM2).toBeGreaterThanOrEqual(1e4)
      expect(plan.areaM2).toBeLessThanOrEqual(1e6)
      if (plan.kind.endsWith('-200')) expect(plan.vertices).toBe(200)
      else {
        expect(plan.vertices).toBeGreaterThanOrEqual(4)
        expect(plan.vertices).toBeLessThanOrEqual(40)
      }
    }
    expect(plans.map((p) => p.kind).slice(248, 252)).toEqual([
      'point',
      'point',
      'polygon',
      'polygon',
    ])
  })

  it('draws areas log-uniformly: about half of them under 10 ha', () => {
    const areas = plans.filter((p) => p.kind !== 'point').map((p) => p.areaM2)
    const small = areas.filter((a) => a < 1e5).length / areas.length
    expect(small).toBeGreaterThan(0.44)
    expect(small).toBeLessThan(0.56)
  })

  it('keeps most ordinary polygons small, as surveyed parcels are', () => {
    const counts = plans.filter((p) => p.kind === 'polygon').map((p) => p.vertices)
    // vertices = 4 + floor(u² × 37): under 15 when u < sqrt(11/37), about 55% of the time.
    const under15 = counts.filter((n) => n < 15).length / counts.length
    expect(under15).toBeGreaterThan(0.48)
    expect(under15).toBeLessThan(0.62)
  })
})

describe('polygonAround', () => {
  const cases = [
    [1e4, 4],
    [1e4, 200],
    [3.5e5, 17],
    [1e6, 200],
  ] as const

  it.each(cases)('draws %d m² with %d vertices, closed and counterclockwise', (area, n) => {
    const polygon = polygonAround(HENGYANG, area, n, seededRandom(11))
    const ring = polygon.coordinates[0]!
    expect(polygon.coordinates).toHaveLength(1)
    expect(ring).toHaveLength(n + 1)
    expect(ring.at(-1)).toEqual(ring[0])
    // Positive for counterclockwise rings (RFC 7946's right-hand rule).
    const measured = sphericalArea(ring)
    expect(measured).toBeGreaterThan(0)
    expect(Math.abs(measured / area - 1)).toBeLessThan(0.005)
  })

  it('goes round the centre once at strictly growing angles, so it cannot cross itself', () => {
    const ring = polygonAround(HENGYANG, 2e5, 200, seededRandom(5)).coordinates[0]!
    const cos = Math.cos((HENGYANG[1]! * Math.PI) / 180)
    const angles = ring
      .slice(0, -1)
      .map(([lon, lat]) => Math.atan2(lat! - HENGYANG[1]!, (lon! - HENGYANG[0]!) * cos))
    // Each angle from the first vertex's, counterclockwise, in [0, 2π).
    const turned = angles.map((a) => (((a - angles[0]!) % TAU) + TAU) % TAU)
    for (let i = 1; i < turned.length; i++) expect(turned[i]!).toBeGreaterThan(turned[i - 1]!)
  })

  it('is regular-ish: radii vary by up to 30% around their mean', () => {
    const ring = polygonAround(HENGYANG, 2e5, 40, seededRandom(8)).coordinates[0]!
    const cos = Math.cos((HENGYANG[1]! * Math.PI) / 180)
    const radii = ring.map(([lon, lat]) =>
      Math.hypot((lon! - HENGYANG[0]!) * cos, lat! - HENGYANG[1]!),
    )
    const ratio = Math.max(...radii) / Math.min(...radii)
    expect(ratio).toBeGreaterThan(1.1)
    expect(ratio).toBeLessThanOrEqual(1.3 / 0.7)
  })

  it('rounds to 7 decimals and gives the same polygon for the same seed', () => {
    const a = polygonAround(HENGYANG, 5e4, 12, seededRandom(2))
    expect(polygonAround(HENGYANG, 5e4, 12, seededRandom(2))).toEqual(a)
    for (const [lon, lat] of a.coordinates[0]!) {
      expect(Math.round(lon! * 1e7) / 1e7).toBe(lon)
      expect(Math.round(lat! * 1e7) / 1e7).toBe(lat)
    }
  })
})

describe('site requests', () => {
  it('makes a point site of the centre itself', () => {
    const point = siteGeometry(
      { kind: 'point', areaM2: 0, vertices: 1 },
      [112.123456789, 27.5],
      seededRandom(1),
    )
    expect(point).toEqual({ type: 'Point', coordinates: [112.1234568, 27.5] })
  })

  it('draws half the industries among those the rules name', () => {
    const random = seededRandom(9)
    const catalogue = Array.from({ length: 100 }, (_, i) => `C${String(i + 10)}`)
    const named = ['C26', 'C2614']
    const drawn = Array.from({ length: 2000 }, () => drawIndustry(random, catalogue, named))
    expect(drawn.every((code) => catalogue.includes(code) || named.includes(code))).toBe(true)
    const share = drawn.filter((code) => named.includes(code)).length / drawn.length
    expect(share).toBeGreaterThan(0.46)
    expect(share).toBeLessThan(0.54)
    expect(drawIndustry(seededRandom(1), ['A01'], [])).toBe('A01')
  })

  it('posts the geometry, industry and project kind', () => {
    const geometry: Polygon = polygonAround(HENGYANG, 1e4, 4, seededRandom(1))
    const body = JSON.parse(
      checkBody({ kind: 'polygon', geometry, industry: 'C2614', projectKind: 'expansion' }),
    )
    expect(body).toEqual({ geometry, industry: 'C2614', projectKind: 'expansion' })
  })
})

describe('shuffled', () => {
  it('reorders a copy, the same way for the same seed, leaving the input as it was', () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const once = shuffled(items, seededRandom(4))
    expect(shuffled(items, seededRandom(4))).toEqual(once)
    expect(once).not.toEqual(items)
    expect([...once].sort((a, b) => a - b)).toEqual(items)
    expect(items[0]).toBe(0)
  })
})
