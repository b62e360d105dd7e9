import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFolder } from '../../server/data/sample-loader.ts'
import { TileCutter } from '../../server/tiles/tile-cutter.ts'
import { TilePreparation } from '../../server/tiles/tile-preparation.ts'
import { captureLog } from '../support/log-capture.ts'
import { BACKENDS } from '../support/services.ts'
import { FIXTURE_DATASET, startTestServer, type TestServer } from '../support/test-server.ts'

// The areas whose label points the composite tiles carry, each a source of its own.
const NAMED_AREAS = [
  'districts',
  'control_units',
  'water_source_zones',
  'nature_reserve_zones',
  'industrial_parks',
]
const withLabels = (names: string[]) => [
  ...names,
  ...names.filter((name) => NAMED_AREAS.includes(name)).map((name) => `${name}_label`),
]

const readyLines = (lines: Record<string, unknown>[]) =>
  lines.filter((line) => line.msg === 'tile sources ready')

async function until(done: () => boolean, what: string, ms = 5_000) {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`readying tile sources ${backend.title}`, () => {
    const { log, lines } = captureLog()
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend, 'sample', { log })
    })
    afterAll(() => server?.close())

    it('readies every layer as the server starts, before any tile is asked for', async () => {
      await server.tilesPrepared()
      const names = (await server.catalog.list()).map((layer) => layer.name)
      expect(names.length).toBeGreaterThan(5)
      const [ready] = readyLines(lines)
      expect(ready).toBeDefined()
      expect(Object.keys(ready!.cutFrom as object).sort()).toEqual(withLabels(names).sort())
      expect(new Set(Object.values(ready!.cutFrom as object))).toEqual(new Set(['index']))
    })

    it('readies the layers again when an import changes them', async () => {
      const before = readyLines(lines).length
      await loadDatasetFolder(server.db, FIXTURE_DATASET)
      await until(() => readyLines(lines).length > before, 'a second "tile sources ready"')
      await server.tilesPrepared()

      // A cutter that was readied holds a source of the current version for every layer.
      const layers = await server.catalog.list()
      const cutter = new TileCutter(server.db, { indexMaxVertices: 0, indexMaxTiles: 100 })
      const preparation = new TilePreparation(server.catalog, cutter, log)
      preparation.run()
      await preparation.settled()
      expect(Object.keys(await cutter.describe()).sort()).toEqual(
        withLabels(layers.map((l) => l.name)).sort(),
      )
      expect(new Set(Object.values(await cutter.describe()))).toEqual(new Set(['window']))
    })

    it('names a layer it cannot ready, readies the others, and tries again later', async () => {
      const broken = 'nature_reserve_zones'
      const layers = await server.catalog.list()
      expect(layers.map((l) => l.name)).toContain(broken)
      const cutter = new TileCutter(server.db, { indexMaxVertices: 1e9, indexMaxTiles: 1e6 })
      const preparation = new TilePreparation(server.catalog, cutter, log)

      await server.db.query(`ALTER TABLE ${broken} RENAME TO ${broken}_away`)
      try {
        const warned = lines.length
        preparation.run()
        await preparation.settled()
        const warnings = lines.slice(warned).filter((line) => line.level === 40)
        // The layer and its label points, read from the same table.
        expect(warnings.map((line) => line.layer)).toEqual([broken, `${broken}_label`])
        expect(String(warnings[0]!.msg)).toMatch(/cannot prepare the tiles of a layer/)
        const kinds = await cutter.describe()
        expect(Object.keys(kinds).sort()).toEqual(
          withLabels(layers.map((l) => l.name))
            .filter((name) => !name.startsWith(broken))
            .sort(),
        )
      } finally {
        await server.db.query(`ALTER TABLE ${broken}_away RENAME TO ${broken}`)
      }

      preparation.run()
      await preparation.settled()
      expect(Object.keys(await cutter.describe())).toContain(broken)
    })

    it('runs once more when asked during a run, and not once per ask', async () => {
      const cutter = new TileCutter(server.db, { indexMaxVertices: 1e9, indexMaxTiles: 1e6 })
      const preparation = new TilePreparation(server.catalog, cutter, log)
      const before = readyLines(lines).length
      preparation.run()
      preparation.run()
      preparation.run()
      await preparation.settled()
      expect(readyLines(lines).length - before).toBe(2)
    })
  })
}
