import { buildProvince, type ProvinceResult } from '../scripts/province/province-build.ts'
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../scripts/province/scratch-database.ts'
import { migrate } from '../server/db/migrate.ts'
import { openDatabase } from '../server/db/open-database.ts'
import { importFile } from '../server/import/file-import.ts'
import type { StopCleanup } from '../server/ops/stop-cleanup.ts'
import { readLayers, type Layer } from '../server/tiles/layer-catalog.ts'
import { tileBounds, type TileAddress } from '../server/tiles/tile-address.ts'
import { startOurs, type ServerMemory } from './bench-servers.ts'
import { sweepOurs, sweepStAsMvt, type Sweep } from './cold-sweep.ts'
import { interleave, type Side } from './interleave.ts'
import { StAsMvtCutter } from './st-asmvt.ts'
import { TileClient } from './tile-client.ts'
import { sampleTiles } from './tile-sample.ts'

export interface ProvinceBuildOptions {
  /** PostgreSQL server where scratch databases are made. */
  postgresUrl: string
  units: number
  seed: number
  citiesFile: string
  outFile: string
  log: (line: string) => void
  /** Given the drop of each scratch database as soon as it is made, for a stopped run. */
  cleanups?: StopCleanup
}

/** The province layer built and imported into a scratch database, for parts 3 and 4. */
export interface PreparedProvince {
  scratch: ScratchDatabase
  built: ProvinceResult
  importMs: number
  vertices: number
  layer: Layer
}

export interface ProvinceOptions {
  seed: number
  perZoom: number
  concurrency: number
  rounds: number
  /** Also measure with the whole layer in an in-memory index. */
  forcedIndex: boolean
  /** Where the sweeps' wrk script and path lists go. */
  tmpDir: string
  log: (line: string) => void
}

/** What our server process did besides cutting the tiles. */
export interface ServerRun {
  /** Readying the layer as the server starts: counting its vertices and building an index; ms. */
  sourceReadyMs: number
  /** Resident set size when the server started listening, bytes. */
  rssAtStart: number
  /** Memory once the layer is ready, and at the end of the sweep. */
  memoryReady: ServerMemory
  memoryAfter: ServerMemory
  /** Kernel's peak resident set (VmHWM) at the end, bytes. */
  peakRss: number | undefined
}

/** One sweep of the sample by one cutter; `failed` says why there is none. */
export interface ProvinceRun {
  sweep?: Sweep
  server?: ServerRun
  failed?: string
}

export const WINDOW = 'ours, per-tile windows forced'
export const INDEX = 'ours, in-memory index (default)'
export const ST_ASMVT = 'ST_AsMVT per tile'

export interface ProvinceScaleResult {
  built: ProvinceResult
  importMs: number
  vertices: number
  tiles: TileAddress[]
  /** Each cutter's runs, one per round, keyed by the names above. */
  runs: Map<string, ProvinceRun[]>
}

const INDEX_FORCED = 1_000_000_000
// A tile far from Hunan: the server answers it at once, without cutting data, once it is ready.
const FAR_TILE = '/tiles/control_units/14/0/0.mvt'

/**
 * Builds the synthetic Hunan layer and imports it into a new scratch database with the
 * product's importer, then analyses it. The caller drops the database (`scratch.drop()`, also
 * handed to `cleanups`).
 */
export async function prepareProvince(options: ProvinceBuildOptions): Promise<PreparedProvince> {
  const { log } = options
  log(`building the province layer: ${options.units} seed points`)
  const built = await buildProvince(
    {
      units: options.units,
      seed: options.seed,
      spacingM: 200,
      citiesFile: options.citiesFile,
      outFile: options.outFile,
      postgresUrl: options.postgresUrl,
    },
    options.cleanups,
  )

  const scratch = await createScratchDatabase(
    options.postgresUrl,
    'bench_province',
    options.cleanups,
  )
  try {
    const db = await openDatabase({ url: scratch.url, poolSize: 2, statementTimeoutMs: 1_800_000 })
    try {
      await migrate(db)
      log(`importing ${built.units} units with the product's importer`)
      const started = performance.now()
      await importFile(db, { file: built.file, layer: 'control_units' })
      const importMs = performance.now() - started
      await db.query('ANALYZE control_units')
      const layer = (await readLayers(db)).find((l) => l.name === 'control_units')!
      const [count] = await db.query<{ n: number }>(
        'SELECT sum(ST_NPoints(geom))::float8 AS n FROM control_units',
      )
      return { scratch, built, importMs, vertices: count!.n, layer }
    } finally {
      await db.close()
    }
  } catch (error) {
    await scratch.drop()
    throw error
  }
}

/**
 * Province scale: draws a fixed random sample of tiles with data at each zoom of the prepared
 * province layer, and cuts them cold, round after round in alternating order, with our server
 * cutting per-tile windows (what it does above TILE_INDEX_MAX_VERTICES), with ST_AsMVT, and
 * with our server holding the layer in an in-memory index (its default at this size).
 */
export async function benchProvinceScale(
  province: PreparedProvince,
  options: ProvinceOptions,
): Promise<ProvinceScaleResult> {
  const { log } = options
  const { url } = province.scratch
  const { layer } = province
  const db = await openDatabase({ url, poolSize: 2, statementTimeoutMs: 1_800_000 })
  let tiles: TileAddress[]
  try {
    tiles = await sampleTiles(layer.bounds!, 0, 14, options.perZoom, options.seed, (tile) =>
      hasData(db, tile),
    )
  } finally {
    await db.close()
  }

  const sides: Side<ProvinceRun>[] = [
    { name: WINDOW, measure: () => sweepProvince(url, 'window', tiles, options) },
    {
      name: ST_ASMVT,
      async measure() {
        const cutter = new StAsMvtCutter(url, [layer], options.concurrency)
        try {
          await cutter.connect(options.concurrency)
          return { sweep: await sweepStAsMvt(cutter, tiles, options.concurrency) }
        } finally {
          await cutter.close()
        }
      },
    },
  ]
  if (options.forcedIndex) {
    sides.push({
      name: INDEX,
      measure: () =>
        sweepProvince(url, 'index', tiles, options).catch((error: unknown) => ({
          failed: (error as Error).message,
        })),
    })
  }
  log(`${tiles.length} tiles per sweep, concurrency ${options.concurrency}`)
  const runs = await interleave(sides, options.rounds, (name, round, run) =>
    log(
      `round ${round + 1}: ${name} ` +
        (run.sweep ? `${(run.sweep.ms / 1000).toFixed(1)} s` : `failed: ${run.failed}`),
    ),
  )
  const { built, importMs, vertices } = province
  return { built, importMs, vertices, tiles, runs }
}

async function sweepProvince(
  databaseUrl: string,
  mode: 'window' | 'index',
  tiles: TileAddress[],
  options: ProvinceOptions,
): Promise<ProvinceRun> {
  const server = await startOurs({
    databaseUrl,
    loadSample: false,
    tileIndexMaxVertices: mode === 'index' ? INDEX_FORCED : 0,
  })
  try {
    const client = new TileClient(server.url, 1)
    const first = await client.get(FAR_TILE).finally(() => client.close())
    if (first.status !== 200 && first.status !== 204) {
      throw new Error(`The first tile answered ${first.status}: ${first.body.toString()}`)
    }
    const memoryReady = await server.memory()

    const sweep = await sweepOurs(
      server.url,
      'control_units',
      tiles,
      options.concurrency,
      options.tmpDir,
    )
    return {
      sweep,
      server: {
        sourceReadyMs: server.preparedMs,
        rssAtStart: server.rssListening,
        memoryReady,
        memoryAfter: await server.memory(),
        peakRss: await server.peakRss(),
      },
    }
  } finally {
    await server.stop()
  }
}

async function hasData(
  db: { query<R>(sql: string, params?: unknown[]): Promise<R[]> },
  tile: TileAddress,
) {
  const [w, s, e, n] = tileBounds(tile)
  const [row] = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM control_units
                     WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))) AS found`,
    [w, s, e, n],
  )
  return row?.found === true
}
