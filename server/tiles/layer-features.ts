import pg from 'pg'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { Queryable } from '../db/database.ts'
import type { Layer } from './layer-catalog.ts'

export interface FeatureWindow {
  /** [west, south, east, north] in lon/lat: only features crossing it, clipped to it. */
  envelope: [number, number, number, number]
  /** Simplification tolerance in degrees. */
  tolerance: number
}

/**
 * Reads a layer's features as GeoJSON in lon/lat, with the table id as the feature id and only
 * the catalogue's public attributes as properties; all of them, or those in a window.
 */
export async function readLayerFeatures(
  db: Queryable,
  layer: Layer,
  window?: FeatureWindow,
): Promise<FeatureCollection> {
  const columns = layer.attributes.map((a) => `, ${pg.escapeIdentifier(a.name)}`).join('')
  const table = layer.labelPointsOf
    ? labelPointsOf(layer, columns, window !== undefined)
    : pg.escapeIdentifier(layer.tableName)
  const sql = window
    ? `WITH box AS (SELECT ST_MakeEnvelope($1, $2, $3, $4, 4326) AS env)
       SELECT id, ST_AsGeoJSON(ST_Simplify(ST_ClipByBox2D(geom, box.env), $5, true), 7)::json
                AS geometry${columns}
         FROM ${table}, box
        WHERE geom && box.env`
    : `SELECT id, ST_AsGeoJSON(geom, 7)::json AS geometry${columns} FROM ${table} ORDER BY id`
  const params = window ? [...window.envelope, window.tolerance] : []
  const rows = await db.query<Record<string, unknown> & { id: number; geometry: Geometry | null }>(
    sql,
    params,
  )

  const features: Feature[] = []
  for (const row of rows) {
    // Clipping can leave nothing of a feature that only touched the window.
    if (!row.geometry) continue
    const properties: Record<string, unknown> = {}
    for (const attribute of layer.attributes) {
      const value = row[attribute.name]
      if (value !== null && value !== undefined) properties[attribute.name] = value
    }
    features.push({ type: 'Feature', id: row.id, geometry: row.geometry, properties })
  }
  return { type: 'FeatureCollection', features }
}

/**
 * The label points of an area layer's table, as a table to read features from: each area's
 * id, its attributes, and as its geometry the centre of the largest circle inside it. Unlike a
 * centroid, which may fall outside a crescent, or a point on the surface, which may hug an
 * edge, it sits where the area is widest (see also listDistricts).
 */
function labelPointsOf(layer: Layer, columns: string, windowed: boolean): string {
  // In a window, only the areas reaching into it can have their point there: the circle is
  // worked out for those alone, found by the index ($1-$4 being the window's bounds).
  const within = windowed ? 'WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)' : ''
  return `(SELECT id, (ST_MaximumInscribedCircle(geom)).center AS geom${columns}
             FROM ${pg.escapeIdentifier(layer.tableName)} ${within}) AS label_points`
}

/** The number of vertices of a layer: what an in-memory index of it would hold. */
export async function countLayerVertices(db: Queryable, layer: Layer): Promise<number> {
  const counted = layer.labelPointsOf ? 'count(*)' : 'sum(ST_NPoints(geom))'
  const [row] = await db.query<{ n: number }>(
    `SELECT coalesce(${counted}, 0)::float8 AS n FROM ${pg.escapeIdentifier(layer.tableName)}`,
  )
  return row?.n ?? 0
}
