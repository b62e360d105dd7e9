import type { SampleDb } from './sample-database.ts'

/**
 * The grid every unit and district vertex is snapped to, in degrees: the 7 decimals the files
 * are written with, so that writing them moves no vertex and shared edges stay shared.
 */
export const GRID = 1e-7

/**
 * Partitions each district into its control units and builds `build_unit_shapes` (key,
 * adcode, geom) and `build_district_shapes` (adcode, name, geom).
 *
 * Each district's seeds give Voronoi cells; footprints are laid over them. All the lines
 * (district edges, cell edges and footprint edges inside the district) are noded together on
 * the grid and polygonised into faces, and every face goes to the footprint or else the cell
 * it lies in. A unit is the union of its faces and a district the union of all its faces, so
 * units share their edges exactly: no gap, no overlap, and the same area in total.
 * Throws when a face inside a district belongs to no unit.
 */
export async function partitionDistricts(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_cells (key text PRIMARY KEY, adcode integer, cell geometry);
    CREATE TABLE build_faces (id serial, adcode integer, key text, geom geometry);
    CREATE TABLE build_unit_shapes (key text PRIMARY KEY, adcode integer, geom geometry);
    CREATE TABLE build_district_shapes (adcode integer PRIMARY KEY, name text, geom geometry);
  `)

  // cells
  await db.query(`
    INSERT INTO build_cells
    SELECT s.key, s.adcode, v.cell
    FROM (
      SELECT d.adcode,
        (ST_Dump(ST_VoronoiPolygons(ST_Collect(s.geom), 0, ST_Expand(d.geom, 0.1)))).geom AS cell
      FROM build_districts d JOIN build_seeds s USING (adcode)
      GROUP BY d.adcode, d.geom
    ) v
    JOIN build_seeds s ON s.adcode = v.adcode AND ST_Contains(v.cell, s.geom)`)

  // faces
  await db.query(`
    WITH lines AS (
      SELECT ST_Boundary(geom) AS g FROM build_districts
      UNION ALL
      SELECT ST_CollectionExtract(ST_Intersection(ST_Boundary(c.cell), d.geom), 2)
      FROM build_cells c JOIN build_districts d USING (adcode)
      UNION ALL
      SELECT ST_CollectionExtract(ST_Intersection(ST_Boundary(f.geom), d.geom), 2)
      FROM build_footprints f JOIN build_districts d USING (adcode)
    ),
    noded AS (SELECT ST_UnaryUnion(ST_Collect(g), ${GRID}) AS g FROM lines)
    INSERT INTO build_faces (geom)
    SELECT (ST_Dump(ST_Polygonize(g))).geom FROM noded`)
  await db.query(`
    UPDATE build_faces f SET adcode = d.adcode
    FROM build_districts d WHERE ST_Contains(d.geom, ST_PointOnSurface(f.geom))`)
  await db.query(`
    UPDATE build_faces f SET key = c.key
    FROM build_cells c
    WHERE c.adcode = f.adcode AND ST_Contains(c.cell, ST_PointOnSurface(f.geom))`)
  await db.query(`
    UPDATE build_faces f SET key = fp.key
    FROM build_footprints fp
    WHERE fp.adcode = f.adcode AND ST_Contains(fp.geom, ST_PointOnSurface(f.geom))`)

  const stray = await db.query<{ n: number; km2: number }>(`
    SELECT count(*)::int AS n, coalesce(sum(ST_Area(geom::geography)), 0) / 1e6 AS km2
    FROM build_faces WHERE adcode IS NOT NULL AND key IS NULL`)
  if (stray.rows[0]!.n > 0) {
    throw new Error(`${stray.rows[0]!.n} faces (${stray.rows[0]!.km2} km²) belong to no unit`)
  }

  // units and districts
  await db.query(`
    INSERT INTO build_unit_shapes
    SELECT key, adcode, ST_Multi(ST_Union(geom, ${GRID}))
    FROM build_faces WHERE adcode IS NOT NULL GROUP BY key, adcode`)
  await db.query(`
    INSERT INTO build_district_shapes
    SELECT d.adcode, d.name, ST_Multi(ST_Union(f.geom, ${GRID}))
    FROM build_faces f JOIN build_districts d USING (adcode) GROUP BY d.adcode, d.name`)
}
