import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockDataDir } from '../../server/db/data-dir-lock.ts'
import { startServer } from '../../server/start.ts'
import { BACKENDS, REDIS_SKIP_REASON, REDIS_URL } from '../support/services.ts'
import { latToTileY, lonToTileX } from '../support/tile-math.ts'
import { fixtureDatabase, lines, runScript, type FixtureDatabase } from './support/command.ts'

const seed = (args: string[], env: Record<string, string>) => runScript('seed-tiles.ts', args, env)

const redisTitle = REDIS_URL ? 'with Redis' : `with Redis (${REDIS_SKIP_REASON})`

describe('npm run seed-tiles with a bad command line', () => {
  it.each([
    [['--layer', 'all', '--minzoom', '3'], 'Give the last zoom with --maxzoom Z.'],
    [
      ['--layer', 'all', '--minzoom', '0', '--maxzoom', '30'],
      '--maxzoom must be a whole number from 0 to 24, got "30".',
    ],
    [['--layer', 'all', '--minzoom', '5', '--maxzoom', '4'], '--minzoom 5 is above --maxzoom 4.'],
    [
      ['--layer', 'all', '--minzoom', '0', '--maxzoom', '4', '--bbox', '113,27,112,28'],
      '--bbox west 113 must be less than east 112 (order: west,south,east,north).',
    ],
    [
      ['--layer', 'zoning', '--layer', 'control_units', '--minzoom', '0', '--maxzoom', '4'],
      '--layer is given twice.',
    ],
  ])('exits with 2, the problem and the usage for %j', async (args, problem) => {
    const run = await seed(args, {})
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(lines(run.stderr)[0]).toBe(problem)
    expect(run.stderr).toContain('Usage: npm run seed-tiles -- --layer NAME|all|zoning')
  })

  it('exits with 2 and says why it needs Redis when REDIS_URL is unset', async () => {
    const run = await seed(['--layer', 'all', '--minzoom', '0', '--maxzoom', '4'], {})
    expect(run.code).toBe(2)
    expect(lines(run.stderr)).toHaveLength(1)
    expect(run.stderr).toMatch(/^Seeding needs the shared tile cache: set REDIS_URL/)
    expect(run.stderr).toContain('--dry-run counts the tiles without one.')
  })

  it('prints the usage for --help, with exit code 0', async () => {
    const run = await seed(['--help'], {})
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Exit status: 0 seeded, 1 failed, 2 bad command line.')
  })
})

describe('npm run seed-tiles on an embedded database the server holds', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-held-'))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('refuses in one line, exit code 1, without opening it', async () => {
    const lock = await lockDataDir(dataDir, 'server')
    try {
      const args = ['--layer', 'all', '--minzoom', '0', '--maxzoom', '4', '--dry-run']
      const run = await seed(args, { DATA_DIR: dataDir })
      expect(run.code).toBe(1)
      expect(lines(run.stderr)).toHaveLength(1)
      expect(run.stderr).toContain(`The embedded database in ${dataDir} is in use by the server`)
    } finally {
      await lock.release()
    }
    expect(await readdir(dataDir)).toEqual([])
  })
})

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`npm run seed-tiles ${backend.title}`, () => {
    let fixture: FixtureDatabase
    beforeAll(async () => {
      fixture = await fixtureDatabase(backend)
    })
    afterAll(() => fixture?.drop())

    it('counts the tiles per zoom on a dry run, without Redis', async () => {
      const args = ['--layer', 'control_units', '--minzoom', '10', '--maxzoom', '14', '--dry-run']
      const run = await seed(args, fixture.env)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      // Hand-computed in seed-tiles.test.ts for the fixture's units square.
      expect(lines(run.stdout)).toEqual([
        'Dry run: 108 tiles of control_units would be seeded',
        '  z10           4 tiles',
        '  z11           4 tiles',
        '  z12           6 tiles',
        '  z13          24 tiles',
        '  z14          70 tiles',
      ])
    })

    it('lists the layers for an unknown one, exit code 2', async () => {
      const args = ['--layer', 'units', '--minzoom', '0', '--maxzoom', '4', '--dry-run']
      const run = await seed(args, fixture.env)
      expect(run.code).toBe(2)
      expect(lines(run.stderr)).toEqual([
        'No layer named "units"; give one of districts, control_units, water_source_zones, ' +
          'nature_reserve_zones, ecological_red_line, ecological_space, industrial_parks, ' +
          'no_raising_zones, rivers, facilities, zoning, all.',
      ])
    })

    it.skipIf(!REDIS_URL)(
      `seeds into Redis, and a server sharing it serves the tiles as hits ${redisTitle}`,
      async () => {
        const redisPrefix = `ecozoning-test-${randomBytes(4).toString('hex')}:`
        const env = {
          ...fixture.env,
          REDIS_URL: REDIS_URL!,
          REDIS_PREFIX: redisPrefix,
          TILE_CACHE_TTL_S: '120',
        }
        const args = ['--layer', 'zoning', '--minzoom', '0', '--maxzoom', '12']
        const run = await seed(args, env)
        expect(run.code).toBe(0)
        // The layers are readied before the progress starts, so that the rate counts cutting.
        const [reading, ready] = lines(run.stderr)
        expect(reading).toBe(
          'Reading 10 layers (and the label points of 5) from the database and building the ' +
            'indexes...',
        )
        expect(ready).toMatch(/^Ready in \d+\.\d s\.$/)
        const [title, ...rows] = lines(run.stdout)
        expect(title).toMatch(/^Seeded \d+ tiles of zoning at z0–12$/)
        expect(rows[0]).toMatch(/^ {2}cut {14}\d+$/)
        expect(rows).toContain(`  database         ${backend.name} ${dbLocation(fixture)}`)

        const server = await startServer({
          ...fixture.start,
          port: 0,
          host: '127.0.0.1',
          redisUrl: REDIS_URL,
          redisPrefix,
          loadSample: false,
          buildPortal: false,
        })
        try {
          // A spot inside the units square at every zoom the command seeded.
          for (let z = 0; z <= 12; z++) {
            const [x, y] = [lonToTileX(112.1, z), latToTileY(27.05, z)]
            const response = await fetch(`${server.url}/tiles/zoning/${z}/${x}/${y}.mvt`)
            // At the lowest zooms the fixture's small squares simplify away: 204, cached too.
            expect([200, 204]).toContain(response.status)
          }
          expect(server.cache.stats()).toMatchObject({ hits: 13, misses: 0 })
        } finally {
          await server.close()
        }
      },
    )
  })
}

function dbLocation(fixture: FixtureDatabase): string {
  if (fixture.env.DATA_DIR) return fixture.env.DATA_DIR
  const url = new URL(fixture.env.DATABASE_URL!)
  const user = url.username ? `${decodeURIComponent(url.username)}@` : ''
  return `${user}${url.host}${url.pathname}`
}
