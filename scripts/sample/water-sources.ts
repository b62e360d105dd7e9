import { blobPolygon } from './blob-shape.ts'
import type { ReservoirWaterSource, RiverWaterSource } from './place-plan.ts'
import { RESERVOIR_ZONE_SCALES, RIVER_ZONES, WATER_SOURCES } from './place-plan.ts'
import { geoJsonParam, type SampleDb } from './sample-database.ts'

const LEVELS = ['level1', 'level2', 'quasi'] as const
const LEVEL_NAMES = { level1: '一级保护区', level2: '二级保护区', quasi: '准保护区' }

/** How far from the river line an intake on a boundary river is set into its own district. */
const INTAKE_SETBACK_M = 60

/**
 * Builds `build_intakes` (source_key, source_name, adcode, geom) and `build_water_zones`
 * (source_key, name, source_name, level, geom): three nested, non-overlapping rings per source,
 * level 1 innermost, clipped to the city. Needs `build_rivers`. Throws when an intake does not
 * fall in its planned district.
 */
export async function buildWaterSources(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_intakes (
      source_key text PRIMARY KEY, source_name text, adcode integer, geom geometry(Point, 4326)
    );
    CREATE TABLE build_water_hulls (
      source_key text, level text, geom geometry, PRIMARY KEY (source_key, level)
    );
    CREATE TABLE build_water_zones (
      source_key text, source_name text, level text, name text, geom geometry
    );
  `)

  for (const source of WATER_SOURCES) {
    if (source.kind === 'river') await addRiverSource(db, source)
    else await addReservoirSource(db, source)
    await nestHulls(db, source.key)
  }

  const misplaced = await db.query<{ source_key: string }>(`
    SELECT i.source_key FROM build_intakes i JOIN build_districts d USING (adcode)
    WHERE NOT ST_Contains(d.geom, i.geom)`)
  if (misplaced.rows.length > 0) {
    const keys = misplaced.rows.map((r) => r.source_key).join(', ')
    throw new Error(`Intakes outside their planned district: ${keys}`)
  }

  // Rings from the nested hulls: each level is its hull less the next one in.
  await db.query(`
    INSERT INTO build_water_zones
    SELECT h.source_key, i.source_name, h.level, NULL,
      ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(
        CASE WHEN inner_hull.geom IS NULL THEN h.geom
          ELSE ST_Difference(h.geom, inner_hull.geom) END,
        c.geom)), 3))
    FROM build_water_hulls h
    JOIN build_intakes i USING (source_key)
    CROSS JOIN build_city c
    LEFT JOIN build_water_hulls inner_hull ON inner_hull.source_key = h.source_key
      AND inner_hull.level = CASE h.level WHEN 'level2' THEN 'level1' WHEN 'quasi' THEN 'level2' END
  `)
  for (const source of WATER_SOURCES) {
    for (const level of LEVELS) {
      await db.query(
        `UPDATE build_water_zones SET name = $3 WHERE source_key = $1 AND level = $2`,
        [source.key, level, source.zonePrefix + LEVEL_NAMES[level]],
      )
    }
  }
}

/**
 * A river source: the intake is the river point nearest the planned spot, set back onto the
 * bank of its district; each level covers a stretch of river, buffered across.
 */
async function addRiverSource(db: SampleDb, source: RiverWaterSource) {
  await db.query(
    `INSERT INTO build_intakes
     SELECT $1, $2, $3, ST_PointOnSurface(ST_Intersection(
       ST_Buffer(ST_ClosestPoint(r.geom, ST_SetSRID(ST_MakePoint($5, $6), 4326))::geography,
         ${INTAKE_SETBACK_M})::geometry, d.geom))
     FROM build_rivers r, build_districts d WHERE r.name = $4 AND d.adcode = $3`,
    [source.key, source.sourceName, source.adcode, source.river, ...source.near],
  )

  for (const level of LEVELS) {
    const { upstream, downstream, halfWidth } = RIVER_ZONES[level]
    await db.query(
      `WITH r AS (
         SELECT r.geom AS g, ST_Length(r.geom::geography) AS len,
           ST_LineLocatePoint(r.geom, i.geom) AS at
         FROM build_rivers r, build_intakes i WHERE r.name = $3 AND i.source_key = $1
       )
       INSERT INTO build_water_hulls
       SELECT $1, $2, ST_Buffer(ST_LineSubstring(g,
           greatest(0, at - $4::float8 / len), least(1, at + $5::float8 / len)
         )::geography, $6)::geometry
       FROM r`,
      [source.key, level, source.river, upstream, downstream, halfWidth],
    )
  }
}

async function addReservoirSource(db: SampleDb, source: ReservoirWaterSource) {
  const { lon, lat } = source.outline
  await db.query(
    `INSERT INTO build_intakes VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326))`,
    [source.key, source.sourceName, source.adcode, lon, lat],
  )
  for (const level of LEVELS) {
    const outline = blobPolygon(source.outline, source.key, RESERVOIR_ZONE_SCALES[level])
    await db.query(`INSERT INTO build_water_hulls VALUES ($1, $2, ${geoJsonParam(3)})`, [
      source.key,
      level,
      JSON.stringify(outline),
    ])
  }
}

/** Makes each hull contain the one inside it, so the rings nest even where buffers differ. */
async function nestHulls(db: SampleDb, key: string) {
  for (const [outer, inner] of [
    ['level2', 'level1'],
    ['quasi', 'level2'],
  ]) {
    await db.query(
      `UPDATE build_water_hulls o SET geom = ST_Union(o.geom, i.geom)
       FROM build_water_hulls i
       WHERE o.source_key = $1 AND i.source_key = $1 AND o.level = $2 AND i.level = $3`,
      [key, outer, inner],
    )
  }
}
