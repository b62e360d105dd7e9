import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Position } from 'geojson'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, type FileImportOptions } from '../../server/import/file-import.ts'
import { ImportError, UnknownLayerError } from '../../server/import/import-error.ts'
import { parseSourceCrs } from '../../server/import/source-crs.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database.ts'
import { BACKENDS } from '../support/services.ts'
import {
  layerState,
  largestVertexOffset,
  projectWithPostgis,
  readPolygons,
} from './support/import-database.ts'
import {
  fixture,
  waterSourceShapefile,
  waterSources,
  type ShapefileOptions,
} from './support/water-source-fixtures.ts'
import { writeShapefile, type Ring } from './support/shapefile-writer.ts'
import { gcj02ToBd09, wgs84ToGcj02 } from './support/web-map-datums.ts'
import { writeZip, type ZipEntry } from './support/zip-writer.ts'

// Expected coordinates are those of water-sources.geojson. Projected fixtures are made from them
// by PostGIS (PROJ), and web-map fixtures by the published GCJ-02 and BD-09 formulas, so the
// importer's proj4 and gcoord conversions are checked against independent code. 1e-6 degrees is
// about 10 cm.
const TOLERANCE_DEGREES = 1e-6

const prj = (name: string) => readFile(fixture(`prj/${name}`), 'latin1')
const ZONE_38 = 'cgcs2000-gk-zone-38.esri.prj'
const CM_114E = 'cgcs2000-gk-cm-114e.ogc.prj'

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`importFile ${backend.title}`, () => {
    let database: MigratedDatabase
    let tmp: string
    beforeAll(async () => {
      database = await openMigratedDatabase(backend)
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-import-'))
    })
    afterAll(async () => {
      await database?.close()
      if (tmp) await rm(tmp, { recursive: true, force: true })
    })

    const run = (file: string, options: Partial<FileImportOptions> = {}) =>
      importFile(database.db, { file, layer: 'water_source_zones', ...options })

    const zip = async (name: string, entries: ZipEntry[], names: 'utf-8' | 'gbk' = 'utf-8') => {
      const file = path.join(tmp, name)
      await writeFile(file, writeZip(entries, names))
      return file
    }
    const shapefile = (options: ShapefileOptions) => waterSourceShapefile(database.db, options)

    const expectWaterSources = async () => {
      const stored = await readPolygons(database.db, 'water_source_zones', [
        'name',
        'source_name',
        'level',
      ])
      const expected = waterSources()
      expect(stored.map((s) => s.values)).toEqual(
        expected.map(({ name, source_name, level }) => ({ name, source_name, level })),
      )
      stored.forEach((s, i) => {
        expect(largestVertexOffset(s.polygons, expected[i]!.polygons)).toBeLessThan(
          TOLERANCE_DEGREES,
        )
      })
    }

    it('loads a longitude/latitude GeoJSON with its Chinese text', async () => {
      const result = await run(fixture('water-sources.geojson'))
      expect(result).toMatchObject({ layer: 'water_source_zones', features: 3, repaired: 0 })
      expect(result.crs.crs.name).toBe('EPSG:4326 (WGS84 longitude/latitude)')
      expect(result.crs.from).toBe('the GeoJSON default, RFC 7946')
      await expectWaterSources()
    })

    it('loads a GeoJSON saved as UTF-16 with its byte-order mark', async () => {
      const text = await readFile(fixture('water-sources.geojson'), 'utf8')
      const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
      const big = Buffer.from(little).swap16()
      for (const [name, bytes] of [
        ['utf-16le', little],
        ['utf-16be', big],
      ] as const) {
        const file = path.join(tmp, `${name}.geojson`)
        await writeFile(file, bytes)
        const result = await run(file)
        expect(result.encoding).toEqual({ name, from: 'its byte-order mark' })
        await expectWaterSources()
      }
    })

    it('loads a single Feature and bumps the data version once per import', async () => {
      const token = async () =>
        (
          await database.db.query<{ data_token: string }>(
            "SELECT data_token FROM layers WHERE name = 'water_source_zones'",
          )
        )[0]!.data_token
      const before = await layerState(database.db, 'water_source_zones', 'water_source_zones')
      const tokenBefore = await token()
      const result = await run(fixture('water-source-feature.geojson'))
      expect(result.features).toBe(1)
      expect(result.dataVersion).toBe(before.dataVersion + 1)
      // A new import token too, which tile keys and ETags carry (sql/008_layer_data_token.sql).
      expect(await token()).toMatch(/^[0-9a-f]{32}$/)
      expect(await token()).not.toBe(tokenBefore)
    })

    it('loads a zipped GBK Shapefile in zone 38 with the zone number, from a folder', async () => {
      const entries = await shapefile({
        srid: 4526,
        stem: '三线一单/水源保护区',
        encoding: 'gbk',
        prj: await prj(ZONE_38),
      })
      // Chinese Windows writes member names in GBK, without the UTF-8 flag.
      const file = await zip('zone-38.zip', [...entries, { name: '说明.txt', data: '' }], 'gbk')

      const result = await run(file)
      expect(result.file).toBe(`${file} (三线一单/水源保护区.shp)`)
      expect(result.crs.crs.name).toBe('EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38)')
      expect(result.crs.from).toBe('named by the .prj')
      expect(result.encoding).toEqual({ name: 'gbk', from: 'the default without a .cpg' })
      await expectWaterSources()
    })

    it('loads a zipped UTF-8 Shapefile by central meridian, as its .cpg says', async () => {
      const entries = await shapefile({
        srid: 4547,
        stem: 'export/water',
        encoding: 'utf-8',
        prj: await prj(CM_114E),
        cpg: 'UTF-8\r\n',
      })
      const result = await run(await zip('cm-114e.zip', entries))
      expect(result.crs.crs.name).toBe('EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)')
      expect(result.encoding).toEqual({ name: 'utf-8', from: 'named by the .cpg' })
      await expectWaterSources()
    })

    it('loads a .shp with its .dbf, .prj and .cpg beside it', async () => {
      const entries = await shapefile({
        srid: 4547,
        stem: 'water',
        encoding: 'gbk',
        prj: await prj('cgcs2000-gk-cm-114e.esri.prj'),
        cpg: 'ANSI 936',
      })
      for (const entry of entries) await writeFile(path.join(tmp, entry.name), entry.data)
      const result = await run(path.join(tmp, 'water.shp'))
      expect(result.encoding.name).toBe('gbk')
      await expectWaterSources()
    })

    it('takes --crs over a .prj, and --encoding over the default', async () => {
      const entries = await shapefile({
        srid: 4526,
        stem: 'water',
        encoding: 'utf-8',
        prj: await prj('xian-1980-gk-zone-38.ogc.prj'),
      })
      const result = await run(await zip('override.zip', entries), {
        crs: parseSourceCrs('EPSG:4526'),
        encoding: 'utf-8',
      })
      expect(result.crs.from).toBe('given by --crs')
      expect(result.encoding.from).toBe('given by --encoding')
      await expectWaterSources()
    })

    it('refuses UTF-8 text that the default or a .cpg would read as GBK', async () => {
      // GBK reads most byte pairs, so UTF-8 Chinese would load garbled without a word.
      for (const cpg of [undefined, '936']) {
        const entries = await shapefile({ srid: 4490, stem: 'water', encoding: 'utf-8', cpg })
        const error = await importFile(database.db, {
          file: await zip(`utf8-${cpg ?? 'no-cpg'}.zip`, entries),
          layer: 'water_source_zones',
        }).catch((e: unknown) => e as ImportError)
        const from = cpg ? 'named by the .cpg' : 'the default without a .cpg'
        expect((error as ImportError).message).toBe(
          `The .dbf's text is UTF-8, not gbk (${from}): read as gbk, its text would be ` +
            'garbled. Give --encoding utf-8, or a .cpg saying UTF-8.',
        )
      }
    })

    it('reads the field names QGIS and GDAL cut to ten characters', async () => {
      const entries = await shapefile({
        srid: 4490,
        stem: 'water',
        encoding: 'utf-8',
        cpg: 'UTF-8',
        fieldNames: 'cut',
      })
      await run(await zip('cut-names.zip', entries))
      await expectWaterSources()
    })

    interface UnitRecord {
      code: string
      class: string
      shape?: Ring
      /** The record's rings as written, in place of its one `shape`. */
      rings?: Ring[]
      deleted?: boolean
    }
    /** Clockwise, as a Shapefile's outer ring runs: a 0.01° square at longitude `w`. */
    const square = (w: number): Ring => [
      [w, 26.88],
      [w, 26.89],
      [w + 0.01, 26.89],
      [w + 0.01, 26.88],
      [w, 26.88],
    ]
    /** A zipped GBK Shapefile of control units, under the Chinese field names bureaus use. */
    const unitsZip = async (name: string, units: UnitRecord[]) => {
      const { shp, shx, dbf } = writeShapefile({
        records: units.map((unit, i) => ({
          shape: { type: 'polygon', rings: unit.rings ?? [unit.shape ?? square(112.6 + i / 50)] },
          attributes: {
            单元编码: unit.code,
            单元名称: `测试单元${i + 1}`,
            管控类别: unit.class,
            区县代码: 430421,
          },
          deleted: unit.deleted,
        })),
        fields: [
          { name: '单元编码', type: 'C', length: 13 },
          { name: '单元名称', type: 'C', length: 40 },
          { name: '管控类别', type: 'C', length: 20 },
          { name: '区县代码', type: 'N', length: 6 },
        ],
        encoding: 'gbk',
      })
      return zip(name, [
        { name: 'units.shp', data: shp },
        { name: 'units.shx', data: shx },
        { name: 'units.dbf', data: dbf },
      ])
    }

    it('stores the code for the Chinese unit classes of a GBK Shapefile', async () => {
      const file = await unitsZip('units.zip', [
        { code: 'ZH43042110001', class: '优先保护单元' },
        { code: 'ZH43042110002', class: '重点管控单元' },
        { code: 'ZH43042110003', class: '一般管控' },
      ])
      expect((await run(file, { layer: 'control_units' })).features).toBe(3)
      const stored = await database.db.query('SELECT code, class FROM control_units ORDER BY id')
      expect(stored).toEqual([
        { code: 'ZH43042110001', class: 'priority' },
        { code: 'ZH43042110002', class: 'key' },
        { code: 'ZH43042110003', class: 'general' },
      ])
    })

    it('names repaired features by their record numbers, counting deleted records', async () => {
      const bowTie: Ring = [
        [112.7, 26.88],
        [112.71, 26.89],
        [112.71, 26.88],
        [112.7, 26.89],
        [112.7, 26.88],
      ]
      const file = await unitsZip('units-bow-tie.zip', [
        { code: 'ZH43042110001', class: 'priority', deleted: true },
        { code: 'ZH43042110002', class: 'key', shape: bowTie },
      ])
      const result = await run(file, { layer: 'control_units' })
      expect([result.features, result.deletedRecords, result.repairedFeatures]).toEqual([1, 1, [2]])
    })

    it('keeps Shapefile holes inside their outer ring, and rings drawn either way', async () => {
      // A clockwise square with a counter-clockwise 0.004° square hole, beside a second
      // clockwise square; then two squares drawn counter-clockwise, both read as outer rings.
      const hole: Ring = [
        [112.603, 26.883],
        [112.607, 26.883],
        [112.607, 26.887],
        [112.603, 26.887],
        [112.603, 26.883],
      ]
      const file = await unitsZip('units-holes-kept.zip', [
        { code: 'ZH43042110001', class: 'priority', rings: [square(112.6), hole, square(112.62)] },
        {
          code: 'ZH43042110002',
          class: 'key',
          rings: [square(112.7).reverse(), square(112.72).reverse()],
        },
      ])
      const result = await run(file, { layer: 'control_units' })
      expect([result.features, result.repaired]).toEqual([2, 0])
      const stored = await database.db.query<{ parts: number; holes: number; area: number }>(
        `SELECT ST_NumGeometries(geom) AS parts, ST_NRings(geom) - ST_NumGeometries(geom) AS holes,
                ST_Area(geom) AS area
           FROM control_units ORDER BY id`,
      )
      // Two 0.0001 square-degree squares, the first less its 0.000016 square-degree hole.
      expect(stored.map((row) => [row.parts, row.holes])).toEqual([
        [2, 1],
        [2, 0],
      ])
      expect(stored[0]!.area).toBeCloseTo(0.000184, 12)
      expect(stored[1]!.area).toBeCloseTo(0.0002, 12)
    })

    it('skips the records a .dbf marks deleted, with their shapes, and counts them', async () => {
      // A deleted record first, between the second and third zones, and last: each with a
      // square and a level of its own that the layer would refuse.
      const entries = await shapefile({
        srid: 4490,
        stem: 'water',
        encoding: 'gbk',
        deletedBefore: [0, 2, 3],
      })
      const result = await run(await zip('deleted.zip', entries))
      expect(result.features).toBe(3)
      expect(result.deletedRecords).toBe(3)
      await expectWaterSources()
    })

    it('counts no deleted records in a Shapefile or a GeoJSON without them', async () => {
      const entries = await shapefile({ srid: 4490, stem: 'water', encoding: 'gbk' })
      expect((await run(await zip('kept.zip', entries))).deletedRecords).toBe(0)
      expect((await run(fixture('water-sources.geojson'))).deletedRecords).toBe(0)
    })

    it('picks the Shapefile --member names among several', async () => {
      const water = await shapefile({ srid: 4490, stem: 'gis/水源', encoding: 'gbk' })
      const other = await shapefile({ srid: 4490, stem: 'gis/其他', encoding: 'gbk' })
      const file = await zip('two.zip', [...water, ...other])
      const result = await run(file, { member: '水源' })
      expect(result.file).toBe(`${file} (gis/水源.shp)`)
      expect(result.crs.from).toBe('assumed, as the Shapefile has no .prj')
      await expectWaterSources()
    })

    for (const datum of ['gcj02', 'bd09'] as const) {
      it(`converts ${datum} coordinates back to WGS84 within 10 cm`, async () => {
        const offset = (p: Position): Position => {
          const gcj = wgs84ToGcj02([p[0]!, p[1]!])
          return datum === 'gcj02' ? gcj : gcj02ToBd09(gcj)
        }
        const geojson = JSON.parse(await readFile(fixture('water-sources.geojson'), 'utf8'))
        for (const feature of geojson.features) {
          const polygons: Position[][][] =
            feature.geometry.type === 'Polygon'
              ? [feature.geometry.coordinates]
              : feature.geometry.coordinates
          const moved = polygons.map((polygon) => polygon.map((ring) => ring.map(offset)))
          feature.geometry = { type: 'MultiPolygon', coordinates: moved }
        }
        const file = path.join(tmp, `${datum}.geojson`)
        await writeFile(file, JSON.stringify(geojson))

        const result = await run(file, { crs: parseSourceCrs(datum) })
        expect(result.crs.crs.kind === 'lonlat' && result.crs.crs.datum).toBe(datum)
        await expectWaterSources()
      })
    }

    it('reads the CRS that a GeoJSON crs member declares', async () => {
      const features = await Promise.all(
        waterSources().map(async ({ polygons, ...properties }) => ({
          type: 'Feature',
          properties,
          geometry: {
            type: 'MultiPolygon',
            coordinates: await projectWithPostgis(database.db, polygons, 4547),
          },
        })),
      )
      const file = path.join(tmp, 'cm-114e.geojson')
      const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } }
      await writeFile(file, JSON.stringify({ type: 'FeatureCollection', crs, features }))

      const result = await run(file)
      expect(result.crs.from).toBe("named by the file's crs member")
      await expectWaterSources()
    })

    it('counts the geometries ST_MakeValid repairs', async () => {
      const result = await run(fixture('bow-tie.geojson'))
      expect(result.repaired).toBe(1)
      expect(result.repairedFeatures).toEqual([1])
      const [row] = await database.db.query<{ parts: number; valid: boolean }>(
        'SELECT ST_NumGeometries(geom) AS parts, ST_IsValid(geom) AS valid FROM water_source_zones',
      )
      expect(row).toEqual({ parts: 2, valid: true })
    })

    const ring = (w: number, s: number) => [
      [w, s],
      [w + 0.02, s],
      [w + 0.02, s + 0.02],
      [w, s + 0.02],
      [w, s],
    ]
    const inner = (w: number, s: number) =>
      ring(w, s).map(([x, y]) => [x! / 2 + w / 2, y! / 2 + s / 2])
    const geojsonFile = async (name: string, geometries: object[]) => {
      const features = geometries.map((geometry, i) => ({
        type: 'Feature',
        properties: { name: `测试${i + 1}`, source_name: '测试水源', level: 'level1' },
        geometry,
      }))
      const file = path.join(tmp, name)
      await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }))
      return file
    }

    it('merges the overlapping parts of a MultiPolygon into their union', async () => {
      const file = await geojsonFile('overlapping-parts.geojson', [
        { type: 'MultiPolygon', coordinates: [[ring(112.6, 26.9)], [ring(112.61, 26.91)]] },
      ])
      const result = await run(file)
      expect(result.repairedFeatures).toEqual([1])
      // The union of two 0.02° squares overlapping by a 0.01° one: 0.0007 square degrees.
      const [row] = await database.db.query<{ area: number; overlap: boolean }>(
        `SELECT ST_Area(geom) AS area,
                ST_Covers(geom, ST_SetSRID(ST_Point(112.615, 26.915), 4326)) AS overlap
           FROM water_source_zones`,
      )
      expect(row!.area).toBeCloseTo(0.0007, 10)
      expect(row!.overlap).toBe(true)
    })

    describe('a bad file changes nothing and says where', () => {
      beforeAll(async () => {
        await run(fixture('water-sources.geojson'))
      })

      const refused = async (
        file: string,
        options: Partial<FileImportOptions> = {},
        layer = 'water_source_zones',
      ): Promise<ImportError> => {
        const before = await layerState(database.db, layer, layer)
        const error = await run(file, { layer, ...options }).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect(error).toBeInstanceOf(ImportError)
        expect(await layerState(database.db, layer, layer)).toEqual(before)
        return error as ImportError
      }
      const bad = (name: string) => fixture(`bad/${name}`)

      it('refuses a hole drawn outside its outer ring, naming the feature', async () => {
        const file = await geojsonFile('hole-outside.geojson', [
          // A hole inside, drawn as Shapefiles draw holes (clockwise in GeoJSON terms): kept.
          { type: 'Polygon', coordinates: [ring(112.6, 26.9), inner(112.605, 26.905).reverse()] },
          { type: 'Polygon', coordinates: [ring(112.6, 26.9), ring(112.7, 26.9).reverse()] },
        ])
        expect((await refused(file)).describe()).toBe(
          `${file}, feature 2: A hole lies outside its outer ring: repaired, it would become ` +
            'land the feature does not hold. Draw each hole inside its outer ring.',
        )
      })

      describe('a Shapefile hole that lies in no outer ring', () => {
        // Counter-clockwise, as a Shapefile's hole runs: a triangle east of square(112.6).
        const outside: Ring = [
          [112.62, 26.88],
          [112.625, 26.88],
          [112.625, 26.885],
          [112.62, 26.88],
        ]
        const refusal = (file: string, feature: number) =>
          `${file} (units.shp), feature ${feature}: A hole lies outside its outer ring: ` +
          'repaired, it would become land the feature does not hold. Draw each hole inside ' +
          'its outer ring.'

        it('refuses it as a GeoJSON one, naming the file and the record', async () => {
          // The record numbers count the deleted first record.
          const file = await unitsZip('units-hole-beside.zip', [
            { code: 'ZH43042110001', class: 'priority', deleted: true },
            { code: 'ZH43042110002', class: 'key' },
            { code: 'ZH43042110003', class: 'general', rings: [square(112.6), outside] },
          ])
          expect((await refused(file, {}, 'control_units')).describe()).toBe(refusal(file, 3))
        })

        it('refuses it beside two outer rings, and before them', async () => {
          const file = await unitsZip('units-hole-first.zip', [
            {
              code: 'ZH43042110001',
              class: 'key',
              rings: [outside, square(112.6), square(112.64)],
            },
          ])
          expect((await refused(file, {}, 'control_units')).describe()).toBe(refusal(file, 1))
        })

        it('refuses a hole drawn around its outer ring, the two the wrong way round', async () => {
          // Read as the format says, the counter-clockwise square is a hole holding the
          // clockwise one, the outer ring: land where the gap was meant, whichever is meant.
          const inner: Ring = [
            [112.603, 26.883],
            [112.603, 26.887],
            [112.607, 26.887],
            [112.607, 26.883],
            [112.603, 26.883],
          ]
          const file = await unitsZip('units-wrong-way.zip', [
            { code: 'ZH43042110001', class: 'key', rings: [square(112.6).reverse(), inner] },
          ])
          // Said as the likelier mistake: the GeoJSON order of rings.
          expect((await refused(file, {}, 'control_units')).describe()).toBe(
            `${file} (units.shp), feature 1: The rings run the wrong way round: a ` +
              'counter-clockwise ring holds a clockwise one, as GeoJSON draws an outer ring and ' +
              'its hole, where a Shapefile draws outer rings clockwise and holes ' +
              'counter-clockwise. Export the Shapefile again from a GIS tool, which writes that ' +
              'order.',
          )
        })
      })

      it('names a file that does not exist', async () => {
        const file = path.join(tmp, 'missing.geojson')
        expect((await refused(file)).describe()).toBe(`${file}: The file does not exist.`)
      })

      it('refuses a file that is not a zip archive', async () => {
        const error = await refused(bad('not-a-zip.zip'))
        expect(error.file).toBe(bad('not-a-zip.zip'))
        expect(error.message).toContain('not a readable zip archive')
      })

      it('refuses a zip archive without a .shp, listing what it holds', async () => {
        const file = await zip('no-shp.zip', [
          { name: 'gis/water.dbf', data: 'x' },
          { name: 'gis/readme.txt', data: 'x' },
        ])
        expect((await refused(file)).message).toBe(
          'The zip archive holds no .shp file; it holds gis/water.dbf, gis/readme.txt.',
        )
      })

      it('lists the Shapefiles of an archive holding several', async () => {
        const water = await shapefile({ srid: 4490, stem: 'a/water', encoding: 'gbk' })
        const rivers = await shapefile({ srid: 4490, stem: 'a/rivers', encoding: 'gbk' })
        const error = await refused(await zip('several.zip', [...water, ...rivers]))
        expect(error.message).toBe(
          'The zip archive holds 2 Shapefiles: a/water.shp, a/rivers.shp. ' +
            'Choose one with --member NAME.',
        )
      })

      it('refuses a .shp said to unpack to over 1 GiB, reading none of it', async () => {
        // The headers claim 3 GiB for a few hundred bytes: read, it would fail as unreadable.
        const entries = await shapefile({ srid: 4490, stem: 'gis/water', encoding: 'gbk' })
        const lying = entries.map((e) =>
          e.name.endsWith('.shp') ? { ...e, declaredSize: 3 * 2 ** 30 } : e,
        )
        const file = await zip('claims-3-gib.zip', lying)
        expect((await refused(file)).describe()).toBe(
          `${file}: gis/water.shp in the zip archive unpacks to 3,221,225,472 bytes, over the ` +
            'limit of 1,073,741,824 bytes (1 GiB) for one file.',
        )
      })

      it('refuses a file one byte over a lowered limit', async () => {
        // Zeros, 64 KiB and one byte of them, deflate to a few hundred bytes.
        const entries = [
          { name: 'big.shp', data: Buffer.alloc(64 * 1024 + 1) },
          { name: 'big.dbf', data: 'x' },
        ]
        const error = await refused(await zip('big.zip', entries), {
          maxZipMemberBytes: 64 * 1024,
        })
        expect(error.message).toBe(
          'big.shp in the zip archive unpacks to 65,537 bytes, over the limit of 65,536 bytes ' +
            '(64 KiB) for one file.',
        )
      })

      it('reads every file of a Shapefile at the limit', async () => {
        const entries = await shapefile({ srid: 4490, stem: 'water', encoding: 'gbk' })
        const sizes = entries.map((e) => Buffer.from(e.data).length)
        const largest = entries[sizes.indexOf(Math.max(...sizes))]!.name
        const file = await zip('at-limit.zip', entries)
        const over = await refused(file, { maxZipMemberBytes: Math.max(...sizes) - 1 })
        expect(over.message).toMatch(new RegExp(`^${largest} in the zip archive unpacks to `))
        const result = await run(file, { maxZipMemberBytes: Math.max(...sizes) })
        expect(result.features).toBe(waterSources().length)
      })

      it('refuses a file that inflates to more than its archive says', async () => {
        // 16 MiB of zeros deflate to 16 KB; the headers claim 1 KiB.
        const bomb = { name: 'water.shp', data: Buffer.alloc(16 * 2 ** 20), declaredSize: 1024 }
        const file = await zip('inflates.zip', [bomb, { name: 'water.dbf', data: 'x' }])
        const { message } = await refused(file)
        expect(message).toBe(
          'water.shp in the zip archive cannot be read (it unpacks to more than the 1024 bytes ' +
            'the archive declares).',
        )
      })

      it('refuses a large file inflating past its declared size, and goes on', async () => {
        // Random bytes hardly deflate: reading 4 MiB of them takes many reads of the archive,
        // some still queued when the count runs over.
        const bomb = { name: 'water.shp', data: randomBytes(4 * 2 ** 20), declaredSize: 1024 }
        const file = await zip('inflates-large.zip', [bomb, { name: 'water.dbf', data: 'x' }])
        expect((await refused(file)).message).toMatch(
          /^water\.shp in the zip archive cannot be read/,
        )
        // The reads left queued end without throwing where nothing could catch it.
        await new Promise((resolve) => setTimeout(resolve, 500))
      })

      it('reads a Shapefile whose small files are stored rather than deflated', async () => {
        // Info-ZIP's zip stores a file that deflating would not shrink, such as a .cpg.
        const entries = await shapefile({ srid: 4490, stem: 'gis/water', encoding: 'gbk' })
        const stored = entries.map((e) => (e.name.endsWith('.shp') ? e : { ...e, stored: true }))
        const result = await run(await zip('stored.zip', stored))
        expect(result.features).toBe(waterSources().length)
      })

      it('refuses a file whose bytes do not match the checksum its archive holds', async () => {
        const entries = await shapefile({ srid: 4490, stem: 'gis/water', encoding: 'gbk' })
        for (const stored of [false, true]) {
          const damaged = entries.map((e) =>
            e.name.endsWith('.dbf') ? { ...e, stored, declaredCrc: 0x12345678 } : e,
          )
          expect((await refused(await zip(`damaged-${stored}.zip`, damaged))).message).toBe(
            'gis/water.dbf in the zip archive cannot be read (its bytes do not match the ' +
              'checksum the archive holds: the file is damaged).',
          )
        }
      })

      it('refuses a .dbf cut short, counting its records', async () => {
        const entries = await shapefile({ srid: 4490, stem: 'gis/water', encoding: 'gbk' })
        const cut = entries.map((e) => {
          if (!e.name.endsWith('.dbf')) return e
          const dbf = Buffer.from(e.data)
          // The header's record count and length, as dBASE writes them.
          const [count, header, record] = [
            dbf.readUInt32LE(4),
            dbf.readUInt16LE(8),
            dbf.readUInt16LE(10),
          ]
          expect(count).toBe(waterSources().length)
          return { ...e, data: dbf.subarray(0, header + record * (count - 1) + 5) }
        })
        const count = waterSources().length
        expect((await refused(await zip('cut-dbf.zip', cut))).message).toBe(
          `The .dbf is cut short: its header lists ${count} records, and it holds ${count - 1} ` +
            'whole ones. Copy or export the Shapefile again.',
        )
      })

      it('refuses a Shapefile without its .dbf', async () => {
        const entries = await shapefile({ srid: 4490, stem: 'water', encoding: 'gbk' })
        const file = await zip(
          'no-dbf.zip',
          entries.filter((e) => !e.name.endsWith('.dbf')),
        )
        expect((await refused(file)).message).toContain('has no .dbf')
      })

      it('refuses text that is not JSON', async () => {
        const file = path.join(tmp, 'broken.geojson')
        await writeFile(file, '{"type": "FeatureCollection", "features": [')
        const error = await refused(file)
        expect(error.file).toBe(file)
        expect(error.message).toMatch(/^The file is not valid JSON/)
      })

      it('refuses GBK GeoJSON read as UTF-8, saying to give --encoding gbk', async () => {
        const file = path.join(tmp, 'gbk.geojson')
        const text = await readFile(fixture('water-sources.geojson'), 'utf8')
        await writeFile(file, iconv.encode(text, 'gbk'))
        expect((await refused(file)).message).toBe(
          'The file is not valid utf-8 text; if it is GBK, give --encoding gbk.',
        )
      })

      it('refuses a file without features', async () => {
        expect((await refused(bad('empty.geojson'))).describe()).toBe(
          `${bad('empty.geojson')}: The file holds no features.`,
        )
      })

      it('names the feature without a geometry', async () => {
        expect((await refused(bad('no-geometry.geojson'))).describe()).toBe(
          `${bad('no-geometry.geojson')}, feature 2: The feature has no geometry.`,
        )
      })

      it('names the Shapefile record with a null shape', async () => {
        const entries = await shapefile({
          srid: 4490,
          stem: 'water',
          encoding: 'gbk',
          nullShapeAt: 2,
        })
        const error = await refused(await zip('null-shape.zip', entries))
        expect(error.feature).toBe(3)
        expect(error.message).toBe('The feature has no geometry.')
      })

      it('names a record by its number in the .dbf, counting the deleted ones', async () => {
        // Records: zone 1, deleted, zone 2, zone 3 without a shape: the fourth.
        const entries = await shapefile({
          srid: 4490,
          stem: 'water',
          encoding: 'gbk',
          nullShapeAt: 2,
          deletedBefore: [1],
        })
        const error = await refused(await zip('deleted-then-null.zip', entries))
        expect(error.feature).toBe(4)
        expect(error.message).toBe('The feature has no geometry.')
      })

      it('names a record the table refuses by its number, counting deleted records', async () => {
        // The deleted first record holds the code that the second and fourth both hold.
        const file = await unitsZip('units-refused.zip', [
          { code: 'ZH43042110001', class: 'priority', deleted: true },
          { code: 'ZH43042110001', class: 'priority' },
          { code: 'ZH43042110002', class: 'key' },
          { code: 'ZH43042110001', class: 'general' },
        ])
        expect((await refused(file, {}, 'control_units')).describe()).toBe(
          `${file} (units.shp), feature 4, field code: The value "ZH43042110001" is already ` +
            'taken by feature 2; each feature needs its own.',
        )
      })

      it('refuses a Shapefile whose records are all marked deleted', async () => {
        const { shp, shx, dbf } = writeShapefile({
          records: [1, 2].map((i) => ({
            shape: { type: 'polygon', rings: [ring(112.6 + i / 10, 26.9).reverse() as Ring] },
            attributes: { NAME: `已删除${i}`, SOURCE: '湘江', LEVEL: 'level1' },
            deleted: true,
          })),
          fields: [
            { name: 'NAME', type: 'C', length: 20 },
            { name: 'SOURCE', type: 'C', length: 20 },
            { name: 'LEVEL', type: 'C', length: 10 },
          ],
          encoding: 'gbk',
        })
        const file = await zip('all-deleted.zip', [
          { name: 'water.shp', data: shp },
          { name: 'water.shx', data: shx },
          { name: 'water.dbf', data: dbf },
        ])
        expect((await refused(file)).describe()).toBe(
          `${file} (water.shp): Every record of the .dbf (2) is marked deleted: the Shapefile ` +
            'holds no features.',
        )
      })

      it('refuses a geometry of the wrong kind for the layer', async () => {
        const error = await refused(bad('line-for-polygon.geojson'))
        expect(error.feature).toBe(1)
        expect(error.message).toBe(
          'Layer water_source_zones takes Polygon or MultiPolygon geometries, got LineString.',
        )
      })

      it('refuses projected coordinates without a CRS, naming the zone-38 code', async () => {
        const error = await refused(bad('projected-zone-38.geojson'))
        expect(error.feature).toBe(1)
        expect(error.message).toContain('are projected, not longitude/latitude')
        expect(error.message).toContain('--crs EPSG:4526')
      })

      it('refuses eastings without a zone number, asking for the zone', async () => {
        const error = await refused(bad('projected-no-zone.geojson'))
        expect(error.message).toContain('cannot be told')
        expect(error.message).toContain('EPSG:4547')
      })

      it('refuses a crs member naming a system it does not convert', async () => {
        const error = await refused(bad('unknown-crs-member.geojson'))
        expect(error.message).toBe(
          'The file\'s crs member names the CRS "urn:ogc:def:crs:EPSG::2362", which the ' +
            'importer does not convert; give --crs.',
        )
      })

      it('refuses a .prj it does not recognise, naming it', async () => {
        const entries = await shapefile({
          srid: 4526,
          stem: 'water',
          encoding: 'gbk',
          prj: await prj('xian-1980-gk-zone-38.ogc.prj'),
        })
        const file = await zip('xian.zip', entries)
        const error = await refused(file)
        expect(error.file).toBe(`${file} (water.shp)`)
        expect(error.message).toContain('"Xian 1980 / 3-degree Gauss-Kruger zone 38"')
      })

      it('refuses a .cpg naming no known encoding', async () => {
        const entries = await shapefile({
          srid: 4490,
          stem: 'water',
          encoding: 'gbk',
          cpg: 'System',
        })
        const error = await refused(await zip('cpg.zip', entries))
        expect(error.message).toContain('"System"')
        expect(error.message).toContain('--encoding')
      })

      it('refuses coordinates that land outside China', async () => {
        const error = await refused(bad('outside-china.geojson'))
        expect(error.message).toContain('outside China')
        expect(error.message).toContain('the CRS is probably wrong')
      })

      it('names the feature with an unclosed ring', async () => {
        const error = await refused(bad('unclosed-ring.geojson'))
        expect(error.feature).toBe(2)
        expect(error.message).toContain('not closed')
      })

      it('names the feature and field of a missing required attribute', async () => {
        const error = await refused(bad('missing-source-name.geojson'))
        expect(error.describe()).toBe(
          `${bad('missing-source-name.geojson')}, feature 3, field source_name: ` +
            'Required attribute source_name (or SOURCE, 水源地名称, 水源地, source_nam) is missing.',
        )
      })

      it('names the feature and field of a value of the wrong type', async () => {
        const error = await refused(bad('adcode-not-a-number.geojson'), {}, 'districts')
        expect(error.feature).toBe(1)
        expect(error.field).toBe('adcode')
        expect(error.message).toContain('"衡阳县"')
      })

      it('refuses a blank or hex number and blank required text, storing nothing', async () => {
        const district = (adcode: unknown, name: unknown) => ({
          type: 'Feature',
          properties: { adcode, name },
          geometry: { type: 'Polygon', coordinates: [ring(112.6, 26.9)] },
        })
        const cases: [object[], string][] = [
          [
            [district(430421, '衡阳县'), district('  ', '衡南县')],
            'feature 2, field adcode: Required attribute adcode (or ADCODE, 行政区划代码, ' +
              '区划代码) is missing: adcode is blank.',
          ],
          [
            [district('0x68F45', '衡阳县')],
            'feature 1, field adcode: Expected an integer in decimal digits, got "0x68F45".',
          ],
          [
            [district(430421, '   ')],
            'feature 1, field name: Required attribute name (or NAME, 名称, 区县名称) is ' +
              'missing: name is blank.',
          ],
        ]
        for (const [features, where] of cases) {
          const file = path.join(tmp, 'districts.geojson')
          await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }))
          expect((await refused(file, {}, 'districts')).describe()).toBe(`${file}, ${where}`)
        }
      })

      it('names the feature and field of a value the table does not allow', async () => {
        const error = await refused(bad('level-not-allowed.geojson'))
        expect(error.describe()).toBe(
          `${bad('level-not-allowed.geojson')}, feature 2, field level: ` +
            'The value "三级保护区" is not allowed: the column takes level1 (一级保护区, 一级), ' +
            'level2 (二级保护区, 二级) or quasi (准保护区).',
        )
      })

      it('names the feature repeating a unique unit code', async () => {
        const square = [
          [
            [112.6, 26.88],
            [112.61, 26.88],
            [112.61, 26.89],
            [112.6, 26.88],
          ],
        ]
        const unit = {
          code: 'ZH43040720001',
          name: '测试单元',
          class: 'key',
          district_adcode: 430407,
        }
        const feature = {
          type: 'Feature',
          properties: unit,
          geometry: { type: 'Polygon', coordinates: square },
        }
        const file = path.join(tmp, 'units.geojson')
        await writeFile(
          file,
          JSON.stringify({ type: 'FeatureCollection', features: [feature, feature] }),
        )

        const error = await refused(file, {}, 'control_units')
        expect(error.describe()).toBe(
          `${file}, feature 2, field code: The value "ZH43040720001" is already taken by ` +
            'feature 1; each feature needs its own.',
        )
      })

      it('lists the layers when the layer is unknown', async () => {
        const error = await run(fixture('water-sources.geojson'), { layer: 'water' }).catch(
          (e: unknown) => e as ImportError,
        )
        expect(error).toBeInstanceOf(UnknownLayerError)
        const message = (error as ImportError).message
        expect(message).toMatch(/^There is no layer named water; the layers are districts, /)
        expect(message).toMatch(/, water_source_zones, .*, rules, industries, dataset\.$/)
      })
    })
  })
}
