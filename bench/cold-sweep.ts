import type { TileAddress } from '../server/tiles/tile-address.ts'
import { percentile } from './sample-stats.ts'
import type { StAsMvtCutter } from './st-asmvt.ts'
import { runConcurrently, TileClient } from './tile-client.ts'
import { tilePath } from './tile-sample.ts'

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
  tiles: TileTiming[]
}

export interface ZoomLatency {
  z: number
  count: number
  /** Tiles with content. */
  filled: number
  p50: number
  p99: number
  max: number
  /** Sum of the tiles' times at this zoom, milliseconds. */
  total: number
}

/**
 * Requests every tile of `set` from our server, at most `concurrency` at a time, each once.
 * Throws on any answer other than 200 or 204.
 */
export async function sweepOurs(
  url: string,
  set: string,
  tiles: TileAddress[],
  concurrency: number,
): Promise<Sweep> {
  const client = new TileClient(url, concurrency)
  try {
    const { results, ms } = await runConcurrently(tiles, concurrency, async (tile) => {
      const response = await client.get(`/tiles/${set}/${tilePath(tile)}.mvt`)
      if (response.status !== 200 && response.status !== 204) {
        const text = response.body.toString().slice(0, 300)
        throw new Error(`Tile ${set}/${tilePath(tile)} answered ${response.status}: ${text}`)
      }
      return { tile, ms: response.ms, bytes: response.body.length }
    })
    return { ms, tiles: results }
  } finally {
    client.close()
  }
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
  return { ms, tiles: results }
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
      p50: percentile(ms, 50)!,
      p99: percentile(ms, 99)!,
      max: Math.max(...ms),
      total: ms.reduce((sum, value) => sum + value, 0),
    }
  })
}
