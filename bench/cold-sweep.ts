import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { TileAddress } from '../server/tiles/tile-address.ts'
import { median, percentile } from './sample-stats.ts'
import type { StAsMvtCutter } from './st-asmvt.ts'
import { runConcurrently } from './tile-client.ts'
import { tilePath } from './tile-sample.ts'
import { runWrkSweep, writeSweepScript } from './wrk-sweep.ts'

/** One tile of a sweep: how long it took and how many bytes came back (0 for an empty tile). */
export interface TileTiming {
  tile: TileAddress
  ms: number
  bytes: number
}

/** A pass over a list of tiles at a fixed concurrency. */
export interface Sweep {
  /** Wall time of the whole pass, milliseconds. */
  ms: number
  zooms: ZoomLatency[]
  /** Readying the cutter's sources (indexes built) before the pass, not in `ms`, milliseconds. */
  readyMs?: number
}

export interface ZoomLatency {
  z: number
  count: number
  /** Tiles with content. */
  filled: number
  /** Bytes of the tiles with content. */
  bytes: number
  p50: number
  p99: number
  max: number
}

/**
 * Requests every tile of `set` from our server, at most `concurrency` at a time, each once,
 * zoom after zoom, with wrk: a Node.js client on these two cores would be the bottleneck. The
 * sweep's time is the sum of the zooms' (the server idles while wrk restarts between zooms).
 * Throws on any answer other than 200 or 204.
 */
export async function sweepOurs(
  url: string,
  set: string,
  tiles: TileAddress[],
  concurrency: number,
  tmpDir: string,
): Promise<Sweep> {
  const script = await writeSweepScript(tmpDir)
  const zooms: ZoomLatency[] = []
  let ms = 0
  for (const z of [...new Set(tiles.map((t) => t.z))].sort((a, b) => a - b)) {
    const pathsFile = path.join(tmpDir, `sweep-z${z}.txt`)
    const paths = tiles.filter((t) => t.z === z).map((t) => `/tiles/${set}/${tilePath(t)}.mvt`)
    await writeFile(pathsFile, `${paths.join('\n')}\n`)
    const run = await runWrkSweep({
      url,
      script,
      pathsFile,
      connections: Math.min(concurrency, paths.length),
      timeoutMs: 600_000,
    })
    if (run.errors > 0 || run.answered !== paths.length) {
      throw new Error(
        `Sweeping ${set} at z${z}: ${run.answered} of ${paths.length} answered, ` +
          `${run.errors} errors (answers other than 200 and 204, or socket errors).`,
      )
    }
    ms += run.ms
    const { filled, bytes, p50Ms: p50, p99Ms: p99, maxMs: max } = run
    zooms.push({ z, count: paths.length, filled, bytes, p50, p99, max })
  }
  return { ms, zooms }
}

/** Cuts every tile with ST_AsMVT, at most `concurrency` at a time (the pool's size). */
export async function sweepStAsMvt(
  cutter: StAsMvtCutter,
  tiles: TileAddress[],
  concurrency: number,
): Promise<Sweep> {
  const { results, ms } = await runConcurrently(tiles, concurrency, async (tile) => {
    const started = performance.now()
    const bytes = await cutter.cut(tile)
    return { tile, ms: performance.now() - started, bytes: bytes.length }
  })
  return { ms, zooms: latencyByZoom(results) }
}

/** Latency percentiles of a sweep's tiles, zoom by zoom, ascending. Pure. */
export function latencyByZoom(timings: TileTiming[]): ZoomLatency[] {
  const zooms = [...new Set(timings.map((t) => t.tile.z))].sort((a, b) => a - b)
  return zooms.map((z) => {
    const at = timings.filter((t) => t.tile.z === z)
    const ms = at.map((t) => t.ms)
    return {
      z,
      count: at.length,
      filled: at.filter((t) => t.bytes > 0).length,
      bytes: at.reduce((sum, t) => sum + t.bytes, 0),
      p50: percentile(ms, 50)!,
      p99: percentile(ms, 99)!,
      max: Math.max(...ms),
    }
  })
}

/**
 * The zooms of several sweeps over the same tiles in one: the median of their p50s and the
 * largest p99 and maximum, so a slow round is not averaged away. Pure.
 */
export function combineSweeps(sweeps: Sweep[]): ZoomLatency[] {
  const zooms = [...new Set(sweeps.flatMap((s) => s.zooms.map((z) => z.z)))].sort((a, b) => a - b)
  return zooms.map((z) => {
    const at = sweeps.flatMap((s) => s.zooms.filter((zoom) => zoom.z === z))
    return {
      ...at[0]!,
      p50: median(at.map((zoom) => zoom.p50))!,
      p99: Math.max(...at.map((zoom) => zoom.p99)),
      max: Math.max(...at.map((zoom) => zoom.max)),
    }
  })
}
