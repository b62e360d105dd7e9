import pg from 'pg'
import type { Queryable } from '../db/database.ts'
import type { Layer } from '../tiles/layer-catalog.ts'
import { ImportError } from './import-error.ts'
import type { ChosenCrs } from './source-crs.ts'

/**
 * How far from the districts a layer may lie. A neighbouring Gauss-Krüger zone is 3° of
 * longitude away, about 300 km here: eastings read in the wrong zone land that far off, and so
 * do coordinates read in the wrong system altogether. Zones and features of the city itself,
 * and rivers or reserves that reach past it, lie within a few tens of kilometres.
 */
export const PLACEMENT_LIMIT_KM = 100

/**
 * Refuses a layer just loaded (`layer`, in the transaction `tx`) that lies wholly more than
 * PLACEMENT_LIMIT_KM from the districts loaded, naming both extents, the distance and the system
 * the coordinates were read in (`crs`). Nothing is
 * checked for the districts layer itself, which says where the city is (a new city starts by
 * loading its districts), or while no district is loaded.
 */
export async function assertNearDistricts(
  tx: Queryable,
  layer: Layer,
  crs: ChosenCrs,
): Promise<void> {
  if (layer.name === 'districts') return
  const table = pg.escapeIdentifier(layer.tableName)
  const [row] = await tx.query<{ km: number | null; districts: number[]; layer: number[] }>(
    `WITH extents AS (
       SELECT (SELECT ST_SetSRID(ST_Extent(geom)::geometry, 4326) FROM districts) AS d,
              (SELECT ST_SetSRID(ST_Extent(geom)::geometry, 4326) FROM ${table}) AS l)
     SELECT ST_Distance(d::geography, l::geography) / 1000 AS km,
            ARRAY[ST_XMin(d), ST_YMin(d), ST_XMax(d), ST_YMax(d)] AS districts,
            ARRAY[ST_XMin(l), ST_YMin(l), ST_XMax(l), ST_YMax(l)] AS layer
       FROM extents
      WHERE d IS NOT NULL AND l IS NOT NULL`,
  )
  if (!row || row.km === null || row.km <= PLACEMENT_LIMIT_KM) return

  const box = (b: number[]) => b.map((degrees) => degrees.toFixed(3)).join(', ')
  throw new ImportError(
    `Read in ${crs.crs.name} (${crs.from}), the features lie ${Math.round(row.km)} km from ` +
      'the districts loaded: they span ' +
      `${box(row.layer)} and the districts ${box(row.districts)} (west, south, east, north). ` +
      'Coordinates read in the wrong system or Gauss-Krüger zone land that far off: check the ' +
      '.prj or give the right --crs (eastings without the zone number need the code of their ' +
      'own zone). To load another city, import its districts first.',
  )
}
