// npm run export-pmtiles -- --layer NAME|zoning --out FILE.pmtiles [--minzoom Z] [--maxzoom Z] ...
// Writes the tiles of a layer, or of the composite, to one PMTiles archive for static hosting.

import { stat } from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { createMemoryTileCache } from '../server/cache/memory-tile-cache.ts'
import { BATCH_COMMAND_TIMEOUT_MS } from '../server/cache/redis-client.ts'
import { createRedisTileCache } from '../server/cache/redis-tile-cache.ts'
import type { TileCache } from '../server/cache/tile-cache.ts'
import { readConfig } from '../server/config.ts'
import { openCommandDatabase, type OpenedDatabase } from '../server/db/command-database.ts'
import { attributionText, readDatasetInfo } from '../server/data/dataset-info.ts'
import { DataDirBusyError } from '../server/db/data-dir-lock.ts'
import { describeUrl } from '../server/db/postgres-database.ts'
import { dropOutputToClosedPipes } from '../server/ops/closed-output.ts'
import { exitOnInterrupt } from '../server/ops/interrupt-exit.ts'
import { typedPath } from '../server/ops/typed-path.ts'
import { readLayers } from '../server/tiles/layer-catalog.ts'
import { exportPmtiles, NothingToExportError } from '../server/tiles/pmtiles-export.ts'
import { EXPORT_USAGE, parseExportArguments } from '../server/tiles/pyramid-arguments.ts'
import {
  choosePyramids,
  CommandProblem,
  readyPyramidSources,
} from '../server/tiles/pyramid-command.ts'
import { TileCutter } from '../server/tiles/tile-cutter.ts'
import { formatBytes } from '../server/ops/byte-size.ts'
import { createProgressDisplay } from '../server/tiles/tile-progress.ts'
import { TileService } from '../server/tiles/tile-service.ts'
import { StartupError } from '../server/startup-error.ts'

// Output cut short by a closed pipe must not fail work that was done.
dropOutputToClosedPipes()

// Without Redis, tiles are written out once and never read again: a small cache will do.
const SCRATCH_CACHE_BYTES = 16 * 1024 * 1024

const args = parseExportArguments(process.argv.slice(2))
if (args.kind === 'export') args.out = typedPath(args.out)
const { config, problems } = readConfig(process.env)

if (args.kind === 'help') {
  console.log(EXPORT_USAGE)
} else if (args.kind === 'usage-error') {
  console.error(`${args.problem}\n\n${EXPORT_USAGE}`)
  process.exitCode = 2
} else if (!config) {
  for (const problem of problems) console.error(`Bad setting ${problem}`)
  process.exitCode = 2
} else if (!(await isFolder(path.dirname(path.resolve(args.out))))) {
  console.error(`The folder of --out ${args.out} does not exist; create it first.`)
  process.exitCode = 2
} else if (await isFolder(args.out)) {
  // Found now rather than when the archive, complete, would be moved there.
  console.error(`--out ${args.out} is a folder; give the archive's file name.`)
  process.exitCode = 2
} else {
  const interrupted = exitOnInterrupt('no archive written.')
  let opened: OpenedDatabase | undefined
  let cache: TileCache | undefined
  const database = config.DATABASE_URL ? describeUrl(config.DATABASE_URL) : config.DATA_DIR
  let stage = ` while opening the database at ${database}`
  try {
    opened = await openCommandDatabase(config, { role: 'pmtiles export', poolSize: 4 })
    stage = ''
    const pyramid = choosePyramids(await readLayers(opened.db), {
      verb: 'export',
      allowAll: false,
      ...args,
    })[0]!
    const attribution = attributionText(await readDatasetInfo(opened.db))

    if (config.REDIS_URL) stage = ` while connecting to Redis at ${describeUrl(config.REDIS_URL)}`
    cache = config.REDIS_URL
      ? await createRedisTileCache({
          url: config.REDIS_URL,
          ttlSeconds: config.TILE_CACHE_TTL_S,
          prefix: config.REDIS_PREFIX,
          commandTimeoutMs: BATCH_COMMAND_TIMEOUT_MS,
        })
      : createMemoryTileCache(SCRATCH_CACHE_BYTES)
    stage = ''
    // A failing Redis is bypassed, as on the server: the archive does not depend on the cache.
    const cutter = new TileCutter(opened.db, {
      indexMaxVertices: config.TILE_INDEX_MAX_VERTICES,
      indexMaxTiles: config.TILE_INDEX_MAX_TILES,
      walk: true,
    })
    const tiles = new TileService(cache, cutter, pino({ level: 'silent' }))
    await readyPyramidSources(cutter, [pyramid], process.stderr)

    const progress = createProgressDisplay(process.stderr, pyramid.size, 'exporting')
    const summary = await exportPmtiles(pyramid, tiles, args.out, {
      concurrency: args.concurrency,
      attribution,
      onProgress: (done) => progress.update(done),
    }).finally(() => progress.stop())
    interrupted.set(`${args.out} had been written; only its report was cut short.`)

    const zooms = `z${pyramid.ranges[0]!.z}–${pyramid.ranges.at(-1)!.z}`
    const rate = summary.seconds > 0 ? summary.tiles / summary.seconds : 0
    const rows: [string, string | number][] = [
      ['tiles', `${summary.addressedTiles} (of ${summary.tiles} in the range)`],
      ['empty', `${summary.empty} (left out)`],
      ['stored', `${summary.tileContents} distinct tiles in ${summary.tileEntries} entries`],
      ['bytes', `${summary.bytes} (${formatBytes(summary.bytes)})`],
      ['seconds', `${summary.seconds.toFixed(1)} (${rate.toFixed(1)} tiles/s)`],
      ['tile cache', cache.kind],
      ['database', `${opened.db.kind} ${opened.db.location}`],
    ]
    console.log(`Wrote ${args.out}: ${pyramid.set.name} at ${zooms}, PMTiles v3 of gzip MVT`)
    for (const [label, value] of rows) console.log(`  ${label.padEnd(16)} ${value}`)
  } catch (error) {
    process.exitCode = error instanceof CommandProblem ? error.exitCode : 1
    if (
      error instanceof CommandProblem ||
      error instanceof DataDirBusyError ||
      error instanceof StartupError ||
      error instanceof NothingToExportError
    ) {
      console.error(error.message)
    } else {
      console.error(`Export failed${stage}: ${(error as Error).message}`)
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

async function isFolder(folder: string): Promise<boolean> {
  return stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  )
}
