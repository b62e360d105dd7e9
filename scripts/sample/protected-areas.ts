import { blobPolygon } from './blob-shape.ts'
import {
  ECOLOGICAL_SPACES,
  RED_LINES,
  RESERVE,
  RESERVE_RED_LINE_NAME,
  XIANG_BANK_SPACE,
  DISTRICT_ADCODES as D,
} from './place-plan.ts'
import { areaSql, geoJsonParam, type SampleDb } from './sample-database.ts'

/**
 * Builds `build_reserve_zones` (zone, geom): the Nanyue Hengshan reserve as three nested
 * rings, core innermost, clipped to the city.
 */
export async function buildReserve(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_reserve_hulls (zone text PRIMARY KEY, geom geometry);
    CREATE TABLE build_reserve_zones (zone text PRIMARY KEY, geom geometry);
  `)
  const scales = { core: 1, buffer: RESERVE.bufferScale, experimental: RESERVE.experimentalScale }
  for (const [zone, scale] of Object.entries(scales)) {
    const outline = blobPolygon(RESERVE.core, RESERVE.name, scale)
    await db.query(`INSERT INTO build_reserve_hulls VALUES ($1, ${geoJsonParam(2)})`, [
      zone,
      JSON.stringify(outline),
    ])
  }

  await db.query(`
    INSERT INTO build_reserve_zones
    SELECT h.zone, ${areaSql(`ST_Intersection(
      CASE WHEN i.geom IS NULL THEN h.geom ELSE ST_Difference(h.geom, i.geom) END, c.geom)`)}
    FROM build_reserve_hulls h
    CROSS JOIN build_city c
    LEFT JOIN build_reserve_hulls i
      ON i.zone = CASE h.zone WHEN 'buffer' THEN 'core' WHEN 'experimental' THEN 'buffer' END
  `)
}

/**
 * Builds `build_red_lines` (key, name, adcode, unit_short_name, anchor, geom): the reserve's
 * core and buffer zones as one red line, and the planned mountains, each with the point that
 * marks it as the content of a priority unit. Throws when an anchor misses its district.
 */
export async function buildRedLines(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_red_lines (
      key text, name text, adcode integer, unit_short_name text, anchor geometry(Point, 4326),
      geom geometry
    )`)
  await db.query(
    `INSERT INTO build_red_lines
     SELECT $1, $2, $3, NULL, NULL, ${areaSql('ST_Intersection(h.geom, c.geom)')}
     FROM build_reserve_hulls h, build_city c WHERE h.zone = 'buffer'`,
    [RESERVE.key, RESERVE_RED_LINE_NAME, RESERVE.adcode],
  )

  for (const plan of RED_LINES) {
    await db.query(
      `INSERT INTO build_red_lines
       SELECT $1, $2, $3, $4, ST_SetSRID(ST_MakePoint($6, $7), 4326),
         ${areaSql(`ST_Intersection(${geoJsonParam(5)}, c.geom)`)}
       FROM build_city c`,
      [
        plan.key,
        plan.name,
        plan.adcode,
        plan.unitShortName,
        JSON.stringify(blobPolygon(plan.outline, plan.name)),
        plan.outline.lon,
        plan.outline.lat,
      ],
    )
  }

  const misplaced = await db.query<{ name: string }>(`
    SELECT r.name FROM build_red_lines r JOIN build_districts d USING (adcode)
    WHERE r.anchor IS NOT NULL AND NOT ST_Contains(d.geom, r.anchor)`)
  if (misplaced.rows.length > 0) {
    throw new Error(`Red lines outside their district: ${misplaced.rows.map((r) => r.name)}`)
  }
}

/**
 * Builds `build_spaces` (name, geom): general ecological space outside the red line and the
 * water-source zones, including the Xiang's banks where it parts Hengshan from Hengdong.
 * Needs the red lines, the water zones and the rivers.
 */
export async function buildEcologicalSpace(db: SampleDb): Promise<void> {
  await db.exec(`CREATE TABLE build_spaces (name text, geom geometry)`)
  for (const plan of ECOLOGICAL_SPACES) {
    await db.query(`INSERT INTO build_spaces VALUES ($1, ${geoJsonParam(2)})`, [
      plan.name,
      JSON.stringify(blobPolygon(plan.outline, plan.name)),
    ])
  }
  await db.query(
    `INSERT INTO build_spaces
     SELECT $1,
       ST_Buffer(ST_Intersection(r.geom, ST_Union(a.geom, b.geom))::geography, $2)::geometry
     FROM build_rivers r, build_districts a, build_districts b
     WHERE r.name = '湘江' AND a.adcode = $3 AND b.adcode = $4`,
    [XIANG_BANK_SPACE.name, XIANG_BANK_SPACE.halfWidthM, D.hengshan, D.hengdong],
  )

  await db.query(`
    UPDATE build_spaces s SET geom = ${areaSql(`ST_Difference(ST_Intersection(s.geom, c.geom),
      (SELECT ST_Union(geom) FROM (
        SELECT geom FROM build_red_lines UNION ALL SELECT geom FROM build_water_zones) x))`)}
    FROM build_city c
  `)
}
