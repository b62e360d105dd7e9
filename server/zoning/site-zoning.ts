import pg from 'pg'
import type { Queryable } from '../db/database.ts'
import type { SiteGeometry } from '../geo/geojson-geometry.ts'
import type { Layer } from '../tiles/layer-catalog.ts'

/**
 * How much of the site lies in a unit or zone. Areas and lengths are measured on the WGS84
 * ellipsoid (PostGIS geography) after intersecting in lon/lat. A point site has no measure and
 * a share of 1 in everything it touches, both units included when it lies on their edge.
 */
export interface Overlap {
  /** Area of an area site inside, m²; null for points and lines. */
  overlap_m2: number | null
  /** Length of a line site inside, m; null for points and areas. */
  overlap_length_m: number | null
  /** Fraction of the site's area or length inside, 0–1; 1 for a point. */
  share: number
}

export interface UnitHit extends Overlap {
  code: string
  name: string
  class: 'priority' | 'key' | 'general'
  district_adcode: number
  district_name: string | null
  area_km2: number
}

export interface ZoneHit extends Overlap {
  layer: string
  title_zh: string
  title_en: string
  id: number
  properties: Record<string, unknown>
}

/** The site's size on the WGS84 ellipsoid: m² for an area, m for a line, neither for a point. */
export interface SiteMeasure {
  area_m2: number | null
  length_m: number | null
}

/** The site, as PostGIS reads it from bound GeoJSON text. */
/** The site, passed as GeoJSON text in $1, as a lon/lat geometry. */
export const SITE = 'ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)'

/** The site as `site.g`, with its dimension and its area (m²) or length (m) as `site.total`. */
const SITE_CTE = `site AS (
  SELECT g, ST_Dimension(g) AS dim,
         CASE ST_Dimension(g) WHEN 2 THEN ST_Area(g::geography)
                              WHEN 1 THEN ST_Length(g::geography) END AS total
    FROM (SELECT ${SITE} AS g) given)`

/** The site's area (m²) or length (m) inside `geom`; null for a point site. */
const overlapSql = (geom: string) => `CASE site.dim
  WHEN 2 THEN ST_Area(ST_Intersection(${geom}, site.g)::geography)
  WHEN 1 THEN ST_Length(ST_Intersection(${geom}, site.g)::geography) END`

/**
 * Keeps what the site is in, not merely beside: an area or line site that only shares an edge
 * or a point with a polygon has nothing inside it, and one that overlaps by less than the
 * answer shows (0.01 m² or 1 cm) is not listed as inside with an overlap of 0. A point touches
 * what it lies on. Applied to a materialised `hit`, so each intersection is computed once.
 */
const INSIDE = 'overlap IS NULL OR overlap >= 0.005'

interface OverlapRow {
  dim: number
  overlap: number | null
  total: number | null
}

/** Areas to 0.01 m², lengths to 1 cm, shares to 1e-6: finer than the data's accuracy. */
function overlapOf(row: OverlapRow): Overlap {
  const overlap = row.overlap === null ? null : Number(row.overlap.toFixed(2))
  const share =
    row.overlap === null || !row.total ? 1 : Number(Math.min(1, row.overlap / row.total).toFixed(6))
  return {
    overlap_m2: row.dim === 2 ? overlap : null,
    overlap_length_m: row.dim === 1 ? overlap : null,
    share,
  }
}

/** The site's area or length on the WGS84 ellipsoid. */
export async function siteMeasure(db: Queryable, site: SiteGeometry): Promise<SiteMeasure> {
  const [row] = await db.query<{ dim: number; total: number | null }>(
    `WITH ${SITE_CTE} SELECT dim, total FROM site`,
    [JSON.stringify(site)],
  )
  const total = row?.total == null ? null : Number(row.total.toFixed(2))
  return {
    area_m2: row?.dim === 2 ? total : null,
    length_m: row?.dim === 1 ? total : null,
  }
}

/**
 * The control units the site lies in, largest overlap first, each with its overlap and share.
 * One query: the spatial index finds the candidates, and only those are intersected.
 */
export async function unitsTouched(db: Queryable, site: SiteGeometry): Promise<UnitHit[]> {
  type Row = Omit<UnitHit, keyof Overlap> & OverlapRow
  const rows = await db.query<Row>(
    `WITH ${SITE_CTE},
     hit AS MATERIALIZED (
       SELECT u.code, u.name, u.class, u.district_adcode, d.name AS district_name, u.area_km2,
              site.dim, site.total, ${overlapSql('u.geom')} AS overlap
         FROM control_units u
         CROSS JOIN site
         LEFT JOIN districts d ON d.adcode = u.district_adcode
        WHERE ST_Intersects(u.geom, site.g))
     SELECT * FROM hit
     WHERE ${INSIDE}
     ORDER BY overlap DESC NULLS LAST, code`,
    [JSON.stringify(site)],
  )
  return rows.map(({ dim, total, overlap, ...unit }) => ({
    ...unit,
    ...overlapOf({ dim, total, overlap }),
  }))
}

/**
 * Features of every overlay-zone layer that the site lies in, in catalogue order and largest
 * overlap first within a layer, each with its overlap and share.
 */
export async function zonesTouched(
  db: Queryable,
  layers: Layer[],
  site: SiteGeometry,
): Promise<ZoneHit[]> {
  const zoneLayers = layers.filter((layer) => isZoneLayer(layer))
  if (zoneLayers.length === 0) return []

  // One round trip for all zone layers; each part selects only the catalogue's attributes.
  const parts = zoneLayers.map(
    (layer, i) =>
      `SELECT ${i} AS layer_index, id, ${propertiesSql(layer)} AS properties,
              site.dim, site.total, ${overlapSql('geom')} AS overlap
         FROM ${pg.escapeIdentifier(layer.tableName)}, site
        WHERE ST_Intersects(geom, site.g)`,
  )
  const rows = await db.query<{ layer_index: number; id: number; properties: object } & OverlapRow>(
    `WITH ${SITE_CTE},
     hit AS MATERIALIZED (${parts.join('\nUNION ALL\n')})
     SELECT * FROM hit
      WHERE ${INSIDE}
      ORDER BY layer_index, overlap DESC NULLS LAST, id`,
    [JSON.stringify(site)],
  )
  return rows.map((row) => ({
    ...zoneOf(zoneLayers[row.layer_index]!, row),
    ...overlapOf(row),
  }))
}

/** A zone feature as answers name it: its layer, the layer's titles, its id and attributes. */
export function zoneOf(layer: Layer, row: { id: number; properties: object }) {
  return {
    layer: layer.name,
    title_zh: layer.titleZh,
    title_en: layer.titleEn,
    id: row.id,
    properties: row.properties as Record<string, unknown>,
  }
}

/** A feature's public attributes as one jsonb object, names taken from the catalogue. */
export function propertiesSql(layer: Layer): string {
  const pairs = layer.attributes
    .map((a) => `${pg.escapeLiteral(a.name)}, ${pg.escapeIdentifier(a.name)}`)
    .join(', ')
  return `jsonb_build_object(${pairs})`
}

/** A query of the site in $1 as one geometry `g`: what a distance search measures from. */
const SITE_GIVEN = `SELECT ${SITE} AS g`

/**
 * SQL for the common table `site` of a distance search within `metres` (a bound parameter) of
 * the geometry `g` that the query `given` selects, by default the site in $1: `g` that geometry,
 * `gg` the same as geography, `box` a lon/lat box holding everything within reach, and
 * `reach_deg` a planar distance in degrees that everything within reach is nearer than. Both
 * bounds are generous on purpose: a degree of latitude is at least 110.57 km, and a degree of
 * longitude at least 111.0 km times the cosine of the highest latitude in reach.
 */
export function siteReachSql(metres: string, given = SITE_GIVEN): string {
  const m = `${metres}::float8`
  const dy = `(${m} / 110000.0)`
  const maxLat = `least(89.0, greatest(abs(ST_YMin(g)), abs(ST_YMax(g))) + ${dy})`
  const dx = `(${m} / (111000.0 * cos(radians(${maxLat}))))`
  return `site AS (
    SELECT g, g::geography AS gg, ST_Expand(g, ${dx}, ${dy}) AS box,
           ${m} / least(110000.0, 111000.0 * cos(radians(${maxLat}))) AS reach_deg
      FROM (${given}) given)`
}

/**
 * SQL keeping the rows of `geom` within `metres` of the site, for a query over `site` (above).
 * The index narrows to the box; a planar test in degrees then drops most of what the box holds
 * but is out of reach before anything is measured on the ellipsoid, which costs far more (a
 * 200-vertex site against the winding Xiang River: 68 ms median on the ellipsoid alone, 3.4 ms
 * with the planar test first, measured on PostgreSQL).
 */
export function withinReachSql(geom: string, metres: string): string {
  return `${geom} && site.box AND ST_DWithin(${geom}, site.g, site.reach_deg)
          AND ST_DWithin(${geom}::geography, site.gg, ${metres}::float8)`
}

/** The nearest feature within a distance rule's reach, and how far it is. */
export interface NearestFeature {
  /** True distance in metres on the WGS84 ellipsoid; 0 when the site touches it. */
  distance_m: number
  feature_id: number
  feature_name: string | null
}

/** What a distance search measures from: a query selecting one geometry `g` from $1, and $1. */
export interface ReachOrigin {
  given: string
  param: unknown
}

/** A row of a nearestQuery. */
export interface NearestRow {
  id: number
  name: string | null
  distance: number
}

/**
 * The query for the nearest feature of `layer` matching `filter` within `withinM` metres of
 * `origin`, by true distance on the ellipsoid, then by id; undefined when the filter names an
 * attribute the layer does not publish, which no feature can match. Pure.
 */
export function nearestQuery(
  layer: Layer,
  filter: Record<string, string> | null,
  withinM: number,
  origin: ReachOrigin,
): { sql: string; params: unknown[] } | undefined {
  const conditions: string[] = []
  const params: unknown[] = [origin.param, withinM]
  for (const [name, value] of Object.entries(filter ?? {})) {
    // Filter names come from stored rules; only catalogue attributes reach the SQL.
    if (!layer.attributes.some((a) => a.name === name)) return undefined
    params.push(value)
    conditions.push(`${pg.escapeIdentifier(name)}::text = $${params.length}`)
  }
  const name = nameColumn(layer)
  const sql = `WITH ${siteReachSql('$2', origin.given)}
     SELECT id, ${name ? `${pg.escapeIdentifier(name)}::text` : 'NULL::text'} AS name,
            ST_Distance(geom::geography, site.gg) AS distance
       FROM ${pg.escapeIdentifier(layer.tableName)}, site
      WHERE ${withinReachSql('geom', '$2')}
        ${conditions.map((c) => `AND ${c}`).join(' ')}
      ORDER BY distance, id
      LIMIT 1`
  return { sql, params }
}

/** The nearest feature a nearestQuery found; undefined when it found none. */
export function nearestOf(row: NearestRow | undefined): NearestFeature | undefined {
  if (!row) return undefined
  return { distance_m: row.distance, feature_id: row.id, feature_name: row.name }
}

/**
 * The nearest feature of `layer` matching `filter` within `withinM` metres of the site, by true
 * distance on the ellipsoid, or undefined when none lies within reach.
 */
export async function distanceWithin(
  db: Queryable,
  layer: Layer,
  filter: Record<string, string> | null,
  withinM: number,
  site: SiteGeometry,
): Promise<NearestFeature | undefined> {
  const origin = { given: SITE_GIVEN, param: JSON.stringify(site) }
  const query = nearestQuery(layer, filter, withinM, origin)
  if (!query) return undefined
  const [row] = await db.query<NearestRow>(query.sql, query.params)
  return nearestOf(row)
}

/** The attribute that names a layer's features, when it has one. */
export function nameColumn(layer: Layer): string | undefined {
  return ['name', 'reserve_name'].find((n) => layer.attributes.some((a) => a.name === n))
}

/** Whether the site touches any control unit: the covered area of the zoning. */
export async function isCovered(db: Queryable, site: SiteGeometry): Promise<boolean> {
  const [row] = await db.query<{ covered: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM control_units WHERE ST_Intersects(geom, ${SITE})) AS covered`,
    [JSON.stringify(site)],
  )
  return row?.covered ?? false
}

export function isZoneLayer(layer: Layer): boolean {
  return layer.role === 'zone'
}
