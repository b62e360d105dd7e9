import { FACILITIES } from './place-plan.ts'
import type { SampleDb } from './sample-database.ts'

/**
 * Builds `build_facilities` (id, kind, name, geom): an intake at every water source, the
 * planned outfalls placed on their river, and the planned farms. Needs the rivers and the
 * intakes.
 */
export async function buildFacilities(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_facilities (id serial, kind text, name text, geom geometry(Point, 4326))
  `)
  await db.query(`
    INSERT INTO build_facilities (kind, name, geom)
    SELECT 'intake', source_name || '取水口', geom FROM build_intakes ORDER BY source_key
  `)

  for (const facility of FACILITIES) {
    if (facility.kind === 'outfall') {
      await db.query(
        `INSERT INTO build_facilities (kind, name, geom)
         SELECT 'outfall', $1, ST_ClosestPoint(geom, ST_SetSRID(ST_MakePoint($3, $4), 4326))
         FROM build_rivers WHERE name = $2`,
        [facility.name, facility.river, ...facility.near],
      )
    } else {
      await db.query(
        `INSERT INTO build_facilities (kind, name, geom)
         VALUES ('farm', $1, ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
        [facility.name, ...facility.at],
      )
    }
  }
}
