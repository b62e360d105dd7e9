import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { importDatasetDescription } from '../../server/import/dataset-import.ts'
import { ImportError } from '../../server/import/import-error.ts'
import { openMigratedDatabase, type MigratedDatabase } from '../support/migrated-database.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'

const OFFICIAL = {
  name: '衡阳市生态环境分区管控成果',
  name_en: 'Hengyang ecological zoning',
  version: '2024-06',
  notice_zh: '以批复文件为准。',
  notice_en: 'The approved documents prevail.',
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`importDatasetDescription ${backend.title}`, () => {
    let database: MigratedDatabase
    let tmp: string
    beforeAll(async () => {
      database = await openMigratedDatabase(backend)
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-dataset-'))
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
    const stored = async () =>
      (
        await database.db.query<{ value: unknown }>(
          "SELECT value FROM dataset_info WHERE key = 'manifest'",
        )
      ).map((row) => row.value)
    const refusal = async (file: string) => {
      const error = await importDatasetDescription(database.db, file).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ImportError)
      return (error as ImportError).describe()
    }

    it('describes a database that had no description', async () => {
      const file = await write('first.json', JSON.stringify({ name: '衡阳', version: '1' }))
      const result = await importDatasetDescription(database.db, file)
      expect(result.replaced).toBeUndefined()
      expect(await stored()).toEqual([
        {
          name: '衡阳',
          name_en: '',
          illustrative: false,
          notice_zh: '',
          notice_en: '',
          version: '1',
        },
      ])
    })

    it('replaces the sample description with an official one, saying which', async () => {
      await loadDatasetFolder(database.db, FIXTURE_DATASET)
      // A byte-order mark, as Windows editors save UTF-8, is no part of the JSON.
      const file = await write('official.json', `\ufeff${JSON.stringify(OFFICIAL, null, 2)}`)
      const result = await importDatasetDescription(database.db, file)
      expect(result.replaced).toMatchObject({
        name: '测试数据',
        illustrative: true,
        version: 'fixture-1',
      })
      const official = { ...OFFICIAL, illustrative: false }
      expect(result.dataset).toEqual(official)
      expect(await stored()).toEqual([official])
    })

    it('refuses a bad file, saying where, and keeps the description', async () => {
      const cases: [string, string | Buffer, string][] = [
        [
          'copied-sample.json',
          JSON.stringify({ ...OFFICIAL, illustrative: true }),
          ', field illustrative: true marks the illustrative sample',
        ],
        [
          'typo.json',
          JSON.stringify({ ...OFFICIAL, notice: 'x' }),
          ': Unknown field "notice"; a dataset description has name,',
        ],
        [
          'twice.json',
          '{"name": "衡阳", "version": "1", "version": "2"}',
          ', field version: version is given twice; give each field once.',
        ],
        [
          'gbk.json',
          // {"name":"衡阳","version":"1"} saved as GBK: 衡 is 0xBA 0xE2, 阳 is 0xD1 0xF4.
          Buffer.concat([
            Buffer.from('{"name":"'),
            Buffer.from([0xba, 0xe2, 0xd1, 0xf4]),
            Buffer.from('","version":"1"}'),
          ]),
          ': The file is not valid UTF-8 text; save it as UTF-8.',
        ],
        ['broken.json', '{"name": "衡阳",', ': The file is not valid JSON ('],
        ['array.json', JSON.stringify([OFFICIAL]), ': Expected a JSON object describing'],
      ]
      for (const [name, content, expected] of cases) {
        const file = await write(name, content)
        expect(await refusal(file), name).toContain(`${file}${expected}`)
      }
      const missing = path.join(tmp, 'missing.json')
      expect(await refusal(missing)).toBe(`${missing}: The file does not exist.`)
      expect(await stored()).toEqual([{ ...OFFICIAL, illustrative: false }])
    })
  })
}
