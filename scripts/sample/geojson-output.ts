import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GRID } from './unit-partition.ts'
import type { SampleDb } from './sample-database.ts'

export type GeometryKind = 'polygon' | 'line' | 'point'

/**
 * Writes a layer as an RFC 7946 FeatureCollection, one feature per line so that changes read
 * well in a diff. `sql` must return `props` (a json object, keys in catalogue order) and
 * `geom` (lon/lat) in the order the features should appear; `params` are bound from $1.
 * Geometry is snapped to the 7-decimal grid with GEOS's precision reducer, which keeps it
 * valid; polygons are written as MultiPolygons with counter-clockwise outer rings, lines as
 * MultiLineStrings, as the tables store them. Returns the number of features.
 */
export async function writeLayer(
  db: SampleDb,
  dir: string,
  file: string,
  kind: GeometryKind,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const grid = `$${params.length + 1}`
  const geometry =
    kind === 'point'
      ? `ST_ReducePrecision(geom, ${grid})`
      : `ST_Multi(ST_ForcePolygonCCW(ST_ReducePrecision(geom, ${grid})))`
  const result = await db.query<{ props: Record<string, unknown>; geometry: string }>(
    `SELECT props, ST_AsGeoJSON(${geometry}, 7) AS geometry FROM (${sql}) AS layer`,
    [...params, GRID],
  )

  const features = result.rows.map((row) =>
    JSON.stringify({ type: 'Feature', properties: row.props, geometry: JSON.parse(row.geometry) }),
  )
  const text = `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`
  writeFileSync(join(dir, file), text)
  return features.length
}

/** Writes pretty-printed JSON with a final newline. */
export function writeJson(dir: string, file: string, value: unknown): void {
  writeFileSync(join(dir, file), `${JSON.stringify(value, null, 2)}\n`)
}
