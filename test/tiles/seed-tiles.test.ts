import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisTileCache } from '../../server/cache/redis-tile-cache.ts'
import type { Layer } from '../../server/tiles/layer-catalog.ts'
import { parseExportArguments, parseSeedArguments } from '../../server/tiles/pyramid-arguments.ts'
import { choosePyramids, CommandProblem } from '../../server/tiles/pyramid-command.ts'
import { TileCutter } from '../../server/tiles/tile-cutter.ts'
import { formatBytes } from '../../server/ops/byte-size.ts'
import { describeProgress, formatDuration } from '../../server/tiles/tile-progress.ts'
import { rangeAddresses, rangeSize } from '../../server/tiles/tile-range.ts'
import { SeedCacheError, seedTiles } from '../../server/tiles/tile-seeder.ts'
import { BACKENDS, REDIS_SKIP_REASON, REDIS_URL } from '../support/services.ts'
import { startTestServer, type TestServer } from '../support/test-server.ts'

/** A catalogue layer with what planning reads; the rest as the catalogue has it. */
function layer(name: string, minzoom: number, maxzoom: number, bounds: Layer['bounds']): Layer {
  return {
    name,
    tableName: name,
    titleZh: name,
    titleEn: name,
    geometryKind: 'polygon',
    role: 'context',
    attributes: [],
    minzoom,
    maxzoom,
    maxAge: 3600,
    staleWhileRevalidate: 60,
    dataVersion: 1,
    dataToken: 'a1b2c3d4',
    featureCount: bounds ? 1 : 0,
    repairedCount: 0,
    source: null,
    loadedAt: null,
    bounds,
  }
}

// The fixture's units square, a point far to its north-east shown from z6, and a layer with no
// data. Tile counts per zoom were worked out by hand with the formulas of tile-range.test.ts,
// each edge widened by the cutter's buffer of 64/4096 of a tile.
const UNITS = layer('units', 0, 14, [112.0, 27.0, 112.2, 27.1])
const POINT = layer('point', 6, 14, [113.0, 28.0, 113.0, 28.0])
const EMPTY = layer('empty', 0, 14, undefined)
const UNITS_PER_ZOOM = [1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 4, 4, 6, 24, 70]

const request = {
  verb: 'seed',
  allowAll: true,
  minzoom: 0,
  maxzoom: 14,
  bbox: undefined,
  force: false,
}

const problemOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    if (error instanceof CommandProblem) return { code: error.exitCode, message: error.message }
    throw error
  }
  throw new Error('expected a CommandProblem')
}

describe('choosing the tiles to render', () => {
  it("keeps each layer within its zoom range and its data's bounds", () => {
    const [units, point, empty] = choosePyramids([UNITS, POINT, EMPTY], {
      ...request,
      layer: 'all',
    })
    expect(units!.ranges.map(rangeSize)).toEqual(UNITS_PER_ZOOM)
    expect(units!.size).toBe(123)
    expect(point!.ranges.map((r) => r.z)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(point!.ranges.map(rangeSize)).toEqual(point!.ranges.map(() => 1))
    expect(empty!.ranges).toEqual([])
  })

  it('covers the tile beside the bounds that the tile buffer reaches into', () => {
    // At z4 the square's east edge, 112.2°E, lies at x 12.987: 0.013 of a tile from column 13,
    // within the buffer of 0.0156, so column 13 holds a sliver of it.
    const [units] = choosePyramids([UNITS], { ...request, layer: 'units', minzoom: 4 })
    expect(units!.ranges[0]).toEqual({ z: 4, minX: 12, maxX: 13, minY: 6, maxY: 6 })
  })

  it('lets a layer into the composite only at the zooms it shows', () => {
    const [zoning] = choosePyramids([UNITS, POINT, EMPTY], {
      ...request,
      layer: 'zoning',
      minzoom: 5,
      maxzoom: 6,
    })
    // z5: the square alone, x 25.96–25.97, y 13.50–13.51. z6: square and point together,
    // x 51.91–52.09, y 26.81–27.01.
    expect(zoning!.ranges).toEqual([
      { z: 5, minX: 25, maxX: 25, minY: 13, maxY: 13 },
      { z: 6, minX: 51, maxX: 52, minY: 26, maxY: 27 },
    ])
  })

  it('keeps to the tiles that overlap --bbox', () => {
    // At z14 the box spans x 13291.52–13296.07 and y 6910.93–6914.00.
    const [units] = choosePyramids([UNITS], {
      ...request,
      layer: 'units',
      minzoom: 14,
      bbox: [112.05, 27.02, 112.15, 27.08],
    })
    expect(units!.ranges).toEqual([{ z: 14, minX: 13291, maxX: 13296, minY: 6910, maxY: 6913 }])
    expect(units!.bounds).toEqual([112.05, 27.02, 112.15, 27.08])
  })

  it('refuses a --bbox apart from the data, saying where the data lies', () => {
    // The box lies in the Gulf of Guinea, the units at 112°E 27°N: z0–1 tiles would cover both.
    const apart = { ...request, layer: 'all', allowAll: true, bbox: [0, 0, 1, 1] }
    expect(problemOf(() => choosePyramids([UNITS, POINT, EMPTY], apart as never))).toEqual({
      code: 1,
      message:
        'Nothing to seed: units, point, empty has no features within --bbox 0,0,1,1; ' +
        'its data lies within 112,27,113,28 (west,south,east,north).',
    })
    // Touching the data is enough.
    const touching = { ...request, layer: 'units', bbox: [112.2, 26, 113, 27] }
    expect(choosePyramids([UNITS], touching as never)[0]!.size).toBeGreaterThan(0)
  })

  it('names every layer when the one asked for is unknown', () => {
    expect(problemOf(() => choosePyramids([UNITS, POINT], { ...request, layer: 'unit' }))).toEqual({
      code: 2,
      message: 'No layer named "unit"; give one of units, point, zoning, all.',
    })
  })

  it('refuses zooms outside the range of the layer', () => {
    const problem = problemOf(() =>
      choosePyramids([POINT], { ...request, layer: 'point', minzoom: 2, maxzoom: 5 }),
    )
    expect(problem).toEqual({
      code: 2,
      message: 'Zooms 2–5 lie outside the zoom range of point 6–14.',
    })
  })

  it('refuses more than 5 million tiles without --force, naming the count', () => {
    // Zooms 0 to 12 of the whole world, every row up to the Mercator limit: (4^13 − 1) / 3.
    const world = layer('world', 0, 12, [-180, -85.06, 180, 85.06])
    const asked = { ...request, layer: 'world', maxzoom: 12 }
    expect(problemOf(() => choosePyramids([world], asked))).toEqual({
      code: 2,
      message:
        'That is 22,369,621 tiles, over the limit of 5,000,000; narrow the zooms or --bbox, ' +
        'or add --force.',
    })
    expect(choosePyramids([world], { ...asked, force: true })[0]!.size).toBe(22_369_621)
  })

  it('says to load data first when the layer has no features', () => {
    expect(problemOf(() => choosePyramids([EMPTY], { ...request, layer: 'empty' }))).toEqual({
      code: 1,
      message:
        'Nothing to seed: empty has no features; load data first ' +
        '(npm run import, or start the server once).',
    })
  })
})

describe('command lines', () => {
  const seed = (text: string) => parseSeedArguments(text.split(' '))
  const exporting = (text: string) => parseExportArguments(text.split(' '))

  it('reads a seeding command line with its defaults', () => {
    expect(seed('--layer all --minzoom 0 --maxzoom 12 --bbox=-10.5,20,30,40.25')).toEqual({
      kind: 'seed',
      layer: 'all',
      minzoom: 0,
      maxzoom: 12,
      bbox: [-10.5, 20, 30, 40.25],
      concurrency: 8,
      force: false,
      dryRun: false,
    })
  })

  it.each([
    ['--minzoom 0 --maxzoom 2', 'Give the layer to seed with --layer NAME, all or zoning.'],
    ['--layer all --maxzoom 2', 'Give the first zoom with --minzoom Z.'],
    [
      '--layer all --minzoom 25 --maxzoom 2',
      '--minzoom must be a whole number from 0 to 24, got "25".',
    ],
    [
      '--layer all --minzoom 1.5 --maxzoom 2',
      '--minzoom must be a whole number from 0 to 24, got "1.5".',
    ],
    ['--layer all --minzoom 9 --maxzoom 8', '--minzoom 9 is above --maxzoom 8.'],
    [
      '--layer all --minzoom 0 --maxzoom 2 --bbox 1,2,3',
      '--bbox takes four numbers west,south,east,north in degrees, got "1,2,3".',
    ],
    [
      '--layer all --minzoom 0 --maxzoom 2 --bbox 113,27,112,28',
      '--bbox west 113 must be less than east 112 (order: west,south,east,north).',
    ],
    [
      '--layer all --minzoom 0 --maxzoom 2 --bbox 112,28,113,27',
      '--bbox south 28 must be less than north 27 (order: west,south,east,north).',
    ],
    [
      '--layer all --minzoom 0 --maxzoom 2 --bbox 112,27,190,28',
      '--bbox longitude 190 is outside -180 to 180.',
    ],
    [
      '--layer all --minzoom 0 --maxzoom 2 --bbox 112,27,113,91',
      '--bbox latitude 91 is outside -90 to 90.',
    ],
    [
      '--layer all --minzoom 0 --maxzoom 2 --concurrency 0',
      '--concurrency must be a whole number from 1 to 64, got "0".',
    ],
    [
      '--layer all --minzoom 0 --maxzoom 2 extra',
      'Unexpected argument "extra": every value follows its option.',
    ],
    ['--layer zoning --layer all --minzoom 0 --maxzoom 2', '--layer is given twice.'],
    ['--layer all --minzoom 0 --maxzoom 2 --maxzoom=3', '--maxzoom is given twice.'],
    [
      '--layer all --minzoom 0 --maxzoom 2 --bbox 112,27,113,28 --bbox 1,2,3,4',
      '--bbox is given twice.',
    ],
  ])('rejects "%s"', (text, problem) => {
    expect(seed(text)).toEqual({ kind: 'usage-error', problem })
  })

  it.each([
    ['--layer zoning', 'Give the archive to write with --out FILE.pmtiles.'],
    ['--layer zoning --out zoning.mbtiles', '--out must end in .pmtiles, got "zoning.mbtiles".'],
    [
      '--layer all --out all.pmtiles',
      '--layer all is for seeding: an archive holds one tile set; give a layer.',
    ],
    ['--layer zoning --out a.pmtiles --out b.pmtiles', '--out is given twice.'],
  ])('rejects the export command line "%s"', (text, problem) => {
    expect(exporting(text)).toEqual({ kind: 'usage-error', problem })
  })

  it('takes a flag given twice as given once', () => {
    expect(seed('--layer all --minzoom 0 --maxzoom 2 --force --force --dry-run')).toMatchObject({
      kind: 'seed',
      force: true,
      dryRun: true,
    })
  })

  it('leaves the zooms of an export to the layer unless given', () => {
    expect(exporting('--layer zoning --out a.pmtiles')).toMatchObject({
      kind: 'export',
      minzoom: undefined,
      maxzoom: undefined,
    })
  })
})

describe('progress', () => {
  it('gives done and total, rate and time left', () => {
    // 1200 tiles in 14.07 s: 85.29 tiles/s; 3800 left at that rate: 44.6 s.
    expect(describeProgress(1200, 5000, 14.07)).toBe(
      '1200/5000 tiles (24%), 85.3 tiles/s, about 45 s left',
    )
    expect(describeProgress(0, 5000, 0)).toBe('0/5000 tiles (0%), 0 tiles/s')
  })

  it('writes durations and sizes in the largest fitting unit', () => {
    expect([formatDuration(45), formatDuration(725), formatDuration(3725)]).toEqual([
      '45 s',
      '12 min 5 s',
      '1 h 2 min',
    ])
    const sizes = [812, 41_165, 3_670_016, 2 ** 30, 1536 * 2 ** 40]
    expect(sizes.map(formatBytes)).toEqual(['812 B', '40.2 KiB', '3.5 MiB', '1 GiB', '1536 TiB'])
  })
})

const redisTitle = REDIS_URL ? 'on Redis' : `on Redis (${REDIS_SKIP_REASON})`

for (const backend of BACKENDS) {
  const title = `seeding ${backend.title} ${redisTitle}`
  describe.skipIf(backend.skip || !REDIS_URL)(title, () => {
    const redisPrefix = `ecozoning-test-${randomBytes(4).toString('hex')}:`
    let server: TestServer

    beforeAll(async () => {
      server = await startTestServer(backend, 'fixture', { redisUrl: REDIS_URL, redisPrefix })
    })
    afterAll(() => server?.close())

    const seedUnits = async () => {
      const layers = await server.catalog.list()
      const pyramids = choosePyramids(layers, { ...request, layer: 'control_units' })
      const cache = await createRedisTileCache({
        url: REDIS_URL!,
        ttlSeconds: 60,
        prefix: redisPrefix,
      })
      const cutter = new TileCutter(server.db, { indexMaxVertices: 500_000, indexMaxTiles: 1000 })
      try {
        const summary = await seedTiles(pyramids, cache, cutter, { concurrency: 4 })
        return { summary, pyramids }
      } finally {
        await cache.close()
      }
    }

    it('stores every tile so that a server sharing the Redis serves them all as hits', async () => {
      // The fixture's units fill the square of UNITS above, zooms 0–14.
      const { summary, pyramids } = await seedUnits()
      expect(summary).toMatchObject({ tiles: 123, cut: 123, cached: 0 })

      const before = server.cache.stats()
      let contentBytes = 0
      for (const address of pyramids[0]!.ranges.flatMap((r) => [...rangeAddresses(r)])) {
        const { z, x, y } = address
        const response = await server.get(`/tiles/control_units/${z}/${x}/${y}.mvt`, {
          headers: { 'accept-encoding': 'identity' },
        })
        expect([200, 204]).toContain(response.status)
        contentBytes += (await response.arrayBuffer()).byteLength
      }
      expect(contentBytes).toBeGreaterThan(0)
      const after = server.cache.stats()
      expect(after.hits - before.hits).toBe(123)
      expect(after.misses - before.misses).toBe(0)
    })

    it('keeps tiles already cached for the same data version', async () => {
      const { summary } = await seedUnits()
      expect(summary).toMatchObject({ tiles: 123, cut: 0, cached: 123 })
    })

    it('stops with the cache error when the cache takes no tile', async () => {
      const layers = await server.catalog.list()
      const pyramids = choosePyramids(layers, { ...request, layer: 'districts', maxzoom: 3 })
      const cache = await createRedisTileCache({ url: REDIS_URL!, ttlSeconds: 60, prefix: 'x:' })
      await cache.close()
      const cutter = new TileCutter(server.db, { indexMaxVertices: 500_000, indexMaxTiles: 1000 })

      const seeding = seedTiles(pyramids, cache, cutter, { concurrency: 2 })
      await expect(seeding).rejects.toThrow(SeedCacheError)
      await expect(seeding).rejects.toThrow(/^The redis tile cache stopped taking tiles, with 0 /)
      await expect(seeding).rejects.toThrow(/; those stay cached, and the same command seeds the/)
    })
  })
}
