import pg from 'pg'
import type { Queryable } from '../db/database.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import { readRules, rulesInForce, type RuleInForce } from './access-list.ts'
import { nearestPerRule } from './distance-rules.ts'
import {
  isZoneLayer,
  nearestOf,
  nearestQuery,
  propertiesSql,
  zoneOf,
  type NearestFeature,
  type NearestRow,
  type UnitHit,
} from './site-zoning.ts'

/** A control unit as its page shows it. Coordinates are WGS84 longitude/latitude, degrees. */
export interface UnitSummary {
  code: string
  name: string
  class: UnitHit['class']
  district_adcode: number
  district_name: string | null
  /** Area on the WGS84 ellipsoid (PostGIS geography), km², to 1e-6 km² (1 m²). */
  area_km2: number
  /** [west, south, east, north] of the unit. */
  bbox: [number, number, number, number]
  /** A point inside the unit, [lon, lat]: a lookup there finds this unit. */
  point: [number, number]
}

/** An overlay zone that overlaps the unit. */
export interface UnitZone {
  layer: string
  title_zh: string
  title_en: string
  id: number
  properties: Record<string, unknown>
  /** Area the zone and the unit share, m² on the ellipsoid, to 0.01 m². */
  overlap_m2: number
  /** That area as a fraction of the unit's, 0–1, to 1e-6. */
  share: number
}

export interface UnitDetail extends UnitSummary {
  /** Zones overlapping the unit by at least 0.01 m², in catalogue order, largest first. */
  zones: UnitZone[]
  /**
   * The rules in force in all of the unit (its own and its class's) or in part of it (those of
   * a zone that overlaps it, or of a feature within a distance rule's reach), in code order.
   */
  rules: RuleInForce[]
}

/**
 * A zone listed as overlapping shares at least what the answers show (0.01 m²): one that only
 * borders the unit, or shares a sliver finer than that, is left out, as the lookup does.
 */
const MIN_OVERLAP_M2 = 0.005

/** Whether a unit with this code is loaded; `code` is compared as given. */
export async function unitExists(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM control_units WHERE code = $1) AS found',
    [code],
  )
  return row?.found ?? false
}

/**
 * Everything the unit page shows of the unit with this code: its facts, the zones overlapping it
 * and the rules in force there; undefined when no unit has the code. `layers` is the catalogue.
 */
export async function unitDetail(
  db: Queryable,
  layers: Layer[],
  code: string,
): Promise<UnitDetail | undefined> {
  const unit = await unitSummary(db, code)
  if (!unit) return undefined

  const [zones, rules] = await Promise.all([unitZones(db, layers, code), readRules(db, [code])])
  const distances = await nearestPerRule(rules, layers, (layer, filter, withinM) =>
    nearestWithin(db, layer, filter, withinM, code),
  )
  const asHit: UnitHit = { ...unit, overlap_m2: null, overlap_length_m: null, share: 1 }
  const zoning = {
    units: [asHit],
    zones: zones.map((zone) => ({ ...zone, overlap_length_m: null })),
    distances,
  }
  return { ...unit, zones, rules: rulesInForce(rules, zoning) }
}

/** The unit's facts, its area measured now rather than taken from the stored attribute. */
async function unitSummary(db: Queryable, code: string): Promise<UnitSummary | undefined> {
  const [row] = await db.query<Omit<UnitSummary, 'area_km2'> & { area_m2: number }>(
    `SELECT u.code, u.name, u.class, u.district_adcode, d.name AS district_name,
            ST_Area(u.geom::geography) AS area_m2,
            ARRAY[ST_XMin(u.geom), ST_YMin(u.geom), ST_XMax(u.geom), ST_YMax(u.geom)] AS bbox,
            ARRAY[ST_X(inside.p), ST_Y(inside.p)] AS point
       FROM control_units u
       LEFT JOIN districts d ON d.adcode = u.district_adcode
       CROSS JOIN LATERAL (SELECT ST_PointOnSurface(u.geom) AS p) inside
      WHERE u.code = $1`,
    [code],
  )
  if (!row) return undefined

  const { area_m2: areaM2, bbox, point, ...unit } = row
  return { ...unit, area_km2: Number((areaM2 / 1e6).toFixed(6)), bbox, point }
}

/**
 * The features of every overlay-zone layer that overlap the unit, each with the area shared and
 * its share of the unit. One query: each layer's spatial index finds the candidates, and only
 * those are intersected.
 */
async function unitZones(db: Queryable, layers: Layer[], code: string): Promise<UnitZone[]> {
  const zoneLayers = layers.filter((layer) => isZoneLayer(layer))
  if (zoneLayers.length === 0) return []

  const parts = zoneLayers.map(
    (layer, i) =>
      `SELECT ${i} AS layer_index, id, ${propertiesSql(layer)} AS properties, unit.total,
              ST_Area(ST_Intersection(geom, unit.g)::geography) AS overlap
         FROM ${pg.escapeIdentifier(layer.tableName)}, unit
        WHERE ST_Intersects(geom, unit.g)`,
  )
  const rows = await db.query<{
    layer_index: number
    id: number
    properties: object
    total: number
    overlap: number
  }>(
    `WITH unit AS MATERIALIZED (
       SELECT geom AS g, ST_Area(geom::geography) AS total FROM control_units WHERE code = $1),
     hit AS MATERIALIZED (${parts.join('\nUNION ALL\n')})
     SELECT * FROM hit
      WHERE overlap >= ${MIN_OVERLAP_M2}
      ORDER BY layer_index, overlap DESC, id`,
    [code],
  )
  return rows.map((row) => ({
    ...zoneOf(zoneLayers[row.layer_index]!, row),
    overlap_m2: Number(row.overlap.toFixed(2)),
    share: row.total > 0 ? Number(Math.min(1, row.overlap / row.total).toFixed(6)) : 0,
  }))
}

/**
 * The nearest feature of `layer` matching `filter` within `withinM` metres of the unit with this
 * code, by true distance on the ellipsoid (0 when it touches or crosses the unit), as
 * distanceWithin finds it for a site; undefined when none lies within reach, or when the filter
 * names an attribute the layer does not publish.
 */
async function nearestWithin(
  db: Queryable,
  layer: Layer,
  filter: Record<string, string> | null,
  withinM: number,
  code: string,
): Promise<NearestFeature | undefined> {
  const origin = { given: 'SELECT geom AS g FROM control_units WHERE code = $1', param: code }
  const query = nearestQuery(layer, filter, withinM, origin)
  if (!query) return undefined
  const [row] = await db.query<NearestRow>(query.sql, query.params)
  return nearestOf(row)
}
