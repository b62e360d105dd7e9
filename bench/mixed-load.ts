import { readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { seededRandom } from '../scripts/sample/seeded-random.ts'
import { openDatabase } from '../server/db/open-database.ts'
import type { LonLatBox } from '../server/tiles/tile-range.ts'
import { startOurs, type OursServer, type ServerMemory } from './bench-servers.ts'
import { drawCheckSites } from './check-site-placement.ts'
import { checkBody, shuffled, type SiteKind } from './check-sites.ts'
import { pyramidTiles, tilePath } from './tile-sample.ts'
import { deleteRedisKeys } from './warm-tiles.ts'
import { runMixedLoad, writeMixScript, type MixResult } from './wrk-mix.ts'
import { runWrkSweep, writeSweepScript, type WrkSweepResult } from './wrk-sweep.ts'

export interface MixedLoadOptions {
  /** A scratch database holding the Hengyang sample as the server loads it. */
  databaseUrl: string
  redisUrl: string
  box: LonLatBox
  minzoom: number
  maxzoom: number
  /** Tile sets whose pyramids the tile requests cycle through. */
  sets: string[]
  connections: number
  seconds: number
  /** Relative weights of tiles, lookups, admission checks and reports. */
  weights: [number, number, number, number]
  /** Points drawn in the control units for lookups and reports. */
  points: number
  checkSites: number
  /** Tiles cut at a time while warming the cache. */
  warmConcurrency: number
  seed: number
  tmpDir: string
  log: (line: string) => void
}

/** One kind of warning or error in the server's log, and how often it came. */
export interface LogProblem {
  level: 'warn' | 'error' | 'fatal'
  message: string
  count: number
}

export interface MixedLoadResult {
  mix: MixResult
  /** Set when an answer was still missing after the drain time: what wrk waited for. */
  unanswered?: string
  urls: number
  /** The warm-up sweep that put every tile into Redis. */
  warm: WrkSweepResult
  points: number
  checkKinds: Map<SiteKind, number>
  /** Mean admission-check body, bytes. */
  checkBodyBytes: number
  /** Requests the server counted in its metrics during the load, by method, route and status. */
  serverCounts: Map<string, number>
  /** Rows added to `reports` during the load. */
  reportsStored: number
  memoryBefore: ServerMemory
  memoryAfter: ServerMemory
  /** VmHWM after the load: the process's peak since it started, warm-up included. */
  peakRss: number | undefined
  /** One-minute load average when the load began, sampled every 2 s during it, and at its end. */
  load: { atStart: number; samples: number[]; atEnd: number }
  logProblems: LogProblem[]
  poolSize: number
}

/** The route the server's metrics name report submissions by. */
export const REPORT_ROUTE = 'POST /api/reports'
const POOL_SIZE = 10

/**
 * Part 5: a mixed load of warm tiles, lookups, admission checks and reports from `connections`
 * wrk connections for `seconds`, against one server on PostgreSQL with the tile cache and rate
 * limits in Redis. Every tile of the pyramid is cut into Redis first. Afterwards the reports the
 * database gained are counted, to compare with the 201 answers wrk saw.
 */
export async function benchMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const { log, tmpDir } = options
  const files = {
    tiles: path.join(tmpDir, 'mixed-tiles.txt'),
    points: path.join(tmpDir, 'mixed-points.txt'),
    checks: path.join(tmpDir, 'mixed-checks.txt'),
  }

  const tiles = pyramidTiles(options.box, options.minzoom, options.maxzoom)
  const paths = shuffled(
    options.sets.flatMap((set) => tiles.map((tile) => `/tiles/${set}/${tilePath(tile)}.mvt`)),
    seededRandom(options.seed),
  )
  await writeFile(files.tiles, `${paths.join('\n')}\n`)

  log(`drawing ${options.points} points and ${options.checkSites} check sites`)
  const db = await openDatabase({ url: options.databaseUrl, poolSize: 1 })
  let checkKinds: Map<SiteKind, number>
  let checkBodyBytes: number
  const countReports = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM reports'))[0]!.n
  let server: OursServer | undefined
  // Unique to the run, so that its tiles and rate-limit counts are its own and go with it.
  const redisPrefix = `ecozoning-bench-mixed-${process.pid}:`
  const logFile = path.join(tmpDir, 'mixed-server.log')
  try {
    // Uniform over the units' area: spread over Hengyang, and every one inside the zoning.
    const points = await db.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
         FROM ST_Dump(ST_GeneratePoints(
                (SELECT ST_Union(geom) FROM control_units), $1::integer, $2::integer)) p`,
      [options.points, (options.seed % 1_000_000) + 1],
    )
    await writeFile(
      files.points,
      `${points.map((p) => `${p.lon.toFixed(6)} ${p.lat.toFixed(6)}`).join('\n')}\n`,
    )
    const sites = await drawCheckSites(db, options.checkSites, options.seed)
    const bodies = sites.map(checkBody)
    await writeFile(files.checks, `${bodies.join('\n')}\n`)
    checkKinds = new Map()
    for (const site of sites) checkKinds.set(site.kind, (checkKinds.get(site.kind) ?? 0) + 1)
    checkBodyBytes = bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / bodies.length

    server = await startOurs({
      databaseUrl: options.databaseUrl,
      loadSample: false,
      dbPoolSize: POOL_SIZE,
      redisUrl: options.redisUrl,
      redisPrefix,
      // Should the run be cut short, what it wrote expires soon.
      tileCacheTtlSeconds: 900,
      // As behind the deployment's proxy: reports name their client in X-Forwarded-For.
      trustProxyHops: 1,
      logFile,
      logLevel: 'warn',
    })

    log(`warming ${paths.length} tile URLs into Redis (each cut once, cold)`)
    const warm = await runWrkSweep({
      url: server.url,
      script: await writeSweepScript(tmpDir),
      pathsFile: files.tiles,
      connections: options.warmConcurrency,
      timeoutMs: 600_000,
    })
    if (warm.errors > 0) throw new Error(`${warm.errors} tiles failed while warming the cache.`)
    const script = await writeMixScript(tmpDir)
    const mixOptions = {
      url: server.url,
      script,
      seed: options.seed,
      tilesFile: files.tiles,
      pointsFile: files.points,
      checksFile: files.checks,
    }
    // Lookups and checks only: the statements' plans and the catalogue are ready before the
    // load, and no report is stored outside it.
    log('warming lookups and checks for 5 s')
    await runMixedLoad({ ...mixOptions, connections: 8, seconds: 5, weights: [0, 1, 1, 0] })

    const memoryBefore = await server.memory({ resetPeak: true })
    const countsBefore = await serverCounts(server.url)
    const reportsBefore = await countReports()
    const load = { atStart: os.loadavg()[0]!, samples: [] as number[], atEnd: NaN }
    const sampling = setInterval(() => load.samples.push(os.loadavg()[0]!), 2_000)

    log(
      `mixed load: ${options.connections} connections for ${options.seconds} s, weights ` +
        `${options.weights.join(':')} (tiles:lookups:checks:reports)`,
    )
    let mix: MixResult
    let unanswered: string | undefined
    try {
      mix = await runMixedLoad({
        ...mixOptions,
        connections: options.connections,
        seconds: options.seconds,
        weights: options.weights,
      })
    } catch (error) {
      const partial = (error as { result?: MixResult }).result
      if (!partial) throw error
      mix = partial
      unanswered = (error as Error).message.split('\n')[0]
    } finally {
      clearInterval(sampling)
      load.atEnd = os.loadavg()[0]!
    }

    const memoryAfter = await server.memory()
    const peakRss = await server.peakRss()
    const countsAfter = await serverCounts(server.url)
    const reportsStored = (await countReports()) - reportsBefore
    const counts = new Map<string, number>()
    for (const [key, n] of countsAfter) {
      const during = n - (countsBefore.get(key) ?? 0)
      if (during > 0) counts.set(key, during)
    }

    await server.stop()
    server = undefined
    return {
      mix,
      unanswered,
      urls: paths.length,
      warm,
      points: points.length,
      checkKinds,
      checkBodyBytes,
      serverCounts: counts,
      reportsStored,
      memoryBefore,
      memoryAfter,
      peakRss,
      load,
      logProblems: summariseLog(await readFile(logFile, 'utf8').catch(() => '')),
      poolSize: POOL_SIZE,
    }
  } finally {
    await server?.stop()
    await db.close()
    await deleteRedisKeys(options.redisUrl, redisPrefix)
  }
}

/** The server's request counters from GET /metrics. */
async function serverCounts(url: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(30_000) })
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`)
  return countRequests(await response.text())
}

const REQUESTS_LINE = /^ecozoning_http_requests_total\{([^}]*)\} (\d+(?:\.\d+)?(?:e\+?\d+)?)$/gm

/**
 * The request counters of a Prometheus text exposition, keyed `METHOD route status` (for
 * instance `POST /api/reports 201`). Pure.
 */
export function countRequests(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [, labels, value] of text.matchAll(REQUESTS_LINE)) {
    const label = (name: string) => new RegExp(`(?:^|,)${name}="([^"]*)"`).exec(labels!)?.[1]
    const key = `${label('method')} ${label('route')} ${label('status')}`
    counts.set(key, (counts.get(key) ?? 0) + Number(value))
  }
  return counts
}

const LEVELS: Record<number, LogProblem['level']> = { 40: 'warn', 50: 'error', 60: 'fatal' }

/**
 * The warnings and errors of a pino log (JSON lines), grouped by message and, when an error is
 * attached, its message; the most frequent first. Lines that are not JSON are skipped. Pure.
 */
export function summariseLog(text: string): LogProblem[] {
  const problems = new Map<string, LogProblem>()
  for (const line of text.split('\n')) {
    let entry: { level?: number; msg?: string; err?: { message?: string } }
    try {
      entry = JSON.parse(line) as typeof entry
    } catch {
      continue
    }
    const level = LEVELS[entry.level ?? 0]
    if (!level) continue
    const message = [entry.msg, entry.err?.message].filter(Boolean).join(': ')
    const key = `${level} ${message}`
    const problem = problems.get(key) ?? { level, message, count: 0 }
    problem.count++
    problems.set(key, problem)
  }
  return [...problems.values()].sort((a, b) => b.count - a.count)
}
