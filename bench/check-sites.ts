import type { Point, Polygon, Position } from 'geojson'
import type { Random } from '../scripts/sample/seeded-random.ts'
import { PROJECT_KINDS, type ProjectKind } from '../server/zoning/access-list.ts'

/** The kinds of site part 4 checks, in report order, with their share of the sites. */
export const SITE_KINDS = [
  { kind: 'point', label: 'point', share: 0.25 },
  { kind: 'polygon', label: 'polygon, 4–40 vertices', share: 0.3 },
  { kind: 'polygon-200', label: 'polygon, 200 vertices', share: 0.2 },
  { kind: 'boundary', label: 'across a unit boundary, 4–40 vertices', share: 0.15 },
  { kind: 'boundary-200', label: 'across a unit boundary, 200 vertices', share: 0.1 },
] as const

export type SiteKind = (typeof SITE_KINDS)[number]['kind']

/** The smallest and largest area drawn, m²: 1 ha and 100 ha. */
export const MIN_AREA_M2 = 1e4
export const MAX_AREA_M2 = 1e6
/** Vertex counts of the ordinary polygons, closing position not counted. */
export const MIN_VERTICES = 4
export const MAX_VERTICES = 40
export const MANY_VERTICES = 200

/** What one site will be, before a place is found for it. */
export interface SitePlan {
  kind: SiteKind
  /** Area to draw, m²; 0 for a point. */
  areaM2: number
  /** Vertices of the ring, closing position not counted; 1 for a point. */
  vertices: number
}

/** One request of part 4: a site and the project asked about. */
export interface CheckSite {
  kind: SiteKind
  geometry: Point | Polygon
  industry: string
  projectKind: ProjectKind
}

/** Whether sites of this kind are drawn across a unit boundary rather than anywhere. */
export function isBoundaryKind(kind: SiteKind): boolean {
  return kind === 'boundary' || kind === 'boundary-200'
}

/** How many of `count` sites each kind gets: its share, rounded so that they add up. Pure. */
export function kindCounts(count: number): Map<SiteKind, number> {
  const exact = SITE_KINDS.map((k) => k.share * count)
  const counts = exact.map(Math.floor)
  // Largest remainders first, the earlier kind on a tie, until the counts add up.
  const order = exact
    .map((value, i) => ({ i, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i)
  let missing = count - counts.reduce((sum, n) => sum + n, 0)
  for (const { i } of order) {
    if (missing-- <= 0) break
    counts[i]!++
  }
  return new Map(SITE_KINDS.map((k, i) => [k.kind, counts[i]!]))
}

/**
 * Plans `count` sites, kind after kind in SITE_KINDS order: polygons of 1 to 100 ha drawn
 * log-uniformly (as many small parcels as large ones per decade), ordinary ones with 4 to 40
 * vertices (most near the low end, as surveyed parcels are), the others with 200. Pure given
 * the generator.
 */
export function planSites(count: number, random: Random): SitePlan[] {
  const plans: SitePlan[] = []
  for (const [kind, n] of kindCounts(count)) {
    for (let i = 0; i < n; i++) {
      if (kind === 'point') {
        plans.push({ kind, areaM2: 0, vertices: 1 })
        continue
      }
      const areaM2 = MIN_AREA_M2 * (MAX_AREA_M2 / MIN_AREA_M2) ** random()
      const span = MAX_VERTICES - MIN_VERTICES + 1
      const vertices = kind.endsWith('-200')
        ? MANY_VERTICES
        : MIN_VERTICES + Math.floor(random() ** 2 * span)
      plans.push({ kind, areaM2, vertices })
    }
  }
  return plans
}

// A sphere of the mean Earth radius (IUGG): within half a per cent of the ellipsoid over a
// site of a kilometre, which is all a benchmark site needs.
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180

/**
 * A regular-ish polygon of `vertices` vertices and about `areaM2` m² around `centre`
 * (lon/lat): vertex angles jittered by up to a quarter step, radii by up to 30%, then scaled to
 * the area on a local plane. Every vertex lies at a strictly greater angle than the last, so
 * the ring is star-shaped around the centre and never crosses itself. Counterclockwise and
 * closed, as RFC 7946 asks; coordinates rounded to 7 decimals (about 1 cm). Pure given the
 * generator.
 */
export function polygonAround(
  centre: Position,
  areaM2: number,
  vertices: number,
  random: Random,
): Polygon {
  const [lon0, lat0] = centre as [number, number]
  const step = (2 * Math.PI) / vertices
  const shape = Array.from({ length: vertices }, (_, i) => {
    const angle = step * (i + (random() - 0.5) / 2)
    const radius = 1 + (random() - 0.5) * 0.6
    return [radius * Math.cos(angle), radius * Math.sin(angle)] as const
  })
  const scale = Math.sqrt(areaM2 / shoelace(shape))

  const metresPerLon = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180)
  const ring: Position[] = shape.map(([x, y]) => [
    round7(lon0 + (x * scale) / metresPerLon),
    round7(lat0 + (y * scale) / METRES_PER_DEGREE),
  ])
  ring.push([...ring[0]!])
  return { type: 'Polygon', coordinates: [ring] }
}

/** The site of a plan at `centre`: the point itself, or a polygon around it. Pure. */
export function siteGeometry(plan: SitePlan, centre: Position, random: Random): Point | Polygon {
  if (plan.kind === 'point') {
    return { type: 'Point', coordinates: [round7(centre[0]!), round7(centre[1]!)] }
  }
  return polygonAround(centre, plan.areaM2, plan.vertices, random)
}

/**
 * An industry code for a check: half of the time one the access list names, so that rules
 * apply and every verdict occurs, otherwise any code of the catalogue. Pure given the
 * generator.
 */
export function drawIndustry(random: Random, catalogue: string[], named: string[]): string {
  const from = named.length > 0 && random() < 0.5 ? named : catalogue
  return from[Math.floor(random() * from.length)]!
}

/** A project kind, each of the four equally often. Pure given the generator. */
export function drawProjectKind(random: Random): ProjectKind {
  return PROJECT_KINDS[Math.floor(random() * PROJECT_KINDS.length)]!
}

/** A copy of `items` in a random order (Fisher–Yates). Pure given the generator. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

/** The JSON body of `POST /api/admission-check` for a site. */
export function checkBody(site: CheckSite): string {
  const { geometry, industry, projectKind } = site
  return JSON.stringify({ geometry, industry, projectKind })
}

function shoelace(points: readonly (readonly [number, number])[]): number {
  let twice = 0
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!
    const [x2, y2] = points[(i + 1) % points.length]!
    twice += x1 * y2 - x2 * y1
  }
  return twice / 2
}

function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7
}
