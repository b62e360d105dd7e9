import { writeLayer } from './geojson-output.ts'
import { RESERVE } from './place-plan.ts'
import type { SampleDb } from './sample-database.ts'

/**
 * Writes every layer of the sample into `dir` from the build tables, properties named and
 * ordered as in the layer catalogue. Returns the feature count per file.
 */
export async function writeSampleLayers(
  db: SampleDb,
  dir: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  const write = async (
    file: string,
    kind: 'polygon' | 'line' | 'point',
    sql: string,
    params: unknown[] = [],
  ) => {
    counts[file] = await writeLayer(db, dir, file, kind, sql, params)
  }

  await write(
    'districts.geojson',
    'polygon',
    `SELECT json_build_object('adcode', adcode, 'name', name) AS props, geom
     FROM build_district_shapes ORDER BY adcode`,
  )
  await write(
    'control_units.geojson',
    'polygon',
    `SELECT json_build_object('code', code, 'name', name, 'class', class,
       'district_adcode', adcode, 'area_km2', round(area_km2::numeric, 6)) AS props, geom
     FROM build_units ORDER BY code`,
  )
  await write(
    'water_source_zones.geojson',
    'polygon',
    `SELECT json_build_object('name', name, 'source_name', source_name, 'level', level) AS props,
       geom
     FROM build_water_zones
     ORDER BY source_key, array_position(ARRAY['level1', 'level2', 'quasi'], level)`,
  )
  await write(
    'nature_reserve_zones.geojson',
    'polygon',
    `SELECT json_build_object('reserve_name', $1::text, 'reserve_level', $2::text, 'zone', zone)
       AS props, geom
     FROM build_reserve_zones
     ORDER BY array_position(ARRAY['core', 'buffer', 'experimental'], zone)`,
    [RESERVE.name, RESERVE.level],
  )
  await write(
    'ecological_red_line.geojson',
    'polygon',
    `SELECT json_build_object('name', name) AS props, geom FROM build_red_lines ORDER BY key`,
  )
  await write(
    'ecological_space.geojson',
    'polygon',
    `SELECT json_build_object('name', name) AS props, geom FROM build_spaces ORDER BY name`,
  )
  await write(
    'industrial_parks.geojson',
    'polygon',
    `SELECT json_build_object('name', p.name, 'park_level', p.park_level,
       'leading_industries', p.leading_industries, 'unit_code', u.code) AS props, p.geom
     FROM build_parks p LEFT JOIN build_units u ON u.key = p.key ORDER BY u.code`,
  )
  await write(
    'no_raising_zones.geojson',
    'polygon',
    `SELECT json_build_object('name', name, 'kind', kind) AS props, geom
     FROM build_no_raising ORDER BY id`,
  )
  await write(
    'rivers.geojson',
    'line',
    `SELECT json_build_object('name', name) AS props, geom
     FROM build_rivers ORDER BY name <> '湘江', name`,
  )
  await write(
    'facilities.geojson',
    'point',
    `SELECT json_build_object('kind', kind, 'name', name) AS props, geom
     FROM build_facilities ORDER BY id`,
  )
  return counts
}
