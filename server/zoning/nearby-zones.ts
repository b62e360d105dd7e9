import pg from 'pg'
import type { Queryable } from '../db/database.ts'
import type { SiteGeometry } from '../geo/geojson-geometry.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import { propertiesSql, siteReachSql, withinReachSql, zoneOf, type ZoneHit } from './site-zoning.ts'

export interface NearbyZone {
  layer: string
  title_zh: string
  title_en: string
  id: number
  properties: Record<string, unknown>
  /** True distance from the site on the WGS84 ellipsoid, m; 0 for a zone that only borders it. */
  distance_m: number
}

export interface NearbyZones {
  within_m: number
  zones: NearbyZone[]
  /** Whether more zones lie within reach than `limit` allowed to list. */
  truncated: boolean
}

/** Names of the layers the catalogue marks sensitive: zones that bar most projects. */
export async function sensitiveLayerNames(db: Queryable): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>('SELECT name FROM layers WHERE sensitive')
  return new Set(rows.map((row) => row.name))
}

/**
 * The zones of `layers` within `withinM` metres of the site that it is not in (`inside`), nearest
 * first, by true distance on the ellipsoid, at most `limit` of them. One query over all layers:
 * each layer's spatial index narrows to a box around the site before distances are measured.
 */
export async function nearbyZones(
  db: Queryable,
  layers: Layer[],
  site: SiteGeometry,
  withinM: number,
  inside: ZoneHit[],
  limit: number,
): Promise<NearbyZones> {
  if (layers.length === 0 || withinM <= 0) return { within_m: withinM, zones: [], truncated: false }

  const parts = layers.map(
    (layer, i) =>
      `SELECT ${i} AS layer_index, id, ${propertiesSql(layer)} AS properties,
              ST_Distance(geom::geography, site.gg) AS distance
         FROM ${pg.escapeIdentifier(layer.tableName)}, site
        WHERE ${withinReachSql('geom', '$2')}`,
  )
  // The zones the site is in are within reach too; fetch enough to fill the list without them.
  const rows = await db.query<{
    layer_index: number
    id: number
    properties: object
    distance: number
  }>(
    `WITH ${siteReachSql('$2')}
     SELECT * FROM (${parts.join('\nUNION ALL\n')}) near
      ORDER BY distance, layer_index, id
      LIMIT $3`,
    [JSON.stringify(site), withinM, limit + inside.length + 1],
  )

  const isInside = new Set(inside.map((zone) => `${zone.layer}/${zone.id}`))
  const zones = rows
    .map((row) => ({
      ...zoneOf(layers[row.layer_index]!, row),
      // Decimetres are more than the data's accuracy supports.
      distance_m: Math.round(row.distance * 10) / 10,
    }))
    .filter((zone) => !isInside.has(`${zone.layer}/${zone.id}`))
  return { within_m: withinM, zones: zones.slice(0, limit), truncated: zones.length > limit }
}
