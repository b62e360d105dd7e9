import type { Queryable } from '../../server/db/database.ts'
import { seededRandom } from '../sample/seeded-random.ts'
import type { City } from './city-source.ts'

/** A piece of a Voronoi cell inside one city, before it is given a class and a code. */
export interface Cell {
  /** Number of the seed point whose cell this is a piece of. */
  seed: number
  adcode: number
  /** GeoJSON MultiPolygon text, WGS84 longitude/latitude, 7 decimals. */
  geometry: string
  vertices: number
  areaKm2: number
}

// Pieces smaller than this are slivers left where a cell grazes a city boundary.
const MIN_PIECE_M2 = 100
// Coordinates are written with 7 decimals; snapping to that grid first keeps them valid.
const GRID = 1e-7

/** Creates `province_cities` and loads the city boundaries into it, repaired where needed. */
export async function loadCities(db: Queryable, cities: City[]): Promise<void> {
  await db.query(`CREATE TABLE province_cities (
    adcode integer PRIMARY KEY,
    name text NOT NULL,
    geom geometry(MultiPolygon, 4326) NOT NULL
  )`)
  for (const city of cities) {
    await db.query(
      `INSERT INTO province_cities
       VALUES ($1, $2, ST_Multi(ST_CollectionExtract(ST_MakeValid(
         ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4326)), 3)))`,
      [city.adcode, city.name, JSON.stringify(city.geometry)],
    )
  }
  await db.query('CREATE INDEX ON province_cities USING gist (geom)')
}

/**
 * Creates `province_seeds` holding `count` points drawn uniformly (in longitude and latitude)
 * over the cities' extent from the seeded generator, keeping the first `count` that fall inside
 * a city. The same seed always gives the same points; `n` numbers them in the order drawn.
 */
export async function placeSeeds(db: Queryable, count: number, seed: number): Promise<void> {
  const [extent] = await db.query<{ w: number; s: number; e: number; n: number }>(
    `SELECT ST_XMin(x) AS w, ST_YMin(x) AS s, ST_XMax(x) AS e, ST_YMax(x) AS n
       FROM (SELECT ST_Extent(geom)::geometry AS x FROM province_cities) AS extent`,
  )
  const { w, s, e, n } = extent!
  await db.query(`CREATE TABLE province_seeds (
    n integer PRIMARY KEY,
    geom geometry(Point, 4326) NOT NULL
  )`)

  const random = seededRandom(seed)
  let drawn = 0
  let inside = 0
  // Hunan fills about 60% of its extent: draw in batches until enough points fall inside.
  while (inside < count) {
    const batch = Math.max(1_000, Math.ceil((count - inside) * 2))
    const lons: number[] = []
    const lats: number[] = []
    for (let i = 0; i < batch; i++) {
      lons.push(w + random() * (e - w))
      lats.push(s + random() * (n - s))
    }
    await db.query(
      `INSERT INTO province_seeds (n, geom)
       SELECT $3::integer + p.i::integer, p.geom
         FROM (SELECT i, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom
                 FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS t(lon, lat, i)) AS p
        WHERE EXISTS (SELECT 1 FROM province_cities c WHERE ST_Intersects(c.geom, p.geom))`,
      [lons, lats, drawn],
    )
    drawn += batch
    const [row] = await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM province_seeds')
    inside = row!.n
  }

  await db.query(
    `DELETE FROM province_seeds
      WHERE n NOT IN (SELECT n FROM province_seeds ORDER BY n LIMIT $1)`,
    [count],
  )
}

/**
 * Creates `province_cells`: the Voronoi cell of every seed, cut along the city boundaries into
 * one piece per city it crosses, densified with a vertex at least every `spacingM` metres along
 * the geodesic, and snapped to the 7-decimal grid, which leaves every piece valid. Slivers under
 * 100 m² are dropped.
 */
export async function buildCells(db: Queryable, spacingM: number): Promise<void> {
  await db.query(`CREATE TABLE province_voronoi AS
    SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(s.geom), 0,
             (SELECT ST_Expand(ST_Extent(geom)::geometry, 1) FROM province_cities)))).geom AS geom
      FROM province_seeds AS s`)
  await db.query('CREATE INDEX ON province_voronoi USING gist (geom)')

  await db.query(
    `CREATE TABLE province_cells AS
     SELECT seed, adcode, geom, ST_NPoints(geom)::integer AS vertices,
            ST_Area(geom::geography) / 1e6 AS area_km2
       FROM (SELECT s.n AS seed, c.adcode,
                    ST_Multi(ST_CollectionExtract(ST_ReducePrecision(
                      ST_Segmentize(piece::geography, $1)::geometry, $2), 3)) AS geom
               FROM province_voronoi AS v
               JOIN province_seeds AS s ON ST_Intersects(v.geom, s.geom)
               JOIN province_cities AS c ON ST_Intersects(v.geom, c.geom),
                    LATERAL ST_CollectionExtract(ST_Intersection(v.geom, c.geom), 3) AS piece
              WHERE NOT ST_IsEmpty(piece)) AS pieces`,
    [spacingM, GRID],
  )
  await db.query('DELETE FROM province_cells WHERE ST_IsEmpty(geom) OR area_km2 < $1', [
    MIN_PIECE_M2 / 1e6,
  ])
}

/** The pieces in a stable order: by city, then by seed. */
export async function readCells(db: Queryable): Promise<Cell[]> {
  const rows = await db.query<{
    seed: number
    adcode: number
    geometry: string
    vertices: number
    area_km2: number
  }>(
    `SELECT seed, adcode, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7) AS geometry, vertices,
            area_km2
       FROM province_cells ORDER BY adcode, seed`,
  )
  return rows.map((row) => ({
    seed: row.seed,
    adcode: row.adcode,
    geometry: row.geometry,
    vertices: row.vertices,
    areaKm2: row.area_km2,
  }))
}

/** Pieces PostGIS finds invalid: zero unless snapping went wrong. */
export async function countInvalidCells(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::integer AS n FROM province_cells WHERE NOT ST_IsValid(geom)',
  )
  return row!.n
}
