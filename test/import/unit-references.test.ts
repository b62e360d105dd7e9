import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { importAccessList } from '../../server/import/access-list-import.ts'
import { importFile } from '../../server/import/file-import.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'
import { fixture } from './support/water-source-fixtures.ts'

// The fixture dataset holds units ZH43042110001 (priority), ZH43042120001 (key) and
// ZH43042130001 (general), all in district 430421, its one district; of its rules, T05 names
// ZH43042120001 and T08 ZH43042110001, and the others a class or a layer; its one industrial
// park, 测试工业园, names ZH43042120001.

interface Unit {
  code: string
  district: number
}

/** A small square per unit, side by side. */
const unitFeatures = (units: Unit[]) =>
  units.map((unit, i) => {
    const w = 112.6 + i / 50
    return {
      type: 'Feature',
      properties: {
        code: unit.code,
        name: `测试单元${i + 1}`,
        class: 'general',
        district_adcode: unit.district,
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, 26.88],
            [w + 0.01, 26.88],
            [w + 0.01, 26.89],
            [w, 26.88],
          ],
        ],
      },
    }
  })

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(
    `references a layer import leaves dangling ${backend.title}`,
    () => {
      let database: MigratedDatabase
      let tmp: string
      beforeAll(async () => {
        database = await openMigratedDatabase(backend)
        await loadDatasetFolder(database.db, FIXTURE_DATASET)
        tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-references-'))
      })
      afterAll(async () => {
        await database?.close()
        if (tmp) await rm(tmp, { recursive: true, force: true })
      })

      const write = async (name: string, content: unknown) => {
        const file = path.join(tmp, name)
        await writeFile(file, JSON.stringify(content))
        return file
      }
      const importUnits = async (units: Unit[]) => {
        const features = unitFeatures(units)
        const file = await write('units.geojson', { type: 'FeatureCollection', features })
        return importFile(database.db, { file, layer: 'control_units' })
      }
      const rules = () =>
        database.db.query<{ code: string; unit_code: string | null }>(
          'SELECT code, unit_code FROM rules ORDER BY id',
        )

      it('lists the rules naming units the new layer lacks, and keeps them', async () => {
        const before = await rules()
        expect(before.map((r) => r.code)).toContain('T05')
        const result = await importUnits([{ code: 'ZH43042130001', district: 430421 }])
        expect(result.rulesWithoutUnit).toEqual({
          count: 2,
          first: [
            { code: 'T05', names: 'ZH43042120001' },
            { code: 'T08', names: 'ZH43042110001' },
          ],
        })
        expect(result.unitsWithoutDistrict).toEqual({ count: 0, first: [] })
        expect(result.parksWithoutUnit).toEqual({
          count: 1,
          first: [{ code: '测试工业园', names: 'ZH43042120001' }],
        })
        expect(await rules()).toEqual(before)
      })

      it('lists none once the layer holds every unit the rules name again', async () => {
        const result = await importUnits([
          { code: 'ZH43042110001', district: 430421 },
          { code: 'ZH43042120001', district: 430421 },
        ])
        expect(result.rulesWithoutUnit).toEqual({ count: 0, first: [] })
        expect(result.parksWithoutUnit).toEqual({ count: 0, first: [] })
      })

      it('lists the parks naming a unit the layer lacks after a parks import', async () => {
        const park = (name: string, unit_code?: string) => ({
          type: 'Feature',
          properties: { name, park_level: 'provincial', leading_industries: '化工', unit_code },
          geometry: unitFeatures([{ code: 'ZH43042110001', district: 0 }])[0]!.geometry,
        })
        const features = [
          park('甲园', 'ZH43042120001'),
          park('乙园', 'ZH43042199999'),
          park('丙园'),
        ]
        const file = await write('parks.geojson', { type: 'FeatureCollection', features })
        const result = await importFile(database.db, { file, layer: 'industrial_parks' })
        expect(result.parksWithoutUnit).toEqual({
          count: 1,
          first: [{ code: '乙园', names: 'ZH43042199999' }],
        })
        expect(result.rulesWithoutUnit).toBeUndefined()
      })

      it('lists the units whose district code matches no district', async () => {
        const result = await importUnits([
          { code: 'ZH43042110001', district: 430421 },
          { code: 'ZH43042120001', district: 430499 },
          { code: 'ZH43042130001', district: 430421 },
        ])
        expect(result.unitsWithoutDistrict).toEqual({
          count: 1,
          first: [{ code: 'ZH43042120001', names: '430499' }],
        })
      })

      it('lists them after a districts import too, and nothing after other layers', async () => {
        const district = {
          type: 'Feature',
          properties: { adcode: 430499, name: '测试区' },
          geometry: unitFeatures([{ code: 'ZH43042110001', district: 0 }])[0]!.geometry,
        }
        const file = await write('districts.geojson', {
          type: 'FeatureCollection',
          features: [district],
        })
        const result = await importFile(database.db, { file, layer: 'districts' })
        expect(result.rulesWithoutUnit).toBeUndefined()
        expect(result.unitsWithoutDistrict).toEqual({
          count: 2,
          first: [
            { code: 'ZH43042110001', names: '430421' },
            { code: 'ZH43042130001', names: '430421' },
          ],
        })
        const water = fixture('water-sources.geojson')
        const other = await importFile(database.db, { file: water, layer: 'water_source_zones' })
        expect(other.rulesWithoutUnit).toBeUndefined()
        expect(other.unitsWithoutDistrict).toBeUndefined()
        expect(other.parksWithoutUnit).toBeUndefined()
      })

      it('counts every rule without its unit and lists the first ten in load order', async () => {
        const codes = Array.from(
          { length: 12 },
          (_, i) => `ZH430421200${String(i + 1).padStart(2, '0')}`,
        )
        await importUnits(codes.map((code) => ({ code, district: 430499 })))
        const list = codes.map((unit_code, i) => ({
          code: `U${String(i + 1).padStart(2, '0')}`,
          unit_code,
          dimension: 'spatial_layout',
          effect: 'forbid',
          text_zh: '测试条款。',
        }))
        await importAccessList(database.db, 'rules', await write('rules.json', list))

        const result = await importUnits([{ code: 'ZH43042199999', district: 430499 }])
        expect(result.rulesWithoutUnit).toEqual({
          count: 12,
          first: list.slice(0, 10).map((rule) => ({ code: rule.code, names: rule.unit_code })),
        })
        expect((await rules()).map((r) => r.code)).toEqual(list.map((rule) => rule.code))
      })

      it('lists no units while the districts layer is empty', async () => {
        // As in a database where only the units have been loaded yet.
        await database.db.query('DELETE FROM districts')
        const result = await importUnits([{ code: 'ZH43042110001', district: 430421 }])
        expect(result.unitsWithoutDistrict).toBeUndefined()
      })
    },
  )
}
