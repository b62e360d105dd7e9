import type { LonLat, RiverName } from './place-plan.ts'
import { DISTRICT_ADCODES as D, LEISHUI, XIANG_THROUGH_HENGNAN, ZHENGSHUI } from './place-plan.ts'
import type { SampleDb } from './sample-database.ts'

/**
 * The Xiang's course as district boundaries it forms, upstream to downstream: it enters
 * between Qidong and Changning, follows the Changning–Hengnan border, crosses Hengnan (drawn),
 * parts Zhuhui from Yanfeng and Shigu in the centre, passes Zhuhui's northern tip and then
 * parts Hengshan from Hengdong until it leaves the city towards Zhuzhou.
 */
const XIANG_BOUNDARIES: [number, number][] = [
  [D.qidong, D.changning],
  [D.hengnan, D.changning],
  [D.zhuhui, D.yanfeng],
  [D.zhuhui, D.shigu],
  [D.zhuhui, D.hengyangCounty],
  [D.hengnan, D.hengshan],
  [D.hengshan, D.hengdong],
]

/** Corner cutting passes that turn drawn waypoints into a river-like curve. */
const SMOOTHING_PASSES = 3

/**
 * Builds `build_rivers` (name, geom LineString, drawn from source to mouth): the Xiang, and
 * its tributaries Zhengshui (蒸水) and Leishui (耒水) ending on it in the city centre.
 * Throws when a stretch does not join up into one line.
 */
export async function buildRivers(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_rivers (name text PRIMARY KEY, geom geometry(LineString, 4326) NOT NULL);
    CREATE TABLE build_river_pieces (river text NOT NULL, geom geometry(LineString, 4326));
  `)

  for (const [a, b] of XIANG_BOUNDARIES) await addSharedBoundary(db, '湘江', a, b)
  await addDrawnStretch(db, '湘江', XIANG_THROUGH_HENGNAN, 'pieces')
  await mergePieces(db, '湘江', 'north')

  await addSharedBoundary(db, '蒸水', D.yanfeng, D.shigu)
  await addDrawnStretch(db, '蒸水', ZHENGSHUI, 'pieces')
  await mergePieces(db, '蒸水', 'east')

  await addDrawnStretch(db, '耒水', LEISHUI, 'xiang')
  await mergePieces(db, '耒水', 'north')
}

async function addSharedBoundary(db: SampleDb, river: RiverName, a: number, b: number) {
  const result = await db.query<{ kind: string }>(
    `INSERT INTO build_river_pieces
     SELECT $1, ST_LineMerge(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)))
     FROM build_districts a, build_districts b WHERE a.adcode = $2 AND b.adcode = $3
     RETURNING GeometryType(geom) AS kind`,
    [river, a, b],
  )
  if (result.rows[0]?.kind !== 'LINESTRING') {
    throw new Error(`Expected one shared boundary line between ${a} and ${b} for the ${river}`)
  }
}

/**
 * Adds a smoothed line through `waypoints`. Each end is tied either to the nearest loose end
 * of the pieces already there or, for a tributary, to the nearest point of the Xiang; the
 * start is free when nothing lies near it.
 */
async function addDrawnStretch(
  db: SampleDb,
  river: RiverName,
  waypoints: LonLat[],
  tieTo: 'pieces' | 'xiang',
) {
  const line = JSON.stringify({ type: 'LineString', coordinates: waypoints })
  await db.query(
    `WITH drawn AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326) AS g),
     ends AS (
       SELECT e.geom FROM build_river_pieces p,
         LATERAL (VALUES (ST_StartPoint(p.geom)), (ST_EndPoint(p.geom))) AS e(geom)
       WHERE p.river = $1
     ),
     loose AS (
       SELECT geom FROM ends GROUP BY geom HAVING count(*) = 1
       UNION ALL
       SELECT ST_ClosestPoint(r.geom, ST_EndPoint(drawn.g)) FROM build_rivers r, drawn
       WHERE r.name = '湘江' AND $3
     ),
     tied AS (
       SELECT
         (SELECT l.geom FROM loose l, drawn WHERE ST_DWithin(l.geom, ST_StartPoint(drawn.g), 0.1)
          ORDER BY ST_Distance(l.geom, ST_StartPoint(drawn.g)) LIMIT 1) AS head,
         (SELECT l.geom FROM loose l, drawn
          ORDER BY ST_Distance(l.geom, ST_EndPoint(drawn.g)) LIMIT 1) AS tail,
         drawn.g
       FROM drawn
     )
     INSERT INTO build_river_pieces
     SELECT $1, ST_ChaikinSmoothing(
       ST_MakeLine(array_remove(ARRAY[head], NULL) || ARRAY(
         SELECT (ST_DumpPoints(g)).geom) || ARRAY[tail]), ${SMOOTHING_PASSES})
     FROM tied`,
    [river, line, tieTo === 'xiang'],
  )
}

async function mergePieces(db: SampleDb, river: RiverName, flowsTowards: 'north' | 'east') {
  const axis = flowsTowards === 'north' ? 'ST_Y' : 'ST_X'
  const result = await db.query<{ kind: string }>(
    `WITH merged AS (
       SELECT ST_LineMerge(ST_Collect(geom)) AS g FROM build_river_pieces WHERE river = $1
     )
     INSERT INTO build_rivers
     SELECT $1, CASE WHEN ${axis}(ST_StartPoint(g)) > ${axis}(ST_EndPoint(g))
       THEN ST_Reverse(g) ELSE g END
     FROM merged WHERE GeometryType(g) = 'LINESTRING'
     RETURNING name AS kind`,
    [river],
  )
  if (result.rows.length !== 1) {
    throw new Error(`The stretches of the ${river} do not join into one line`)
  }
}
