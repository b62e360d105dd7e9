import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { importAccessList } from '../../server/import/access-list-import.ts'
import { ImportError } from '../../server/import/import-error.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'

// The hand-made dataset's rules T01–T09; T03 and T05 name C26, T05 also C32 (see its README).
interface Item {
  code: string
  [key: string]: unknown
}
const dataset = async (name: string) =>
  JSON.parse(await readFile(path.join(FIXTURE_DATASET, name), 'utf8')) as Item[]

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`importAccessList ${backend.title}`, () => {
    let database: MigratedDatabase
    let tmp: string
    beforeAll(async () => {
      database = await openMigratedDatabase(backend)
      await loadDatasetFolder(database.db, FIXTURE_DATASET)
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-access-'))
    })
    afterAll(async () => {
      await database?.close()
      if (tmp) await rm(tmp, { recursive: true, force: true })
    })

    const write = async (name: string, items: unknown) => {
      const file = path.join(tmp, name)
      await writeFile(file, JSON.stringify(items))
      return file
    }
    const ruleCodes = async () =>
      (await database.db.query<{ code: string }>('SELECT code FROM rules ORDER BY code')).map(
        (r) => r.code,
      )

    it('replaces the rules', async () => {
      const rules = (await dataset('rules.json')).filter((r) => r.code !== 'T09')
      const result = await importAccessList(database.db, 'rules', await write('rules.json', rules))
      expect(result).toEqual({ list: 'rules', loaded: 8 })
      expect(await ruleCodes()).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08'])
    })

    it('refuses a rule naming an unknown layer, saying where, and keeps the rules', async () => {
      const rules = await dataset('rules.json')
      rules[2] = { ...rules[2]!, layer: 'streams' }
      const file = await write('bad-rules.json', rules)
      const error = await importAccessList(database.db, 'rules', file).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ImportError)
      expect((error as ImportError).describe()).toBe(
        `${file}, rule 3, field layer: No layer named "streams".`,
      )
      expect(await ruleCodes()).toHaveLength(8)
    })

    it('refuses a rule on a layer without zones unless it measures a distance', async () => {
      const rules = await dataset('rules.json')
      // T01 applies in level-1 water-source zones; moved to the units' layer, it has no zone.
      const t01 = rules.findIndex((r) => r.code === 'T01')
      const { layer_filter: _filter, ...t01Rule } = rules[t01]!
      rules[t01] = { ...t01Rule, layer: 'control_units' }
      const file = await write('unit-layer-rules.json', rules)
      const error = await importAccessList(database.db, 'rules', file).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ImportError)
      const zoneLayers = await database.db.query<{ name: string }>(
        "SELECT name FROM layers WHERE role = 'zone' ORDER BY sort_order, name",
      )
      expect((error as ImportError).describe()).toBe(
        `${file}, rule ${t01 + 1}, field layer: Layer control_units has no zones, so a rule on ` +
          'it applies only within a distance of its features (within_m); rules on units give ' +
          `unit_code or unit_class. Zone layers: ${zoneLayers.map((l) => l.name).join(', ')}.`,
      )
      expect(await ruleCodes()).toHaveLength(8)

      // Within 500 m of a unit it may apply. (T09 left out, as the rules loaded above are.)
      rules[t01] = { ...rules[t01]!, within_m: 500 }
      const near = await write(
        'unit-distance-rules.json',
        rules.filter((r) => r.code !== 'T09'),
      )
      expect(await importAccessList(database.db, 'rules', near)).toEqual({
        list: 'rules',
        loaded: 8,
      })
    })

    it('refuses a filter value the layer cannot hold, a code twice, an unknown key', async () => {
      const rules = await dataset('rules.json')
      // T01 filters water_source_zones on level1; the table takes level1, level2 or quasi.
      const cases: [Item[], string][] = [
        [
          rules.map((r) => (r.code === 'T01' ? { ...r, layer_filter: { level: 'level9' } } : r)),
          'rule 1, field layer_filter.level: Layer water_source_zones holds no level ' +
            '"level9"; its level is level1 (一级保护区, 一级), level2 (二级保护区, 二级) or ' +
            'quasi (准保护区).',
        ],
        [
          [...rules, { ...rules[0]! }],
          `rule ${rules.length + 1}, field code: Rule code "T01" is given twice, by rules 1 ` +
            `and ${rules.length + 1}.`,
        ],
        [
          rules.map((r, i) => (i === 1 ? { ...r, efect: 'forbid' } : r)),
          'rule 2: Unknown field: efect.',
        ],
        [
          rules.map((r) => (r.within_m ? { ...r, within_m: 1e9 } : r)),
          'field within_m: must be at most 50,000 m (50 km), got 1000000000.',
        ],
        [
          rules.map((r) => (r.within_m ? { ...r, within_m: 0 } : r)),
          'field within_m: must be more than 0, got 0.',
        ],
        [
          rules.map((r, i) => (i === 1 ? { ...r, text_zh: '' } : r)),
          'rule 2, field text_zh: must have at least 1 character, got "".',
        ],
        [
          rules.map((r, i) => (i === 1 ? { ...r, effect: 'ban' } : r)),
          'rule 2, field effect: must be one of forbid, restrict, condition, encourage, got "ban".',
        ],
        [
          rules.map((r, i) => (i === 1 ? { ...r, industries: 'C26' } : r)),
          'rule 2, field industries: must be an array, got "C26".',
        ],
        [
          rules.map((r, i) => {
            if (i !== 1) return r
            const { dimension: _dimension, ...rest } = r
            return rest
          }),
          'rule 2, field dimension: The field is missing; it is required.',
        ],
        [
          [...rules, 'T10'] as unknown as Item[],
          `rule ${rules.length + 1}: Each item must be a JSON object, got "T10".`,
        ],
      ]
      for (const [items, words] of cases) {
        const file = await write('bad-rules.json', items)
        const error = await importAccessList(database.db, 'rules', file).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(ImportError)
        expect((error as ImportError).describe()).toContain(words)
      }
      expect(await ruleCodes()).toHaveLength(8)
    })

    it('takes the Chinese form of a filter value and stores its code', async () => {
      // The eight rules the tests below start from.
      const rules = (await dataset('rules.json')).filter((r) => r.code !== 'T09')
      // T01 filters water_source_zones on level1, written as a bureau list writes it.
      const written = rules.map((r) =>
        r.code === 'T01' ? { ...r, layer_filter: { level: '一级保护区' } } : r,
      )
      await importAccessList(database.db, 'rules', await write('rules.json', written))
      const [t01] = await database.db.query<{ layer_filter: unknown }>(
        "SELECT layer_filter FROM rules WHERE code = 'T01'",
      )
      expect(t01!.layer_filter).toEqual({ level: 'level1' })
      expect(await ruleCodes()).toHaveLength(rules.length)
    })

    it('replaces the industries, keeping the rules they cover and listing the rest', async () => {
      const industries = (await dataset('industries.json')).filter((i) => !i.code.startsWith('C32'))
      const file = await write('industries.json', industries)
      const result = await importAccessList(database.db, 'industries', file)
      expect(result).toEqual({
        list: 'industries',
        loaded: industries.length,
        rulesKept: 7,
        rulesDropped: ['T05'],
      })
      expect(await ruleCodes()).toEqual(['T01', 'T02', 'T03', 'T04', 'T06', 'T07', 'T08'])
    })

    it('refuses a file not in UTF-8, or a field given twice, and keeps the rules', async () => {
      const rules = await dataset('rules.json')
      const before = await ruleCodes()
      // 测试 in GBK, as a list saved by a Chinese Windows editor holds it.
      const gbk = Buffer.concat([
        Buffer.from('[{"code": "T01", "text_zh": "'),
        Buffer.from([0xb2, 0xe2, 0xca, 0xd4]),
        Buffer.from('"}]'),
      ])
      const twice = JSON.stringify(rules).replace('"code":"T02"', '"code":"T02","code":"T20"')
      expect(twice).toContain('"code":"T20"')
      for (const [name, content, words] of [
        ['gbk.json', gbk, 'gbk.json: The file is not valid UTF-8 text; save it as UTF-8.'],
        ['twice.json', twice, 'twice.json, rule 2, field code: code is given twice; give each'],
      ] as const) {
        const file = path.join(tmp, name)
        await writeFile(file, content)
        const error = await importAccessList(database.db, 'rules', file).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(ImportError)
        expect((error as ImportError).describe()).toContain(words)
      }
      expect(await ruleCodes()).toEqual(before)
    })

    it('refuses a file that is not a JSON array', async () => {
      const file = await write('object.json', { rules: [] })
      await expect(importAccessList(database.db, 'rules', file)).rejects.toThrow(
        'Expected a JSON array.',
      )
    })
  })
}
