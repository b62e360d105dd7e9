import {
  KEY_PLACES,
  PARK_UNIT_MARGIN_M,
  RED_LINES,
  RESERVE,
  UNITS_PER_DISTRICT,
  WATER_SOURCES,
} from './place-plan.ts'
import { hashSeed, seededRandom } from './seeded-random.ts'
import type { SampleDb } from './sample-database.ts'

/** Random candidates tried per filler seed; more gives evener cells, slower builds. */
const CANDIDATES_PER_FILLER = 150
/** Fillers keep this far from the district's edge, relative to their distance to other seeds. */
const EDGE_WEIGHT = 1.6
const KM_PER_DEGREE_LAT = 110.574

/**
 * Builds what the control units grow from:
 * - `build_footprints` (key, adcode, geom): units drawn to a shape of their own, each park
 *   widened by a margin and the reserve's part of Nanyue;
 * - `build_content` (key, adcode, class, unit_short_name, geom): the points that give a unit
 *   its class, water intakes and red-line mountains (priority), towns and clusters (key);
 * - `build_seeds` (key, adcode, geom): the content points plus seeded filler points, as many
 *   per district as it has units beyond its footprints.
 * Throws when a content point falls outside its district or inside a footprint, or when a
 * district has more content than units.
 */
export async function buildUnitSeeds(db: SampleDb): Promise<void> {
  await db.exec(`
    CREATE TABLE build_footprints (key text PRIMARY KEY, adcode integer, geom geometry);
    CREATE TABLE build_content (
      key text PRIMARY KEY, adcode integer, class text, unit_short_name text,
      geom geometry(Point, 4326)
    );
    CREATE TABLE build_seeds (key text PRIMARY KEY, adcode integer, geom geometry(Point, 4326));
  `)
  await db.query(`
    INSERT INTO build_footprints
    SELECT p.key, p.adcode,
      ST_Intersection(ST_Buffer(p.geom::geography, ${PARK_UNIT_MARGIN_M})::geometry, d.geom)
    FROM build_parks p JOIN build_districts d USING (adcode)
  `)
  await db.query(
    `INSERT INTO build_footprints
     SELECT $1, d.adcode, ST_Intersection(ST_Union(z.geom), d.geom)
     FROM build_reserve_zones z, build_districts d WHERE d.adcode = $2 GROUP BY d.adcode, d.geom`,
    [RESERVE.key, RESERVE.adcode],
  )

  await addContent(db)
  for (const [adcode, units] of Object.entries(UNITS_PER_DISTRICT)) {
    await addFillers(db, Number(adcode), units)
  }
}

async function addContent(db: SampleDb) {
  const rows: [string, number, string, string][] = [
    ...WATER_SOURCES.map((s): [string, number, string, string] => [
      s.key,
      s.adcode,
      'priority',
      s.unitShortName,
    ]),
    ...RED_LINES.map((r): [string, number, string, string] => [
      r.key,
      r.adcode,
      'priority',
      r.unitShortName,
    ]),
    ...KEY_PLACES.map((k): [string, number, string, string] => [
      k.key,
      k.adcode,
      'key',
      k.unitShortName,
    ]),
  ]
  for (const [key, adcode, unitClass, short] of rows) {
    await db.query(`INSERT INTO build_content VALUES ($1, $2, $3, $4, NULL)`, [
      key,
      adcode,
      unitClass,
      short,
    ])
  }
  await db.query(
    `UPDATE build_content c SET geom = i.geom FROM build_intakes i WHERE i.source_key = c.key`,
  )
  await db.query(
    `UPDATE build_content c SET geom = r.anchor FROM build_red_lines r WHERE r.key = c.key`,
  )
  for (const place of KEY_PLACES) {
    await db.query(
      `UPDATE build_content SET geom = ST_SetSRID(ST_MakePoint($2, $3), 4326) WHERE key = $1`,
      [place.key, ...place.at],
    )
  }

  const misplaced = await db.query<{ key: string }>(`
    SELECT c.key FROM build_content c JOIN build_districts d USING (adcode)
    WHERE c.geom IS NULL OR NOT ST_Contains(d.geom, c.geom)
      OR EXISTS (SELECT 1 FROM build_footprints f WHERE ST_Intersects(f.geom, c.geom))`)
  if (misplaced.rows.length > 0) {
    const keys = misplaced.rows.map((r) => r.key).join(', ')
    throw new Error(`Content points outside their district or inside a footprint: ${keys}`)
  }
  await db.query(`INSERT INTO build_seeds SELECT key, adcode, geom FROM build_content`)
}

/**
 * Adds the district's general seeds one by one, each the candidate farthest from the seeds
 * so far (and from the edge), so the cells come out of even size.
 */
async function addFillers(db: SampleDb, adcode: number, units: number) {
  const counts = await db.query<{ footprints: number; seeds: number }>(
    `SELECT (SELECT count(*)::int FROM build_footprints WHERE adcode = $1) AS footprints,
       (SELECT count(*)::int FROM build_seeds WHERE adcode = $1) AS seeds`,
    [adcode],
  )
  const { footprints, seeds } = counts.rows[0]!
  const fillers = units - footprints - seeds
  if (fillers < 0) throw new Error(`District ${adcode} has more content than its ${units} units`)
  if (fillers === 0) return

  const candidates = await candidatePoints(db, adcode, fillers * CANDIDATES_PER_FILLER)
  const existing = await db.query<{ x: number; y: number }>(
    `SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM build_seeds WHERE adcode = $1 ORDER BY key`,
    [adcode],
  )
  const kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos(((candidates[0]?.y ?? 27) * Math.PI) / 180)
  const distanceKm = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.hypot((a.x - b.x) * kmPerDegreeLon, (a.y - b.y) * KM_PER_DEGREE_LAT)

  const chosen = [...existing.rows]
  for (let n = 1; n <= fillers; n++) {
    let best = candidates[0]!
    let bestScore = -Infinity
    for (const candidate of candidates) {
      const nearest = Math.min(...chosen.map((seed) => distanceKm(seed, candidate)))
      const score = Math.min(nearest, EDGE_WEIGHT * candidate.edgeKm)
      if (score > bestScore) {
        best = candidate
        bestScore = score
      }
    }
    chosen.push(best)
    await db.query(
      `INSERT INTO build_seeds VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326))`,
      [`general:${adcode}:${n}`, adcode, best.x, best.y],
    )
  }
}

/** Seeded random points inside the district and outside its footprints. */
async function candidatePoints(db: SampleDb, adcode: number, count: number) {
  const box = await db.query<{ x0: number; y0: number; x1: number; y1: number }>(
    `SELECT ST_XMin(geom) AS x0, ST_YMin(geom) AS y0, ST_XMax(geom) AS x1, ST_YMax(geom) AS y1
     FROM build_districts WHERE adcode = $1`,
    [adcode],
  )
  const { x0, y0, x1, y1 } = box.rows[0]!
  const random = seededRandom(hashSeed(`fillers:${adcode}`))
  const xs: number[] = []
  const ys: number[] = []
  for (let i = 0; i < count; i++) {
    xs.push(x0 + random() * (x1 - x0))
    ys.push(y0 + random() * (y1 - y0))
  }

  const inside = await db.query<{ x: number; y: number; edgeKm: number }>(
    `SELECT c.x, c.y, ST_Distance(ST_Boundary(d.geom)::geography, p.pt::geography) / 1000
       AS "edgeKm"
     FROM unnest($2::float8[], $3::float8[]) WITH ORDINALITY AS c(x, y, i)
     CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(c.x, c.y), 4326) AS pt) p
     JOIN build_districts d ON d.adcode = $1 AND ST_Contains(d.geom, p.pt)
     WHERE NOT EXISTS (SELECT 1 FROM build_footprints f WHERE ST_Intersects(f.geom, p.pt))
     ORDER BY c.i`,
    [adcode, xs, ys],
  )
  if (inside.rows.length === 0) throw new Error(`No room for general units in ${adcode}`)
  return inside.rows
}
