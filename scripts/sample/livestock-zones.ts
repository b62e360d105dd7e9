import { blobPolygon } from './blob-shape.ts'
import { CITY_CENTRE, KEY_PLACES, RESERVE, DISTRICT_ADCODES as D } from './place-plan.ts'
import { areaSql, geoJsonParam, type SampleDb } from './sample-database.ts'

/** Radius of the no-raising zone drawn around a county town, kilometres. */
const COUNTY_TOWN_KM = 2.5

/** Restricted (限养区) bands along rivers, in metres either side. */
const RESTRICTED_BANDS = [
  { name: '衡南县湘江沿岸限养区', river: '湘江', adcode: D.hengnan, halfWidth: 1500 },
  { name: '衡阳县蒸水沿岸限养区', river: '蒸水', adcode: D.hengyangCounty, halfWidth: 1000 },
]

/**
 * Builds `build_no_raising` (name, kind, geom): no-raising zones over the level-1 and level-2
 * water-source zones, the reserve's core and buffer, the central city and the county towns;
 * restricted zones along rivers. The city, town and river zones are cut out of the zones
 * before them, so that no two zones overlap.
 */
export async function buildLivestockZones(db: SampleDb): Promise<void> {
  await db.exec(`CREATE TABLE build_no_raising (id serial, name text, kind text, geom geometry)`)

  await db.query(`
    INSERT INTO build_no_raising (name, kind, geom)
    SELECT min(source_name) || '一级、二级保护区禁养区', 'no_raising', ST_Union(geom)
    FROM build_water_zones WHERE level IN ('level1', 'level2')
    GROUP BY source_key ORDER BY source_key
  `)
  await db.query(
    `INSERT INTO build_no_raising (name, kind, geom)
     SELECT $1, 'no_raising', ST_Union(geom) FROM build_reserve_zones
     WHERE zone IN ('core', 'buffer')`,
    [`${RESERVE.name}核心区和缓冲区禁养区`],
  )
  await addClipped(db, '衡阳市中心城区禁养区', 'no_raising', blobPolygon(CITY_CENTRE, 'city'))

  // County adcodes start at Hengyang County's; the central districts are in the city zone.
  const countyTowns = KEY_PLACES.filter(
    (p) => p.key.startsWith('urban:') && p.adcode >= D.hengyangCounty,
  )
  for (const town of countyTowns) {
    const name = await districtName(db, town.adcode)
    const outline = blobPolygon(
      {
        lon: town.at[0],
        lat: town.at[1],
        majorKm: COUNTY_TOWN_KM,
        minorKm: COUNTY_TOWN_KM * 0.8,
        azimuth: 30,
      },
      town.key,
    )
    await addClipped(db, `${name}城区禁养区`, 'no_raising', outline)
  }

  for (const band of RESTRICTED_BANDS) {
    await db.query(
      `WITH band AS (
         SELECT ST_Intersection(ST_Buffer(r.geom::geography, $3)::geometry, d.geom) AS g
         FROM build_rivers r, build_districts d WHERE r.name = $2 AND d.adcode = $4
       )
       INSERT INTO build_no_raising (name, kind, geom)
       SELECT $1, 'restricted', ST_Difference(g,
         (SELECT ST_Union(geom) FROM build_no_raising)) FROM band`,
      [band.name, band.river, band.halfWidth, band.adcode],
    )
  }
  await db.query(`UPDATE build_no_raising SET geom = ${areaSql('geom')}`)
}

async function addClipped(db: SampleDb, name: string, kind: string, outline: object) {
  await db.query(
    `INSERT INTO build_no_raising (name, kind, geom)
     SELECT $1, $2, ST_Difference(ST_Intersection(${geoJsonParam(3)}, c.geom),
       coalesce((SELECT ST_Union(geom) FROM build_no_raising),
         ST_GeomFromText('GEOMETRYCOLLECTION EMPTY', 4326)))
     FROM build_city c`,
    [name, kind, JSON.stringify(outline)],
  )
}

async function districtName(db: SampleDb, adcode: number): Promise<string> {
  const result = await db.query<{ name: string }>(
    `SELECT name FROM build_districts WHERE adcode = $1`,
    [adcode],
  )
  return result.rows[0]!.name
}
