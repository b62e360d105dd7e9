import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { importDatasetDescription } from '../../server/import/dataset-import.ts'
import { startServer, type RunningServer } from '../../server/start.ts'
import { runProgram } from '../support/run-program.ts'
import { BACKENDS, createScratchDatabase } from '../support/services.ts'
import { FIXTURE_DATASET } from '../support/test-server.ts'

const OFFICIAL = {
  name: '衡阳市生态环境分区管控成果',
  name_en: 'Hengyang ecological zoning',
  version: '2024-06',
  notice_zh: '以批复文件为准。',
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`a new dataset description ${backend.title}`, () => {
    let server: RunningServer
    let databaseUrl: string | undefined
    let dropScratch: (() => Promise<void>) | undefined
    let tmp: string

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-description-'))
      if (backend.name === 'postgres') {
        const scratch = await createScratchDatabase()
        databaseUrl = scratch.url
        dropScratch = scratch.drop
      }
      server = await startServer({
        port: 0,
        host: '127.0.0.1',
        databaseUrl,
        buildPortal: false,
        loadSample: false,
        // An hour: only the import's notification can make the server see the new description.
        catalogRefreshMs: 3_600_000,
      })
      await loadDatasetFolder(server.db, FIXTURE_DATASET)
    })
    afterAll(async () => {
      await server?.close()
      await dropScratch?.()
      if (tmp) await rm(tmp, { recursive: true, force: true })
    })

    const get = async <T>(pathname: string) =>
      (await (await fetch(server.url + pathname)).json()) as T
    const attribution = async (set: string) =>
      (await get<{ attribution: string }>(`/tiles/${set}.json`)).attribution

    it('is credited by every TileJSON and /api/dataset at once, without a restart', async () => {
      // Read once, so that the server holds the fixture's description for its hour. The fixture
      // was loaded after the server started, which PostgreSQL tells the server by a
      // notification that may come a moment after the load's commit: waited for here.
      await expect
        .poll(() => attribution('control_units'), { timeout: 10_000 })
        .toBe('测试数据（示例数据 · illustrative）')
      expect(await get('/api/dataset')).toMatchObject({ name: '测试数据', illustrative: true })

      const file = path.join(tmp, 'dataset.json')
      await writeFile(file, JSON.stringify(OFFICIAL))
      if (databaseUrl) {
        // As an operator does, from another process, while the server runs.
        const run = await runProgram('scripts/import.ts', [file, '--layer', 'dataset'], {
          DATABASE_URL: databaseUrl,
        })
        expect(run.stderr).toBe('')
        expect(run.code).toBe(0)
      } else {
        // The embedded database is the server's alone: the import runs in its process.
        await importDatasetDescription(server.db, file)
      }

      // Notifications arrive within milliseconds; allow a second on a loaded machine.
      const deadline = Date.now() + 1_000
      while ((await attribution('zoning')) !== OFFICIAL.name && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(await attribution('zoning')).toBe('衡阳市生态环境分区管控成果')
      expect(await attribution('water_source_zones')).toBe('衡阳市生态环境分区管控成果')
      const dataset = await get<Record<string, unknown>>('/api/dataset')
      expect(dataset).toMatchObject({
        name: '衡阳市生态环境分区管控成果',
        name_en: 'Hengyang ecological zoning',
        illustrative: false,
        notice_zh: '以批复文件为准。',
        notice_en: '',
        version: '2024-06',
      })
      expect(dataset).not.toHaveProperty('datum_note')
    })
  })
}
