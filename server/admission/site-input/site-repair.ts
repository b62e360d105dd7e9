import type { Queryable } from '../../db/database.ts'
import { countEdgeCrossings } from '../../geo/edge-crossings.ts'
import type { SiteGeometry } from '../../geo/geojson-geometry.ts'
import { unprocessable } from '../../http/http-error.ts'
import type { SiteRepair } from './raw-site.ts'

/** The most a site may cover: beyond the land of any one project, the largest development
 * zones being a few hundred km², and well below the 5° extent limit. */
export const MAX_SITE_AREA_KM2 = 1_000

/**
 * The least a polygon site may enclose, and a line site run. Overlaps finer than a hundredth of
 * a square metre or a centimetre are not counted, so a site below these would lie in nothing,
 * wherever it is: a site that small is a point, and is checked as one when given as a Point.
 */
export const MIN_SITE_AREA_M2 = 1
export const MIN_SITE_LENGTH_M = 1

/**
 * How far, as a fraction, the area of a repaired polygon may differ from the area its outline
 * nets as drawn (where a loop drawn the other way round counts negative) for the repair to be
 * taken. A slip that crosses an edge near a corner stays well inside it; a bow-tie, which nets
 * nothing, is far outside. A hole reaching outside its shell is refused whatever its size: made
 * valid, its area would be added to the site.
 */
export const REPAIR_AREA_TOLERANCE = 0.01

/** What a hole outside its outer ring does, and what to do instead. */
export const HOLE_OUTSIDE_ADVICE =
  'where it would add area rather than take it away; draw each hole inside its outer ring'

/** The most edge crossings a polygon may have and still be repaired. */
export const MAX_REPAIR_CROSSINGS = 10

/**
 * The most places where a line site may cross or touch itself. A road or pipeline that loops
 * back over itself now and then stays far below; a scribble is far above, and PostGIS splits a
 * line at every crossing before overlaying it on the zones, which took seconds for a thousand
 * random points and exhausted the embedded database's memory for ten thousand.
 */
export const MAX_LINE_CROSSINGS = 100

export interface CheckedSite {
  geometry: SiteGeometry
  repairs: SiteRepair[]
  /** m² on the WGS84 ellipsoid; null for points and lines. */
  areaM2: number | null
}

const SITE = 'site AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g)'

interface PartRow {
  part: number
  valid: boolean
  reason: string
  drawn: number
  holes: number
  within_shell: boolean
  repaired: number
  pieces: number
}

interface RepairRow {
  /** Each polygon of the site as drawn, in order. */
  parts: PartRow[]
  /** The polygons, made valid, neither overlap nor share edges. */
  together: boolean
  geojson: string | null
  area_m2: number
}

/**
 * Checks a WGS84 site's topology with PostGIS and repairs what can be repaired without doubt.
 * Each polygon that crosses or touches itself is made valid with ST_MakeValid when the area of
 * the result is within REPAIR_AREA_TOLERANCE of the area drawn and no hole reaches outside its
 * outer ring; polygons of a MultiPolygon that
 * overlap or share edges are merged into their union. Throws a 422 GEOMETRY_INVALID with
 * PostGIS's reason for anything else, a 422 SITE_TOO_LARGE past MAX_SITE_AREA_KM2 and a 422
 * SITE_TOO_SMALL below MIN_SITE_AREA_M2 or MIN_SITE_LENGTH_M. Runs the same on PGlite and
 * PostgreSQL.
 */
export async function repairSite(
  db: Queryable,
  site: SiteGeometry,
  field: string,
): Promise<CheckedSite> {
  const line = site.type === 'LineString' ? [site.coordinates] : []
  if (countEdgeCrossings(line, MAX_LINE_CROSSINGS, { open: true }) > MAX_LINE_CROSSINGS) {
    throw invalid(
      field,
      `the line crosses or touches itself more than ${MAX_LINE_CROSSINGS} times; draw a ` +
        'linear site (a road, a pipeline) along its route, without doubling back over it',
    )
  }

  type Row = { valid: boolean; reason: string; area_m2: number | null; length_m: number | null }
  const [row] = await db.query<Row>(
    `WITH ${SITE}
     SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason,
            -- The spheroid's area of an invalid polygon can come out below zero, which
            -- PostGIS raises as an error; such a site is repaired or refused below.
            CASE WHEN ST_Dimension(g) = 2 AND ST_IsValid(g) THEN ST_Area(g::geography) END
              AS area_m2,
            CASE WHEN ST_Dimension(g) = 1 THEN ST_Length(g::geography) END AS length_m
       FROM site`,
    [JSON.stringify(site)],
  )
  if (row?.valid) {
    assertLargeEnough(row.area_m2, row.length_m, field)
    return checked(site, [], row.area_m2, field)
  }

  const reason = row?.reason ?? 'invalid geometry'
  if (site.type !== 'Polygon' && site.type !== 'MultiPolygon') {
    throw invalid(field, describeReason(reason))
  }
  // ST_MakeValid's time grows steeply with the crossings (minutes for a few hundred), and an
  // outline that tangled says nothing certain about the area meant anyway.
  const polygons = site.type === 'Polygon' ? [site.coordinates] : site.coordinates
  for (const [i, rings] of polygons.entries()) {
    if (countEdgeCrossings(rings, MAX_REPAIR_CROSSINGS) > MAX_REPAIR_CROSSINGS) {
      const which = polygons.length > 1 ? `polygon ${i + 1}` : 'the polygon'
      throw invalid(
        field,
        `${which}: its edges cross or touch each other more than ${MAX_REPAIR_CROSSINGS} ` +
          'times, too tangled to repair without guessing which area is meant; redraw it ' +
          'without crossing edges',
      )
    }
  }

  // One row: the union and its area are computed once, not once per polygon (a MultiPolygon of
  // two thousand overlapping squares took ten seconds when every row carried them).
  const [repaired] = await db.query<RepairRow>(
    `WITH ${SITE},
     parts AS (
       SELECT COALESCE((d).path[1], 1) AS part, (d).geom AS g
         FROM (SELECT ST_Dump(g) AS d FROM site) dumped),
     fixed AS (
       SELECT part, ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason,
              -- Ring by ring: the spheroid's area of the whole would be below zero, which
              -- PostGIS raises as an error, for holes as large as their shell.
              ST_Area(ST_MakePolygon(ST_ExteriorRing(g))::geography) - COALESCE(
                (SELECT sum(ST_Area(ST_MakePolygon(ST_InteriorRingN(g, i))::geography))
                   FROM generate_series(1, ST_NumInteriorRings(g)) AS i), 0) AS drawn,
              ST_CollectionExtract(ST_MakeValid(g), 3) AS f,
              ST_NumInteriorRings(g) AS holes,
              -- A hole only takes area away: a repair reaching outside the outer ring has made
              -- part of a hole drawn across or beyond it into site.
              ST_Covers(ST_MakeValid(ST_MakePolygon(ST_ExteriorRing(g))),
                        ST_CollectionExtract(ST_MakeValid(g), 3)) AS within_shell
         FROM parts),
     pieces AS (SELECT (ST_Dump(f)).geom AS g FROM fixed),
     merged AS (
       SELECT ST_IsValid(ST_Collect(g)) AS together, ST_UnaryUnion(ST_Collect(g)) AS g
         FROM pieces)
     SELECT (SELECT json_agg(json_build_object(
                       'part', part, 'valid', valid, 'reason', reason, 'drawn', drawn,
                       'holes', holes, 'within_shell', within_shell,
                       'repaired', ST_Area(f::geography), 'pieces', ST_NumGeometries(f))
                     ORDER BY part)
               FROM fixed) AS parts,
            together, ST_AsGeoJSON(g, 9) AS geojson, ST_Area(g::geography) AS area_m2
       FROM merged`,
    [JSON.stringify(site)],
  )
  const parts = repaired?.parts ?? []

  const several = parts.length > 1
  const repairs: SiteRepair[] = []
  for (const part of parts) {
    if (part.valid) continue
    const which = several ? `polygon ${part.part}` : 'the polygon'
    const problem = `${which}: ${describeReason(part.reason)}`
    if (!(part.repaired > 0)) throw invalid(field, `${problem}, and encloses no area`)
    if (part.holes > 0 && !part.within_shell) {
      throw invalid(
        field,
        `${problem}, and a hole reaches outside its outer ring, ${HOLE_OUTSIDE_ADVICE}`,
      )
    }
    const difference = Math.abs(part.repaired - part.drawn) / Math.max(part.repaired, part.drawn)
    if (difference > REPAIR_AREA_TOLERANCE) {
      throw invalid(
        field,
        `${problem}. Made valid it would enclose ${km2(part.repaired)}, but its outline as ` +
          `drawn nets ${km2(part.drawn)}, so which area is meant cannot be told; redraw it ` +
          'without crossing edges',
      )
    }
    repairs.push({
      kind: 'made-valid',
      message:
        `${capitalise(problem)}. ST_MakeValid split it into ${part.pieces} polygon` +
        `${part.pieces === 1 ? '' : 's'} enclosing ${km2(part.repaired)}, within ` +
        `${REPAIR_AREA_TOLERANCE * 100}% of the area drawn.`,
    })
  }

  if (!repaired?.geojson) throw invalid(field, describeReason(reason))
  if (!repaired.together) {
    repairs.push({
      kind: 'merged-parts',
      message:
        `The polygons overlap or share edges (${reason}); the site is their union, ` +
        `${km2(repaired.area_m2)}.`,
    })
  }
  assertLargeEnough(repaired.area_m2, null, field)
  return checked(JSON.parse(repaired.geojson) as SiteGeometry, repairs, repaired.area_m2, field)
}

/** Throws a 422 SITE_TOO_SMALL for a polygon or line below the least size of a site. */
function assertLargeEnough(areaM2: number | null, lengthM: number | null, field: string) {
  const small =
    areaM2 !== null && areaM2 < MIN_SITE_AREA_M2
      ? `encloses ${areaM2.toPrecision(2)} m²; a polygon site must enclose at least ` +
        `${MIN_SITE_AREA_M2} m²`
      : lengthM !== null && lengthM < MIN_SITE_LENGTH_M
        ? `runs ${lengthM.toPrecision(2)} m; a line site must run at least ${MIN_SITE_LENGTH_M} m`
        : undefined
  if (small) {
    throw unprocessable(
      'SITE_TOO_SMALL',
      `${field} ${small}. A site that small is a point: give it as a Point. Check the ` +
        'coordinate system and the units too.',
      field,
    )
  }
}

function checked(
  geometry: SiteGeometry,
  repairs: SiteRepair[],
  areaM2: number | null,
  field: string,
): CheckedSite {
  if (areaM2 !== null && areaM2 > MAX_SITE_AREA_KM2 * 1e6) {
    throw unprocessable(
      'SITE_TOO_LARGE',
      `${field} covers ${km2(areaM2)}; a site may cover at most ${MAX_SITE_AREA_KM2} km². ` +
        'Check the coordinate system and the units.',
      field,
    )
  }
  return { geometry, repairs, areaM2 }
}

function invalid(field: string, why: string) {
  return unprocessable('GEOMETRY_INVALID', `${field} is not a valid site: ${why}.`, field)
}

/** PostGIS's reason in words, keeping its own text and the place it names. */
function describeReason(reason: string): string {
  const place = /\[([-\d.e]+) ([-\d.e]+)\]/.exec(reason)
  const at = place ? ` at ${Number(place[1]).toFixed(6)}, ${Number(place[2]).toFixed(6)}` : ''
  const kind = reason.replace(/\[.*\]$/, '').trim()
  const words: Record<string, string> = {
    'Self-intersection': 'its edges cross',
    'Ring Self-intersection': 'its outline touches itself',
    'Too few points in geometry component': 'it has too few distinct points',
    'Hole lies outside shell': 'an inner ring lies outside the outer ring',
    'Nested holes': 'an inner ring lies inside another',
    'Interior is disconnected': 'its inner rings cut it apart',
    'Nested shells': 'one polygon lies inside another',
    'Duplicate Rings': 'two rings are the same',
  }
  return `${words[kind] ?? 'PostGIS finds it invalid'}${at} (${kind})`
}

const km2 = (m2: number) =>
  m2 >= 1e6 ? `${(m2 / 1e6).toFixed(3)} km²` : `${Math.round(m2).toLocaleString('en')} m²`

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
