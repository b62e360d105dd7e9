// npm run seed-tiles -- --layer NAME|all|zoning --minzoom Z --maxzoom Z [--bbox W,S,E,N] ...
// Cuts tiles ahead of requests into the Redis tile cache that the server reads.

import { BATCH_COMMAND_TIMEOUT_MS } from '../server/cache/redis-client.ts'
import { createRedisTileCache } from '../server/cache/redis-tile-cache.ts'
import type { TileCache } from '../server/cache/tile-cache.ts'
import { readConfig } from '../server/config.ts'
import { openCommandDatabase, type OpenedDatabase } from '../server/db/command-database.ts'
import { DataDirBusyError } from '../server/db/data-dir-lock.ts'
import { describeUrl } from '../server/db/postgres-database.ts'
import { dropOutputToClosedPipes } from '../server/ops/closed-output.ts'
import { exitOnInterrupt } from '../server/ops/interrupt-exit.ts'
import { readLayers } from '../server/tiles/layer-catalog.ts'
import { parseSeedArguments, SEED_USAGE } from '../server/tiles/pyramid-arguments.ts'
import {
  choosePyramids,
  CommandProblem,
  readyPyramidSources,
} from '../server/tiles/pyramid-command.ts'
import { TileCutter } from '../server/tiles/tile-cutter.ts'
import type { TilePyramid } from '../server/tiles/tile-pyramid.ts'
import { rangeSize } from '../server/tiles/tile-range.ts'
import { createProgressDisplay, formatDuration } from '../server/tiles/tile-progress.ts'
import { formatBytes } from '../server/ops/byte-size.ts'
import { seedTiles, SeedCacheError } from '../server/tiles/tile-seeder.ts'
import { StartupError } from '../server/startup-error.ts'

// Output cut short by a closed pipe must not fail work that was done.
dropOutputToClosedPipes()

const args = parseSeedArguments(process.argv.slice(2))
const { config, problems } = readConfig(process.env)

if (args.kind === 'help') {
  console.log(SEED_USAGE)
} else if (args.kind === 'usage-error') {
  console.error(`${args.problem}\n\n${SEED_USAGE}`)
  process.exitCode = 2
} else if (!config) {
  for (const problem of problems) console.error(`Bad setting ${problem}`)
  process.exitCode = 2
} else if (!config.REDIS_URL && !args.dryRun) {
  // The in-memory cache of this process would end with it, and the server would see nothing.
  console.error(
    'Seeding needs the shared tile cache: set REDIS_URL (and REDIS_PREFIX) as the server has ' +
      'them. Without Redis each server keeps its own cache in memory, which no other process ' +
      'can fill; --dry-run counts the tiles without one.',
  )
  process.exitCode = 2
} else {
  exitOnInterrupt('the tiles seeded so far stay in the cache.')
  let opened: OpenedDatabase | undefined
  let cache: TileCache | undefined
  const database = config.DATABASE_URL ? describeUrl(config.DATABASE_URL) : config.DATA_DIR
  let stage = ` while opening the database at ${database}`
  try {
    opened = await openCommandDatabase(config, { role: 'tile seeder', poolSize: 4 })
    stage = ''
    const pyramids = choosePyramids(await readLayers(opened.db), {
      verb: 'seed',
      allowAll: true,
      ...args,
    })
    const total = pyramids.reduce((sum, pyramid) => sum + pyramid.size, 0)
    const names = args.layer === 'all' ? `all ${pyramids.length} layers` : args.layer

    if (args.dryRun) {
      console.log(`Dry run: ${total} tiles of ${names} would be seeded`)
      for (const [z, count] of countsByZoom(pyramids)) {
        console.log(`  z${String(z).padEnd(3)} ${String(count).padStart(10)} tiles`)
      }
    } else {
      stage = ` while connecting to Redis at ${describeUrl(config.REDIS_URL!)}`
      cache = await createRedisTileCache({
        url: config.REDIS_URL!,
        ttlSeconds: config.TILE_CACHE_TTL_S,
        prefix: config.REDIS_PREFIX,
        commandTimeoutMs: BATCH_COMMAND_TIMEOUT_MS,
      })
      stage = ''
      const cutter = new TileCutter(opened.db, {
        indexMaxVertices: config.TILE_INDEX_MAX_VERTICES,
        indexMaxTiles: config.TILE_INDEX_MAX_TILES,
        walk: true,
      })
      await readyPyramidSources(cutter, pyramids, process.stderr)
      const progress = createProgressDisplay(process.stderr, total, 'seeding')
      const summary = await seedTiles(pyramids, cache, cutter, {
        concurrency: args.concurrency,
        onProgress: (done) => progress.update(done),
      }).finally(() => progress.stop())

      const rate = summary.seconds > 0 ? summary.tiles / summary.seconds : 0
      const rows: [string, string | number][] = [
        ['cut', summary.cut],
        ['already cached', `${summary.cached} (same data version, kept)`],
        ['empty', `${summary.empty} (stored as empty, served as 204)`],
        ['bytes', `${summary.bytes} (${formatBytes(summary.bytes)} gzip)`],
        ['seconds', `${summary.seconds.toFixed(1)} (${rate.toFixed(1)} tiles/s)`],
        ['cache', `redis ${describeUrl(config.REDIS_URL!)}, prefix ${config.REDIS_PREFIX}`],
        ['expiry', `${formatDuration(config.TILE_CACHE_TTL_S)} (TILE_CACHE_TTL_S)`],
        ['database', `${opened.db.kind} ${opened.db.location}`],
      ]
      console.log(`Seeded ${summary.tiles} tiles of ${names} at ${zoomSpan(pyramids)}`)
      for (const [label, value] of rows) console.log(`  ${label.padEnd(16)} ${value}`)
    }
  } catch (error) {
    process.exitCode = error instanceof CommandProblem ? error.exitCode : 1
    if (
      error instanceof CommandProblem ||
      error instanceof DataDirBusyError ||
      error instanceof StartupError
    ) {
      console.error(error.message)
    } else if (error instanceof SeedCacheError) {
      console.error(`Seeding stopped: ${error.message}`)
    } else {
      console.error(`Seeding failed${stage}: ${(error as Error).message}`)
      if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') console.error(error)
    }
  } finally {
    await cache?.close()
    await opened?.close()
  }
  // A Redis client that could not connect is left retrying by createRedisTileCache, which would
  // keep the process alive after the message; there is nothing more to wait for.
  if (process.exitCode) process.exit()
}

function countsByZoom(pyramids: TilePyramid[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const range of pyramids.flatMap((p) => p.ranges).sort((a, b) => a.z - b.z)) {
    counts.set(range.z, (counts.get(range.z) ?? 0) + rangeSize(range))
  }
  return counts
}

function zoomSpan(pyramids: TilePyramid[]): string {
  const zooms = pyramids.flatMap((p) => p.ranges.map((r) => r.z))
  return `z${Math.min(...zooms)}–${Math.max(...zooms)}`
}
