import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE_DIR } from '../../server/data/sample-loader.ts'
import { decodeTile } from '../support/mvt.ts'
import { BACKENDS } from '../support/services.ts'
import { latToTileY, lonToTileX, tileToLat, tileToLon } from '../support/tile-math.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

// The sample's promises, checked with PostGIS directly on the loaded tables and through the API.

const readSample = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(path.join(SAMPLE_DIR, file), 'utf8')) as T

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`the Hengyang sample ${backend.title}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'sample')
    })
    afterAll(() => server?.close())

    const query = <T>(sql: string, params?: unknown[]) => server.db.query<T>(sql, params)

    it('loads every feature of every file', async () => {
      const layers = await query<{ name: string; feature_count: number; data_version: number }>(
        'SELECT name, feature_count, data_version FROM layers',
      )
      for (const layer of layers) {
        const file = await readSample<{ features: unknown[] }>(`${layer.name}.geojson`)
        expect(layer.feature_count, layer.name).toBe(file.features.length)
        expect(layer.data_version, layer.name).toBe(1)
      }
    })

    it('has 65 units of all three classes with codes of their district and class', async () => {
      const units = await query<{ code: string; class: string; district_adcode: number }>(
        'SELECT code, class, district_adcode FROM control_units',
      )
      expect(units.length).toBe(65)
      const digit = { priority: '1', key: '2', general: '3' } as Record<string, string>
      for (const unit of units) {
        expect(unit.code.slice(2, 8)).toBe(String(unit.district_adcode))
        expect(unit.code[8]).toBe(digit[unit.class])
      }
      expect(new Set(units.map((u) => u.class))).toEqual(new Set(['priority', 'key', 'general']))
    })

    it('partitions each district: unit areas add up within 0.5%, no overlaps', async () => {
      const districts = await query<{ adcode: number; district: number; units: number }>(
        `SELECT d.adcode, ST_Area(d.geom::geography) AS district,
                (SELECT sum(ST_Area(u.geom::geography)) FROM control_units u
                  WHERE u.district_adcode = d.adcode) AS units
           FROM districts d`,
      )
      expect(districts.length).toBe(12)
      for (const d of districts) {
        expect(Math.abs(d.units - d.district) / d.district, String(d.adcode)).toBeLessThan(0.005)
      }
      const [overlap] = await query<{ m2: number }>(
        `SELECT coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0) AS m2
           FROM control_units a JOIN control_units b
             ON a.id < b.id AND ST_Intersects(a.geom, b.geom)`,
      )
      // Shared edges intersect in lines of no area; a few m² allows for rounding of vertices.
      expect(overlap!.m2).toBeLessThan(1000)
    })

    it('answers the lookup with the right unit at a point inside each unit', async () => {
      const points = await query<{ code: string; lon: number; lat: number }>(
        `SELECT code, ST_X(p) AS lon, ST_Y(p) AS lat
           FROM (SELECT code, ST_PointOnSurface(geom) AS p FROM control_units) AS inside`,
      )
      for (const point of points) {
        const response = await server.get(`/api/lookup?lon=${point.lon}&lat=${point.lat}`)
        const body = (await response.json()) as { unit: { code: string } }
        expect(body.unit.code).toBe(point.code)
      }
    })

    it('puts Songmu and Baishazhou in key control units of their own', async () => {
      const parks = await query<{ name: string; class: string; inside: boolean }>(
        `SELECT p.name, u.class, ST_CoveredBy(ST_Buffer(p.geom, -0.0001), u.geom) AS inside
           FROM industrial_parks p JOIN control_units u ON u.code = p.unit_code`,
      )
      expect(parks.length).toBeGreaterThanOrEqual(6)
      for (const name of ['松木', '白沙洲']) {
        const park = parks.find((p) => p.name.includes(name))
        expect(park, name).toBeDefined()
        expect(park!.class).toBe('key')
        expect(park!.inside).toBe(true)
      }
    })

    it('has the Nanyue Hengshan reserve with its three zones', async () => {
      const zones = await query<{ zone: string }>(
        `SELECT zone FROM nature_reserve_zones WHERE reserve_name LIKE '%衡山%'`,
      )
      expect(new Set(zones.map((z) => z.zone))).toEqual(new Set(['core', 'buffer', 'experimental']))
    })

    it('has three or more water sources whose levels nest', async () => {
      const sources = await query<{ source_name: string; levels: string[]; nested: boolean }>(
        `SELECT source_name, array_agg(DISTINCT level) AS levels,
                bool_and(level <> 'level1' OR EXISTS (
                  SELECT 1 FROM water_source_zones o
                   WHERE o.source_name = w.source_name AND o.level = 'level2'
                     AND ST_Touches(o.geom, w.geom))) AS nested
           FROM water_source_zones w GROUP BY source_name`,
      )
      const nested = sources.filter((s) => s.levels.includes('level1') && s.levels.length >= 2)
      expect(nested.length).toBeGreaterThanOrEqual(3)
      expect(nested.every((s) => s.nested)).toBe(true)
    })

    it('runs the Xiang River along the Zhuhui / Yanfeng-Shigu boundary', async () => {
      // Sample the shared boundary every 10% of its length and measure to the river.
      const [row] = await query<{ worst: number }>(
        `WITH shared AS (
           SELECT ST_LineMerge(ST_CollectionExtract(ST_Intersection(
                    ST_Boundary(z.geom), ST_Boundary(ST_Union(w.geom))), 2)) AS line
             FROM districts z, districts w
            WHERE z.adcode = 430405 AND w.adcode IN (430406, 430407)
            GROUP BY z.geom),
         samples AS (
           SELECT ST_LineInterpolatePoint(ST_GeometryN(ST_Multi(line), 1), f / 10.0) AS p
             FROM shared, generate_series(1, 9) AS f)
         SELECT max(ST_Distance(samples.p::geography, r.geom::geography)) AS worst
           FROM samples, rivers r WHERE r.name = '湘江'`,
      )
      expect(row!.worst).toBeLessThan(300)
    })

    it('lists at least 60 rules over the four dimensions, with the legal-basis rules', async () => {
      const rules = await query<{ dimension: string; legal_basis: string | null }>(
        'SELECT dimension, legal_basis FROM rules',
      )
      expect(rules.length).toBeGreaterThanOrEqual(60)
      expect(new Set(rules.map((r) => r.dimension)).size).toBe(4)
      const bases = rules.map((r) => r.legal_basis ?? '').join('\n')
      for (const law of ['水污染防治法', '长江保护法', '自然保护区条例', '畜禽']) {
        expect(bases).toContain(law)
      }
    })

    it.each([
      [7, 112.6, 26.9],
      [9, 112.6, 26.9],
      [11, 112.62, 26.88],
    ])('cuts a z%i tile holding the units PostGIS finds in it', async (z, lon, lat) => {
      const [x, y] = [lonToTileX(lon, z), latToTileY(lat, z)]
      const response = await server.get(`/tiles/control_units/${z}/${x}/${y}.mvt`)
      const layer = decodeTile(await response.arrayBuffer()).control_units!
      const inTile = new Set(layer.features.map((f) => String(f.properties.code)))

      // geojson-vt keeps features within a 64/4096 buffer around the tile as well.
      const [w, e] = [tileToLon(x, z), tileToLon(x + 1, z)]
      const [n, s] = [tileToLat(y, z), tileToLat(y + 1, z)]
      const pad = ((e - w) * 64) / 4096
      const within = async (margin: number) =>
        (
          await query<{ code: string }>(
            `SELECT code FROM control_units
              WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))`,
            [w - margin, s - margin, e + margin, n + margin],
          )
        ).map((u) => u.code)
      const shrunk = await within(-pad)
      const grown = await within(pad)
      expect(shrunk.length).toBeGreaterThan(0)
      for (const code of shrunk) expect(inTile.has(code), code).toBe(true)
      for (const code of inTile) expect(grown, code).toContain(code)
    })

    it('says it is illustrative in the API', async () => {
      const dataset = (await (await server.get('/api/dataset')).json()) as {
        illustrative: boolean
        notice_zh: string
      }
      expect(dataset.illustrative).toBe(true)
      expect(dataset.notice_zh.length).toBeGreaterThan(0)
    })
  })
}
