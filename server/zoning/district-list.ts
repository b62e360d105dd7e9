import type { Queryable } from '../db/database.ts'

export interface DistrictPlace {
  adcode: number
  name: string
  /** Where a label sits: the centre of the largest circle inside the district, WGS84. */
  label: [number, number]
  /** West, south, east, north, WGS84 degrees. */
  bbox: [number, number, number, number]
}

interface DistrictRow {
  adcode: number
  name: string
  lon: number
  lat: number
  west: number
  south: number
  east: number
  north: number
}

/**
 * Every district with where its name goes on a map, by administrative code. The centre of the
 * largest inscribed circle stays inside a district of any shape and away from its edges, where a
 * centroid may fall outside a crescent and a point-on-surface hug a border.
 */
export async function listDistricts(db: Queryable): Promise<DistrictPlace[]> {
  const rows = await db.query<DistrictRow>(
    `SELECT adcode, name, ST_X(centre) AS lon, ST_Y(centre) AS lat,
            ST_XMin(geom) AS west, ST_YMin(geom) AS south,
            ST_XMax(geom) AS east, ST_YMax(geom) AS north
       FROM (SELECT adcode, name, geom, (ST_MaximumInscribedCircle(geom)).center AS centre
               FROM districts) AS d
      ORDER BY adcode`,
  )
  return rows.map((row) => ({
    adcode: row.adcode,
    name: row.name,
    label: [row.lon, row.lat],
    bbox: [row.west, row.south, row.east, row.north],
  }))
}
