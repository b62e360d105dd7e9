import pino from 'pino'
import type { TileCache } from '../cache/tile-cache.ts'
import type { TileAddress } from './tile-address.ts'
import type { TileCutter } from './tile-cutter.ts'
import type { TilePyramid } from './tile-pyramid.ts'
import { rangeAddresses } from './tile-range.ts'
import { TileService } from './tile-service.ts'
import type { TileSet } from './tile-set.ts'

export interface SeedOptions {
  /** Tiles in progress at once, at least 1. */
  concurrency: number
  /** Called after each tile with the number done so far. */
  onProgress?: (done: number) => void
}

export interface SeedSummary {
  tiles: number
  /** Tiles cut and stored by this run. */
  cut: number
  /** Tiles the cache already held for the same data version, left as they were. */
  cached: number
  /** Tiles with no feature, stored as empty entries (the server answers 204 for them). */
  empty: number
  /** Gzip bytes of all the tiles, cut or already cached. */
  bytes: number
  seconds: number
}

/** The cache did not take a tile, so seeding stopped: the run would not do what it says. */
export class SeedCacheError extends Error {
  constructor(kind: string, seeded: number, cause: unknown) {
    super(
      `The ${kind} tile cache stopped taking tiles, with ${seeded} seeded ` +
        `(${cacheTrouble(cause)}); those stay cached, and the same command seeds the rest.`,
      { cause },
    )
    this.name = 'SeedCacheError'
  }
}

/** What went wrong with the cache, in an operator's words rather than its client library's. */
function cacheTrouble(cause: unknown): string {
  const message = (cause as Error | undefined)?.message ?? String(cause)
  // How ioredis says the connection is gone, as commands are not queued (see redis-client.ts).
  const gone = /max retries per request|connection is closed|enableOfflineQueue|ECONNREFUSED/i
  return gone.test(message) ? 'it does not answer: it stopped, or the connection was lost' : message
}

/**
 * Renders every tile of the pyramids into the cache under the keys the server reads, through
 * the same TileService, so a server sharing the cache serves them as hits. Tiles the cache
 * already holds are not cut again. At most `concurrency` tiles are in progress at once. Stops
 * at the first failure, cutting or storing, and throws it; tiles stored until then stay.
 */
export async function seedTiles(
  pyramids: TilePyramid[],
  cache: TileCache,
  cutter: TileCutter,
  options: SeedOptions,
): Promise<SeedSummary> {
  // The service logs a failed cache write and goes on, as a server should; a seeder must stop.
  let refused: unknown
  const checked: TileCache = {
    kind: cache.kind,
    get: (key) => cache.get(key),
    set: (key, value) =>
      cache.set(key, value).catch((error: unknown) => {
        refused ??= error
        throw error
      }),
    reachable: () => cache.reachable(),
    stats: () => cache.stats(),
    close: () => cache.close(),
  }
  const service = new TileService(checked, cutter, pino({ level: 'silent' }))

  const started = performance.now()
  const summary: SeedSummary = { tiles: 0, cut: 0, cached: 0, empty: 0, bytes: 0, seconds: 0 }
  const work = allTiles(pyramids)
  let failed = false

  const worker = async () => {
    for (let next = work.next(); !next.done && !failed; next = work.next()) {
      const [set, address] = next.value
      const tile = await service.tile(set, address)
      if (refused !== undefined) throw new SeedCacheError(cache.kind, summary.tiles, refused)

      summary.tiles++
      summary[tile.cache === 'hit' ? 'cached' : 'cut']++
      if (tile.gzipped.length === 0) summary.empty++
      summary.bytes += tile.gzipped.length
      options.onProgress?.(summary.tiles)
    }
  }
  const workers = Array.from({ length: Math.max(1, options.concurrency) }, () =>
    worker().catch((error: unknown) => {
      failed = true
      throw error
    }),
  )
  // Every worker is waited for, so none is still cutting when the caller closes the database.
  const results = await Promise.allSettled(workers)
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) throw failure.reason

  summary.seconds = (performance.now() - started) / 1000
  return summary
}

function* allTiles(pyramids: TilePyramid[]): Generator<[TileSet, TileAddress]> {
  for (const { set, ranges } of pyramids) {
    for (const range of ranges) {
      for (const address of rangeAddresses(range)) yield [set, address]
    }
  }
}
