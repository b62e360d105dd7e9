import type { Position } from 'geojson'
import { seededRandom, type Random } from '../scripts/sample/seeded-random.ts'
import type { Queryable } from '../server/db/database.ts'
import {
  drawIndustry,
  drawProjectKind,
  isBoundaryKind,
  planSites,
  siteGeometry,
  type CheckSite,
  type SitePlan,
} from './check-sites.ts'

/** The least share of a polygon site that must lie in control units: all of it, up to noise. */
const COVERED_SHARE = 0.999
/** Overlap below this many m² is edge noise, not a second unit the site lies in. */
const OVERLAP_NOISE_M2 = 1
/** Rounds of redrawing before giving up on a database that leaves too little room. */
const MAX_ROUNDS = 200

interface Candidate {
  index: number
  plan: SitePlan
  geometry: CheckSite['geometry']
}

/**
 * Draws `count` check sites on the zoning in `db`, the same ones for the same seed and data
 * (see planSites for what they are). Points and ordinary polygons are centred anywhere in the
 * box of the control units; sites across a boundary are centred on the outer ring of a unit
 * drawn at random, at a random point along it. A site is kept only when it lies wholly in
 * control units (so every check is inside the covered area) and, for a boundary kind, overlaps
 * at least two of them; otherwise it is drawn again. Industries come from the `industries`
 * table, half of them among those the rules name. Throws when the data leaves no room.
 */
export async function drawCheckSites(
  db: Queryable,
  count: number,
  seed: number,
): Promise<CheckSite[]> {
  // Generators of their own, so the places do not shift when the projects are drawn differently.
  const placing = seededRandom(seed ^ 0x2c1b3c6d)
  const projects = seededRandom(seed ^ 0x297a2d39)
  const plans = planSites(count, placing)

  const [box] = await db.query<{ west: number; south: number; east: number; north: number }>(
    `SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
       FROM (SELECT ST_Extent(geom) AS e FROM control_units) units`,
  )
  const unitIds = (await db.query<{ id: number }>('SELECT id FROM control_units ORDER BY id')).map(
    (row) => row.id,
  )
  if (!box || box.west === null || unitIds.length === 0) {
    throw new Error('The database has no control units to place check sites on.')
  }

  const placed: CheckSite['geometry'][] = new Array(plans.length)
  let pending = plans.map((plan, index) => ({ plan, index }))
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) {
      throw new Error(
        `${pending.length} of ${plans.length} check sites found no place wholly inside the ` +
          `control units after ${MAX_ROUNDS} tries each.`,
      )
    }
    const centres = await drawCentres(db, pending, placing, box, unitIds)
    const candidates = pending.map(({ plan, index }, i) => ({
      index,
      plan,
      geometry: siteGeometry(plan, centres[i]!, placing),
    }))
    const kept = await keepCovered(db, candidates)
    for (const candidate of candidates) {
      if (kept.has(candidate.index)) placed[candidate.index] = candidate.geometry
    }
    pending = pending.filter(({ index }) => !kept.has(index))
  }

  const catalogue = (
    await db.query<{ code: string }>('SELECT code FROM industries ORDER BY code')
  ).map((row) => row.code)
  const named = (
    await db.query<{ code: string }>(
      'SELECT DISTINCT unnest(industries) AS code FROM rules ORDER BY code',
    )
  ).map((row) => row.code)
  if (catalogue.length === 0) throw new Error('The database has no industry catalogue.')

  return plans.map((plan, i) => ({
    kind: plan.kind,
    geometry: placed[i]!,
    industry: drawIndustry(projects, catalogue, named),
    projectKind: drawProjectKind(projects),
  }))
}

/** A centre for each pending plan: anywhere in the box, or on a unit's outer ring. */
async function drawCentres(
  db: Queryable,
  pending: { plan: SitePlan }[],
  random: Random,
  box: { west: number; south: number; east: number; north: number },
  unitIds: number[],
): Promise<Position[]> {
  const centres: Position[] = []
  const onRings: { at: number; id: number; fraction: number }[] = []
  for (const [at, { plan }] of pending.entries()) {
    if (isBoundaryKind(plan.kind)) {
      const id = unitIds[Math.floor(random() * unitIds.length)]!
      onRings.push({ at, id, fraction: random() })
      centres.push([])
    } else {
      centres.push([
        box.west + random() * (box.east - box.west),
        box.south + random() * (box.north - box.south),
      ])
    }
  }
  if (onRings.length === 0) return centres

  const rows = await db.query<{ at: number; lon: number; lat: number }>(
    `SELECT c.at, ST_X(p) AS lon, ST_Y(p) AS lat
       FROM unnest($1::integer[], $2::integer[], $3::float8[]) AS c(at, id, fraction)
       JOIN control_units u ON u.id = c.id
      CROSS JOIN LATERAL ST_LineInterpolatePoint(
              ST_ExteriorRing(ST_GeometryN(u.geom, 1)), c.fraction) AS p`,
    [onRings.map((r) => r.at), onRings.map((r) => r.id), onRings.map((r) => r.fraction)],
  )
  for (const row of rows) centres[row.at] = [row.lon, row.lat]
  return centres
}

/** The indices of the candidates that lie wholly in control units, and across two if asked. */
async function keepCovered(db: Queryable, candidates: Candidate[]): Promise<Set<number>> {
  const rows = await db.query<{ at: number; area: number | null; covered: number; units: number }>(
    `WITH site AS (
       SELECT c.at, ST_SetSRID(ST_GeomFromGeoJSON(c.geojson), 4326) AS g
         FROM unnest($1::text[]) WITH ORDINALITY AS c(geojson, at)),
     hit AS (
       SELECT site.at,
              CASE WHEN ST_Dimension(site.g) = 2
                   THEN ST_Area(ST_Intersection(u.geom, site.g)::geography) END AS m2
         FROM site JOIN control_units u ON ST_Intersects(u.geom, site.g))
     SELECT site.at::integer,
            CASE WHEN ST_Dimension(site.g) = 2 THEN ST_Area(site.g::geography) END AS area,
            coalesce((SELECT sum(m2) FROM hit WHERE hit.at = site.at), 0) AS covered,
            (SELECT count(*) FROM hit WHERE hit.at = site.at AND (m2 IS NULL OR m2 >= $2))::integer
              AS units
       FROM site`,
    [candidates.map((c) => JSON.stringify(c.geometry)), OVERLAP_NOISE_M2],
  )
  const kept = new Set<number>()
  for (const row of rows) {
    const candidate = candidates[row.at - 1]!
    const covered = row.area === null ? row.units > 0 : row.covered >= COVERED_SHARE * row.area
    const across = !isBoundaryKind(candidate.plan.kind) || row.units >= 2
    if (covered && across) kept.add(candidate.index)
  }
  return kept
}
