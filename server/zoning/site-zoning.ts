import pg from 'pg'
import type { Queryable } from '../db/database.ts'
import type { SiteGeometry } from '../geo/geojson-geometry.ts'
import type { Layer } from '../tiles/layer-catalog.ts'

export interface UnitHit {
  code: string
  name: string
  class: 'priority' | 'key' | 'general'
  district_adcode: number
  district_name: string | null
  area_km2: number
  /** Area of the site inside the unit, m² on the ellipsoid; null for points and lines. */
  overlap_m2: number | null
}

export interface ZoneHit {
  layer: string
  title_zh: string
  title_en: string
  id: number
  properties: Record<string, unknown>
}

/** The site, as PostGIS reads it from bound GeoJSON text. */
const SITE = 'ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)'

/** PostGIS's verdict on the site's topology: undefined when valid, else the reason. */
export async function invalidityReason(
  db: Queryable,
  site: SiteGeometry,
): Promise<string | undefined> {
  const [row] = await db.query<{ valid: boolean; reason: string }>(
    `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason FROM (SELECT ${SITE} AS g) s`,
    [JSON.stringify(site)],
  )
  return row?.valid ? undefined : (row?.reason ?? 'invalid geometry')
}

/** The control units the site touches, largest overlap first. */
export async function unitsTouched(db: Queryable, site: SiteGeometry): Promise<UnitHit[]> {
  return db.query<UnitHit>(
    `WITH site AS (SELECT ${SITE} AS g)
     SELECT u.code, u.name, u.class, u.district_adcode, d.name AS district_name, u.area_km2,
            CASE WHEN ST_Dimension(site.g) = 2
                 THEN ST_Area(ST_Intersection(u.geom, site.g)::geography) END AS overlap_m2
       FROM control_units u
       CROSS JOIN site
       LEFT JOIN districts d ON d.adcode = u.district_adcode
      WHERE ST_Intersects(u.geom, site.g)
      ORDER BY overlap_m2 DESC NULLS LAST, u.code`,
    [JSON.stringify(site)],
  )
}

/** Features of every overlay-zone layer that the site touches, in catalogue order. */
export async function zonesTouched(
  db: Queryable,
  layers: Layer[],
  site: SiteGeometry,
): Promise<ZoneHit[]> {
  const zoneLayers = layers.filter((layer) => isZoneLayer(layer))
  if (zoneLayers.length === 0) return []

  // One round trip for all zone layers; each part selects only the catalogue's attributes.
  const parts = zoneLayers.map((layer, i) => {
    const pairs = layer.attributes
      .map((a) => `${pg.escapeLiteral(a.name)}, ${pg.escapeIdentifier(a.name)}`)
      .join(', ')
    return `SELECT ${i} AS layer_index, id, jsonb_build_object(${pairs}) AS properties
              FROM ${pg.escapeIdentifier(layer.tableName)}, site
             WHERE ST_Intersects(geom, site.g)`
  })
  const rows = await db.query<{ layer_index: number; id: number; properties: object }>(
    `WITH site AS (SELECT ${SITE} AS g)
     ${parts.join('\nUNION ALL\n')}
     ORDER BY layer_index, id`,
    [JSON.stringify(site)],
  )
  return rows.map((row) => {
    const layer = zoneLayers[row.layer_index]!
    return {
      layer: layer.name,
      title_zh: layer.titleZh,
      title_en: layer.titleEn,
      id: row.id,
      properties: row.properties as Record<string, unknown>,
    }
  })
}

/**
 * The true distance in metres (on the ellipsoid) from the site to the nearest feature of
 * `layer` matching `filter`, or undefined when none lies within `withinM`.
 */
export async function distanceWithin(
  db: Queryable,
  layer: Layer,
  filter: Record<string, string> | null,
  withinM: number,
  site: SiteGeometry,
): Promise<number | undefined> {
  const conditions: string[] = []
  const params: unknown[] = [JSON.stringify(site), withinM]
  for (const [name, value] of Object.entries(filter ?? {})) {
    // Filter names come from stored rules; only catalogue attributes reach the SQL.
    if (!layer.attributes.some((a) => a.name === name)) return undefined
    params.push(value)
    conditions.push(`${pg.escapeIdentifier(name)}::text = $${params.length}`)
  }
  const [row] = await db.query<{ distance: number | null }>(
    `WITH site AS (SELECT ${SITE}::geography AS g)
     SELECT min(ST_Distance(geom::geography, site.g)) AS distance
       FROM ${pg.escapeIdentifier(layer.tableName)}, site
      WHERE ST_DWithin(geom::geography, site.g, $2)
        ${conditions.map((c) => `AND ${c}`).join(' ')}`,
    params,
  )
  return row?.distance ?? undefined
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
