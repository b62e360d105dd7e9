// npm run bench [-- --quick] [--parts 1,2,3,4,5] …
// Measures the tile path against a bare node:http server and against ST_AsMVT, the admission
// check's speed and a mixed load, on scratch databases it creates and drops, and writes
// bench/RESULTS.md, keeping there the latest figures of the parts it did not run.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import * as prettier from 'prettier'
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../scripts/province/scratch-database.ts'
import { openDatabase } from '../server/db/open-database.ts'
import { cleanUpOnStop } from '../server/ops/stop-cleanup.ts'
import type { Database } from '../server/db/database.ts'
import { labelLayersOf } from '../server/tiles/label-layers.ts'
import { readLayers, type Layer } from '../server/tiles/layer-catalog.ts'
import { unionBoxes, type LonLatBox } from '../server/tiles/tile-range.ts'
import { benchAdmissionChecks } from './admission-checks.ts'
import {
  parseBenchArguments,
  BENCH_USAGE,
  type BenchArguments,
  type Part,
} from './bench-arguments.ts'
import { startOurs } from './bench-servers.ts'
import { benchColdPyramid } from './cold-pyramid.ts'
import { readMachineInfo } from './machine-info.ts'
import { benchMixedLoad } from './mixed-load.ts'
import { checkPrerequisites } from './prerequisites.ts'
import { benchProvinceScale, prepareProvince, type PreparedProvince } from './province-scale.ts'
import { mergeResults } from './results-merge.ts'
import { renderResults, type BenchResults, type LayerSize } from './results-report.ts'
import { pyramidTiles, sampleTiles } from './tile-sample.ts'
import { benchWarmTiles } from './warm-tiles.ts'

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379'
const CITIES_FILE = path.resolve(REPO_ROOT, 'data', 'reference', 'hunan-cities.gcj02.geojson')

const args = parseBenchArguments(process.argv.slice(2), path.join(REPO_ROOT, 'bench', 'RESULTS.md'))
const started = performance.now()
const log = (line: string) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4)
  console.log(`[${seconds} s] ${line}`)
}

// Everything made on the way, undone in reverse order at the end or when the run is stopped:
// a stopped run would otherwise leave its scratch databases, each a copy of the data, on the
// server.
const cleanups = cleanUpOnStop('dropping the scratch databases.')

async function main(args: BenchArguments): Promise<number> {
  const withProvince = args.parts.has(3) || args.parts.has(4)
  const checked = await checkPrerequisites(
    POSTGRES_URL,
    withProvince ? CITIES_FILE : undefined,
    args.parts.has(1) || args.parts.has(2) || args.parts.has(3) || args.parts.has(5),
  )
  if (checked.problems) {
    console.error('The benchmark cannot run:')
    for (const problem of checked.problems) console.error(`- ${problem}`)
    return 2
  }

  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'ecozoning-bench-'))
  cleanups.add(() => rm(tmpDir, { recursive: true, force: true }))
  const results: BenchResults = {
    args,
    argv: process.argv.slice(2),
    machine: await readMachineInfo(),
    wrk: checked.found.wrk,
    postgres: checked.found.postgres,
    postgis: undefined,
    failures: [],
  }

  let hengyangUrl: string | undefined
  let hengyangBox: LonLatBox | undefined
  if ([1, 2, 4, 5].some((part) => args.parts.has(part as Part))) {
    const hengyang = await prepareHengyang()
    hengyangUrl = hengyang.scratch.url
    results.postgis = hengyang.postgis
    results.hengyang = { layers: hengyang.sizes, loadMs: hengyang.loadMs }
    const box = unionBoxes(hengyang.layers.flatMap((l) => (l.bounds ? [l.bounds] : [])))!
    hengyangBox = box

    if (args.parts.has(1)) {
      log('part 1: warm tiles')
      results.warm = await benchWarmTiles({
        databaseUrl: hengyang.scratch.url,
        redisUrl: REDIS_URL,
        box,
        minzoom: args.warmMinzoom,
        maxzoom: args.warmMaxzoom,
        sets: ['control_units', 'zoning'],
        rounds: args.rounds,
        durationSeconds: args.durationSeconds,
        connections: args.connections,
        warmConcurrency: args.concurrency,
        seed: args.seed,
        tmpDir,
        log,
      }).catch((error: unknown) => failed(results, 1, error))
    }

    if (args.parts.has(2)) {
      log('part 2: cold pyramid')
      const tiles = Number.isFinite(args.coldPerZoom)
        ? await sampleTiles(box, 0, 14, args.coldPerZoom, args.seed)
        : pyramidTiles(box, 0, 14)
      results.cold = await benchColdPyramid({
        databaseUrl: hengyang.scratch.url,
        layers: hengyang.composite,
        tiles,
        concurrency: args.concurrency,
        rounds: args.coldRounds,
        embedded: args.embedded,
        tmpDir,
        log,
      })
        .then((cold) => ({ ...cold, tiles, box }))
        .catch((error: unknown) => failed(results, 2, error))
    }
  }

  let province: PreparedProvince | undefined
  if (withProvince) {
    province = await prepareProvince({
      postgresUrl: POSTGRES_URL,
      units: args.provinceUnits,
      seed: args.seed,
      citiesFile: CITIES_FILE,
      outFile: path.join(tmpDir, 'province-units.geojson'),
      log,
      cleanups,
    }).catch((error: unknown) => {
      for (const part of [3, 4] as const) if (args.parts.has(part)) failed(results, part, error)
      return undefined
    })
    if (province) {
      const { built, importMs, vertices } = province
      results.provinceLayer = { built, importMs, vertices }
    }
  }

  if (args.parts.has(3) && province) {
    log('part 3: province scale')
    results.province = await benchProvinceScale(province, {
      seed: args.seed,
      perZoom: args.provincePerZoom,
      concurrency: args.concurrency,
      rounds: args.coldRounds,
      forcedIndex: args.forcedIndex,
      tmpDir,
      log,
    }).catch((error: unknown) => failed(results, 3, error))
  }

  if (args.parts.has(4)) {
    log('part 4: admission checks')
    results.admission = await benchAdmissionChecks({
      hengyangUrl,
      province,
      embedded: args.embedded,
      sites: args.checkSites,
      concurrency: args.checkConcurrency,
      warmup: args.quick ? 20 : 50,
      profilePerKind: args.quick ? 5 : 10,
      seed: args.seed,
      tmpDir,
      log,
    }).catch((error: unknown) => failed(results, 4, error))
    for (const target of results.admission?.targets ?? []) {
      if (target.failed) failed(results, 4, new Error(`${target.name}: ${target.failed}`))
    }
  }

  // Last: its reports and checks stay in the Hengyang database, which no part reads after it.
  if (args.parts.has(5) && hengyangUrl && hengyangBox) {
    log('part 5: mixed load')
    results.mixed = await benchMixedLoad({
      databaseUrl: hengyangUrl,
      redisUrl: REDIS_URL,
      box: hengyangBox,
      minzoom: args.warmMinzoom,
      maxzoom: args.warmMaxzoom,
      sets: ['control_units', 'zoning'],
      connections: args.mixedConnections,
      seconds: args.mixedSeconds,
      weights: args.mixedWeights,
      points: 2_000,
      checkSites: args.quick ? 200 : 600,
      warmConcurrency: args.concurrency,
      seed: args.seed,
      tmpDir,
      log,
    }).catch((error: unknown) => failed(results, 5, error))
  }

  results.loadAtEnd = os.loadavg()[0]
  results.totalSeconds = (performance.now() - started) / 1000
  // Formatted as the repository's formatter would, so its check passes on the file.
  const previous = await readFile(args.out, 'utf8').catch(() => undefined)
  const prettierOptions = await prettier.resolveConfig(args.out)
  const report = await prettier.format(mergeResults(previous, renderResults(results)), {
    ...prettierOptions,
    filepath: args.out,
  })
  await writeFile(args.out, report)
  log(`wrote ${path.relative(process.cwd(), args.out)}`)
  return results.failures.length > 0 ? 1 : 0
}

/** Creates the Hengyang scratch database and loads the sample into it the way a server does. */
async function prepareHengyang() {
  const scratch: ScratchDatabase = await createScratchDatabase(
    POSTGRES_URL,
    'bench_hengyang',
    cleanups,
  )
  log(`scratch database ${scratch.name}: loading the Hengyang sample`)
  const loader = await startOurs({ databaseUrl: scratch.url, loadSample: true })
  await loader.stop()

  const db = await openDatabase({ url: scratch.url, poolSize: 1 })
  try {
    const layers = await readLayers(db)
    const sizes: LayerSize[] = []
    for (const layer of layers) {
      const [row] = await db.query<{ features: number; vertices: number }>(
        `SELECT count(*)::integer AS features,
                coalesce(sum(ST_NPoints(geom)), 0)::integer AS vertices
           FROM ${pg.escapeIdentifier(layer.tableName)}`,
      )
      sizes.push({ name: layer.name, ...row! })
    }
    const [postgis] = await db.query<{ version: string }>(
      'SELECT postgis_full_version() AS version',
    )
    const composite = [...layers, ...(await tabulateLabelPoints(db, labelLayersOf(layers)))]
    return { scratch, layers, composite, sizes, loadMs: loader.startMs, postgis: postgis!.version }
  } finally {
    await db.close()
  }
}

/**
 * The label points of the named areas, each in a table of its own with a spatial index, for
 * ST_AsMVT to cut as it cuts the layers: where our server computes them once per import, a
 * PostGIS tile server would read them from a materialised view.
 */
async function tabulateLabelPoints(db: Database, labels: Layer[]): Promise<Layer[]> {
  const tabulated: Layer[] = []
  for (const label of labels) {
    const table = pg.escapeIdentifier(`bench_${label.name}`)
    const columns = label.attributes.map((a) => `, ${pg.escapeIdentifier(a.name)}`).join('')
    await db.query(
      `CREATE TABLE ${table} AS
         SELECT id${columns}, (ST_MaximumInscribedCircle(geom)).center AS geom
           FROM ${pg.escapeIdentifier(label.tableName)}`,
    )
    await db.query(`CREATE INDEX ON ${table} USING gist (geom)`)
    await db.query(`ANALYZE ${table}`)
    tabulated.push({ ...label, tableName: `bench_${label.name}`, labelPointsOf: undefined })
  }
  return tabulated
}

function failed(results: BenchResults, part: number, error: unknown): undefined {
  const message = (error as Error).stack ?? String(error)
  console.error(`Part ${part} failed: ${message}`)
  results.failures.push({ part, message: (error as Error).message ?? String(error) })
  return undefined
}

if (args === 'help') {
  console.log(BENCH_USAGE)
} else if ('problem' in args) {
  console.error(`${args.problem}\n\n${BENCH_USAGE}`)
  process.exitCode = 2
} else {
  try {
    process.exitCode = await main(args)
  } finally {
    await cleanups.run()
  }
}
