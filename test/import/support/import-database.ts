import type { Position } from 'geojson'
import type { Database } from '../../../server/db/database.ts'

export interface LayerState {
  dataVersion: number
  featureCount: number
  rows: Record<string, unknown>[]
}

/** A layer's catalogue entry and rows, to show that a failed import changed nothing. */
export async function layerState(db: Database, layer: string, table: string): Promise<LayerState> {
  const [entry] = await db.query<{ data_version: number; feature_count: number }>(
    'SELECT data_version, feature_count FROM layers WHERE name = $1',
    [layer],
  )
  const rows = await db.query(`SELECT *, ST_AsGeoJSON(geom) AS geojson FROM ${table} ORDER BY id`)
  return {
    dataVersion: entry!.data_version,
    featureCount: entry!.feature_count,
    rows: rows.map(({ geom: _geom, ...rest }) => rest),
  }
}

/**
 * Projects lon/lat polygons to an SRID with PostGIS (PROJ), independently of the importer's
 * proj4 definitions. The input is CGCS2000 (EPSG:4490) longitude/latitude.
 */
export async function projectWithPostgis(
  db: Database,
  polygons: Position[][][],
  srid: number,
): Promise<Position[][][]> {
  const [row] = await db.query<{ geojson: string }>(
    `SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490), $2::integer), 9)
              AS geojson`,
    [JSON.stringify({ type: 'MultiPolygon', coordinates: polygons }), srid],
  )
  return (JSON.parse(row!.geojson) as { coordinates: Position[][][] }).coordinates
}

/** The features of a polygon layer as names and MultiPolygon coordinates, in load order. */
export async function readPolygons(
  db: Database,
  table: string,
  columns: string[],
): Promise<{ values: Record<string, unknown>; polygons: Position[][][] }[]> {
  const rows = await db.query<Record<string, unknown> & { geojson: string }>(
    `SELECT ${columns.join(', ')}, ST_AsGeoJSON(geom) AS geojson FROM ${table} ORDER BY id`,
  )
  return rows.map(({ geojson, ...values }) => ({
    values,
    polygons: (JSON.parse(geojson) as { coordinates: Position[][][] }).coordinates,
  }))
}

/**
 * The largest distance in degrees from a vertex of `actual` to the same-numbered vertex of the
 * matching ring of `expected`, after checking both have the same polygons, rings and vertex
 * counts. Rings may start at another vertex or run the other way round once stored.
 */
export function largestVertexOffset(actual: Position[][][], expected: Position[][][]): number {
  if (actual.length !== expected.length) {
    throw new Error(`${actual.length} polygons, expected ${expected.length}`)
  }
  let largest = 0
  actual.forEach((polygon, p) => {
    const wanted = expected[p]!
    if (polygon.length !== wanted.length) {
      throw new Error(`polygon ${p + 1} has ${polygon.length} rings, expected ${wanted.length}`)
    }
    polygon.forEach((ring, r) => {
      largest = Math.max(largest, ringOffset(ring, wanted[r]!))
    })
  })
  return largest
}

function ringOffset(actual: Position[], expected: Position[]): number {
  if (actual.length !== expected.length) {
    throw new Error(`a ring has ${actual.length} vertices, expected ${expected.length}`)
  }
  const open = (ring: Position[]) => ring.slice(0, -1)
  const a = open(actual)
  const candidates = [open(expected), open(expected).reverse()]
  let best = Infinity
  for (const e of candidates) {
    for (let shift = 0; shift < e.length; shift++) {
      let worst = 0
      a.forEach((position, i) => {
        const other = e[(i + shift) % e.length]!
        worst = Math.max(worst, Math.hypot(position[0]! - other[0]!, position[1]! - other[1]!))
      })
      best = Math.min(best, worst)
    }
  }
  return best
}
