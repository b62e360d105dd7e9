import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeDatasetInfo, type DatasetInfo } from '../../server/data/dataset-info.ts'
import { loadDatasetFolder, SAMPLE_DIR } from '../../server/data/sample-loader.ts'
import { openDatabase } from '../../server/db/open-database.ts'
import { lockDataDir } from '../../server/db/data-dir-lock.ts'
import { lines, runProgram } from '../support/run-program.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'
import { readPolygons } from './support/import-database.ts'
import { fixture, waterSourceShapefile, waterSources } from './support/water-source-fixtures.ts'
import { writeZip, type ZipEntry } from './support/zip-writer.ts'

// What every import but the description's says while the data has no description.
const NO_DESCRIPTION =
  'No dataset description is loaded: tiles and /api/dataset say "未加载数据". Describe the data ' +
  'with npm run import -- dataset.json --layer dataset (see data/dataset.example.json).'

/** Runs the importer as an operator does, with only the database settings of `env`. */
function runImport(args: string[], env: Record<string, string>) {
  return runProgram('scripts/import.ts', args, env)
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`npm run import ${backend.title}`, () => {
    let tmp: string
    let env: Record<string, string>
    let dropScratch: (() => Promise<void>) | undefined
    let zone38: string
    let zone38Entries: ZipEntry[]

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-cli-'))
      if (backend.name === 'postgres') {
        const scratch = await createScratchDatabase()
        env = { DATABASE_URL: scratch.url }
        dropScratch = scratch.drop
      } else {
        env = { DATA_DIR: path.join(tmp, 'pglite') }
      }

      // PostGIS projects the fixture; an in-memory database keeps the target untouched.
      const projector = await openDatabase({})
      await projector.exec('CREATE EXTENSION IF NOT EXISTS postgis')
      const entries = await waterSourceShapefile(projector, {
        srid: 4526,
        stem: '水源保护区/水源保护区',
        encoding: 'gbk',
        prj: await readFile(fixture('prj/cgcs2000-gk-zone-38.esri.prj'), 'latin1'),
      })
      await projector.close()
      zone38Entries = entries
      zone38 = path.join(tmp, 'zone-38.zip')
      await writeFile(zone38, writeZip(entries, 'gbk'))
    })
    afterAll(async () => {
      await dropScratch?.()
      if (tmp) await rm(tmp, { recursive: true, force: true })
    })

    /** The layer's version and rows, read once the importer has exited. */
    const stored = async () => {
      const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR })
      try {
        const [layer] = await db.query<{ data_version: number }>(
          "SELECT data_version FROM layers WHERE name = 'water_source_zones'",
        )
        const rows = await readPolygons(db, 'water_source_zones', ['name'])
        return { version: layer!.data_version, names: rows.map((r) => r.values.name) }
      } finally {
        await db.close()
      }
    }

    it('imports a zipped Shapefile into a new database and reports what it did', async () => {
      const run = await runImport([zone38, '--layer', 'water_source_zones'], env)
      expect(lines(run.stderr)).toEqual([NO_DESCRIPTION])
      expect(run.code).toBe(0)
      expect(lines(run.stdout).slice(0, 6)).toEqual([
        `Imported layer water_source_zones from ${zone38} (水源保护区/水源保护区.shp)`,
        '  features loaded  3',
        '  repaired         0 (invalid geometries made valid by ST_MakeValid)',
        '  data version     1',
        '  CRS              EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38), ' +
          'named by the .prj',
        '  text encoding    gbk, the default without a .cpg',
      ])
      // The file's 序号 (a running number) is no attribute of the layer, and is said to be left.
      expect(lines(run.stdout)).toContain(
        '  fields not read  序号; left out, as the layer reads name, source_name, level and ' +
          'their aliases',
      )
      expect(await stored()).toEqual({ version: 1, names: waterSources().map((s) => s.name) })
    })

    it('exits 0 when the import is done but its output pipe was closed', async () => {
      // As `npm run import -- … | head -1` does once head has its line.
      const args = [zone38, '--layer', 'water_source_zones']
      const run = await runProgram('scripts/import.ts', args, env, { closedStdout: true })
      expect(lines(run.stderr)).toEqual([NO_DESCRIPTION])
      expect(run.code).toBe(0)
      expect(await stored()).toEqual({ version: 2, names: waterSources().map((s) => s.name) })
    })

    it('names the features it repaired, to be looked at', async () => {
      // Two valid squares, then two bow-ties: ST_MakeValid splits each into two triangles.
      const square = [
        [112.6, 26.88],
        [112.61, 26.88],
        [112.61, 26.89],
        [112.6, 26.89],
        [112.6, 26.88],
      ]
      const bowTie = [
        [112.6, 26.88],
        [112.61, 26.89],
        [112.61, 26.88],
        [112.6, 26.89],
        [112.6, 26.88],
      ]
      const features = [square, square, bowTie, bowTie].map((ring, i) => ({
        type: 'Feature',
        properties: { name: `测试${i + 1}`, level: 'level1', source_name: '测试水源' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      }))
      const file = path.join(tmp, 'two-bow-ties.geojson')
      await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }))
      const run = await runImport([file, '--layer', 'water_source_zones'], env)
      expect(lines(run.stderr)).toEqual([NO_DESCRIPTION])
      expect(lines(run.stdout)).toContain(
        '  repaired         2 (features 3, 4: made valid by ST_MakeValid; check that each still ' +
          'means what it did)',
      )
      // Put the fixture's layer back as the tests after this one expect it.
      expect((await runImport([zone38, '--layer', 'water_source_zones'], env)).code).toBe(0)
    })

    it('rejects a bad file in one line that says where, exit code 1, no change', async () => {
      const bad = fixture('bad/level-not-allowed.geojson')
      const run = await runImport([bad, '--layer', 'water_source_zones'], env)
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      expect(lines(run.stderr)).toEqual([
        `Nothing imported: ${bad}, feature 2, field level: The value "三级保护区" is not ` +
          'allowed: the column takes level1 (一级保护区, 一级), level2 (二级保护区, 二级) or ' +
          'quasi (准保护区).',
      ])
      expect(await stored()).toEqual({ version: 4, names: waterSources().map((s) => s.name) })
    })

    it('reads a relative FILE from the folder npm run was typed in (INIT_CWD)', async () => {
      // npm runs the script in the project's folder and names the caller's in INIT_CWD.
      const run = await runImport(['zone-38.zip', '--layer', 'water_source_zones'], {
        ...env,
        INIT_CWD: tmp,
      })
      expect(lines(run.stderr)).toEqual([NO_DESCRIPTION])
      expect(lines(run.stdout)[0]).toBe(
        `Imported layer water_source_zones from ${zone38} (水源保护区/水源保护区.shp)`,
      )
    })

    it('refuses a zipped .shp said to unpack to 3 GiB, in one line', async () => {
      const lying = zone38Entries.map((e) =>
        e.name.endsWith('.shp') ? { ...e, declaredSize: 3 * 2 ** 30 } : e,
      )
      const file = path.join(tmp, 'claims-3-gib.zip')
      await writeFile(file, writeZip(lying, 'gbk'))
      const run = await runImport([file, '--layer', 'water_source_zones'], env)
      expect(run.code).toBe(1)
      expect(lines(run.stderr)).toEqual([
        `Nothing imported: ${file}: 水源保护区/水源保护区.shp in the zip archive unpacks to ` +
          '3,221,225,472 bytes, over the limit of 1,073,741,824 bytes (1 GiB) for one file.',
      ])
      expect(await stored()).toEqual({ version: 5, names: waterSources().map((s) => s.name) })
    })

    it('imports the industries, reminding that the sample still describes the data', async () => {
      const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR })
      try {
        const sample = await readFile(path.join(SAMPLE_DIR, 'manifest.json'), 'utf8')
        await writeDatasetInfo(db, JSON.parse(sample) as DatasetInfo)
      } finally {
        await db.close()
      }
      const industries = path.join(SAMPLE_DIR, 'industries.json')
      const run = await runImport([industries, '--layer', 'industries'], env)
      expect(run.code).toBe(0)
      expect(lines(run.stdout)[0]).toBe(`Imported industries from ${industries}`)
      expect(lines(run.stderr)).toEqual([
        'The dataset is still described as the illustrative sample: tiles are credited ' +
          '"衡阳市生态环境分区管控示例数据（示例数据 · illustrative）". Describe the data with ' +
          'npm run import -- dataset.json --layer dataset (see data/dataset.example.json).',
      ])
    })

    it('replaces the dataset description and reports what tiles now credit', async () => {
      const file = path.join(tmp, 'dataset.json')
      await writeFile(file, JSON.stringify({ name: '衡阳市管控成果', version: '2024-06' }))
      const first = await runImport([file, '--layer', 'dataset'], env)
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      expect(lines(first.stdout).slice(0, 5)).toEqual([
        `Imported the dataset description from ${file}`,
        '  name             衡阳市管控成果',
        '  version          2024-06',
        '  tiles credit     衡阳市管控成果',
        '  replaced         衡阳市生态环境分区管控示例数据 (version sample-1)',
      ])

      await writeFile(file, JSON.stringify({ name: '衡阳市管控成果', version: '2024-07' }))
      const second = await runImport([file, '--layer', 'dataset'], env)
      expect(lines(second.stdout)).toContain('  replaced         衡阳市管控成果 (version 2024-06)')
    })

    it('refuses a bad description in one line naming file and field, exit code 1', async () => {
      const file = path.join(tmp, 'sample-copy.json')
      const copy = JSON.parse(
        await readFile(path.join(SAMPLE_DIR, 'manifest.json'), 'utf8'),
      ) as object
      await writeFile(file, JSON.stringify({ ...copy, version: '2024-08' }))
      const run = await runImport([file, '--layer', 'dataset'], env)
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      expect(lines(run.stderr)).toEqual([
        `Nothing imported: ${file}, field illustrative: true marks the illustrative sample, ` +
          'whose tiles and portal say no decision may rest on the data; a description ' +
          'imported here is of official data. Leave illustrative out, or set it to false.',
      ])
      const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR })
      try {
        const [row] = await db.query<{ version: string }>(
          "SELECT value->>'version' AS version FROM dataset_info WHERE key = 'manifest'",
        )
        expect(row?.version).toBe('2024-07')
      } finally {
        await db.close()
      }
    })

    it('reminds of the description no more once the data has one of its own', async () => {
      const run = await runImport([zone38, '--layer', 'water_source_zones'], env)
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
    })

    it('lists the layers for an unknown one, with exit code 2 for a bad command line', async () => {
      const run = await runImport([zone38, '--layer', 'water'], env)
      expect(run.code).toBe(2)
      expect(lines(run.stderr)).toHaveLength(1)
      expect(run.stderr).toMatch(/^Nothing imported: There is no layer named water; the layers /)
      expect(run.stderr).toContain('the layers are districts, control_units, water_source_zones')
      expect(run.stderr).toMatch(/, rules, industries, dataset\.$/m)
    })

    it('prints the usage for missing arguments, with exit code 2', async () => {
      const run = await runImport([zone38], env)
      expect(run.code).toBe(2)
      expect(lines(run.stderr)[0]).toBe('Give the layer to replace with --layer NAME.')
      expect(run.stderr).toContain('Usage: npm run import -- FILE --layer NAME')
    })

    it('says how many records marked deleted in the .dbf it skipped', async () => {
      const projector = await openDatabase({})
      await projector.exec('CREATE EXTENSION IF NOT EXISTS postgis')
      const entries = await waterSourceShapefile(projector, {
        srid: 4490,
        stem: 'water',
        encoding: 'gbk',
        deletedBefore: [1, 3],
      })
      await projector.close()
      const file = path.join(tmp, 'deleted.zip')
      await writeFile(file, writeZip(entries, 'gbk'))
      const run = await runImport([file, '--layer', 'water_source_zones'], env)
      expect(run.stderr).toBe('')
      expect(lines(run.stdout)).toContain(
        '  deleted records  2 skipped, as marked deleted in the .dbf',
      )
      expect((await stored()).names).toEqual(waterSources().map((s) => s.name))
    })

    it('lists the rules and units a control_units import leaves naming nothing', async () => {
      // The fixture dataset's rules T05 and T08 name units ZH43042120001 and ZH43042110001; its
      // one district is 430421.
      const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR })
      try {
        await loadDatasetFolder(db, FIXTURE_DATASET)
      } finally {
        await db.close()
      }
      const unit = {
        type: 'Feature',
        properties: {
          单元编码: 'ZH43042130001',
          单元名称: '测试单元',
          管控类别: '一般管控单元',
          区县代码: 430499,
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [112.6, 26.88],
              [112.61, 26.88],
              [112.61, 26.89],
              [112.6, 26.88],
            ],
          ],
        },
      }
      const file = path.join(tmp, 'one-unit.geojson')
      await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features: [unit] }))
      const run = await runImport([file, '--layer', 'control_units'], env)
      // The fixture dataset describes itself as illustrative, as the sample does.
      expect(lines(run.stderr)).toEqual([
        'The dataset is still described as the illustrative sample: tiles are credited ' +
          '"测试数据（示例数据 · illustrative）". Describe the data with npm run import -- ' +
          'dataset.json --layer dataset (see data/dataset.example.json).',
      ])
      expect(run.code).toBe(0)
      const printed = lines(run.stdout)
      expect(printed).toContain(
        '  rules orphaned   2: T05 (ZH43042120001), T08 (ZH43042110001); kept, not deleted: ' +
          'they name units this layer lacks, and apply nowhere until an access list naming its ' +
          'units is imported (--layer rules)',
      )
      expect(printed).toContain(
        '  no district      1: ZH43042130001 (430499); units whose district code matches no ' +
          'district',
      )
      expect(printed).toContain(
        '  parks, no unit   1: 测试工业园 (ZH43042120001); parks whose unit code names no ' +
          'control unit',
      )
      const after = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR })
      try {
        const kept = await after.query<{ code: string }>(
          "SELECT code FROM rules WHERE code IN ('T05', 'T08') ORDER BY code",
        )
        expect(kept.map((rule) => rule.code)).toEqual(['T05', 'T08'])
      } finally {
        await after.close()
      }
    })
  })
}

describe('npm run import on an embedded database the server holds', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-held-'))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('refuses with one line saying to stop the server or use PostgreSQL', async () => {
    const lock = await lockDataDir(dataDir, 'server')
    try {
      const file = fixture('water-sources.geojson')
      const run = await runImport([file, '--layer', 'water_source_zones'], { DATA_DIR: dataDir })
      expect(run.code).toBe(1)
      const [line, ...more] = lines(run.stderr)
      expect(more).toEqual([])
      expect(line).toContain(
        `Nothing imported: The embedded database in ${dataDir} is in use by the server ` +
          `(pid ${process.pid} on ${os.hostname()}, since `,
      )
      expect(line).toMatch(/Stop the server first, or run both on PostgreSQL with DATABASE_URL\.$/)
    } finally {
      await lock.release()
    }
    // Refused before opening: PostgreSQL never initialised the folder.
    expect(await readdir(dataDir)).toEqual([])
  })
})
