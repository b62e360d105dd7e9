import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../server/config.ts'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import type { Database } from '../../server/db/database.ts'
import { migrate } from '../../server/db/migrate.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { importAccessList, type AccessList } from '../../server/import/access-list-import.ts'
import { importDatasetDescription } from '../../server/import/dataset-import.ts'
import { importFile } from '../../server/import/file-import.ts'
import { ImportError } from '../../server/import/import-error.ts'
import { parseSourceCrs } from '../../server/import/source-crs.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'
import { layerState, projectWithPostgis } from './support/import-database.ts'
import { writeShapefile } from './support/shapefile-writer.ts'
import {
  fixture,
  waterSources as fixtureWaterSources,
  waterSourceShapefile,
} from './support/water-source-fixtures.ts'
import { writeZip, type ZipEntry } from './support/zip-writer.ts'

// Refusals of files the database would have refused in its own words, or the reader would have
// garbled: each must name the item (its position in the file) and field, and change nothing.
// The expected positions and codes below are read off the files as written here.

interface Item {
  code: string
  [key: string]: unknown
}
const readItems = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Item[]
// 242 industries; C2614 is the 70th.
const SAMPLE_INDUSTRIES = path.join(REPO_ROOT, 'data/sample/industries.json')

/** A new, migrated database: in memory, or a scratch database on the configured PostgreSQL. */
async function openScratch(backend: 'embedded' | 'postgres') {
  const scratch = backend === 'postgres' ? await createScratchDatabase() : undefined
  const db = await openDatabase({ url: scratch?.url })
  await migrate(db)
  return {
    db,
    async close() {
      await db.close()
      await scratch?.drop()
    },
  }
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`import refusals ${backend.title}`, () => {
    let database: { db: Database; close(): Promise<void> }
    let tmp: string
    beforeAll(async () => {
      database = await openScratch(backend.name)
      await loadDatasetFolder(database.db, FIXTURE_DATASET)
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-refusals-'))
    })
    afterAll(async () => {
      await database?.close()
      if (tmp) await rm(tmp, { recursive: true, force: true })
    })

    const write = async (name: string, content: string | Buffer) => {
      const file = path.join(tmp, name)
      await writeFile(file, content)
      return file
    }
    const accessLists = async () => ({
      rules: await database.db.query('SELECT * FROM rules ORDER BY id'),
      industries: await database.db.query('SELECT * FROM industries ORDER BY code'),
    })
    /** The refusal of importing `items` as `list`, after checking nothing changed. */
    const refusedList = async (list: AccessList, items: unknown[]): Promise<ImportError> => {
      const file = await write(`${list}.json`, JSON.stringify(items))
      const before = await accessLists()
      const error = await importAccessList(database.db, list, file).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ImportError)
      expect(await accessLists()).toEqual(before)
      return error as ImportError
    }
    /** The refusal of importing `file` into water_source_zones, after checking nothing changed. */
    const refusedLayer = async (file: string): Promise<ImportError> => {
      const before = await layerState(database.db, 'water_source_zones', 'water_source_zones')
      const error = await importFile(database.db, { file, layer: 'water_source_zones' }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ImportError)
      expect(await layerState(database.db, 'water_source_zones', 'water_source_zones')).toEqual(
        before,
      )
      return error as ImportError
    }
    const NUL_REFUSAL =
      'The text holds the NUL character (\\u0000), which the database cannot store.'

    it('refuses zones read in the neighbouring Gauss-Kruger zone, 300 km off', async () => {
      // The fixture's zones projected by PostGIS to CM 114E (EPSG:4547), then declared as
      // CM 111E (EPSG:4546): the eastings are read 3° west of where they belong.
      const features = await Promise.all(
        fixtureWaterSources().map(async ({ polygons, ...properties }) => ({
          type: 'Feature',
          properties,
          geometry: {
            type: 'MultiPolygon',
            coordinates: await projectWithPostgis(database.db, polygons, 4547),
          },
        })),
      )
      const file = await write(
        'cm-114e.geojson',
        JSON.stringify({ type: 'FeatureCollection', features }),
      )
      const before = await layerState(database.db, 'water_source_zones', 'water_source_zones')
      const misread = await importFile(database.db, {
        file,
        layer: 'water_source_zones',
        crs: parseSourceCrs('EPSG:4546'),
      }).catch((e: unknown) => e)
      expect(misread).toBeInstanceOf(ImportError)
      // The distance PostGIS measures between the zones moved 3° west and the districts.
      const [expected] = await database.db.query<{ km: number }>(
        `SELECT ST_Distance(ST_Translate(ST_SetSRID(ST_Extent(geom)::geometry, 4326), -3, 0)
                  ::geography,
                (SELECT ST_SetSRID(ST_Extent(geom)::geometry, 4326) FROM districts)::geography)
                / 1000 AS km
           FROM ST_GeomFromGeoJSON($1) AS geom`,
        [
          JSON.stringify({
            type: 'MultiPoint',
            coordinates: fixtureWaterSources().flatMap((w) => w.polygons.flat(2)),
          }),
        ],
      )
      const km = Number((misread as ImportError).message.match(/lie (\d+) km/)?.[1])
      expect(Math.abs(km - expected!.km)).toBeLessThan(5)
      expect((misread as ImportError).message).toContain('--crs')
      expect((misread as ImportError).message).toMatch(
        /^Read in EPSG:4546 \(.*\) \(given by --crs\)/,
      )

      // The file itself named its zone, which --crs overruled: the refusal says so.
      const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } }
      const named = await write(
        'cm-114e-named.geojson',
        JSON.stringify({ type: 'FeatureCollection', crs, features }),
      )
      const overruled = await importFile(database.db, {
        file: named,
        layer: 'water_source_zones',
        crs: parseSourceCrs('EPSG:4546'),
      }).catch((e: unknown) => e)
      expect((overruled as ImportError).message).toContain(
        'given by --crs, over EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E) ' +
          "named by the file's crs member",
      )
      expect(await layerState(database.db, 'water_source_zones', 'water_source_zones')).toEqual(
        before,
      )

      // Read in their own zone, the same zones load.
      const right = await importFile(database.db, {
        file,
        layer: 'water_source_zones',
        crs: parseSourceCrs('EPSG:4547'),
      })
      expect(right.features).toBe(fixtureWaterSources().length)
    })

    it('lists the zone rules a zone layer leaves matching nothing', async () => {
      // The fixture's rules: T01 in level-1 water-source zones, T02 in level-2 ones.
      const zones = fixtureWaterSources().map(({ polygons, ...properties }) => ({
        type: 'Feature',
        properties,
        geometry: { type: 'MultiPolygon', coordinates: polygons },
      }))
      const levelOne = zones.filter((zone) => zone.properties.level === 'level1')
      const only = await write(
        'level1-only.geojson',
        JSON.stringify({ type: 'FeatureCollection', features: levelOne }),
      )
      const partial = await importFile(database.db, { file: only, layer: 'water_source_zones' })
      expect(partial.rulesWithoutZone).toEqual({
        count: 1,
        first: [{ code: 'T02', names: '{"level": "level2"}' }],
      })
      const all = await write(
        'all-levels.geojson',
        JSON.stringify({ type: 'FeatureCollection', features: zones }),
      )
      const whole = await importFile(database.db, { file: all, layer: 'water_source_zones' })
      expect(whole.rulesWithoutZone).toEqual({ count: 0, first: [] })
    })

    describe('text the database cannot store', () => {
      it('names the rule and field holding NUL', async () => {
        const rules = await readItems(path.join(FIXTURE_DATASET, 'rules.json'))
        rules[1] = { ...rules[1]!, text_zh: '二级保护区内\u0000禁止新建' }
        const error = await refusedList('rules', rules)
        expect(error.feature).toBe(2)
        expect(error.field).toBe('text_zh')
        expect(error.message).toBe(NUL_REFUSAL)
      })

      it('names the rule with NUL in a filter key or value, or an unpaired surrogate', async () => {
        const rules = await readItems(path.join(FIXTURE_DATASET, 'rules.json'))
        // Rule 2 (T02) filters water_source_zones on level.
        const value = rules.map((r, i) => (i === 1 ? { ...r, layer_filter: { level: 'a\0' } } : r))
        let error = await refusedList('rules', value)
        expect([error.feature, error.field, error.message]).toEqual([
          2,
          'layer_filter.level',
          NUL_REFUSAL,
        ])

        const key = rules.map((r, i) => (i === 1 ? { ...r, layer_filter: { 'lev\0el': 'a' } } : r))
        error = await refusedList('rules', key)
        expect([error.feature, error.field, error.message]).toEqual([
          2,
          'layer_filter',
          `The key "lev\\u0000el": ${NUL_REFUSAL}`,
        ])

        const basis = rules.map((r, i) => (i === 3 ? { ...r, legal_basis: '第\ud800条' } : r))
        error = await refusedList('rules', basis)
        expect([error.feature, error.field, error.message]).toEqual([
          4,
          'legal_basis',
          'The text holds an unpaired surrogate (\\ud800), which is no character.',
        ])
      })

      it('refuses an industry with a field the catalogue does not take', async () => {
        const industries = await readItems(SAMPLE_INDUSTRIES)
        industries[69] = { ...industries[69]!, 名称: '有机化学原料制造' }
        const error = await refusedList('industries', industries)
        expect([error.feature, error.message]).toEqual([70, 'Unknown field: 名称.'])
      })

      it('names the industry and field holding NUL', async () => {
        const industries = await readItems(SAMPLE_INDUSTRIES)
        industries[69] = { ...industries[69]!, name_en: 'Organic\u0000chemicals' }
        const error = await refusedList('industries', industries)
        expect(error.describe()).toMatch(/, industry 70, field name_en: /)
        expect(error.message).toBe(NUL_REFUSAL)
      })

      it('names the feature and field of a GeoJSON attribute holding NUL', async () => {
        const geojson = JSON.parse(await readFile(fixture('water-sources.geojson'), 'utf8'))
        // Within the text: a NUL at its end is taken for padding and dropped.
        geojson.features[1].properties.name += '\u0000 (east)'
        const file = await write('nul.geojson', JSON.stringify(geojson))
        expect((await refusedLayer(file)).describe()).toBe(
          `${file}, feature 2, field name: ${NUL_REFUSAL}`,
        )
      })
    })

    describe('text that would read other than it is', () => {
      const REORDERS = 'which reorders the text after it on screen; remove it.'

      it('names the rule and field holding a direction override', async () => {
        const rules = await readItems(path.join(FIXTURE_DATASET, 'rules.json'))
        // Shown as 禁止新建, the override would turn the rest around: "forbid" would read last.
        rules[2] = { ...rules[2]!, text_zh: '禁止\u202E建新' }
        const error = await refusedList('rules', rules)
        expect([error.feature, error.field, error.message]).toEqual([
          3,
          'text_zh',
          `Holds the direction control U+202E at character 3, ${REORDERS}`,
        ])
      })

      it('names the feature and field of a GeoJSON attribute holding a bell', async () => {
        const geojson = JSON.parse(await readFile(fixture('water-sources.geojson'), 'utf8'))
        geojson.features[0].properties.name = '湘江\u0007水源'
        const file = await write('bell.geojson', JSON.stringify(geojson))
        expect((await refusedLayer(file)).describe()).toBe(
          `${file}, feature 1, field name: Holds the control character U+0007 at character 3; ` +
            'remove it.',
        )
      })

      it('refuses a dataset name of U+FFFD, naming the field', async () => {
        const file = await write('dataset.json', JSON.stringify({ name: '\uFFFD', version: '1' }))
        const error = await importDatasetDescription(database.db, file).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(ImportError)
        expect((error as ImportError).describe()).toBe(
          `${file}, field name: Holds U+FFFD at character 1, the mark a decoder leaves for bytes ` +
            'it could not read; give the text as it was before it was damaged.',
        )
      })
    })

    describe('industries', () => {
      it('names both positions of a code given twice', async () => {
        const industries = await readItems(SAMPLE_INDUSTRIES)
        const c2614 = industries.find((i) => i.code === 'C2614')!
        const error = await refusedList('industries', [...industries, { ...c2614 }])
        expect(error.feature).toBe(243)
        expect(error.field).toBe('code')
        expect(error.message).toBe('Industry code C2614 is given twice, by industries 70 and 243.')
      })

      it('names an unknown parent by its position in the file', async () => {
        const industries = await readItems(SAMPLE_INDUSTRIES)
        const orphan = { code: 'C2699', name_zh: '测试', level: 'class', parent_code: 'C269' }
        const error = await refusedList('industries', [...industries, orphan])
        expect(error.feature).toBe(243)
        expect(error.field).toBe('parent_code')
        expect(error.message).toBe('parent_code C269 is not in the catalogue.')
      })

      it('refuses a division that its section letter does not hold', async () => {
        const industries = await readItems(SAMPLE_INDUSTRIES)
        // Divisions as GB/T 4754-2017 numbers them: A 01-05, C 13-43, S 91-96, T 97.
        const cases: [string, string, string][] = [
          ['A13', 'A', 'A13: division 13 is in section C of GB/T 4754-2017, not A.'],
          ['C01', 'C', 'C01: division 01 is in section A of GB/T 4754-2017, not C.'],
          ['T96', 'T', 'T96: division 96 is in section S of GB/T 4754-2017, not T.'],
          ['A99', 'A', 'A99: GB/T 4754-2017 has no division 99 (its divisions run 01 to 97).'],
          ['C00', 'C', 'C00: GB/T 4754-2017 has no division 00 (its divisions run 01 to 97).'],
        ]
        for (const [code, parent, message] of cases) {
          const item = { code, name_zh: '测试', level: 'division', parent_code: parent }
          const error = await refusedList('industries', [...industries, item])
          expect([error.feature, error.field, error.message], code).toEqual([243, 'code', message])
        }
        // A group and a class are held to their division's section too.
        const group = { code: 'A131', name_zh: '测试', level: 'group', parent_code: 'A13' }
        const error = await refusedList('industries', [...industries, group])
        expect(error.message).toBe('A131: division 13 is in section C of GB/T 4754-2017, not A.')
      })

      it('refuses a parent or level that its code contradicts', async () => {
        const industries = await readItems(SAMPLE_INDUSTRIES)
        const at = industries.findIndex((i) => i.code === 'A01')
        const cases: [Record<string, unknown>, string, string][] = [
          [{ parent_code: 'Q' }, 'parent_code', 'parent_code of A01 must be A, the level above'],
          [{ parent_code: null }, 'parent_code', 'parent_code of A01 must be A, the level above'],
          [{ level: 'group' }, 'level', 'A01 is a division code, but its level says group.'],
        ]
        for (const [change, field, message] of cases) {
          const changed = industries.map((item, i) => (i === at ? { ...item, ...change } : item))
          const error = await refusedList('industries', changed)
          expect([error.feature, error.field], field).toEqual([at + 1, field])
          expect(error.message, field).toContain(message)
        }
        const section = industries.map((item) =>
          item.code === 'A' ? { ...item, parent_code: 'B' } : item,
        )
        expect((await refusedList('industries', section)).message).toBe(
          'A is a section, which has no parent_code; got B.',
        )
      })

      it('quotes a code that is not one', async () => {
        const industries = await readItems(SAMPLE_INDUSTRIES)
        const lower = { code: 'a01', name_zh: '测试', level: 'division', parent_code: 'A' }
        const error = await refusedList('industries', [...industries, lower])
        expect([error.feature, error.field]).toEqual([243, 'code'])
        expect(error.message).toBe('must be a GB/T 4754-2017 code such as C2614, got "a01".')
      })
    })

    describe('a Shapefile whose .cpg names the wrong encoding', () => {
      const zip = (name: string, entries: ZipEntry[]) => write(name, writeZip(entries, 'utf-8'))
      // The ring runs clockwise, as a Shapefile's outer ring does.
      const ring: [number, number][] = [
        [112.6, 26.88],
        [112.6, 26.89],
        [112.61, 26.89],
        [112.6, 26.88],
      ]
      /**
       * A zipped Shapefile of one water source zone per name, its .dbf in GBK with ASCII field
       * names, as GIS tools often write them; `patch` may alter the .dbf's bytes first.
       */
      const waterSources = async (
        name: string,
        names: string[],
        { width = 40, cpg, patch }: { width?: number; cpg?: string; patch?: (dbf: Buffer) => void },
      ) => {
        const { shp, shx, dbf } = writeShapefile({
          records: names.map((NAME) => ({
            shape: { type: 'polygon', rings: [ring] },
            attributes: { NAME, SOURCE: 'Xiangjiang', LEVEL: 'level1' },
          })),
          fields: [
            { name: 'NAME', type: 'C', length: width },
            { name: 'SOURCE', type: 'C', length: 20 },
            { name: 'LEVEL', type: 'C', length: 10 },
          ],
          encoding: 'gbk',
        })
        patch?.(dbf)
        return zip(name, [
          { name: 'water.shp', data: shp },
          { name: 'water.shx', data: shx },
          { name: 'water.dbf', data: dbf },
          ...(cpg ? [{ name: 'water.cpg', data: cpg }] : []),
        ])
      }
      /** The name the one zone of `file` was imported with. */
      const importedName = async (file: string) => {
        const result = await importFile(database.db, { file, layer: 'water_source_zones' })
        expect(result.features).toBe(1)
        const [row] = await database.db.query<{ name: string }>(
          'SELECT name FROM water_source_zones',
        )
        return row!.name
      }

      it('refuses GBK values the .cpg calls UTF-8, naming the record and field', async () => {
        const names = ['Xiangjiang intake zone', '湘江一级保护区']
        const file = await waterSources('gbk-said-utf8.zip', names, { cpg: 'UTF-8' })
        const error = await refusedLayer(file)
        expect(error.describe()).toBe(
          `${file} (water.shp), feature 2, field NAME: The value is not valid utf-8 text ` +
            '(named by the .cpg); if it is GBK, give --encoding gbk.',
        )
      })

      it('still imports a GBK value whose last character the field cut in two', async () => {
        // 湘江A fills the 5 bytes of NAME in GBK; the A then becomes the first byte of 一, as a
        // writer that cut 湘江一 at the field's width leaves it.
        const patch = (dbf: Buffer) => {
          const at = dbf.indexOf(iconv.encode('湘江A', 'gbk')) + 4
          expect(dbf[at]).toBe(0x41)
          dbf[at] = 0xd2
        }
        const file = await waterSources('gbk-cut.zip', ['湘江A'], { width: 5, patch })
        expect((await importedName(file)).startsWith('湘江')).toBe(true)
        // And says so: the one value, its field and feature.
        const result = await importFile(database.db, { file, layer: 'water_source_zones' })
        expect(result.cutText).toEqual({
          count: 1,
          fields: ['name'],
          featureCount: 1,
          features: [1],
        })
        const whole = await waterSources('gbk-whole.zip', ['湘江一'], { width: 6 })
        const wholeResult = await importFile(database.db, {
          file: whole,
          layer: 'water_source_zones',
        })
        expect(wholeResult.cutText).toBeUndefined()
      })

      it('takes NUL bytes that pad a .dbf text field as padding', async () => {
        // 湘江 is 4 bytes of GBK; the 6 spaces after it become NULs.
        const patch = (dbf: Buffer) => {
          const at = dbf.indexOf(iconv.encode('湘江', 'gbk')) + 4
          dbf.fill(0, at, at + 6)
        }
        const file = await waterSources('nul-padded.zip', ['湘江'], { width: 10, patch })
        expect(await importedName(file)).toBe('湘江')
      })

      it('refuses GBK field names the .cpg calls UTF-8', async () => {
        // The fixture's field names are Chinese (名称, 水源地…), here in GBK.
        const entries = await waterSourceShapefile(database.db, {
          srid: 4490,
          stem: 'water',
          encoding: 'gbk',
          cpg: 'UTF-8',
        })
        const file = await zip('gbk-names.zip', entries)
        expect((await refusedLayer(file)).message).toBe(
          "The name of the .dbf's field 1 is not valid utf-8 text (named by the .cpg); " +
            'if it is GBK, give --encoding gbk.',
        )
      })
    })

    describe('GeoJSON shapes', () => {
      it('says an array is an array', async () => {
        const file = await write('array.geojson', '[]')
        expect((await refusedLayer(file)).message).toBe(
          'Expected a GeoJSON FeatureCollection or Feature, got an array.',
        )
      })

      it('says a ring position of text must be numbers, not that the ring is open', async () => {
        const ring = [
          ['112.6', '26.9'],
          [112.61, 26.9],
          [112.61, 26.91],
          [112.6, 26.9],
        ]
        const feature = {
          type: 'Feature',
          properties: { name: '测试', source_name: '湘江', level: 'level1' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        }
        const file = await write(
          'text-position.geojson',
          JSON.stringify({ type: 'FeatureCollection', features: [feature] }),
        )
        expect((await refusedLayer(file)).describe()).toBe(
          `${file}, feature 1: A position is ["112.6","26.9"], not two or three finite numbers. ` +
            'Coordinates must be numbers, written without quotes.',
        )
      })

      it('names the feature and field of a property given twice', async () => {
        const square = [
          [112.6, 26.9],
          [112.61, 26.9],
          [112.61, 26.91],
          [112.6, 26.9],
        ]
        const feature = (level: string) =>
          `{"type": "Feature", "properties": {"name": "测试", "source_name": "湘江", ` +
          `${level}}, "geometry": ${JSON.stringify({ type: 'Polygon', coordinates: [square] })}}`
        // Written as text: an object cannot hold a key twice.
        const file = await write(
          'repeated-property.geojson',
          `{"type": "FeatureCollection", "features": [${feature('"level": "level1"')}, ` +
            `${feature('"level": "level1", "level": "level2"')}]}`,
        )
        expect((await refusedLayer(file)).describe()).toBe(
          `${file}, feature 2, field level: level is given twice; give each field once.`,
        )
      })
    })
  })
}
