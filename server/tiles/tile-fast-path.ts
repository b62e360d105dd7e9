import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { TileCache } from '../cache/tile-cache.ts'
import type { TileAddress } from './tile-address.ts'
import { matchesIfNoneMatch } from '../http/if-none-match.ts'
import type { Metrics } from '../ops/metrics.ts'
import type { LayerCatalog } from './layer-catalog.ts'
import type { TileSet } from './tile-set.ts'
import { tileCacheKey, type TileService } from './tile-service.ts'

// Numbers without leading zeros: a padded address is a different URL, which the route refuses.
const N = '(0|[1-9]\\d{0,8})'
const TILE_URL = new RegExp(`^/tiles/([a-z][a-z0-9_]{0,62})/${N}/${N}/${N}\\.mvt$`)
const ROUTE = '/tiles/:layer/:z/:x/:file'
const STATUSES = [200, 204, 304] as const

export interface TileFastPathDeps {
  catalog: LayerCatalog
  cache: TileCache
  tiles: TileService
  log: Logger
  metrics: Metrics
}

interface TileRequest {
  set: TileSet
  address: TileAddress
  /** The validator of the gzip representation, the only one this path serves. */
  etag: string
  key: string
}

/**
 * Answers plain gzip-accepting tile requests straight from `node:http`, before Koa: a map asks
 * for tiles by the hundred, and the framework's per-request work would cost half of what the
 * machine can serve. A cached tile is answered at once; a missing one is cut by the tile service
 * (single flight, cached) as the route would. Anything else (another encoding, an address the
 * route must refuse, a stale catalogue, a cut that fails) answers false and goes to Koa, which
 * answers it the way the routes always do, errors included. Same headers, log line and metrics
 * as the Koa route.
 *
 * An in-process cache is read without waiting, so a hit is answered in the same turn of the
 * event loop; a shared cache (Redis) or a cut makes the answer a promise.
 */
export function tileFastPath(deps: TileFastPathDeps) {
  const { cache, log, metrics } = deps
  // Label children bound once: looking labels up by object on every request costs more than
  // the rest of the answer.
  const counted = new Map(
    STATUSES.map((status) => [status, metrics.requests.labels(ROUTE, 'GET', String(status))]),
  )
  const timed = metrics.duration.labels(ROUTE, 'GET')
  const cacheControl = new WeakMap<TileSet, string>()

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    request: TileRequest,
    tile: { gzipped: Buffer; cache: 'hit' | 'miss'; started: number },
  ) {
    const { set, etag } = request
    const { gzipped, started } = tile
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
      const line = { reqId, method: 'GET', route: ROUTE, status, ms, cache: tile.cache }
      log.info({ ...line, path: 'direct' }, 'request')
    }
    counted.get(status)!.inc()
    timed.observe(ms / 1000)
  }

  return (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> => {
    const started = performance.now()
    const request = tileRequestOf(req, deps.catalog)
    if (!request) return false
    const now = cache.peek?.(request.key)
    if (now !== undefined) {
      answer(req, res, request, { gzipped: now, cache: 'hit', started })
      return true
    }
    return deps.tiles.tile(request.set, request.address).then(
      (served) => {
        answer(req, res, request, { ...served, started })
        return true
      },
      () => false,
    )
  }
}

/** The tile a request asks for, when this path may answer it; undefined otherwise. */
function tileRequestOf(req: IncomingMessage, catalog: LayerCatalog): TileRequest | undefined {
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
    address: { z, x, y },
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
