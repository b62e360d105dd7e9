import { PGlite, type Results } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'

/**
 * The embedded database the sample is built and checked in. `query` runs one statement and
 * throws when PostGIS failed; `exec` is for statements that call no PostGIS function (table
 * definitions, the schema files), whose failures PGlite reports normally.
 */
export interface SampleDb {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Results<T>>
  exec(sql: string): Promise<unknown>
}

/**
 * Opens an in-memory PostgreSQL with PostGIS. Nothing is written to disk, so every build starts
 * from the same empty state. Takes about ten seconds, most of it loading PostGIS.
 */
export async function openSampleDatabase(): Promise<SampleDb> {
  // The options object alone: `new PGlite(undefined, options)` left PostGIS unavailable.
  const db = new PGlite({ extensions: { postgis } })
  await db.exec('CREATE EXTENSION IF NOT EXISTS postgis')

  return {
    exec: (sql) => db.exec(sql),
    query: async <T>(sql: string, params: unknown[] = []) => {
      const result = await db.query<T>(sql, params)
      // PGlite 0.5.8 with pglite-postgis 0.2.8 swallows errors raised inside PostGIS (GEOS
      // exceptions among them) and answers with an empty result whose command tag is missing
      // or '???' (electric-sql/pglite#916). Turn that back into an error until it is fixed.
      const command = (result as { command?: string }).command
      if (command === undefined || command === '???') {
        throw new Error(`PostGIS failed silently on: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`)
      }
      return result
    },
  }
}

/** SQL for a GeoJSON geometry text bound as parameter `$n`, in lon/lat (SRID 4326). */
export function geoJsonParam(n: number): string {
  return `ST_SetSRID(ST_GeomFromGeoJSON($${n}::text), 4326)`
}

/** SQL keeping the polygon parts of `sql`, made valid and multi, as polygon tables store them. */
export function areaSql(sql: string): string {
  return `ST_Multi(ST_CollectionExtract(ST_MakeValid(${sql}), 3))`
}

/**
 * Creates the working table `build_districts` (adcode, name, geom) and the single-row
 * `build_city` (their union), which every later step clips to.
 */
export async function loadDistricts(
  db: SampleDb,
  districts: { adcode: number; name: string; geometry: object }[],
): Promise<void> {
  await db.exec(`
    CREATE TABLE build_districts (
      adcode integer PRIMARY KEY,
      name text NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL
    );
    CREATE TABLE build_city (geom geometry NOT NULL);
  `)
  for (const d of districts) {
    await db.query(`INSERT INTO build_districts VALUES ($1, $2, ${geoJsonParam(3)})`, [
      d.adcode,
      d.name,
      JSON.stringify(d.geometry),
    ])
  }
  await db.query(`INSERT INTO build_city SELECT ST_Union(geom) FROM build_districts`)
}
