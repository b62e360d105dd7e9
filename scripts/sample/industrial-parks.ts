import { blobPolygon } from './blob-shape.ts'
import { PARKS } from './place-plan.ts'
import { areaSql, geoJsonParam, type SampleDb } from './sample-database.ts'

/**
 * Builds `build_parks` (key, name, park_level, leading_industries, adcode, geom), each
 * outline kept inside its district. Throws when a park's centre misses its district.
 */
export async function buildParks(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_parks (
      key text PRIMARY KEY, name text, park_level text, leading_industries text,
      adcode integer, geom geometry
    )`)
  for (const park of PARKS) {
    const { lon, lat } = park.outline
    const inside = await db.query(
      `INSERT INTO build_parks
       SELECT $1, $2, $3, $4, $5, ${areaSql(`ST_Intersection(${geoJsonParam(6)}, d.geom)`)}
       FROM build_districts d
       WHERE d.adcode = $5 AND ST_Contains(d.geom, ST_SetSRID(ST_MakePoint($7, $8), 4326))
       RETURNING key`,
      [
        park.key,
        park.name,
        park.level,
        park.leadingIndustries,
        park.adcode,
        JSON.stringify(blobPolygon(park.outline, park.name)),
        lon,
        lat,
      ],
    )
    if (inside.rows.length !== 1) throw new Error(`${park.name} lies outside ${park.adcode}`)
  }
}
