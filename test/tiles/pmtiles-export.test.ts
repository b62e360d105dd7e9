import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTileCache } from '../../server/cache/memory-tile-cache.ts'
import { exportPmtiles, NothingToExportError } from '../../server/tiles/pmtiles-export.ts'
import { choosePyramids } from '../../server/tiles/pyramid-command.ts'
import type { TileAddress } from '../../server/tiles/tile-address.ts'
import { TileCutter } from '../../server/tiles/tile-cutter.ts'
import type { TilePyramid } from '../../server/tiles/tile-pyramid.ts'
import { rangeAddresses } from '../../server/tiles/tile-range.ts'
import { TileService } from '../../server/tiles/tile-service.ts'
import { BACKENDS } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'
import { openArchive, readHeader } from './support/pmtiles-file.ts'

/** The tiles of each range's ring just outside it, inside the grid. */
function ringAround(pyramid: TilePyramid): TileAddress[] {
  return pyramid.ranges.flatMap(({ z, minX, maxX, minY, maxY }) => {
    const ring = { z, minX: minX - 1, maxX: maxX + 1, minY: minY - 1, maxY: maxY + 1 }
    return [...rangeAddresses(ring)].filter(
      ({ x, y }) =>
        (x < minX || x > maxX || y < minY || y > maxY) &&
        x >= 0 &&
        y >= 0 &&
        x < 2 ** z &&
        y < 2 ** z,
    )
  })
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`PMTiles export ${backend.title}`, () => {
    let server: TestServer
    let dir: string
    let tiles: TileService

    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture')
      dir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-export-'))
      const cutter = new TileCutter(server.db, { indexMaxVertices: 500_000, indexMaxTiles: 1000 })
      tiles = new TileService(createMemoryTileCache(1 << 20), cutter, pino({ level: 'silent' }))
    })
    afterAll(async () => {
      await server?.close()
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    const plan = async (layer: string, maxzoom?: number) => {
      const layers = await server.catalog.list()
      const request = { verb: 'export', allowAll: false, layer, bbox: undefined, force: false }
      return choosePyramids(layers, { ...request, minzoom: undefined, maxzoom })[0]!
    }
    const serve = async ({ z, x, y }: TileAddress, name = 'zoning') => {
      const response = await server.get(`/tiles/${name}/${z}/${x}/${y}.mvt`, {
        headers: { 'accept-encoding': 'identity' },
      })
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) }
    }

    it('holds every tile the server serves for the composite, byte for byte', async () => {
      const pyramid = await plan('zoning')
      const file = path.join(dir, 'zoning.pmtiles')
      const summary = await exportPmtiles(pyramid, tiles, file, {
        concurrency: 4,
        attribution: 'test',
      })
      const { reader } = await openArchive(file)

      let withContent = 0
      for (const address of pyramid.ranges.flatMap((range) => [...rangeAddresses(range)])) {
        const served = await serve(address)
        const stored = await reader.getZxy(address.z, address.x, address.y)
        if (served.status === 204) {
          expect(stored).toBeUndefined()
        } else {
          expect(served.status).toBe(200)
          expect(Buffer.from(stored!.data).equals(served.body)).toBe(true)
          withContent++
        }
      }
      expect(withContent).toBe(summary.addressedTiles)
      expect(summary.tiles).toBe(pyramid.size)
    })

    it('leaves out no tile with content: the ring around each zoom is empty', async () => {
      const pyramid = await plan('zoning')
      for (const address of ringAround(pyramid)) {
        expect((await serve(address)).status).toBe(204)
      }
    })

    it('describes the archive as the TileJSON does, within its zooms', async () => {
      const file = path.join(dir, 'units.pmtiles')
      await exportPmtiles(await plan('control_units', 12), tiles, file, {
        concurrency: 2,
        attribution: '测试数据（示例数据 · illustrative）',
      })
      const { reader, bytes } = await openArchive(file)
      const doc = (await (await server.get('/tiles/control_units.json')).json()) as {
        name: string
        version: string
        bounds: number[]
        vector_layers: { id: string; fields: Record<string, string> }[]
      }
      const metadata = (await reader.getMetadata()) as typeof doc & { attribution: string }

      expect(metadata.name).toBe(doc.name)
      expect(metadata.version).toBe(doc.version)
      expect(metadata.attribution).toBe('测试数据（示例数据 · illustrative）')
      expect(metadata.vector_layers).toEqual([{ ...doc.vector_layers[0], maxzoom: 12 }])
      const header = readHeader(bytes)
      expect(header.zooms).toEqual([0, 12])
      expect(header.bounds).toEqual(doc.bounds)
    })

    it('writes no file when every tile is empty', async () => {
      const pyramid = await plan('control_units', 14)
      // Tiles in the grid's north-west corner, far from the fixture, hold nothing.
      const empty = { ...pyramid, ranges: [{ z: 14, minX: 0, maxX: 1, minY: 0, maxY: 0 }] }
      const file = path.join(dir, 'empty.pmtiles')
      const before = await readdir(dir)
      await expect(
        exportPmtiles(empty, tiles, file, { concurrency: 2, attribution: '' }),
      ).rejects.toThrow(NothingToExportError)
      expect(await readdir(dir)).toEqual(before)
    })
  })
}
