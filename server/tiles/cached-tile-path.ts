import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { TileCache } from '../cache/tile-cache.ts'
import { matchesIfNoneMatch } from '../http/if-none-match.ts'
import type { Metrics } from '../ops/metrics.ts'
import type { LayerCatalog } from './layer-catalog.ts'
import type { TileSet } from './tile-set.ts'
import { tileCacheKey } from './tile-service.ts'

// Numbers without leading zeros: a padded address is a different URL, which the route refuses.
const N = '(0|[1-9]\\d{0,8})'
const TILE_URL = new RegExp(`^/tiles/([a-z][a-z0-9_]{0,62})/${N}/${N}/${N}\\.mvt$`)
const ROUTE = '/tiles/:layer/:z/:x/:file'
const STATUSES = [200, 204, 304] as const

export interface CachedTilePathDeps {
  catalog: LayerCatalog
  cache: TileCache
  log: Logger
  metrics: Metrics
}

interface CachedTile {
  set: TileSet
  etag: string
  key: string
}

/**
 * Answers a plain request for a tile that is already cached, gzip-accepting, straight from
 * `node:http`, before Koa: on a warm map most requests are such, and the framework would cost
 * half of what the machine can serve. Anything else (a miss, an error to report, another
 * encoding, a stale catalogue) answers false and goes to Koa, which answers it the way the
 * routes always do. Same headers, log line and metrics as the Koa route.
 *
 * An in-process cache is read without waiting, so a hit is answered in the same turn of the
 * event loop; only a shared cache (Redis) makes the answer a promise.
 */
export function cachedTilePath(deps: CachedTilePathDeps) {
  const { cache, log, metrics } = deps
  // Label children bound once: looking labels up by object on every request costs more than
  // the rest of the answer.
  const counted = new Map(
    STATUSES.map((status) => [status, metrics.requests.labels(ROUTE, 'GET', String(status))]),
  )
  const timed = metrics.duration.labels(ROUTE, 'GET')
  const cacheControl = new WeakMap<TileSet, string>()

  function answer(req: IncomingMessage, res: ServerResponse, tile: CachedTile, gzipped: Buffer) {
    const started = performance.now()
    const { set, etag } = tile
    const ifNoneMatch = req.headers['if-none-match']
    const status =
      ifNoneMatch && matchesIfNoneMatch(ifNoneMatch, etag) ? 304 : gzipped.length ? 200 : 204
    let control = cacheControl.get(set)
    if (control === undefined) {
      control = `public, max-age=${set.maxAge}, stale-while-revalidate=${set.staleWhileRevalidate}`
      cacheControl.set(set, control)
    }
    const reqId = randomUUID()
    // One flat header list: writeHead takes it without building the response's header map.
    // prettier-ignore
    const headers = [
      'X-Request-Id', reqId,
      'Vary', 'Accept-Encoding',
      'Access-Control-Allow-Origin', '*',
      'X-Content-Type-Options', 'nosniff',
      'Referrer-Policy', 'same-origin',
      'X-Frame-Options', 'SAMEORIGIN',
      'Cache-Control', control,
      'ETag', etag,
    ]
    if (status === 200) {
      // prettier-ignore
      headers.push(
        'Content-Type', 'application/vnd.mapbox-vector-tile',
        'Content-Encoding', 'gzip',
        'Content-Length', String(gzipped.length),
      )
      res.writeHead(status, headers).end(gzipped)
    } else {
      res.writeHead(status, headers).end()
    }

    const ms = Math.round((performance.now() - started) * 10) / 10
    if (log.isLevelEnabled('info')) {
      const line = { reqId, method: 'GET', route: ROUTE, status, ms, cache: 'hit' }
      log.info({ ...line, path: 'cache-first' }, 'request')
    }
    counted.get(status)!.inc()
    timed.observe(ms / 1000)
  }

  return (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> => {
    const tile = cachedTileOf(req, deps.catalog)
    if (!tile) return false
    if (cache.peek) {
      // An in-process cache that does not hold the tile: the route cuts it.
      const now = cache.peek(tile.key)
      if (now === undefined) return false
      answer(req, res, tile, now)
      return true
    }
    return cache.get(tile.key).then(
      (gzipped) => {
        if (!gzipped) return false
        answer(req, res, tile, gzipped)
        return true
      },
      () => false,
    )
  }
}

/** The tile a request asks for, when the fast path may answer it; undefined otherwise. */
function cachedTileOf(req: IncomingMessage, catalog: LayerCatalog): CachedTile | undefined {
  if (req.method !== 'GET' || !req.url) return undefined
  const match = TILE_URL.exec(req.url)
  if (!match) return undefined
  const accepts = req.headers['accept-encoding']
  if (!accepts || !accepts.includes('gzip') || !acceptsGzip(accepts)) return undefined

  const set = catalog.tileSetsIfFresh()?.get(match[1]!)
  if (!set) return undefined
  const [z, x, y] = [Number(match[2]), Number(match[3]), Number(match[4])]
  if (z < set.minzoom || z > set.maxzoom || x >= 2 ** z || y >= 2 ** z) return undefined

  return {
    set,
    etag: `"${set.name}-${set.version}-${z}-${x}-${y}-gz"`,
    key: tileCacheKey(set, { z, x, y }),
  }
}

// Browsers and tile clients send one of a handful of Accept-Encoding values; remembering the
// verdict for each spares two regular expressions per request.
const gzipVerdicts = new Map<string, boolean>()

function acceptsGzip(header: string): boolean {
  let verdict = gzipVerdicts.get(header)
  if (verdict === undefined) {
    verdict = /\bgzip\b/.test(header) && !/q=0(?:\.0*)?\b/.test(header)
    if (gzipVerdicts.size < 64) gzipVerdicts.set(header, verdict)
  }
  return verdict
}
